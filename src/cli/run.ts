// One path for every command: parse its flags, print help, or print a usage error with exit code 2.
import { type ParsedArgs, parseCommandArgs, UsageError, usageErrorText } from "./args";
import type { Command } from "./commands";

/** A failure inside a command, carrying its name so the one line printed for it reads "acs-insights <command>: ...". */
export class CommandError extends Error {
  constructor(
    readonly command: string,
    cause: Error,
  ) {
    super(cause.message, { cause });
    this.name = "CommandError";
  }
}

/** The line printed for an error that escaped a command (exit 1). */
export function errorLine(err: unknown): string {
  const prefix = err instanceof CommandError ? `acs-insights ${err.command}` : "acs-insights";
  return `${prefix}: ${err instanceof Error ? err.message : String(err)}\n`;
}

/** Parses the flags (usage error: exit 2), then loads and runs the command. */
export async function runCommand(command: Command, argv: readonly string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCommandArgs(command, argv);
    if (args.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await (await command.load())(args, argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(usageErrorText(command, err));
      return 2;
    }
    throw err instanceof Error ? new CommandError(command.name, err) : err;
  }
}
