// One path for every command: parse its flags, print help, or print a usage error with exit code 2.
import { type ParsedArgs, parseCommandArgs, UsageError, usageErrorText } from "./args";
import type { Command } from "./commands";

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
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(usageErrorText(command, err));
    return 2;
  }
}
