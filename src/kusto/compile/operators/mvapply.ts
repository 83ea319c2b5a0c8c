// mv-apply: per input row, the arrays are expanded (as mv-expand does) into a subtable, the subquery runs on it, and
// each of its rows is joined back to the input row's other columns. https://learn.microsoft.com/kusto/query/mv-apply-operator
import type { ColumnInfo, KType } from "../../types";
import {
  childContext,
  columnType,
  elements,
  guardGrowth,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  parameterName,
  type Row,
  resultColumns,
  type Scope,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type { Expression, MvApplyExpression, MvApplyOperator } from "../syntax";
import { compileSubquery } from "../tabular";
import { castTo, elementsOf } from "./mvexpand";
import { expressionName } from "./naming";

/** The element type of `to typeof(T)`, dynamic when absent. */
function targetType(mv: Expression): KType {
  // Only an MvApplyExpression item has a `to typeof(T)` clause.
  const toTypeOf = (mv as Partial<MvApplyExpression>).ToTypeOf;
  const typeExpr = toTypeOf ? elements(toTypeOf.TypeOf?.Types)[0] : undefined;
  return typeExpr ? columnType(typeExpr.ReferencedSymbol ?? typeExpr.ResultType) : "dynamic";
}

export function compileMvApply(node: MvApplyOperator, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  if (node.ContextIdClause) throw unsupported(scope, node.ContextIdClause, "mv-apply context_id");
  const params = namedParameters(node.Parameters);
  for (const p of params.keys()) if (p !== "with_itemindex") throw unsupported(scope, node, `mv-apply ${p}`);
  const indexParam = params.get("with_itemindex");
  const indexColumn = indexParam ? parameterName(indexParam) : undefined;
  const limit = node.RowLimitClause ? compileScalar(node.RowLimitClause.RowLimit, scope) : undefined;
  const targets = elements(node.Expressions).map((mv) => {
    const expr = kindOf(mv) === "MvApplyExpression" ? (mv as MvApplyExpression).Expression : mv;
    const name = expressionName(expr);
    if (!name) throw unsupported(scope, mv, "mv-apply expression without a name (write Name = expression)");
    const type = targetType(mv);
    return { name, type, fn: compileScalar(expr, scope), cast: castTo(type, (what) => unsupported(scope, mv, what)) };
  });
  // The subquery's source: the input's columns with each expanded column typed as its elements, new ones appended.
  const subColumns: ColumnInfo[] = input.map((c) => {
    const t = targets.find((x) => x.name === c.name);
    return t ? { name: c.name, type: t.type } : c;
  });
  for (const t of targets) if (!input.some((c) => c.name === t.name)) subColumns.push({ name: t.name, type: t.type });
  if (indexColumn) subColumns.push({ name: indexColumn, type: "long" });
  const subquery = compileSubquery(node.Subquery, scope, subColumns);
  const columns = resultColumns(node);
  return (table, ctx) => {
    const max = limit ? Number(limit(emptyRow, ctx)) : Number.POSITIVE_INFINITY;
    const rows: Row[] = [];
    for (const row of table.rows) {
      const lists = targets.map((t) => elementsOf(t.fn(row, ctx)));
      let count = 0;
      for (const l of lists) count = Math.max(count, l.length);
      count = Math.min(max, count);
      const expanded: Row[] = [];
      for (let i = 0; i < count; i++) {
        const out: Row = Object.assign(newRow(), row);
        if (indexColumn) out[indexColumn] = i;
        targets.forEach((t, j) => (out[t.name] = i < lists[j].length ? t.cast(lists[j][i]) : null));
        expanded.push(out);
      }
      const result = subquery({ columns: subColumns, rows: expanded }, childContext(ctx));
      for (const sub of result.rows) {
        const out = newRow();
        for (const c of columns) {
          const v = c.name in sub ? sub[c.name] : row[c.name];
          out[c.name] = v === undefined ? null : v;
        }
        rows.push(out);
        guardGrowth(ctx, rows.length, "mv-apply");
      }
    }
    return { columns, rows };
  };
}
