#!/usr/bin/env node
// The `acs-insights` command. Compiled to dist/cli/bin.js next to main.js (the installed, fast path); run from src/
// in a checkout, it transpiles the TypeScript sources with ts-node instead (types are checked by `npm run typecheck`).
const fs = require("node:fs");
const path = require("node:path");

// Commands that run KQL start from the startup snapshot of Kusto.Language when the build made one for this Node.
const kqlCommands = new Set(["query", "check", "preview", "bench"]);

function runFromSnapshot(args) {
  if (
    !kqlCommands.has(args[0]) ||
    args.includes("--help") ||
    args.includes("-h") ||
    process.env.ACS_INSIGHTS_NO_SNAPSHOT === "1"
  )
    return undefined;
  // Node or V8 flags of the user's (NODE_OPTIONS, node --flag) would make V8 refuse the snapshot: load in-process then.
  if (process.env.NODE_OPTIONS || process.execArgv.length > 0) return undefined;
  const snapshot = require("../kusto/kusto-snapshot.js");
  const blob = snapshot.usableSnapshot(path.join(__dirname, ".."));
  if (!blob) return undefined;
  const child = require("node:child_process").spawnSync(
    process.execPath,
    [...snapshot.snapshotV8Flags, "--snapshot-blob", blob, "--", ...args],
    {
      stdio: "inherit",
      env: { ...process.env, ACS_INSIGHTS_DIST: path.join(__dirname, "..") },
    },
  );
  // 14: V8 could not deserialise the snapshot, and nothing ran; the CLI's own exit codes are 0, 1 and 2.
  if (child.error || child.status === 14) return undefined;
  return child.status ?? 1;
}

process.env.ACS_INSIGHTS_BIN = "1";
if (fs.existsSync(path.join(__dirname, "main.js"))) {
  const code = runFromSnapshot(process.argv.slice(2));
  if (code === undefined) {
    // `npm run bench` times this process: its peak RSS and CPU go to the file the benchmark names.
    if (process.env.ACS_INSIGHTS_PEAK_FILE) require("../bench/measure.js").reportPeakAtExit();
    require("./main.js");
  } else process.exitCode = code;
} else {
  require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "..", "tsconfig.json") });
  require("./main.ts");
}
