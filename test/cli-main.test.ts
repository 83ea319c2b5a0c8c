import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../src/cli/commands";
import { main } from "../src/cli/main";
import { CommandError, errorLine } from "../src/cli/run";
import { captureCli } from "./cli-capture";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "dist", "cli", "bin.js");

describe("acs-insights", () => {
  it("must print usage on stderr and exit 2 when no command is given", async () => {
    const r = await captureCli(main, []);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^acs-insights: no command given\n\nusage: acs-insights <command> \[options\]/);
  });

  it("must print usage on stdout and exit 0 for --help", async () => {
    const r = await captureCli(main, ["--help"]);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.out).toContain(`  ${c.name}`);
  });

  it("must exit 2 naming an unknown command", async () => {
    const r = await captureCli(main, ["synht"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('acs-insights: unknown command "synht"');
  });

  it.each(commands.map((c) => [c.name]))("%s --help must print its usage and exit 0", async (name) => {
    const r = await captureCli(main, [name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^usage: acs-insights ${name}`));
  });

  it.each(commands.map((c) => [c.name]))("%s must word an unknown option the same way and exit 2", async (name) => {
    const r = await captureCli(main, [name, "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^acs-insights ${name}: unknown option --bogus; ${name} takes `));
  });

  it("must name the command in the one line printed for an error that escaped it", () => {
    expect(errorLine(new CommandError("preview", new Error("boom")))).toBe("acs-insights preview: boom\n");
    expect(errorLine(new Error("boom"))).toBe("acs-insights: boom\n");
  });

  it("must check bench's flags against the ones bench.ts's own usage line names", async () => {
    const { benchUsage } = await import("../src/cli/bench");
    const named = [...benchUsage.split("\n")[0].matchAll(/\[--([a-z-]+)/g)].map((m) => m[1]);
    expect(Object.keys(commands.find((c) => c.name === "bench")?.flags ?? {}).sort()).toEqual(named.sort());
  });

  it("must load no command module, Kusto library or Pulumi SDK for --help or a usage error", () => {
    const script = `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(path.join(root, "tsconfig.json"))} });
      const { main } = require(${JSON.stringify(path.join(root, "src", "cli", "main.ts"))});
      const report = process.stderr.write.bind(process.stderr);
      process.stdout.write = () => true; process.stderr.write = () => true;
      main(["query", "--help"]).then(() => main(["bench", "--rows"])).then((code) => {
        const heavy = Object.keys(require.cache).filter((f) => /language-service|@pulumi|cli[\\\\/](query|bench|synth)\\.ts/.test(f));
        report(JSON.stringify({ code, heavy }) + "\\n");
      });`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(r.stderr.trim().split("\n").pop() as string)).toEqual({ code: 2, heavy: [] });
  });

  it("must exit 0 quietly when the reader closes the pipe (query ... | head -1)", () => {
    const out = execFileSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${bin}" query --quiet "range x from 1 to 300000 step 1" 2>"$ERR" | head -1; echo "\${PIPESTATUS[0]}"; cat "$ERR"; rm -f "$ERR"`,
      ],
      {
        encoding: "utf8",
        env: { ...process.env, ERR: path.join(require("node:os").tmpdir(), `acs-epipe-${process.pid}.txt`) },
      },
    );
    // head prints the header line; then node's exit status; then node's stderr, which must be empty.
    expect(out).toBe("x\n0\n");
  }, 120_000);
});
