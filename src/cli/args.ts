// The one argument layer for every command: node:util parseArgs, with its errors reworded the same way everywhere.
import { parseArgs } from "node:util";
import { closest } from "../config/issues";

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** How many positional arguments the command takes (the query text for `query`). */
  readonly maxPositionals: number;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

const helpFlag: FlagSpec = { type: "boolean", short: "h" };

/** The flag a parseArgs message is about, as the user typed it (its messages quote it as '--rows <value>' or '-x'). */
function flagIn(message: string): string {
  return /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "an option";
}

/** parseArgs' error for `argv`, in this CLI's wording: the flag, what is wrong, and what to do. */
function reworded(err: { code?: string; message: string }, spec: CommandSpec): UsageError {
  const flag = flagIn(err.message);
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const known = Object.keys(spec.flags).map((f) => `--${f}`);
      const hint = closest(flag, known);
      return new UsageError(
        `unknown option ${flag}${hint ? ` (did you mean ${hint}?)` : ""}; ${spec.name} takes ${known.join(", ") || "no options"}`,
      );
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return spec.flags[flag.replace(/^-+/, "")]?.type === "boolean" || /does not take an argument/.test(err.message)
        ? new UsageError(`${flag} takes no value`)
        : new UsageError(`${flag} needs a value`);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError(
        spec.maxPositionals === 0
          ? `unexpected argument ${JSON.stringify(/'([^']*)'/.exec(err.message)?.[1] ?? "")}; ${spec.name} takes only options`
          : err.message,
      );
    default:
      return new UsageError(err.message);
  }
}

/** Parses `argv` for `spec`; throws UsageError for an unknown, repeated or valueless flag, or too many arguments. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...spec.flags, help: helpFlag },
      allowPositionals: spec.maxPositionals > 0,
      strict: true,
      tokens: true,
    });
  } catch (err) {
    throw reworded(err as { code?: string; message: string }, spec);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    // parseArgs keeps the last of a repeated flag silently; two different values are more likely a mistake.
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once`);
    seen.add(token.name);
  }
  const help = parsed.values.help === true;
  if (!help && parsed.positionals.length > spec.maxPositionals) {
    throw new UsageError(
      spec.maxPositionals === 1
        ? "give the query as one argument (quote it)"
        : `unexpected argument ${JSON.stringify(parsed.positionals[0])}`,
    );
  }
  const { help: _help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  return { values, positionals: parsed.positionals, help };
}

/** The value of a string flag, or undefined when not given; an empty value is a usage error naming the flag. */
export function stringFlag(args: ParsedArgs, flag: string): string | undefined {
  const v = args.values[flag];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v.trim() === "") throw new UsageError(`--${flag} needs a non-empty value`);
  return v;
}

export const booleanFlag = (args: ParsedArgs, flag: string): boolean => args.values[flag] === true;

/** One of `choices`, or a usage error listing them. */
export function choiceFlag<T extends string>(args: ParsedArgs, flag: string, choices: readonly T[], fallback: T): T {
  const v = stringFlag(args, flag);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v))
    throw new UsageError(`--${flag} ${JSON.stringify(v)} is not one of ${choices.join(", ")}`);
  return v as T;
}

/** The text every command prints for a usage error: the problem, then the usage. */
export function usageErrorText(spec: CommandSpec, err: UsageError): string {
  return `acs-insights ${spec.name}: ${err.message}\n\n${spec.usage}\n`;
}
