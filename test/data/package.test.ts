import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

// The compiled package as a user installs it: dist/ is rebuilt by the test setup when a source is newer.
const root = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

function nodeEval(code: string): string {
  return execFileSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
}

describe("the compiled package", () => {
  it("must point bin at compiled JavaScript in dist/", () => {
    expect(pkg.bin["acs-insights"]).toBe("dist/cli/bin.js");
    expect(fs.readFileSync(path.join(root, pkg.bin["acs-insights"]), "utf8")).toMatch(/^#!\/usr\/bin\/env node/);
  });

  it("must run the CLI from dist/ without loading the TypeScript compiler", () => {
    const run = spawnSync(
      process.execPath,
      [
        "-e",
        `process.argv = [process.argv[0], "acs-insights", "--help"]; require("./dist/cli/bin.js");
       process.on("exit", () => process.stderr.write(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](typescript|ts-node)[\\\\/]/.test(k)).length + " compiler modules"));`,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(run.stdout).toContain("usage: acs-insights <command>");
    expect(run.stderr).toBe("0 compiler modules");
  });

  it("must answer a query from the Kusto.Language startup snapshot exactly as from an in-process load", () => {
    const bin = path.join(root, pkg.bin["acs-insights"]);
    const query = [
      "query",
      "--format",
      "json",
      "ACSRecordings() | summarize n = count(), hours = round(sum(RecordingLength) / 3600.0, 2) by FormatType | order by FormatType asc",
    ];
    expect(fs.existsSync(path.join(root, "dist", "kusto-language.blob"))).toBe(true);
    const fromSnapshot = execFileSync(process.execPath, [bin, ...query], { cwd: root, encoding: "utf8" });
    const inProcess = execFileSync(process.execPath, [bin, ...query], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ACS_INSIGHTS_NO_SNAPSHOT: "1" },
    });
    expect(JSON.parse(fromSnapshot).length).toBeGreaterThan(0);
    expect(fromSnapshot).toBe(inProcess);
  });

  it("must pass the exit code of a snapshot-started command through", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(root, pkg.bin["acs-insights"]), "query", "--format", "json", "print x = "],
      { cwd: root, encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("acs-insights query");
  });

  it("must export runLocal and the templates from the package name, without loading the Pulumi SDK or the program", () => {
    const out = nodeEval(
      `const m = require("acs-recording-insights");
       const loaded = Object.keys(require.cache);
       console.log(JSON.stringify({ runLocal: typeof m.runLocal, template: m.recordingsPerCall.name, loadDataDir: typeof m.loadDataDir,
         buildWorkbook: typeof m.buildWorkbook, compileQuery: typeof m.compileQuery,
         pulumi: loaded.filter((k) => k.includes("@pulumi")).length, program: loaded.filter((k) => /dist[\\\\/]index\\.js$/.test(k)).length }));`,
    );
    expect(JSON.parse(out)).toEqual({
      runLocal: "function",
      template: "recordingsPerCall",
      loadDataDir: "function",
      buildWorkbook: "function",
      compileQuery: "function",
      pulumi: 0,
      program: 0,
    });
  });

  it("must keep Pulumi running the TypeScript program, whatever package.json's main says", () => {
    // Pulumi's Node.js host uses Pulumi.yaml's `main` when set and only then falls back to package.json (cmd/run/run.js).
    expect(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")).toMatch(/^main: src\/index\.ts$/m);
    expect(pkg.main).toBe("dist/lib.js");
  });

  it("must build during npm ci (prepare) so the README's commands work on a fresh machine", () => {
    expect(pkg.scripts.prepare).toBe("npm run build");
    // The last step fills check's cache with the shipped texts' diagnostics; a KQL error there is check's to report, not the build's.
    expect(pkg.scripts.build).toBe(
      "tsc -p tsconfig.build.json && node dist/kusto/kusto-snapshot.js && (node dist/cli/bin.js check > /dev/null 2>&1 || true)",
    );
    // Type checking runs inside vitest (test/setup/typecheck.test.ts), alongside the other tests: a type error fails npm test.
    expect(pkg.scripts.test).toBe("biome check . && vitest run");
    expect(fs.readFileSync(path.join(root, "test", "setup", "typecheck.test.ts"), "utf8")).toContain(
      '[tsc, "--noEmit", "-p", "tsconfig.json"]',
    );
  });
});
