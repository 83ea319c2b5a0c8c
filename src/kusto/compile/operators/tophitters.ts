// top-hitters N of Col [by Weight]: the N values of Col with the highest row count (or sum of Weight). Kusto estimates
// these with an approximation for large inputs; the engine counts exactly, so on large data its "approximate_*"
// columns can differ from Kusto's. https://learn.microsoft.com/kusto/query/top-hitters-operator
import { binaryOperator, hashKey } from "../../scalars";
import type { Value } from "../../types";
import { newRow, type OperatorFn, type Row, resultColumns, type Scope, typeOf, unsupported } from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type { TopHittersOperator } from "../syntax";

export function compileTopHitters(node: TopHittersOperator, scope: Scope): OperatorFn {
  const count = compileScalar(node.Expression, scope);
  const of = compileScalar(node.OfExpression, scope);
  const columns = resultColumns(node);
  const byExpr = node.ByClause?.Expression;
  const weight = byExpr ? compileScalar(byExpr, scope) : undefined;
  const sumType = byExpr ? typeOf(scope, byExpr) : "long";
  const plus = binaryOperator("+", sumType, sumType, sumType);
  if (!plus) throw unsupported(scope, node, `top-hitters by ${sumType}`);
  const [ofName, totalName] = columns.map((c) => c.name);
  return (input, ctx) => {
    const totals = new Map<string, { value: Value; total: Value; first: number }>();
    input.rows.forEach((row, i) => {
      const v = of(row, ctx);
      const w = weight ? weight(row, ctx) : 1;
      const k = hashKey(v);
      const entry = totals.get(k);
      if (!entry) totals.set(k, { value: v, total: w ?? 0, first: i });
      else if (w !== null) entry.total = plus(entry.total, w);
    });
    const n = Number(count(emptyRow, ctx));
    const ranked = [...totals.values()]
      .sort((a, b) => Number(b.total) - Number(a.total) || a.first - b.first)
      .slice(0, n);
    const rows: Row[] = ranked.map((e) => {
      const out = newRow();
      out[ofName] = e.value;
      out[totalName] = e.total;
      return out;
    });
    return { columns, rows };
  };
}
