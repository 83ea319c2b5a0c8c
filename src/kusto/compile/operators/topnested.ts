// top-nested: per level, group by the of-expression, rank groups by the aggregate, keep the top N, recurse into each.
import { compareValues, hashKey } from "../../scalars";
import type { Value } from "../../types";
import {
  elements,
  kindOf,
  newRow,
  type OperatorFn,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  tokenText,
  typeOf,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type { OrderedExpression, SimpleNamedExpression, TopNestedOperator } from "../syntax";
import { compileRowsAggregate } from "./summarize";

interface Level {
  readonly count?: ScalarFn;
  readonly of: ScalarFn;
  readonly aggregate: (rows: readonly Row[], ctx: RunContext) => Value;
  readonly compare: (a: Value, b: Value) => number;
  readonly descending: boolean;
  readonly ofName: string;
  readonly aggName: string;
}

export function compileTopNested(node: TopNestedOperator, scope: Scope): OperatorFn {
  const columns = resultColumns(node);
  const clauses = elements(node.Clauses);
  if (columns.length !== clauses.length * 2) throw unsupported(scope, node, "top-nested shape");
  const levels: Level[] = clauses.map((clause, i) => {
    if (clause.WithOthersClause) throw unsupported(scope, clause.WithOthersClause, "top-nested with others");
    const ordered =
      kindOf(clause.ByExpression) === "OrderedExpression" ? (clause.ByExpression as OrderedExpression) : undefined;
    const by = ordered ? ordered.Expression : clause.ByExpression;
    const direction = ordered ? tokenText(ordered.Ordering?.AscOrDescKeyword).toLowerCase() : "";
    const aggregated = kindOf(by) === "SimpleNamedExpression" ? (by as SimpleNamedExpression).Expression : by;
    const aggType = typeOf(scope, aggregated);
    return {
      count: clause.Expression ? compileScalar(clause.Expression, scope) : undefined,
      of: compileScalar(clause.OfExpression, scope),
      aggregate: compileRowsAggregate(by, scope),
      compare: compareValues(aggType),
      descending: direction !== "asc",
      ofName: columns[2 * i].name,
      aggName: columns[2 * i + 1].name,
    };
  });

  const expand = (rows: readonly Row[], depth: number, prefix: Row, ctx: RunContext, out: Row[]) => {
    const level = levels[depth];
    const groups = new Map<string, { value: Value; rows: Row[] }>();
    for (const row of rows) {
      const value = level.of(row, ctx);
      const key = hashKey(value);
      const g = groups.get(key);
      if (g) g.rows.push(row);
      else groups.set(key, { value, rows: [row] });
    }
    const ranked = [...groups.values()].map((g) => ({ ...g, agg: level.aggregate(g.rows, ctx) }));
    ranked.sort((a, b) => {
      if (a.agg === null || b.agg === null) return a.agg === b.agg ? 0 : a.agg === null ? 1 : -1;
      const c = level.compare(a.agg, b.agg);
      return level.descending ? -c : c;
    });
    const n = level.count ? Number(level.count(emptyRow, ctx)) : ranked.length;
    for (const g of ranked.slice(0, n)) {
      const row: Row = Object.assign(newRow(), prefix, { [level.ofName]: g.value, [level.aggName]: g.agg });
      if (depth + 1 < levels.length) expand(g.rows, depth + 1, row, ctx, out);
      else out.push(row);
    }
  };

  return (input, ctx) => {
    const rows: Row[] = [];
    expand(input.rows, 0, {}, ctx, rows);
    return { columns, rows };
  };
}
