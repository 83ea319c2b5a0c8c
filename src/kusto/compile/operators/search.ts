// search: keeps the rows matching a search predicate, with a `$table` column naming each row's source.
// A bare term matches any column (as text) by where its `*`s are: term → has, term* → hasprefix, *term → hassuffix,
// *term* → contains, a*b → matches regex \ba.*b\b; `Col:"term"` restricts it to one column; other comparisons are
// ordinary expressions. Case-insensitive unless kind=case_sensitive. https://learn.microsoft.com/kusto/query/search-operator

import { toArray } from "../../kusto-language";
import { convertTo } from "../../scalars";
import { stringMatcher } from "../../scalars/match";
import { compileKustoRegex } from "../../scalars/regex";
import type { ColumnInfo, Value } from "../../types";
import {
  elements,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  parameterText,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  symbolColumns,
  symbolKindOf,
  type TabularFn,
  unsupported,
} from "../context";
import { compileScalar } from "../expressions";
import { literalValue } from "../literals";
import type {
  AsOperator,
  BinaryExpression,
  Expression,
  FindOperator,
  GroupSymbol,
  NameReference,
  ParenthesizedExpression,
  PipeExpression,
  SearchOperator,
  TableSymbol,
} from "../syntax";
import { compileTabular } from "../tabular";
import { escapeRegex } from "./parse";
import { unionColumns } from "./union";

type TextTest = (text: string) => boolean;

/** How one search term matches a text, from the position of its wildcards. */
export function termTest(term: string, caseSensitive: boolean): TextTest {
  const cs = caseSensitive ? "_cs" : "";
  const inner = term.replace(/^\*+|\*+$/g, "");
  const leading = term.startsWith("*");
  const trailing = term.endsWith("*") && term.length > 1;
  if (inner.includes("*")) {
    const pattern = (leading ? "" : "\\b") + inner.split(/\*+/).map(escapeRegex).join(".*") + (trailing ? "" : "\\b");
    const regex = compileKustoRegex(pattern, caseSensitive ? "" : "i");
    return (text) => regex.test(text);
  }
  const op = leading && trailing ? "contains" : leading ? "hassuffix" : trailing ? "hasprefix" : "has";
  const matcher = stringMatcher(op + cs);
  if (!matcher) throw new Error(`search: no matcher for ${op}${cs}`);
  return (text) => matcher(text, inner);
}

interface PredicateContext {
  readonly scope: Scope;
  readonly caseSensitive: boolean;
}

export type RowPredicate = (row: Row, ctx: RunContext, columns: readonly ColumnInfo[]) => boolean;

function columnText(row: Row, column: ColumnInfo): string | undefined {
  const v = row[column.name];
  if (v === null || v === undefined) return undefined;
  return column.type === "string" ? String(v) : (convertTo("string", column.type)(v) as string);
}

function compilePredicate(node: Expression, pc: PredicateContext): RowPredicate {
  const kind = kindOf(node);
  const binary = node as BinaryExpression;
  switch (kind) {
    case "ParenthesizedExpression":
      return compilePredicate((node as ParenthesizedExpression).Expression, pc);
    case "AndExpression": {
      const [a, b] = [compilePredicate(binary.Left, pc), compilePredicate(binary.Right, pc)];
      return (row, ctx, cols) => a(row, ctx, cols) && b(row, ctx, cols);
    }
    case "OrExpression": {
      const [a, b] = [compilePredicate(binary.Left, pc), compilePredicate(binary.Right, pc)];
      return (row, ctx, cols) => a(row, ctx, cols) || b(row, ctx, cols);
    }
    case "StarExpression":
      return () => true;
    case "StringLiteralExpression": {
      const test = termTest(String(literalValue(pc.scope, node, "string")), pc.caseSensitive);
      return (row, _ctx, cols) =>
        cols.some((c) => {
          const text = columnText(row, c);
          return text !== undefined && test(text);
        });
    }
    case "SearchExpression": {
      const column = String((binary.Left as Partial<NameReference> | null)?.SimpleName ?? "");
      if (kindOf(binary.Left) !== "NameReference" || kindOf(binary.Right) !== "StringLiteralExpression")
        throw unsupported(pc.scope, node, 'search term form (use Column:"term")');
      const test = termTest(String(literalValue(pc.scope, binary.Right, "string")), pc.caseSensitive);
      return (row, _ctx, cols) => {
        const c = cols.find((x) => x.name === column);
        const text = c ? columnText(row, c) : undefined;
        return text !== undefined && test(text);
      };
    }
  }
  const fn: ScalarFn = compileScalar(node, pc.scope);
  return (row, ctx) => fn(row, ctx) === true;
}

/** A search-style predicate (bare terms match any column, as find's do), case-insensitive. */
export function compileSearchPredicate(node: Expression, scope: Scope): RowPredicate {
  return compilePredicate(node, { scope, caseSensitive: false });
}

function caseSensitivity(node: SearchOperator, scope: Scope): boolean {
  const params = namedParameters(node.Parameters);
  let caseSensitive = false;
  for (const [name, value] of params) {
    const text = parameterText(value);
    if (name === "kind" && (text === "case_sensitive" || text === "case_insensitive" || text === "default"))
      caseSensitive = text === "case_sensitive";
    else throw unsupported(scope, node, `search ${name}=${text}`);
  }
  return caseSensitive;
}

export interface Source {
  readonly label: string;
  readonly fn: TabularFn;
}

function filtered(node: SearchOperator, scope: Scope, sources: readonly Source[]): TabularFn {
  const predicate = compilePredicate(node.Condition, { scope, caseSensitive: caseSensitivity(node, scope) });
  const columns = resultColumns(node);
  return (ctx) => {
    const rows: Row[] = [];
    const tables = sources.map((source) => source.fn(ctx));
    // Sources' columns merge as in union: a name with several types is one `name_type` column per type.
    const merged = unionColumns(
      tables.map((t) => t.columns),
      false,
    );
    const feeds = columns.map((c) => {
      if (c.name === "$table") return undefined;
      const u = typeof merged === "string" ? undefined : merged.find((m) => m.name === c.name && m.type === c.type);
      if (!u) throw unsupported(scope, node, `search output column ${c.name} that no source provides as ${c.type}`);
      return u.from;
    });
    tables.forEach((table, i) => {
      for (const row of table.rows) {
        if (!predicate(row, ctx, table.columns)) continue;
        const out = newRow();
        // A source without the column pads it as union does: null, or "" for a string (strings have no null).
        columns.forEach((c, k) => {
          const pick = feeds[k]?.get(i);
          out[c.name] =
            c.name === "$table"
              ? sources[i].label
              : pick === undefined
                ? c.type === "string"
                  ? ""
                  : null
                : ((row[pick] ?? null) as Value);
        });
        rows.push(out);
      }
    });
    return { columns, rows };
  };
}

/** The name an expression ending in `| as Name` gives itself (as-operator.md: search's $table reports it). */
function asLabel(expr: Expression): string | undefined {
  let e = expr;
  while (kindOf(e) === "ParenthesizedExpression") e = (e as ParenthesizedExpression).Expression;
  const pipe = kindOf(e) === "PipeExpression" ? (e as PipeExpression) : undefined;
  if (!pipe || kindOf(pipe.Operator) !== "AsOperator") return undefined;
  return String((pipe.Operator as AsOperator).Name?.SimpleName ?? "") || undefined;
}

/** `T | search ...`: the piped table's name labels the rows; a composite input has no name the engine could match. */
export function compileSearchOperator(node: SearchOperator, scope: Scope): OperatorFn {
  if (node.InClause) throw unsupported(scope, node, "search in (...) after a pipe");
  const input = (node.Parent as PipeExpression | null)?.Expression;
  // as-operator.md: the name given by `as` is what search's $table column reports.
  const label =
    input && kindOf(input) === "NameReference"
      ? String((input as NameReference).SimpleName)
      : input
        ? asLabel(input)
        : undefined;
  if (label === undefined && resultColumns(node).some((c) => c.name === "$table"))
    throw unsupported(scope, node, "search after a composite expression ($table has a system-generated name)");
  let piped: Row[] | undefined;
  let pipedColumns: readonly ColumnInfo[] = [];
  const fn = filtered(node, scope, [{ label: label ?? "", fn: () => ({ columns: pipedColumns, rows: piped ?? [] }) }]);
  return (table, ctx) => {
    piped = table.rows as Row[];
    pipedColumns = table.columns;
    return fn(ctx);
  };
}

/** `search in (A, B*) ...` or `search ...` over the database's tables. */
export function compileSearchSource(node: SearchOperator, scope: Scope): TabularFn {
  return filtered(node, scope, namedSources(node, scope, "search", "$table"));
}

/**
 * The tables search and find read, each labelled by its name: those `in (...)` names (a wildcard group is every table
 * it matches), or without in(...) the database's tables and the query's views (a let ... view joins the scope).
 */
export function namedSources(
  node: SearchOperator | FindOperator,
  scope: Scope,
  operator: "search" | "find",
  labelColumn: string,
): Source[] {
  if (!node.InClause) {
    const tables = toArray<TableSymbol>(scope.code.Globals?.Database?.Tables).map(tableSource);
    const views: Source[] = [];
    for (const [name, b] of scope.bindings) if (b.kind === "lambda" && b.view) views.push({ label: name, fn: b.view });
    if (tables.length + views.length === 0)
      throw unsupported(scope, node, `${operator} without in(...) over a database with no tables or views`);
    return [...tables, ...views];
  }
  return elements<Expression>(node.InClause.Expressions).flatMap((expr): Source[] => {
    const symbol = kindOf(expr) === "NameReference" ? (expr as NameReference).ReferencedSymbol : undefined;
    if (symbol && symbolKindOf(symbol) === "Group")
      return toArray<TableSymbol>((symbol as GroupSymbol).Members).map(tableSource);
    if (kindOf(expr) !== "NameReference")
      throw unsupported(
        scope,
        expr,
        `${operator} in (...) over an expression (${labelColumn} has a system-generated name)`,
      );
    return [{ label: String((expr as NameReference).SimpleName), fn: compileTabular(expr, scope) }];
  });
}

/** A table of the database, read from the run's tables; one the run lacks is empty with the declared columns. */
function tableSource(table: TableSymbol): Source {
  const name = String(table.Name);
  const columns = symbolColumns(table);
  return { label: name, fn: (ctx) => ctx.tables[name] ?? { columns, rows: [] } };
}
