// Operators that produce rows without (or beside) a piped input: datatable, print, range, union.

import { toArray } from "../../kusto-language";
import { normLong } from "../../scalars/int64";
import type { ColumnInfo } from "../../types";
import { tickSteps } from "../../values/ranges";
import {
  columnType,
  elements,
  guardGrowth,
  kindOf,
  type Node,
  namedParameters,
  newRow,
  type OperatorFn,
  type Row,
  resultColumns,
  type Scope,
  symbolKindOf,
  type TabularFn,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import { defaultLimits } from "../limits";
import type { ColumnSymbol, TableSymbol } from "../syntax";
import { compileTabular } from "../tabular";
import { compileTupleMapper, isTupleItem } from "../tuples";
import { projectNames } from "./naming";

export function compileDataTable(node: Node, scope: Scope): TabularFn {
  const columns = resultColumns(node);
  const values = elements(node.Values).map((v) => compileScalar(v, scope));
  if (columns.length === 0 || values.length % columns.length !== 0) {
    throw unsupported(scope, node, `datatable with ${values.length} values for ${columns.length} columns`);
  }
  return (ctx) => {
    const rows: Row[] = [];
    for (let i = 0; i < values.length; i += columns.length) {
      const row: Row = newRow();
      columns.forEach((c, j) => (row[c.name] = values[i + j](emptyRow, ctx)));
      rows.push(row);
    }
    return { columns, rows };
  };
}

export function compilePrint(node: Node, scope: Scope): TabularFn {
  const exprs = elements(node.Expressions);
  const columns = resultColumns(node);
  if (exprs.some(isTupleItem)) {
    // print of a call with several result columns: the project mapper over one empty row.
    const mapper = compileTupleMapper(exprs, columns, scope, false, node);
    return (ctx) => mapper({ columns: [], rows: [emptyRow] }, ctx);
  }
  const names = projectNames(exprs, columns, scope, node);
  const fns = exprs.map((e) => compileScalar(e, scope));
  return (ctx) => {
    const row: Row = newRow();
    fns.forEach((f, i) => (row[names[i]] = f(emptyRow, ctx)));
    return { columns, rows: [row] };
  };
}

export function compileRange(node: Node, scope: Scope): TabularFn {
  const columns = resultColumns(node);
  const name = columns[0].name;
  const [from, to, step] = [node.From, node.To, node.Step].map((e) => compileScalar(e, scope));
  return (ctx) => {
    const start = from(emptyRow, ctx);
    const end = to(emptyRow, ctx);
    const by = step(emptyRow, ctx);
    // Datetime and timespan ranges step in exact ticks.
    if (typeof start === "bigint" && typeof end === "bigint" && typeof by === "bigint") {
      return {
        columns,
        rows: tickSteps(start, end, by, (ctx.limits ?? defaultLimits).maxOperatorRows, "range").map((v) => ({
          [name]: v,
        })),
      };
    }
    // A long range reaching beyond 2^53 steps exactly in bigint; each value is a number again while safe.
    if (
      columns[0].type === "long" &&
      [start, end, by].every((v) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) &&
      [start, end, by].some((v) => typeof v === "bigint")
    ) {
      const [a, b, d] = [start, end, by].map((v) => BigInt(v as number | bigint));
      if (d <= 0n) throw new Error(`range needs a positive step, got ${d}`);
      const rows: Row[] = [];
      for (let v = a; v <= b; v += d) {
        rows.push({ [name]: normLong(v) });
        guardGrowth(ctx, rows.length, "range");
      }
      return { columns, rows };
    }
    if (typeof start !== "number" || typeof end !== "number" || typeof by !== "number" || by <= 0) {
      throw new Error(
        `range needs numeric from/to and a positive step, got ${String(start)}, ${String(end)}, ${String(by)}`,
      );
    }
    const rows: Row[] = [];
    for (let v = start; v <= end; v += by) {
      rows.push({ [name]: v });
      guardGrowth(ctx, rows.length, "range");
    }
    return { columns, rows };
  };
}

interface UnionSource {
  readonly label: string;
  readonly fn: TabularFn;
  readonly columns: readonly ColumnInfo[];
}

function unionSource(expr: Node, index: number, scope: Scope): UnionSource[] {
  const symbol = kindOf(expr) === "NameReference" ? expr.ReferencedSymbol : undefined;
  if (symbol && symbolKindOf(symbol) === "Group") {
    // A wildcard (ACS*) names every matching table; each is its own source.
    return toArray<TableSymbol>(symbol.Members).map((table) => {
      const name = String(table.Name);
      const columns = toArray<ColumnSymbol>(table.Columns).map((c) => ({
        name: String(c.Name),
        type: columnType(c.Type),
      }));
      return { label: name, fn: (ctx) => ctx.tables[name] ?? { columns, rows: [] }, columns };
    });
  }
  const label = kindOf(expr) === "NameReference" ? String(expr.SimpleName) : (asName(expr) ?? `union_arg${index}`);
  return [{ label, fn: compileTabular(expr, scope), columns: resultColumns(expr) }];
}

function unionOf(node: Node, scope: Scope, sources: UnionSource[]): TabularFn {
  const columns = resultColumns(node);
  const params = namedParameters(node.Parameters);
  const withSource = params.get("withsource");
  const sourceColumn = withSource ? String(withSource.SimpleName ?? withSource.Name?.SimpleName ?? "") : undefined;
  const known = new Set(sources.flatMap((s) => s.columns.map((c) => c.name)));
  for (const c of columns) {
    if (c.name !== sourceColumn && !known.has(c.name))
      throw unsupported(scope, node, `union column ${c.name} (columns of differing types)`);
  }
  return (ctx) => {
    const rows: Row[] = [];
    for (const s of sources) {
      const t = s.fn(ctx);
      for (const r of t.rows) {
        const out: Row = newRow();
        // A leg without the column pads it: null, or "" for a string (strings have no null).
        for (const c of columns)
          out[c.name] = (c.name === sourceColumn ? s.label : r[c.name]) ?? (c.type === "string" ? "" : null);
        rows.push(out);
      }
    }
    return { columns, rows };
  };
}

/** The name a leg gives itself with a final `| as Name`, which withsource reports. */
function asName(expr: Node): string | undefined {
  const kind = kindOf(expr);
  if (kind === "ParenthesizedExpression") return asName(expr.Expression);
  if (kind === "PipeExpression" && kindOf(expr.Operator) === "AsOperator")
    return String(expr.Operator.Name?.SimpleName ?? "") || undefined;
  return undefined;
}

/** The leftmost name of a leg (`(T | where ...)` → T). */
function leftmostName(expr: Node): Node | undefined {
  const kind = kindOf(expr);
  if (kind === "NameReference") return expr;
  if (kind === "ParenthesizedExpression" || kind === "PipeExpression") return leftmostName(expr.Expression);
  return undefined;
}

/** The legs of a union; with isfuzzy=true a leg naming a table or view that does not exist is left out, as Kusto does. */
function unionLegs(node: Node): Node[] {
  const fuzzy =
    String(namedParameters(node.Parameters).get("isfuzzy")?.ToString?.() ?? "")
      .trim()
      .toLowerCase() === "true";
  const legs = elements(node.Expressions);
  if (!fuzzy) return legs;
  return legs.filter((leg) => {
    const name = leftmostName(leg);
    return !name || !!name.ReferencedSymbol;
  });
}

/** `union A, B` as the start of a query. */
export function compileUnionSource(node: Node, scope: Scope): TabularFn {
  return unionOf(
    node,
    scope,
    unionLegs(node).flatMap((e, i) => unionSource(e, i, scope)),
  );
}

/** `input | union A, B`: the piped input comes first. */
export function compileUnionOperator(node: Node, scope: Scope, inputColumns: readonly ColumnInfo[]): OperatorFn {
  let piped: { value?: ReturnType<TabularFn> } = {};
  const first: UnionSource = {
    label: "union_arg0",
    fn: () => piped.value ?? { columns: inputColumns, rows: [] },
    columns: inputColumns,
  };
  const rest = unionLegs(node).flatMap((e, i) => unionSource(e, i + 1, scope));
  const fn = unionOf(node, scope, [first, ...rest]);
  return (input, ctx) => {
    piped = { value: input };
    return fn(ctx);
  };
}
