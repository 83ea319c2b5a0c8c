import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// Scratch directories for the CLI cases, made on first use and removed after the suite.

let root: string | undefined;
let made = 0;

/** A new empty directory holding `files` (name → text). */
export function scratchDir(files: Record<string, string> = {}): string {
  root ??= fs.mkdtempSync(path.join(os.tmpdir(), "acs-bad-cli-"));
  const dir = path.join(root, String(++made));
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export function removeScratchDirs(): void {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
}
