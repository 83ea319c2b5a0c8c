// Benchmark volumes: a generated pool of calls tiled week after week, written as NDJSON without holding the rows.
import * as fs from "node:fs";
import { type TableName, tables as tableDefs } from "../schema/tables";
import { generateDataset } from "./generate";

const DAY_MS = 86_400_000;
/** The pool spans a week; tile k shifts every datetime by k weeks. */
export const poolDays = 7;
export const volumeStart = "2026-01-01T00:00:00Z";

type RawRow = Record<string, unknown>;

/** Calls in the generated pool for `count` summary rows (about 1.3 recordings a call), capped at 10k. */
export const poolCalls = (count: number) => Math.min(10_000, Math.ceil(count / 1.3) + 10);

/** The generated pool of a table for a volume of `count` summary rows; every table's pool comes from the same calls. */
export function pool(table: TableName, count: number, seed = 42): RawRow[] {
  const rows = generateDataset({ seed, calls: poolCalls(count), start: volumeStart, days: poolDays })[
    table
  ] as unknown as RawRow[];
  if (rows.length === 0) throw new Error(`the generator produced no ${table} rows`);
  return rows;
}

/**
 * Row i of a tiled volume, as the generator's raw row (epoch-ms datetimes): row i % pool.length shifted by whole
 * weeks, with the tile number appended to CorrelationId and RecordingId so ids stay unique, as in a real workspace.
 */
export function tiledRow(rows: readonly RawRow[], datetimes: readonly string[], i: number): RawRow {
  const tile = Math.floor(i / rows.length);
  const base = rows[i % rows.length];
  if (tile === 0) return base;
  const out: RawRow = { ...base };
  for (const c of datetimes) if (typeof out[c] === "number") out[c] = (out[c] as number) + tile * poolDays * DAY_MS;
  if (typeof out.CorrelationId === "string") out.CorrelationId = `${out.CorrelationId}-${tile}`;
  if (typeof out.RecordingId === "string") out.RecordingId = `${out.RecordingId}-${tile}`;
  return out;
}

/** The summary columns a recording carries (the standard envelope columns left out): about 236 bytes a row, as issue 11 measured. */
export const recordingColumns = [
  "TimeGenerated",
  "CorrelationId",
  "RecordingLength",
  "ContentType",
  "FormatType",
  "ChannelType",
  "RecordingEndReason",
];

/** The operation columns the join benchmark reads. */
export const operationColumns = [
  "TimeGenerated",
  "CorrelationId",
  "OperationName",
  "ResultType",
  "ResultSignature",
  "DurationMs",
];

export interface VolumeOptions {
  readonly seed?: number;
  readonly columns?: readonly string[];
  /** Size the pool as for this many summary rows (default `count`), so two tables written for one volume share calls. */
  readonly poolFor?: number;
}

/** Writes `count` rows of `table` to `file` as NDJSON (datetimes as ISO 8601 UTC, nulls omitted); returns the bytes written. */
export function writeNdjsonVolume(file: string, table: TableName, count: number, options: VolumeOptions = {}): number {
  const seed = options.seed ?? 42;
  const all = tableDefs.find((t) => t.name === table)!;
  const def = { columns: options.columns ? all.columns.filter((c) => options.columns!.includes(c.name)) : all.columns };
  const datetimes: readonly string[] = def.columns.filter((c) => c.type === "datetime").map((c) => c.name);
  const rows = pool(table, options.poolFor ?? count, seed);
  const fd = fs.openSync(file, "w");
  let bytes = 0;
  try {
    let batch: string[] = [];
    const flush = () => {
      const text = batch.join("");
      bytes += fs.writeSync(fd, text);
      batch = [];
    };
    for (let i = 0; i < count; i++) {
      const row = tiledRow(rows, datetimes, i);
      const out: RawRow = {};
      for (const c of def.columns) {
        const v = row[c.name];
        if (v === null || v === undefined) continue;
        out[c.name] = datetimes.includes(c.name) ? new Date(v as number).toISOString() : v;
      }
      batch.push(`${JSON.stringify(out)}\n`);
      if (batch.length === 10_000) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
