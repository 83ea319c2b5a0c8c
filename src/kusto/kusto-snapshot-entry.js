// Entry of the V8 startup snapshot (node --build-snapshot): evaluates Microsoft's Kusto.Language and runs its
// static initialisers once at build time, so a CLI process deserialises a ready library instead of ~2 s of start-up.
// Only built-in modules may be required here (Node's user-land snapshot rule); the library comes as source text.

const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");

const dir = process.env.ACS_KUSTO_LANGUAGE_DIR;
if (!dir) throw new Error("ACS_KUSTO_LANGUAGE_DIR must name @kusto/language-service-next's folder");
for (const file of ["bridge.min.js", "Kusto.Language.Bridge.min.js"]) {
  // biome-ignore lint/security/noGlobalEval: indirect eval runs Microsoft's UMD bundle at global scope, as require() does.
  (0, eval)(`${fs.readFileSync(path.join(dir, file), "utf8")}\n//# sourceURL=${path.join(dir, file)}`);
}
// Warm the parser and binder (src/kusto/kusto-snapshot-warmup.ts, compiled next to this file; plain code, no require).
const warmup = {};
new Function("exports", fs.readFileSync(path.join(__dirname, "kusto-snapshot-warmup.js"), "utf8"))(warmup);
warmup.warmUp(globalThis.Kusto.Language, globalThis.Bridge);

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // The launcher (dist/cli/bin.js) names the compiled package and passes the user's arguments after `--`.
  const dist = process.env.ACS_INSIGHTS_DIST;
  const bin = path.join(dist, "cli", "bin.js");
  process.argv = [process.execPath, bin, ...process.argv.slice(1)];
  process.env.ACS_INSIGHTS_BIN = "1";
  const load = require("node:module").createRequire(bin);
  if (process.env.ACS_INSIGHTS_PEAK_FILE) load("../bench/measure.js").reportPeakAtExit();
  load("./main.js");
});
