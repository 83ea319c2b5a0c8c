// The three query shapes `npm run bench` times: each as KQL and as the same computation written by hand over loaded
// rows (datetimes are bigint ticks, as the engine holds them). Hand loops follow Kusto's rules: inclusive `between`,
// nulls skipped by sum, nearest-rank percentile, exact dcount, make_set in order of first appearance.

import { nearestRankIndex, quickselect } from "../kusto/scalars/aggregates";
import type { Value } from "../kusto/types";
import { TICKS_PER_DAY } from "../kusto/values/time";
import { tables as tableDefs } from "../schema/tables";

/** What the shapes' KQL refers to: the ACS tables as the binder must be told them (no saved functions). */
export const benchCatalog = {
  tables: tableDefs.map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) })),
  functions: [],
};

export type Row = Record<string, Value>;
export type Tables = Readonly<Record<string, readonly Row[]>>;

export interface Shape {
  readonly name: string;
  /** What the rows are, for the table's first column. */
  readonly label: string;
  /** Reads operations too (the CLI is then pointed at the whole volume, else at its summaries/ folder only). */
  readonly readsOperations: boolean;
  kql(window: Window): string;
  hand(tables: Tables, window: Window): Row[];
  /** Identity of an output row, to compare the evaluator's rows with the hand loop's in any order. */
  key(row: Row): string;
}

/** The `between` window, inclusive, in ticks; ISO text for the KQL. */
export interface Window {
  readonly from: bigint;
  readonly to: bigint;
}

const iso = (ticks: bigint) => new Date(Number(ticks / 10_000n)).toISOString();

function percentile95(values: number[]): number | null {
  if (values.length === 0) return null;
  return quickselect(Float64Array.from(values), nearestRankIndex(values.length, 95));
}

export const summaryShape: Shape = {
  name: "summarize",
  label: "between | summarize count, sum, p95 by bin(1d), ContentType",
  readsOperations: false,
  kql: (w) => `ACSCallRecordingSummary
| where TimeGenerated between (datetime(${iso(w.from)}) .. datetime(${iso(w.to)}))
| summarize count(), sum(RecordingLength), percentile(RecordingLength, 95) by bin(TimeGenerated, 1d), ContentType`,
  hand(tables, w) {
    const groups = new Map<string, { bin: bigint; type: Value; count: number; sum: number; values: number[] }>();
    for (const r of tables.ACSCallRecordingSummary) {
      const t = r.TimeGenerated as bigint | null;
      if (t === null || t < w.from || t > w.to) continue;
      const bin = t - (((t % TICKS_PER_DAY) + TICKS_PER_DAY) % TICKS_PER_DAY);
      const key = `${bin}|${r.ContentType}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { bin, type: r.ContentType, count: 0, sum: 0, values: [] }));
      g.count++;
      const len = r.RecordingLength as number | null;
      if (len !== null) {
        g.sum += len;
        g.values.push(len);
      }
    }
    return [...groups.values()].map((g) => ({
      TimeGenerated: g.bin,
      ContentType: g.type,
      count_: g.count,
      sum_RecordingLength: g.values.length === 0 ? null : g.sum,
      percentile_RecordingLength_95: percentile95(g.values),
    }));
  },
  key: (r) => `${r.TimeGenerated}|${r.ContentType}`,
};

export const joinShape: Shape = {
  name: "join",
  label: "operations join kind=inner summaries on CorrelationId | summarize",
  readsOperations: true,
  kql: () => `ACSCallRecordingIncomingOperations
| where OperationName == "StartCallRecording"
| join kind=inner (ACSCallRecordingSummary | project CorrelationId, ContentType, RecordingLength) on CorrelationId
| summarize count(), sum(RecordingLength) by ResultType, ContentType`,
  hand(tables) {
    const byCall = new Map<Value, Row[]>();
    for (const s of tables.ACSCallRecordingSummary) {
      const list = byCall.get(s.CorrelationId);
      if (list) list.push(s);
      else byCall.set(s.CorrelationId, [s]);
    }
    const groups = new Map<string, { result: Value; type: Value; count: number; sum: number; n: number }>();
    for (const o of tables.ACSCallRecordingIncomingOperations) {
      if (o.OperationName !== "StartCallRecording") continue;
      // Kusto strings have no null: a missing key is "" and matches "".
      for (const s of byCall.get(o.CorrelationId ?? "") ?? []) {
        const key = `${o.ResultType}|${s.ContentType}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { result: o.ResultType, type: s.ContentType, count: 0, sum: 0, n: 0 }));
        g.count++;
        if (s.RecordingLength !== null) {
          g.sum += s.RecordingLength as number;
          g.n++;
        }
      }
    }
    return [...groups.values()].map((g) => ({
      ResultType: g.result,
      ContentType: g.type,
      count_: g.count,
      sum_RecordingLength: g.n === 0 ? null : g.sum,
    }));
  },
  key: (r) => `${r.ResultType}|${r.ContentType}`,
};

export const distinctShape: Shape = {
  name: "dcount/make_set",
  label: "make_set, dcount by CorrelationId (high cardinality) | summarize",
  readsOperations: false,
  kql: () => `ACSCallRecordingSummary
| summarize recordings = count(), formats = make_set(FormatType), reasons = dcount(RecordingEndReason) by CorrelationId
| summarize calls = count(), multiFormat = countif(array_length(formats) > 1), maxReasons = max(reasons), recordings = sum(recordings)`,
  hand(tables) {
    const calls = new Map<Value, { recordings: number; formats: Value[]; reasons: Set<Value> }>();
    for (const r of tables.ACSCallRecordingSummary) {
      const id = r.CorrelationId ?? "";
      let c = calls.get(id);
      if (!c) calls.set(id, (c = { recordings: 0, formats: [], reasons: new Set() }));
      c.recordings++;
      // make_set skips nulls; dcount counts distinct non-null values.
      if (r.FormatType !== null && !c.formats.includes(r.FormatType)) c.formats.push(r.FormatType);
      if (r.RecordingEndReason !== null) c.reasons.add(r.RecordingEndReason);
    }
    let multiFormat = 0;
    let maxReasons = 0;
    let recordings = 0;
    for (const c of calls.values()) {
      if (c.formats.length > 1) multiFormat++;
      if (c.reasons.size > maxReasons) maxReasons = c.reasons.size;
      recordings += c.recordings;
    }
    return [{ calls: calls.size, multiFormat, maxReasons: calls.size === 0 ? null : maxReasons, recordings }];
  },
  key: () => "all",
};

export const shapes: readonly Shape[] = [summaryShape, joinShape, distinctShape];

/** Where the evaluator's rows and the hand loop's differ (sums compared to 1e-9 relative), or undefined. */
export function compareRows(shape: Shape, evaluated: readonly Row[], hand: readonly Row[]): string | undefined {
  if (evaluated.length !== hand.length)
    return `row counts differ: evaluator ${evaluated.length}, hand loop ${hand.length}`;
  const byKey = new Map(hand.map((r) => [shape.key(r), r]));
  for (const r of evaluated) {
    const h = byKey.get(shape.key(r));
    if (!h) return `group ${shape.key(r)} is missing from the hand loop`;
    for (const [column, value] of Object.entries(h)) {
      const x = r[column];
      const same =
        x === value ||
        (typeof x === "number" &&
          typeof value === "number" &&
          Math.abs(x - value) <= 1e-9 * Math.max(1, Math.abs(value)));
      if (!same) return `group ${shape.key(r)} ${column}: evaluator ${String(x)}, hand loop ${String(value)}`;
    }
  }
  return undefined;
}
