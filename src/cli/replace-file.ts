// Writes a file so that a reader sees the old bytes or the new ones, never a half-written or deleted file.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** Why `file` must not be replaced: it is a link we did not make, or not a regular file; undefined when it is safe. */
export function replaceRefusal(file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink())
    return `${file} is a symbolic link (to ${fs.readlinkSync(file)}); remove the link or choose another directory, synth does not write through links`;
  if (!stat.isFile()) return `${file} exists and is not a regular file; remove it or choose another directory`;
  return undefined;
}

/**
 * Writes `text` to a new temporary file next to `file`, then renames it over `file`.
 * rename(2) replaces a link itself, never its target, so even a link that appears meanwhile is not followed.
 */
export function replaceFile(file: string, text: string): void {
  const refusal = replaceRefusal(file);
  if (refusal) throw new Error(refusal);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    // "wx": fail rather than open anything already at the temporary name.
    fs.writeFileSync(temp, text, { flag: "wx" });
    fs.renameSync(temp, file);
  } catch (err) {
    // A half-written temporary file is removed too (a full disk); one we did not create (EEXIST) is left alone.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") fs.rmSync(temp, { force: true });
    throw err;
  }
}
