// top-nested: per level, group by the of-expression, rank groups by the aggregate, keep the top N, recurse into each.
import type { UnsupportedError } from "../../errors";
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
  /** `with others = value`: one more row, that value with the aggregate over the rows of the groups left out. */
  readonly others?: ScalarFn;
  readonly noRest: UnsupportedError;
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
    const othersClause = clause.WithOthersClause;
    // The page defines the others row of a level, not what the levels below make of it: only the last level has one.
    if (othersClause && i < clauses.length - 1)
      throw unsupported(scope, othersClause, "top-nested with others on a level other than the last");
    if (othersClause && typeOf(scope, othersClause.Expression) !== columns[2 * i].type)
      throw unsupported(scope, othersClause, "top-nested with others of another type than the of-expression");
    const ordered =
      kindOf(clause.ByExpression) === "OrderedExpression" ? (clause.ByExpression as OrderedExpression) : undefined;
    const by = ordered ? ordered.Expression : clause.ByExpression;
    const direction = ordered ? tokenText(ordered.Ordering?.AscOrDescKeyword).toLowerCase() : "";
    const aggregated = kindOf(by) === "SimpleNamedExpression" ? (by as SimpleNamedExpression).Expression : by;
    const aggType = typeOf(scope, aggregated);
    return {
      count: clause.Expression ? compileScalar(clause.Expression, scope) : undefined,
      others: othersClause ? compileScalar(othersClause.Expression, scope) : undefined,
      noRest: unsupported(
        scope,
        othersClause ?? clause,
        "top-nested with others where no value is left out of the top",
      ),
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
    if (level.others) {
      const rest = ranked.slice(n).flatMap((g) => g.rows);
      // What Kusto adds when every value made the top (an aggregate over no rows) is not documented.
      if (rest.length === 0) throw level.noRest;
      const value = level.others(emptyRow, ctx);
      out.push(Object.assign(newRow(), prefix, { [level.ofName]: value, [level.aggName]: level.aggregate(rest, ctx) }));
    }
  };

  return (input, ctx) => {
    const rows: Row[] = [];
    expand(input.rows, 0, {}, ctx, rows);
    return { columns, rows };
  };
}
