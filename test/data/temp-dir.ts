// Folders of test files, removed when the test that made them finishes, so runs leave nothing in the temp directory.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { onTestFinished } from "vitest";

// Folders made outside a test (at collection or in beforeAll) are removed when the worker exits.
const outsideTests: string[] = [];
process.once("exit", () => {
  for (const d of outsideTests) fs.rmSync(d, { recursive: true, force: true });
});

// A module-level afterEach would register once per worker under `isolate: false`; onTestFinished is per test.
function removeAfterTest(dir: string): void {
  try {
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  } catch {
    outsideTests.push(dir);
  }
}

/** A new temporary folder holding `files` (relative paths, sub-folders created). */
export function dirWith(files: Record<string, string | Buffer>, prefix = "acs-data-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  removeAfterTest(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
