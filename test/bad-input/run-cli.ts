import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { errorLine } from "../../src/cli/run";

// Runs the CLI as a user would and reports what they see: the exit code, then stderr (and stdout when asked).

// The compiled CLI, as installed; the test setup (test/setup/global.ts) rebuilds dist/ when a source is newer.
export const bin = path.resolve(__dirname, "..", "..", "dist", "cli", "bin.js");

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** In this process: fast, for commands that fail before the Pulumi program runs (its module state is process-wide). */
export async function runCliHere(argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((err += String(s)), true)) as typeof process.stderr.write;
  try {
    // As bin.js does: an error that escapes a command is printed on one line, exit 1.
    const code = await main(argv).catch((e: unknown) => {
      err += errorLine(e);
      return 1;
    });
    return { code, out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

/** In a fresh `node bin.js` process, for runs that execute the Pulumi program or need real pipes. */
export function runCliProcess(argv: string[], cwd = process.cwd()): CliRun {
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** What the user sees on the terminal's error side: "exit N" and stderr. */
export const seen = (r: CliRun) => `exit ${r.code}\n${r.err}`;
