// make-series (make-series-operator.md): one row per group, each aggregate an array over the axis bins.
// `from..to..step` bins with bin_at(axis, step, from) and excludes `to`; `in range(start, stop, step)` bins with bin() and includes stop.
import { formatValue, hashKey } from "../../scalars";
import type { KType, Value } from "../../types";
import { dynamicReal } from "../../values/dynamic-real";
import { EPOCH_DOTNET_TICKS } from "../../values/time";
import {
  elements,
  kindOf,
  namedParameters,
  type OperatorFn,
  parameterText,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  typeOf,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type {
  MakeSeriesFromToStepClause,
  MakeSeriesInRangeClause,
  MakeSeriesOperator,
  MakeSeriesRangeClause,
  SimpleNamedExpression,
} from "../syntax";
import { compileRowsAggregate } from "./summarize";

/** make-series arrays hold at most 2^20 values (make-series-operator.md). */
const maxBins = 1_048_576;

/** Values inside a dynamic array are JSON: datetimes and timespans become their Kusto text, whole reals stay reals (4.0). */
function asJson(v: Value, type: KType): Value {
  if (v !== null && type === "real" && typeof v === "number") return dynamicReal(v);
  return v !== null && (type === "datetime" || type === "timespan") ? formatValue(v, type) : v;
}

/** The axis arithmetic: bigint ticks for datetimes/timespans, doubles for numbers. */
interface Axis {
  /** Start of the bin holding v, bins aligned on `at` (or on bin()'s origin when `at` is undefined). */
  binStart(v: Value, step: Value, at: Value | undefined): Value;
  /** How many steps from lo to v (floor); v >= lo. */
  index(v: Value, lo: Value, step: Value): number;
  add(lo: Value, step: Value, n: number): Value;
  /** How many bins lo, lo+step, ... start before hi. */
  count(lo: Value, hi: Value, step: Value): number;
  less(a: Value, b: Value): boolean;
  positive(step: Value): boolean;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function tickAxis(datetime: boolean): Axis {
  // bin() on datetimes counts from 0001-01-01, as the bin function does.
  const origin = datetime ? EPOCH_DOTNET_TICKS : 0n;
  return {
    binStart: (v, step, at) => {
      const s = step as bigint;
      if (at === undefined) return floorDiv((v as bigint) + origin, s) * s - origin;
      return floorDiv((v as bigint) - (at as bigint), s) * s + (at as bigint);
    },
    index: (v, lo, step) => Number(((v as bigint) - (lo as bigint)) / (step as bigint)),
    add: (lo, step, n) => (lo as bigint) + (step as bigint) * BigInt(n),
    count: (lo, hi, step) => {
      const span = (hi as bigint) - (lo as bigint);
      return span <= 0n ? 0 : Number((span + (step as bigint) - 1n) / (step as bigint));
    },
    less: (a, b) => (a as bigint) < (b as bigint),
    positive: (step) => typeof step === "bigint" && step > 0n,
  };
}

const numberAxis: Axis = {
  binStart: (v, step, at) => {
    const a = at === undefined ? 0 : Number(at);
    return Math.floor((Number(v) - a) / Number(step)) * Number(step) + a;
  },
  index: (v, lo, step) => Math.floor((Number(v) - Number(lo)) / Number(step)),
  add: (lo, step, n) => Number(lo) + Number(step) * n,
  count: (lo, hi, step) => Math.max(0, Math.ceil((Number(hi) - Number(lo)) / Number(step))),
  less: (a, b) => Number(a) < Number(b),
  positive: (step) => (typeof step === "number" || typeof step === "bigint") && Number(step) > 0,
};

interface Bounds {
  readonly kind: "fromTo" | "inRange";
  readonly from?: ScalarFn;
  readonly to?: ScalarFn;
  readonly step: ScalarFn;
}

function compileBounds(range: MakeSeriesRangeClause | null, scope: Scope, node: MakeSeriesOperator): Bounds {
  const kind = range ? kindOf(range) : "";
  if (kind === "MakeSeriesFromToStepClause") {
    const fromTo = range as MakeSeriesFromToStepClause;
    return {
      kind: "fromTo",
      from: fromTo.MakeSeriesFromClause ? compileScalar(fromTo.MakeSeriesFromClause.Expression, scope) : undefined,
      to: fromTo.MakeSeriesToClause ? compileScalar(fromTo.MakeSeriesToClause.Expression, scope) : undefined,
      step: compileScalar(fromTo.MakeSeriesStepClause.Expression, scope),
    };
  }
  if (kind === "MakeSeriesInRangeClause") {
    const args = elements((range as MakeSeriesInRangeClause).Arguments?.Expressions);
    if (args.length !== 3)
      throw unsupported(scope, node, "make-series in range() without exactly start, stop and step");
    const [from, to, step] = args.map((a) => compileScalar(a, scope));
    return { kind: "inRange", from, to, step };
  }
  throw unsupported(scope, node, `make-series range clause ${kind || "(none)"}`);
}

export function compileMakeSeries(node: MakeSeriesOperator, scope: Scope): OperatorFn {
  const columns = resultColumns(node);
  const params = namedParameters(node.Parameters);
  let nonEmpty = false;
  for (const [name, value] of params) {
    if (name === "kind") {
      const kind = parameterText(value);
      if (kind !== "nonempty") throw unsupported(scope, node, `make-series kind=${kind}`);
      nonEmpty = true;
    } else if (!name.startsWith("hint.")) {
      throw unsupported(scope, node, `make-series parameter ${name}`);
    }
  }
  const bounds = compileBounds(node.RangeClause, scope, node);
  const axisNode = node.OnClause.Expression;
  const axisType = typeOf(scope, axisNode);
  const axisOps = axisType === "datetime" || axisType === "timespan" ? tickAxis(axisType === "datetime") : numberAxis;
  const axis = compileScalar(axisNode, scope);
  const byFns = elements(node.ByClause?.Expressions).map((e) => compileScalar(e, scope));
  if (nonEmpty && byFns.length > 0) throw unsupported(scope, node, "make-series kind=nonempty with by");
  const series = elements(node.Aggregates).map((ms) => {
    const expr = ms.Expression;
    const aggExpr = kindOf(expr) === "SimpleNamedExpression" ? (expr as SimpleNamedExpression).Expression : expr;
    const type = typeOf(scope, aggExpr);
    const fallback: ScalarFn | undefined = ms.DefaultExpression
      ? compileScalar(ms.DefaultExpression.Expression, scope)
      : undefined;
    // A series is a dynamic array, and dynamic values hold no decimal type (dynamic.md): the conversion is undocumented.
    if (type === "decimal") throw unsupported(scope, aggExpr, "make-series of a decimal aggregate");
    if (!fallback && type !== "int" && type !== "long" && type !== "real") {
      throw unsupported(scope, node, `make-series aggregate of type ${type} without default=`);
    }
    return { aggregate: compileRowsAggregate(expr, scope), type, fallback };
  });
  if (columns.length !== byFns.length + series.length + 1) throw unsupported(scope, node, "make-series shape");
  const names = columns.map((c) => c.name);
  // in range(...) has no step clause: its step is typed as the axis.
  const stepExpr =
    (node.RangeClause as Partial<MakeSeriesFromToStepClause> | null)?.MakeSeriesStepClause?.Expression ?? axisNode;

  return (input, ctx: RunContext) => {
    const step = bounds.step(emptyRow, ctx);
    if (!axisOps.positive(step))
      throw new Error(`make-series step must be positive, got ${formatValue(step, typeOf(scope, stepExpr))}`);
    const from = bounds.from ? bounds.from(emptyRow, ctx) : null;
    const to = bounds.to ? bounds.to(emptyRow, ctx) : null;
    const axisValues = input.rows.map((r) => axis(r, ctx));
    let min: Value = null;
    let max: Value = null;
    for (const v of axisValues) {
      if (v === null || v === undefined) continue;
      if (min === null || axisOps.less(v, min)) min = v;
      if (max === null || axisOps.less(max, v)) max = v;
    }
    let lo: Value;
    let hi: Value;
    if (bounds.kind === "inRange") {
      if (from === null || to === null) return { columns, rows: [] };
      lo = axisOps.binStart(from, step, undefined);
      hi = axisOps.add(axisOps.binStart(to, step, undefined), step, 1);
    } else {
      lo = from ?? (min === null ? null : axisOps.binStart(min, step, undefined));
      // Without `to`, the last bin is the one holding the largest axis value.
      hi = to ?? (max === null || lo === null ? null : axisOps.add(lo, step, axisOps.index(max, lo, step) + 1));
    }
    if (lo === null || hi === null) return { columns, rows: [] };
    // `to` is excluded: the last bin starts before it.
    const bins = axisOps.count(lo, hi, step);
    if (bins > maxBins)
      throw new Error(`make-series would create ${bins} bins (more than ${maxBins}); use a larger step`);
    const groups = new Map<string, { keys: Value[]; cells: Row[][] }>();
    input.rows.forEach((row, i) => {
      const t = axisValues[i];
      if (t === null || t === undefined || axisOps.less(t, lo) || !axisOps.less(t, hi)) return;
      const keys = byFns.map((f) => f(row, ctx));
      const key = keys.map((k) => hashKey(k)).join("\u0001");
      let g = groups.get(key);
      if (!g) {
        g = { keys, cells: Array.from({ length: bins }, () => []) };
        groups.set(key, g);
      }
      const b = axisOps.index(t, lo, step);
      if (b < bins) g.cells[b].push(row);
    });
    // make-series-operator.md: a missing from/to is the first/last bin with data "in each series"; one axis for every
    // series (what the engine builds) is that only when every series has data in the first/last bin.
    if (bounds.kind === "fromTo" && byFns.length > 0 && (!bounds.from || !bounds.to))
      for (const g of groups.values())
        if ((!bounds.from && g.cells[0].length === 0) || (!bounds.to && g.cells[bins - 1].length === 0))
          throw unsupported(
            scope,
            node,
            "make-series by groups whose data start or end in different bins, without from and to",
          );
    if (groups.size === 0 && nonEmpty) groups.set("", { keys: [], cells: Array.from({ length: bins }, () => []) });
    const axisArray = Array.from({ length: bins }, (_, b) => asJson(axisOps.add(lo, step, b), axisType));
    const rows: Row[] = [];
    for (const g of groups.values()) {
      const values: Value[] = [...g.keys];
      for (const s of series) {
        const fallback = asJson(s.fallback ? s.fallback(emptyRow, ctx) : 0, s.type);
        values.push(
          g.cells.map((cell) => (cell.length === 0 ? fallback : asJson(s.aggregate(cell, ctx), s.type))) as Value,
        );
      }
      values.push(axisArray as Value);
      const row: Row = {};
      names.forEach((n, i) => (row[n] = values[i] ?? null));
      rows.push(row);
    }
    return { columns, rows };
  };
}
