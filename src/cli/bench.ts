// `npm run bench`: the evaluator and the CLI against hand-written code on three query shapes, and the loader's cost
// curve. Targets are ratios checked here, never in timed unit tests.
import * as fs from "node:fs";
import * as path from "node:path";
import { median, type ProcessRun, time, timeProcess } from "../bench/measure";
import { referenceScript } from "../bench/reference";
import { benchCatalog, compareRows, type Row, type Shape, shapes } from "../bench/shapes";
import { defaultBenchRoot, ensureVolume, summaryFile, type Volume } from "../bench/volumes";
import { loadDataDir } from "../data";
import { compileQuery, type DataTable, type Tables } from "../kusto";

export const targets = { inProcess: 1.5, wholeProcess: 2, peakRssMbAt1M: 600, peakRssMbAt5M: 3072 } as const;

export const benchUsage = `usage: acs-insights bench [--rows N] [--repeat R] [--curve N,N,...|none] [--dir DIR]

Generates NDJSON summary and operation rows (default 1000000 each; reused from DIR, default ${defaultBenchRoot}) and
times three query shapes: a summarize by bin and ContentType, a join of operations to summaries on CorrelationId,
and make_set/dcount by CorrelationId.
  in-process     the loaded tables through the evaluator vs the same computation by hand (target <= ${targets.inProcess}x)
  whole process  \`acs-insights query --data DIR\` vs a hand-written readline + JSON.parse script (target <= ${targets.wholeProcess}x,
                 peak RSS <= ${targets.peakRssMbAt1M} MB at 1M rows)
  loader curve   the summarize shape, whole process, at each --curve size (default 100000,500000,1000000,2000000,5000000)`;

interface BenchArgs {
  rows: number;
  repeat: number;
  curve: number[];
  dir: string;
}

function sizes(text: string, flag: string): number[] {
  const parts = text.split(",");
  if (parts.some((p) => !/^\d[\d_]*$/.test(p.trim())) || parts.some((p) => Number(p.replace(/_/g, "")) <= 0)) {
    throw new Error(`${flag} "${text}" must be positive whole numbers, comma-separated`);
  }
  return parts.map((p) => Number(p.replace(/_/g, "")));
}

// Measured bounds (README, Performance): 1M rows in-process peak at ~2.7 GB, 5M rows whole-process at ~1.8 GB.
const maxInProcessRows = 1_000_000;
const maxCurveRows = 5_000_000;

/** Refuses sizes the machine would run out of memory on, instead of generating gigabytes and aborting with exit 134. */
function capped(values: number[], max: number, flag: string, why: string): number[] {
  const over = values.find((v) => v > max);
  if (over !== undefined)
    throw new Error(`${flag} ${over.toLocaleString("en-US")} is above ${max.toLocaleString("en-US")} rows (${why})`);
  return values;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    rows: 1_000_000,
    repeat: 3,
    curve: [100_000, 500_000, 1_000_000, 2_000_000, 5_000_000],
    dir: defaultBenchRoot,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!["--rows", "--repeat", "--curve", "--dir"].includes(flag)) throw new Error(`unexpected argument "${flag}"`);
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === "--rows")
      [args.rows] = capped(
        sizes(value, flag),
        maxInProcessRows,
        flag,
        "the in-process part holds both tables and every result in memory; larger volumes belong to --curve",
      );
    else if (flag === "--repeat") [args.repeat] = sizes(value, flag);
    else if (flag === "--curve")
      args.curve =
        value === "none"
          ? []
          : capped(sizes(value, flag), maxCurveRows, flag, "the largest volume measured to fit in 3 GB");
    else args.dir = path.resolve(value);
  }
  return args;
}

const rate = (rows: number, ms: number) => `${(((rows / ms) * 1000) / 1e6).toFixed(2)}M/s`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

interface InProcessResult {
  readonly shape: Shape;
  readonly evaluatorMs: number;
  readonly handMs: number;
  /** CPU (user + system) of this process while each ran, median: a busy machine stretches wall time, far less CPU time. */
  readonly evaluatorCpuMs: number;
  readonly handCpuMs: number;
}

/** The value, wall ms and CPU ms (every thread of this process, the garbage collector's included) of one call. */
function timeCpu<T>(fn: () => T): [T, number, number] {
  const cpu0 = process.cpuUsage();
  const [value, ms] = time(fn);
  const cpu = process.cpuUsage(cpu0);
  return [value, ms, (cpu.user + cpu.system) / 1000];
}

/** Runs every shape through the evaluator and by hand on the same loaded tables; throws if they disagree. */
export function inProcess(tables: Tables, volume: Pick<Volume, "window">, repeat: number): InProcessResult[] {
  const rowsOf: Record<string, readonly Row[]> = {};
  for (const [name, t] of Object.entries(tables)) rowsOf[name] = (t as DataTable).rows as Row[];
  return shapes.map((shape) => {
    const query = compileQuery(shape.kql(volume.window), benchCatalog);
    const evalTimes: number[] = [];
    const handTimes: number[] = [];
    const evalCpu: number[] = [];
    const handCpu: number[] = [];
    let evaluated: readonly Row[] = [];
    let hand: Row[] = [];
    for (let i = 0; i < repeat; i++) {
      const [r, ms, cpu] = timeCpu(() => query.run(tables).rows);
      evaluated = r as Row[];
      evalTimes.push(ms);
      evalCpu.push(cpu);
      const [h, hms, hcpu] = timeCpu(() => shape.hand(rowsOf, volume.window));
      hand = h;
      handTimes.push(hms);
      handCpu.push(hcpu);
    }
    const mismatch = compareRows(shape, evaluated, hand);
    if (mismatch) throw new Error(`bench ${shape.name}: the evaluator and the hand loop disagree: ${mismatch}`);
    return {
      shape,
      evaluatorMs: median(evalTimes),
      handMs: median(handTimes),
      evaluatorCpuMs: median(evalCpu),
      handCpuMs: median(handCpu),
    };
  });
}

const bin = path.resolve(__dirname, "bin.js");
const iso = (ticks: bigint) => new Date(Number(ticks / 10_000n)).toISOString();

function cli(volume: Volume, shape: Shape): ProcessRun {
  const data = shape.readsOperations ? volume.dir : path.join(volume.dir, "summaries");
  return timeProcess([bin, "query", "--data", data, "--format", "json", shape.kql(volume.window)]);
}

/** The CLI's rows and the reference script's rows for one shape, compared as sets (sums to 1e-9 relative). */
function sameOutput(shape: Shape, a: string, b: string): string | undefined {
  return compareRows(shape, JSON.parse(a) as Row[], JSON.parse(b) as Row[]);
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${benchUsage}\n`);
    return 0;
  }
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (err) {
    process.stderr.write(`acs-insights bench: ${(err as Error).message}\n\n${benchUsage}\n`);
    return 2;
  }
  if (!fs.existsSync(path.join(__dirname, "main.js"))) {
    process.stderr.write(
      "acs-insights bench: run it from the build (npm run bench), so the whole-process figures time compiled code\n",
    );
    return 2;
  }
  const out = (line = "") => process.stdout.write(`${line}\n`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  fs.mkdirSync(args.dir, { recursive: true });
  const reference = path.join(args.dir, "reference.js");
  fs.writeFileSync(reference, referenceScript);

  const volume = ensureVolume(args.dir, args.rows, log);
  const [tables, loadMs] = time(() => loadDataDir(volume.dir));
  const n = volume.rows.toLocaleString("en-US");
  out(
    `node ${process.version}, ${n} summary + ${volume.operations.toLocaleString("en-US")} operation rows (${(volume.bytes / 1024 ** 2).toFixed(0)} MB NDJSON in ${volume.dir}), median of ${args.repeat}`,
  );
  out(
    `in-process (loaded in ${seconds(loadMs)}): evaluator vs the same computation by hand, target <= ${targets.inProcess}x`,
  );
  out(
    `  ${"shape".padEnd(16)} ${"evaluator".padStart(10)} ${"cpu".padStart(8)} ${"rows/s".padStart(9)} ${"hand".padStart(10)} ${"cpu".padStart(8)} ${"rows/s".padStart(9)}  ${"wall".padStart(6)} ${"cpu".padStart(6)}  target`,
  );
  const inRows = inProcess(tables, volume, args.repeat);
  for (const r of inRows) {
    const ratio = r.evaluatorMs / r.handMs;
    const cpuRatio = r.evaluatorCpuMs / r.handCpuMs;
    out(
      `  ${r.shape.name.padEnd(16)} ${`${r.evaluatorMs.toFixed(0)} ms`.padStart(10)} ${`${r.evaluatorCpuMs.toFixed(0)} ms`.padStart(8)} ${rate(volume.rows, r.evaluatorMs).padStart(9)} ${`${r.handMs.toFixed(0)} ms`.padStart(10)} ${`${r.handCpuMs.toFixed(0)} ms`.padStart(8)} ${rate(volume.rows, r.handMs).padStart(9)}  ${ratio.toFixed(2).padStart(5)}x ${cpuRatio.toFixed(2).padStart(5)}x  ${verdict(ratio <= targets.inProcess)}`,
    );
  }
  out(`  peak RSS of this process with the tables loaded: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  out();
  out(
    `whole process: \`acs-insights query --data DIR\` vs a hand-written readline + JSON.parse script (${reference}), target <= ${targets.wholeProcess}x wall`,
  );
  out(
    `  ${"shape".padEnd(16)} ${"CLI wall".padStart(9)} ${"cpu".padStart(8)} ${"peak RSS".padStart(9)} ${"script".padStart(8)} ${"cpu".padStart(8)} ${"peak RSS".padStart(9)}  ${"wall".padStart(6)} ${"cpu".padStart(6)}  target`,
  );
  for (const shape of shapes) {
    const ours = cli(volume, shape);
    const ref = timeProcess([reference, shape.name, volume.dir, iso(volume.window.from), iso(volume.window.to)]);
    const mismatch = sameOutput(shape, ours.stdout, ref.stdout);
    if (mismatch) throw new Error(`bench ${shape.name}: the CLI and the reference script disagree: ${mismatch}`);
    const ratio = ours.wallMs / ref.wallMs;
    const rssOk = volume.rows > 1_000_000 || ours.maxRssMb <= targets.peakRssMbAt1M;
    out(
      `  ${shape.name.padEnd(16)} ${seconds(ours.wallMs).padStart(9)} ${seconds(ours.cpuMs).padStart(8)} ${`${ours.maxRssMb.toFixed(0)} MB`.padStart(9)} ${seconds(ref.wallMs).padStart(8)} ${seconds(ref.cpuMs).padStart(8)} ${`${ref.maxRssMb.toFixed(0)} MB`.padStart(9)}  ${ratio.toFixed(2).padStart(5)}x ${(ours.cpuMs / ref.cpuMs).toFixed(2).padStart(5)}x  ${verdict(ratio <= targets.wholeProcess)}${rssOk ? "" : `, peak RSS over ${targets.peakRssMbAt1M} MB`}`,
    );
  }

  if (args.curve.length > 0) {
    out();
    out("loader curve: the summarize shape, whole process (load + query); cost per added row should stay flat");
    out(
      `  ${"rows".padStart(10)} ${"MB".padStart(6)} ${"wall".padStart(8)} ${"cpu".padStart(8)} ${"peak RSS".padStart(9)} ${"µs/row".padStart(7)}  µs per added row (wall, cpu)`,
    );
    let previous: { rows: number; ms: number; cpuMs: number } | undefined;
    for (const rows of args.curve) {
      const v = ensureVolume(args.dir, rows, log);
      const r = cli(v, shapes[0]);
      const perAdded = (ms: number, before: number) =>
        (((ms - before) * 1000) / (rows - (previous?.rows ?? 0))).toFixed(2);
      const added = previous ? `${perAdded(r.wallMs, previous.ms)}, ${perAdded(r.cpuMs, previous.cpuMs)}` : undefined;
      const cap = rows <= 1_000_000 ? targets.peakRssMbAt1M : rows <= 5_000_000 ? targets.peakRssMbAt5M : Infinity;
      out(
        `  ${rows.toLocaleString("en-US").padStart(10)} ${(fs.statSync(path.join(v.dir, summaryFile)).size / 1024 ** 2).toFixed(0).padStart(6)} ${seconds(r.wallMs).padStart(8)} ${seconds(r.cpuMs).padStart(8)} ${`${r.maxRssMb.toFixed(0)} MB`.padStart(9)} ${((r.wallMs * 1000) / rows).toFixed(2).padStart(7)}  ${(added ?? "").padEnd(12)}  ${r.maxRssMb <= cap ? "" : `peak RSS over ${cap} MB`}`,
      );
      previous = { rows, ms: r.wallMs, cpuMs: r.cpuMs };
    }
  }
  return 0;
}
