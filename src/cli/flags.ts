// Checks a flag's value before any work starts, so a wrong path or value is a usage error naming the flag and the fix.
import * as fs from "node:fs";
import * as path from "node:path";
import { msFromTicks, parseDatetime } from "../kusto/values/time";
import { type ParsedArgs, stringFlag, UsageError } from "./args";

type Kind = "file" | "directory" | "missing" | "other";

function kindOf(p: string): Kind {
  try {
    const s = fs.statSync(p);
    return s.isFile() ? "file" : s.isDirectory() ? "directory" : "other";
  } catch {
    return "missing";
  }
}

/** An existing directory of table files: not a file, not the filesystem root (the loader would walk every folder). */
export function dataDirFlag(args: ParsedArgs, flag = "data"): string | undefined {
  const given = stringFlag(args, flag);
  if (given === undefined) return undefined;
  const dir = path.resolve(given);
  if (path.parse(dir).root === dir)
    throw new UsageError(`--${flag} ${given} is the filesystem root; pass the directory that holds the table files`);
  const kind = kindOf(dir);
  if (kind === "missing")
    throw new UsageError(`--${flag} ${given} does not exist; pass the directory that holds the table files`);
  if (kind !== "directory")
    throw new UsageError(
      `--${flag} ${given} is a file, not a directory; pass the directory that holds it (--${flag} ${path.dirname(given) || "."})`,
    );
  return dir;
}

/** An existing regular file to read. */
export function inputFileFlag(args: ParsedArgs, flag: string, what: string): string | undefined {
  const given = stringFlag(args, flag);
  if (given === undefined) return undefined;
  const kind = kindOf(given);
  if (kind === "missing") throw new UsageError(`--${flag} ${given} does not exist; pass the path of ${what}`);
  if (kind === "directory")
    throw new UsageError(`--${flag} ${given} is a directory; pass the path of ${what} inside it`);
  if (kind !== "file") throw new UsageError(`--${flag} ${given} is not a regular file; pass the path of ${what}`);
  return given;
}

/** A directory to write into: missing is fine (it is created), an existing file is not. */
export function outputDirFlag(args: ParsedArgs, flag: string, fallback: string, writes: string): string {
  const given = stringFlag(args, flag) ?? fallback;
  const kind = kindOf(given);
  if (kind === "file" || kind === "other")
    throw new UsageError(`--${flag} ${given} is a file; pass a directory (${writes} is written inside it)`);
  const blocker = fileAncestor(path.resolve(given));
  if (blocker)
    throw new UsageError(
      `--${flag} ${given} lies under ${blocker}, which is a file; pass a directory (${writes} is written inside it)`,
    );
  return given;
}

/** The nearest existing ancestor of a missing path when it is not a directory (mkdir would fail with ENOTDIR). */
function fileAncestor(p: string): string | undefined {
  for (let dir = path.dirname(p); ; dir = path.dirname(dir)) {
    const kind = kindOf(dir);
    if (kind === "directory") return undefined;
    if (kind !== "missing") return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A file to write: missing is fine, an existing directory is not. */
export function outputFileFlag(args: ParsedArgs, flag: string, fallback: string, example: string): string {
  const given = stringFlag(args, flag) ?? fallback;
  if (kindOf(given) === "directory")
    throw new UsageError(`--${flag} ${given} is a directory; pass a file path such as ${path.join(given, example)}`);
  const blocker = fileAncestor(path.resolve(given));
  if (blocker)
    throw new UsageError(`--${flag} ${given} lies under ${blocker}, which is a file; pass a path in a directory`);
  return given;
}

/** `--now` as epoch milliseconds, read by the engine's one strict datetime parser. */
export function nowFlag(args: ParsedArgs, example: string): number | undefined {
  const text = stringFlag(args, "now");
  if (text === undefined) return undefined;
  const ticks = parseDatetime(text);
  if (ticks === null)
    throw new UsageError(`--now "${text}" is not an ISO 8601 datetime between years 1 and 9999; use e.g. ${example}`);
  return msFromTicks(ticks);
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Log Analytics workspace's customer id. */
export function workspaceFlag(args: ParsedArgs): string | undefined {
  const id = stringFlag(args, "workspace");
  if (id !== undefined && !guid.test(id)) {
    throw new UsageError(
      `--workspace "${id}" is not a GUID; pass the workspace's customer id (Workspace ID on its Overview page)`,
    );
  }
  return id;
}
