import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// `npm test` type-checks here, first on one worker while the other runs tests, instead of before vitest on one idle core.
const root = path.resolve(__dirname, "..", "..");

describe("type checking", () => {
  it("must find no type error in src, test and scripts (tsc --noEmit -p tsconfig.json)", async () => {
    const tsc = require.resolve("typescript/bin/tsc");
    const run = await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? 1,
        out: `${e.stdout ?? ""}${e.stderr ?? ""}`,
      }),
    );
    // The diagnostics themselves are the failure message.
    expect(run.out.trim()).toBe("");
    expect(run.code).toBe(0);
  }, 300_000);
});
