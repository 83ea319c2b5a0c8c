// The acs-insights CLI: flags are checked here against each command's spec; its module is loaded only when it runs.
import { commands } from "./commands";
import { errorLine, runCommand } from "./run";

export function usage(): string {
  const width = commands.reduce((w, c) => Math.max(w, c.name.length), 0);
  return [
    "usage: acs-insights <command> [options]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `acs-insights <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h") {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (!name) {
    process.stderr.write(`acs-insights: no command given\n\n${usage()}\n`);
    return 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`acs-insights: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  return runCommand(command, rest);
}

/** `acs-insights query ... | head -1`: when the reader closes the pipe, stop quietly instead of printing EPIPE. */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
}

if (require.main === module || process.env.ACS_INSIGHTS_BIN === "1") {
  exitQuietlyWhenStdoutCloses();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(errorLine(err));
      process.exitCode = 1;
    },
  );
}
