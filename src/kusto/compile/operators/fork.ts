// fork and facet: one input, several result sets (fork-operator.md, facet-operator.md); only a statement's last operator.
import type { ColumnInfo, Value } from "../../types";
import {
  elements,
  kindOf,
  newRow,
  type Row,
  resultColumns,
  type Scope,
  type Table,
  type TabularFn,
  unsupported,
} from "../context";
import type {
  AsOperator,
  Expression,
  FacetOperator,
  FacetWithExpressionClause,
  FacetWithOperatorClause,
  ForkOperator,
  NameReference,
  PipeExpression,
} from "../syntax";
import { compileSubquery, compileTabular } from "../tabular";

/** One result set of a query: its columns as compiled, and the name fork or `as` gives it. */
export interface ResultSetFn {
  readonly fn: TabularFn;
  readonly columns: ColumnInfo[];
  readonly open: boolean;
  readonly name?: string;
}

/** The result sets of `T | fork ...` or `T | facet ...`; undefined for any other expression. */
export function forkResultSets(expr: Expression, scope: Scope): ResultSetFn[] | undefined {
  if (kindOf(expr) !== "PipeExpression") return undefined;
  const pipe = expr as PipeExpression;
  const op = pipe.Operator;
  const kind = kindOf(op);
  if (kind !== "ForkOperator" && kind !== "FacetOperator") return undefined;
  // The input runs once for every leg (fork-operator.md: the legs consume one input).
  const input = compileTabular(pipe.Expression, scope);
  const key = {};
  const shared: TabularFn = (ctx) => {
    const hit = ctx.memo.get(key) as Table | undefined;
    if (hit) return hit;
    const t = input(ctx);
    ctx.memo.set(key, t);
    return t;
  };
  const inputColumns = resultColumns(pipe.Expression);
  return kind === "ForkOperator"
    ? forkLegs(op as ForkOperator, scope, shared, inputColumns)
    : facetTables(op as FacetOperator, scope, shared);
}

function forkLegs(op: ForkOperator, scope: Scope, input: TabularFn, inputColumns: ColumnInfo[]): ResultSetFn[] {
  return elements(op.Expressions).map((leg) => {
    const body = leg.Expression;
    const run = compileSubquery(body, scope, inputColumns);
    const name = String(leg.NameEquals?.Name?.SimpleName ?? "") || asName(body);
    return {
      fn: (ctx) => run(input(ctx), ctx),
      columns: resultColumns(body),
      open: false,
      ...(name ? { name } : {}),
    };
  });
}

/** The name a leg's final `| as Name` gives its result. */
function asName(expr: Expression): string | undefined {
  if (kindOf(expr) === "AsOperator") return String((expr as AsOperator).Name?.SimpleName ?? "") || undefined;
  if (kindOf(expr) === "PipeExpression") return asName((expr as PipeExpression).Operator);
  return undefined;
}

/** facet: the `with` table first, then per column its values and their counts (`count_<column>`). */
function facetTables(op: FacetOperator, scope: Scope, input: TabularFn): ResultSetFn[] {
  const sets: ResultSetFn[] = [];
  const clause = op.WithClause;
  // The facet's input: the left side of the pipe it ends.
  const inputExpr = (op.Parent as PipeExpression).Expression;
  if (clause) {
    const body =
      kindOf(clause) === "FacetWithOperatorClause"
        ? (clause as FacetWithOperatorClause).Operator
        : (clause as FacetWithExpressionClause).Expression;
    const run = compileSubquery(body, scope, resultColumns(inputExpr));
    sets.push({ fn: (ctx) => run(input(ctx), ctx), columns: resultColumns(body), open: false });
  }
  for (const ref of elements(op.Expressions)) {
    if (kindOf(ref) !== "NameReference") throw unsupported(scope, ref, "facet by an expression (name a column)");
    const column = String((ref as NameReference).SimpleName);
    const type = resultColumns(inputExpr).find((c) => c.name === column)?.type ?? "dynamic";
    // Kusto groups by scalar values only (summarize by a dynamic column is an error).
    if (type === "dynamic") throw unsupported(scope, ref, `facet by the dynamic column ${column}`);
    const columns: ColumnInfo[] = [
      { name: column, type },
      { name: `count_${column}`, type: "long" },
    ];
    sets.push({ fn: (ctx) => valueCounts(input(ctx), column, columns), columns, open: false });
  }
  return sets;
}

/** Each distinct value of `column` with its row count, in order of first appearance (summarize count() by column). */
export function valueCounts(table: Table, column: string, columns: ColumnInfo[]): Table {
  // Scalar values (bigint ticks and longs included) are Map keys by value.
  const counts = new Map<Value, number>();
  for (const r of table.rows) {
    const v = r[column] ?? null;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const rows: Row[] = [...counts].map(([v, n]) => {
    const row = newRow();
    row[columns[0].name] = v;
    row[columns[1].name] = n;
    return row;
  });
  return { columns, rows };
}
