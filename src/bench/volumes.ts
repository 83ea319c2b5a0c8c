// Benchmark data on disk: NDJSON summaries and operations per volume, generated once and reused, and the window the
// summarize shape filters on (from the second day to 90% of the span, so `between` drops rows at both ends).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { operationColumns, pool, poolDays, recordingColumns, volumeStart, writeNdjsonVolume } from "../data/volume";
import { TICKS_PER_DAY, ticksFromMs } from "../kusto/values/time";
import type { Window } from "./shapes";

export interface Volume {
  readonly dir: string;
  readonly rows: number;
  readonly operations: number;
  readonly bytes: number;
  readonly window: Window;
}

export const summaryFile = "summaries/ACSCallRecordingSummary.jsonl";
export const operationFile = "operations/ACSCallRecordingIncomingOperations.jsonl";

export const defaultBenchRoot = path.join(os.tmpdir(), "acs-insights-bench");

const startTicks = ticksFromMs(Date.parse(volumeStart));

/** The summarize window for `rows` summary rows tiled over whole weeks of a pool of `poolLength`. */
export function windowFor(rows: number, poolLength: number): Window {
  const days = Math.ceil(rows / poolLength) * poolDays;
  return { from: startTicks + TICKS_PER_DAY, to: startTicks + BigInt(Math.floor(days * 0.9)) * TICKS_PER_DAY };
}

/** The folder for `rows` summary rows (and as many operation rows), generating its files unless a finished run left them. */
export function ensureVolume(root: string, rows: number, log: (line: string) => void = () => undefined): Volume {
  const dir = path.join(root, String(rows));
  const metaFile = path.join(dir, ".volume.json");
  if (fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8"));
    return { ...meta, dir, window: { from: BigInt(meta.window.from), to: BigInt(meta.window.to) } };
  }
  fs.mkdirSync(dir, { recursive: true });
  log(`generating ${rows.toLocaleString("en-US")} summary and operation rows in ${dir} ...`);
  const poolLength = pool("ACSCallRecordingSummary", rows).length;
  // One folder per table: a shape that reads only summaries is pointed at summaries/, so nothing else is loaded.
  fs.mkdirSync(path.join(dir, "summaries"), { recursive: true });
  fs.mkdirSync(path.join(dir, "operations"), { recursive: true });
  const bytes =
    writeNdjsonVolume(path.join(dir, summaryFile), "ACSCallRecordingSummary", rows, { columns: recordingColumns }) +
    writeNdjsonVolume(path.join(dir, operationFile), "ACSCallRecordingIncomingOperations", rows, {
      columns: operationColumns,
      poolFor: rows,
    });
  const window = windowFor(rows, poolLength);
  const volume: Volume = { dir, rows, operations: rows, bytes, window };
  // Written last: a folder without it is an interrupted run and is generated again.
  fs.writeFileSync(
    metaFile,
    JSON.stringify({ rows, operations: rows, bytes, window: { from: String(window.from), to: String(window.to) } }),
  );
  return volume;
}
