// make-series with from/to/step (or the data's range): one row per group, each aggregate an array over the time bins.
import { formatValue, hashKey } from "../../scalars";
import type { KType, Value } from "../../types";
import { elements, kindOf, type Node, type OperatorFn, resultColumns, type Row, type RunContext, type ScalarFn, type Scope, typeOf, unsupported } from "../context";
import { compileScalar, emptyRow } from "../expressions";
import { compileRowsAggregate } from "./summarize";

const maxBins = 100_000;

/** Values inside a dynamic array are JSON: datetimes and timespans become their Kusto text. */
function asJson(v: Value, type: KType): Value {
  return v !== null && (type === "datetime" || type === "timespan") ? formatValue(v, type) : v;
}

export function compileMakeSeries(node: Node, scope: Scope): OperatorFn {
  const columns = resultColumns(node);
  const range = node.RangeClause;
  if (!range || kindOf(range) !== "MakeSeriesFromToStepClause") throw unsupported(scope, node, "make-series without step (or with in range())");
  if (elements(node.Parameters).length > 0) throw unsupported(scope, node, "make-series parameters");
  const axisNode = node.OnClause.Expression;
  const axisType = typeOf(scope, axisNode);
  const axis = compileScalar(axisNode, scope);
  const from = range.MakeSeriesFromClause ? compileScalar(range.MakeSeriesFromClause.Expression, scope) : undefined;
  const to = range.MakeSeriesToClause ? compileScalar(range.MakeSeriesToClause.Expression, scope) : undefined;
  const step = compileScalar(range.MakeSeriesStepClause.Expression, scope);
  const byExprs = elements(node.ByClause?.Expressions);
  const byFns = byExprs.map((e) => compileScalar(e, scope));
  const series = elements(node.Aggregates).map((ms) => {
    const expr = ms.Expression;
    const aggExpr = kindOf(expr) === "SimpleNamedExpression" ? expr.Expression : expr;
    const fallback: ScalarFn | undefined = ms.DefaultExpression ? compileScalar(ms.DefaultExpression.Expression, scope) : undefined;
    return { aggregate: compileRowsAggregate(expr, scope), type: typeOf(scope, aggExpr), fallback };
  });
  if (columns.length !== byFns.length + series.length + 1) throw unsupported(scope, node, "make-series shape");
  const names = columns.map((c) => c.name);

  return (input, ctx: RunContext) => {
    const stepValue = step(emptyRow, ctx);
    if (typeof stepValue !== "number" || stepValue <= 0) throw new Error(`make-series step must be positive, got ${String(stepValue)}`);
    let lo = from ? (from(emptyRow, ctx) as number | null) : null;
    let hi = to ? (to(emptyRow, ctx) as number | null) : null;
    const axisValues = input.rows.map((r) => axis(r, ctx) as number | null);
    let min = Infinity;
    let max = -Infinity;
    for (const v of axisValues) {
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (lo === null) lo = Math.floor(min / stepValue) * stepValue;
    // Without `to`, the last bin is the one holding the largest axis value.
    if (hi === null) hi = lo + (Math.floor((max - lo) / stepValue) + 1) * stepValue;
    const bins = Number.isFinite(lo) && Number.isFinite(hi) ? Math.max(0, Math.ceil((hi - lo) / stepValue)) : 0;
    if (bins > maxBins) throw new Error(`make-series would create ${bins} bins (more than ${maxBins}); use a larger step`);
    const groups = new Map<string, { keys: Value[]; cells: Row[][] }>();
    input.rows.forEach((row, i) => {
      const t = axisValues[i];
      if (t === null || t < (lo as number) || t >= (hi as number)) return;
      const keys = byFns.map((f) => f(row, ctx));
      const key = keys.map((k) => hashKey(k)).join("\u0001");
      let g = groups.get(key);
      if (!g) {
        g = { keys, cells: Array.from({ length: bins }, () => []) };
        groups.set(key, g);
      }
      g.cells[Math.floor((t - (lo as number)) / stepValue)].push(row);
    });
    const axisArray = Array.from({ length: bins }, (_, b) => asJson((lo as number) + b * stepValue, axisType));
    const rows: Row[] = [];
    for (const g of groups.values()) {
      const values: Value[] = [...g.keys];
      for (const s of series) {
        const fallback = s.fallback ? s.fallback(emptyRow, ctx) : 0;
        values.push(g.cells.map((cell) => (cell.length === 0 ? fallback : asJson(s.aggregate(cell, ctx), s.type))) as Value);
      }
      values.push(axisArray as Value);
      const row: Row = {};
      names.forEach((n, i) => (row[n] = values[i] ?? null));
      rows.push(row);
    }
    return { columns, rows };
  };
}
