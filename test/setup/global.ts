// Once per `vitest run`: rebuild dist/ when a source is newer than the last build (tests that spawn the CLI run
// dist/cli/bin.js, never a stale one), and provision the browser the preview test drives.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
export const chromiumPath = "/usr/bin/chromium";

/** Newest modification time (ms) of the files under `dir` whose names pass `keep`; 0 for none. */
export function newestMtime(dir: string, keep: (name: string) => boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, keep));
    else if (keep(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than a source or build setting it is compiled from. */
export function distIsStale(projectRoot: string): boolean {
  const stamp = path.join(projectRoot, "dist", ".tsbuildinfo");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const settings = ["tsconfig.json", "tsconfig.build.json", "package.json"].map(
    (f) => fs.statSync(path.join(projectRoot, f)).mtimeMs,
  );
  return (
    Math.max(
      ...settings,
      newestMtime(path.join(projectRoot, "src"), (n) => /\.(ts|js)$/.test(n)),
    ) > built
  );
}

function buildDist(): void {
  const tsc = require.resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
  } catch (err) {
    // tsc still emits on a type error; `npm test` reports type errors itself (tsc --noEmit), so only a missing build is fatal.
    if (!fs.existsSync(path.join(root, "dist", "cli", "main.js"))) throw err;
  }
  // tsc leaves .tsbuildinfo untouched when nothing changed; touch it so the next run sees a fresh build.
  const stamp = path.join(root, "dist", ".tsbuildinfo");
  if (fs.existsSync(stamp)) fs.utimesSync(stamp, new Date(), new Date());
}

/** The CLI's startup snapshot of Kusto.Language, rebuilt only for another Node binary or library version. */
function buildSnapshot(): void {
  const snapshot = require(
    path.join(root, "dist", "kusto", "kusto-snapshot.js"),
  ) as typeof import("../../src/kusto/kusto-snapshot");
  const dist = path.join(root, "dist");
  if (snapshot.usableSnapshot(dist)) return;
  const failure = snapshot.buildSnapshot(dist);
  if (failure)
    process.stderr.write(
      `test setup: no startup snapshot (${failure.split("\n")[0]}); CLI tests load Kusto.Language in-process\n`,
    );
}

/** Debian's chromium, installed with apt-get when it is missing and this user may install packages (root, as in CI containers). */
function provisionChromium(): void {
  if (fs.existsSync(chromiumPath)) return;
  if (
    process.platform !== "linux" ||
    typeof process.getuid !== "function" ||
    process.getuid() !== 0 ||
    !fs.existsSync("/usr/bin/apt-get")
  ) {
    process.stderr.write(
      `test setup: ${chromiumPath} is missing and cannot be installed as this user; the browser test will fail. Install it: sudo apt-get install -y chromium\n`,
    );
    return;
  }
  process.stderr.write(
    "test setup: installing Debian's chromium for the browser test (apt-get install -y chromium)...\n",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
}

export default function setup(): void {
  if (distIsStale(root)) buildDist();
  buildSnapshot();
  provisionChromium();
}
