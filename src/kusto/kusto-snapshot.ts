// The CLI's startup snapshot of Kusto.Language: built next to dist/ by `npm run build`, used by dist/cli/bin.js when
// it matches this Node binary and library version; anything else falls back to loading the library in-process.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export interface SnapshotStamp {
  readonly node: string;
  readonly arch: string;
  readonly kusto: string;
}

export const blobName = "kusto-language.blob";

function kustoDir(): string {
  return path.dirname(require.resolve("@kusto/language-service-next/package.json"));
}

/** What a snapshot must have been built with to be deserialised by this process (V8 refuses any other binary). */
export function currentStamp(): SnapshotStamp {
  const kusto = JSON.parse(fs.readFileSync(path.join(kustoDir(), "package.json"), "utf8")).version as string;
  return { node: process.version, arch: process.arch, kusto };
}

/** The snapshot blob under `distDir` when it was built for this Node binary and library version, else undefined. */
export function usableSnapshot(distDir: string): string | undefined {
  const blob = path.join(distDir, blobName);
  try {
    const stamp = JSON.parse(fs.readFileSync(`${blob}.json`, "utf8")) as SnapshotStamp;
    const now = currentStamp();
    return stamp.node === now.node && stamp.arch === now.arch && stamp.kusto === now.kusto && fs.existsSync(blob) ? blob : undefined;
  } catch {
    return undefined;
  }
}

/** Builds `distDir`/kusto-language.blob; returns why not when this Node cannot (the CLI then loads the library in-process). */
export function buildSnapshot(distDir: string): string | undefined {
  const blob = path.join(distDir, blobName);
  fs.rmSync(`${blob}.json`, { force: true });
  const entry = path.join(distDir, "kusto", "kusto-snapshot-entry.js");
  const run = spawnSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", entry], {
    env: { ...process.env, ACS_KUSTO_LANGUAGE_DIR: kustoDir() },
    encoding: "utf8",
  });
  if (run.error || run.status !== 0) return (run.error?.message ?? run.stderr.trim()) || `exit ${run.status}`;
  fs.writeFileSync(`${blob}.json`, `${JSON.stringify(currentStamp())}\n`);
  return undefined;
}

if (require.main === module) {
  const distDir = path.resolve(__dirname, "..");
  const failure = buildSnapshot(distDir);
  if (failure) process.stderr.write(`acs-insights build: no startup snapshot (${failure.split("\n")[0]}); the CLI will load Kusto.Language in-process\n`);
}
