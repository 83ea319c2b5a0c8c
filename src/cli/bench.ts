// `npm run bench`: times a typical workbook aggregation through the KQL evaluator and through a hand-written loop.
import { generateDataset } from "../data";
import { compileQuery, type DataTable, type Tables, type Value } from "../kusto";
import { nearestRankIndex, quickselect } from "../kusto/scalars/aggregates";
import { tables as tableDefs } from "../schema/tables";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse("2026-01-01T00:00:00Z");
// One generated pool, tiled week after week: deterministic and fast enough to build a million rows.
const poolDays = 7;

export const benchUsage = `usage: acs-insights bench [--rows N[,N...]] [--repeat R]

Generates ACSCallRecordingSummary rows deterministically (default 100000 and 1000000), runs
  where TimeGenerated between (...) | summarize count(), sum(RecordingLength), percentile(RecordingLength, 95) by bin(TimeGenerated, 1h), FormatType
through the evaluator and a hand-written loop, checks both agree, and prints rows/s, the ratio and peak RSS.`;

type Row = Record<string, Value>;

export function summaryRows(count: number, seed = 42): Row[] {
  // About 1.4 recordings per call: small runs generate only what they need, large ones tile a 10k-call pool.
  const calls = Math.min(10_000, Math.ceil(count / 1.3) + 10);
  const pool = generateDataset({ seed, calls, start, days: poolDays }).ACSCallRecordingSummary as unknown as Row[];
  if (pool.length === 0) throw new Error("bench: the generator produced no summary rows");
  const rows: Row[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const tile = Math.floor(i / pool.length);
    const base = pool[i % pool.length];
    rows[i] = { ...base, TimeGenerated: (base.TimeGenerated as number) + tile * poolDays * DAY };
  }
  return rows;
}

function tablesOf(rows: Row[]): Tables {
  const def = tableDefs.find((t) => t.name === "ACSCallRecordingSummary")!;
  const table: DataTable = { name: def.name, columns: def.columns.map((c) => ({ name: c.name, type: c.type })), rows };
  return { [def.name]: table };
}

/** The time window: from 10% to 90% of the rows' span, so the filter drops some rows on both ends. */
export function windowOf(rows: readonly Row[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    const t = r.TimeGenerated as number;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const span = hi - lo;
  return [Math.floor((lo + span * 0.1) / 1000) * 1000, Math.floor((lo + span * 0.9) / 1000) * 1000];
}

export function benchQuery(from: number, to: number): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return `ACSCallRecordingSummary
| where TimeGenerated between (datetime(${iso(from)}) .. datetime(${iso(to)}))
| summarize count(), sum(RecordingLength), percentile(RecordingLength, 95) by bin(TimeGenerated, 1h), FormatType`;
}

interface Group {
  readonly bin: number;
  readonly format: string | null;
  count: number;
  sum: number;
  values: Float64Array;
  n: number;
}

/** The same aggregation written directly: inclusive window, nulls skipped by sum and percentile, nearest-rank p95. */
export function handLoop(rows: readonly Row[], from: number, to: number): Row[] {
  const groups = new Map<string, Group>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const t = r.TimeGenerated as number | null;
    if (t === null || t < from || t > to) continue;
    const bin = Math.floor(t / HOUR) * HOUR;
    const format = r.FormatType as string | null;
    const key = `${bin}|${format}`;
    let g = groups.get(key);
    if (!g) {
      g = { bin, format, count: 0, sum: 0, values: new Float64Array(16), n: 0 };
      groups.set(key, g);
    }
    g.count++;
    const len = r.RecordingLength as number | null;
    if (len !== null) {
      g.sum += len;
      if (g.n === g.values.length) {
        const grown = new Float64Array(g.n * 2);
        grown.set(g.values);
        g.values = grown;
      }
      g.values[g.n++] = len;
    }
  }
  const out: Row[] = [];
  for (const g of groups.values()) {
    const p95 = g.n === 0 ? null : quickselect(g.values.subarray(0, g.n), nearestRankIndex(g.n, 95));
    out.push({ TimeGenerated: g.bin, FormatType: g.format, count_: g.count, sum_RecordingLength: g.n === 0 ? null : g.sum, percentile_RecordingLength_95: p95 });
  }
  return out;
}

function sameResults(a: readonly Row[], b: readonly Row[]): string | undefined {
  if (a.length !== b.length) return `row counts differ: ${a.length} vs ${b.length}`;
  const key = (r: Row) => `${r.TimeGenerated}|${r.FormatType}`;
  const byKey = new Map(b.map((r) => [key(r), r]));
  for (const r of a) {
    const o = byKey.get(key(r));
    if (!o) return `group ${key(r)} missing from the hand loop`;
    for (const c of ["count_", "sum_RecordingLength", "percentile_RecordingLength_95"]) {
      const x = r[c] as number;
      const y = o[c] as number;
      if (!(x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)))) return `group ${key(r)} ${c}: evaluator ${x}, hand loop ${y}`;
    }
  }
  return undefined;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - t0) / 1e6];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface BenchResult {
  readonly rows: number;
  readonly groups: number;
  readonly evaluatorMs: number;
  readonly handMs: number;
}

export function benchOnce(count: number, repeat: number): BenchResult {
  const rows = summaryRows(count);
  const [from, to] = windowOf(rows);
  const query = compileQuery(benchQuery(from, to));
  const tables = tablesOf(rows);
  const evalTimes: number[] = [];
  const handTimes: number[] = [];
  let evaluated: readonly Row[] = [];
  let hand: Row[] = [];
  for (let i = 0; i < repeat; i++) {
    const [r, ms] = time(() => query.run(tables).rows);
    evaluated = r;
    evalTimes.push(ms);
    const [h, hms] = time(() => handLoop(rows, from, to));
    hand = h;
    handTimes.push(hms);
  }
  const mismatch = sameResults(evaluated, hand);
  if (mismatch) throw new Error(`bench: the evaluator and the hand loop disagree at ${count} rows: ${mismatch}`);
  return { rows: count, groups: evaluated.length, evaluatorMs: median(evalTimes), handMs: median(handTimes) };
}

function parseArgs(argv: string[]): { sizes: number[]; repeat: number } {
  let sizes = [100_000, 1_000_000];
  let repeat = 3;
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === "--rows" && v) {
      sizes = v.split(",").map((s) => Number(s.replace(/_/g, "")));
      if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--rows "${v}" must be positive whole numbers, comma-separated`);
      i++;
    } else if (argv[i] === "--repeat" && v) {
      repeat = Number(v);
      if (!Number.isInteger(repeat) || repeat <= 0) throw new Error(`--repeat "${v}" must be a positive whole number`);
      i++;
    } else throw new Error(`unexpected argument "${argv[i]}"`);
  }
  return { sizes, repeat };
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(benchUsage + "\n");
    return 0;
  }
  let args: { sizes: number[]; repeat: number };
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`acs-insights bench: ${(err as Error).message}\n\n${benchUsage}\n`);
    return 2;
  }
  const [, compileMs] = time(() => compileQuery(benchQuery(start, start + DAY)));
  process.stdout.write(`first compile (loads Kusto.Language): ${compileMs.toFixed(0)} ms; median of ${args.repeat} runs each\n`);
  process.stdout.write(`${"rows".padStart(9)}  ${"groups".padStart(6)}  ${"evaluator ms".padStart(12)}  ${"rows/s".padStart(11)}  ${"hand ms".padStart(8)}  ${"rows/s".padStart(11)}  ratio\n`);
  const results: BenchResult[] = [];
  for (const n of args.sizes) {
    const r = benchOnce(n, args.repeat);
    results.push(r);
    const rate = (ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");
    process.stdout.write(
      `${String(n).padStart(9)}  ${String(r.groups).padStart(6)}  ${r.evaluatorMs.toFixed(1).padStart(12)}  ${rate(r.evaluatorMs).padStart(11)}  ${r.handMs.toFixed(1).padStart(8)}  ${rate(r.handMs).padStart(11)}  ${(r.evaluatorMs / r.handMs).toFixed(2)}x\n`,
    );
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`peak RSS: ${peakMb.toFixed(0)} MB\n`);
  const worst = Math.max(...results.map((r) => r.evaluatorMs / r.handMs));
  const million = results.find((r) => r.rows === 1_000_000);
  process.stdout.write(`target evaluator within 5x of the hand loop: ${worst <= 5 ? "met" : "missed"} (worst ${worst.toFixed(2)}x)\n`);
  if (million) process.stdout.write(`target 1M rows under 5 s: ${million.evaluatorMs < 5000 ? "met" : "missed"} (${(million.evaluatorMs / 1000).toFixed(2)} s)\n`);
  return 0;
}
