// Shared shapes of the compiler: syntax-node helpers, compiled closures, runtime context and compile-time scope.

import { lineColumn } from "../analyzer";
import { KqlRuntimeError, UnsupportedError } from "../errors";
import { enumName, kustoLanguage, toArray } from "../kusto-language";
import { newRecord } from "../scalars/bag-object";
import { type ColumnInfo, isScalarType, type KType, type Tables, type Value } from "../types";
import { defaultLimits, guardRows, type QueryLimits } from "./limits";
import type {
  ColumnSymbol,
  Expression,
  FunctionBody,
  KustoCode,
  KustoLanguageNamespace,
  KustoSymbol,
  LiteralExpression,
  NamedParameter,
  NameReference,
  SeparatedElement,
  SymbolKindName,
  SyntaxElement,
  SyntaxKindName,
  SyntaxList,
  SyntaxToken,
  TableSymbol,
  TypeSymbol,
} from "./syntax";

export type Row = Record<string, Value>;

/** A row or property bag without a prototype, so any column name or key (`__proto__`, `constructor`) is plain data. */
export function newRow(): Row {
  // Fast-shaped and still without inherited keys (see newRecord): Object.create(null) rows are about 2x slower in V8.
  return newRecord() as Row;
}

export interface Table {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
}

/** Per-run state: input tables, clock, memoised lets/materialize, the recorded render hint. */
export interface RunContext {
  readonly tables: Tables;
  readonly memo: Map<unknown, unknown>;
  visualization?: { kind: string; properties: Record<string, unknown> };
  /** The row being evaluated and its table, for row_number()/prev()/next() in extend, project and where. */
  rowIndex?: number;
  rows?: readonly Row[];
  /** Tables named by `as` earlier in the query (or in the current subquery run). */
  named?: Map<string, Table>;
  /** Row and memory limits of this run (defaultLimits when absent). */
  readonly limits?: QueryLimits;
}

/** Fails the query when an operator's output outgrows the run's limits (rows, or the heap); call as rows are added. */
export function guardGrowth(ctx: RunContext, count: number, what: string): void {
  guardRows(count, ctx.limits ?? defaultLimits, what);
}

/** A context for one run of a subquery (a partition, an mv-apply row): its memoised toscalar()/as results are its own. */
export function childContext(ctx: RunContext): RunContext {
  return {
    tables: ctx.tables,
    memo: new Map(ctx.memo),
    named: new Map(ctx.named ?? []),
    visualization: ctx.visualization,
    limits: ctx.limits,
  };
}

export type ScalarFn = (row: Row, ctx: RunContext) => Value;
export type TabularFn = (ctx: RunContext) => Table;
export type OperatorFn = (input: Table, ctx: RunContext) => Table;

export type Binding =
  | { readonly kind: "scalar"; readonly fn: ScalarFn }
  | { readonly kind: "tabular"; readonly fn: TabularFn }
  | {
      readonly kind: "lambda" /** A `view () { ... }`: a search over the whole database includes it. */;
      readonly view?: TabularFn;
    }
  | { readonly kind: "pattern"; readonly cases: readonly { readonly key: string; readonly body: FunctionBody }[] };

/** Compile-time state: the analyzed code (for positions), the scalar clock, and let/parameter bindings by name. */
export interface Scope {
  readonly code: KustoCode;
  readonly clock: { now: number };
  readonly bindings: ReadonlyMap<string, Binding>;
  /** The columns of the rows an expression reads (extend/project/where input), for pack_all(). */
  readonly rowColumns?: readonly ColumnInfo[];
  /** Column symbols read from elsewhere than the row: `partition by k { ... }` reads its key column per partition. */
  readonly columnValues?: ReadonlyMap<unknown, ScalarFn>;
}

export function withBindings(scope: Scope, added: Iterable<[string, Binding]>): Scope {
  const bindings = new Map(scope.bindings);
  for (const [name, b] of added) bindings.set(name, b);
  return { ...scope, bindings };
}

/** The Kusto.Language namespace, typed as far as the compiler uses it (the loader hands it over untyped). */
export function kustoNamespace(): KustoLanguageNamespace {
  return kustoLanguage().Kusto.Language;
}

export function kindOf(node: SyntaxElement): SyntaxKindName {
  return enumName(kustoNamespace().Syntax.SyntaxKind, node.Kind) as SyntaxKindName;
}

export function symbolKindOf(symbol: KustoSymbol): SymbolKindName {
  return enumName(kustoNamespace().Symbols.SymbolKind, symbol.Kind) as SymbolKindName;
}

export function position(scope: Scope, node: SyntaxElement | null | undefined): string {
  const { line, column } = lineColumn(scope.code, node?.TextStart ?? 0);
  return `${line}:${column}`;
}

export function unsupported(scope: Scope, node: SyntaxElement | null | undefined, what: string): UnsupportedError {
  const { line, column } = lineColumn(scope.code, node?.TextStart ?? 0);
  return new UnsupportedError(what, line, column);
}

/** A refusal or error a function raised from its argument values at run time, given the call's position once. */
export function locatedRefusal(scope: Scope, node: SyntaxElement | null | undefined, err: unknown): unknown {
  // Only plain Errors: limits, engine bugs (TypeError...) and already located errors pass through as they are.
  if (!(err instanceof Error) || err.constructor !== Error) return err;
  if (err.message.startsWith("unsupported: "))
    return unsupported(scope, node, err.message.slice("unsupported: ".length));
  const { line, column } = lineColumn(scope.code, node?.TextStart ?? 0);
  return new KqlRuntimeError(err.message, line, column);
}

/** The binder's scalar type of an expression node. */
export function typeOf(scope: Scope, node: Expression): KType {
  const name = String(node.ResultType?.Name ?? "");
  if (isScalarType(name)) return name;
  // A column of an open schema (after bag_unpack, pivot...) is typed only when the query runs: treat it as dynamic.
  if (name === "unknown" && kindOf(node) === "NameReference") return "dynamic";
  throw unsupported(scope, node, `expression of type "${name || "unknown"}"`);
}

/** Type of a bound column symbol, falling back to dynamic for types the engine does not model. */
export function columnType(symbolType: TypeSymbol | null | undefined): KType {
  const name = String(symbolType?.Name ?? "");
  return isScalarType(name) ? name : "dynamic";
}

/** Whether the binder left a tabular node's schema open: its columns are known only when the query runs. */
export function isOpenSchema(node: Expression | null | undefined): boolean {
  // Only a table type has IsOpen; a scalar's ResultType lacks it.
  return (node?.ResultType as Partial<TableSymbol> | null | undefined)?.IsOpen === true;
}

/** Output columns of a tabular node as the binder computed them. */
export function resultColumns(node: Expression): ColumnInfo[] {
  // Table and tuple types have Columns; any other type gives none.
  return symbolColumns(node.ResultType as Partial<TableSymbol> | null);
}

/** The columns a table (or tuple) symbol declares, as engine column infos. */
export function symbolColumns(table: Partial<TableSymbol> | null | undefined): ColumnInfo[] {
  return toArray<ColumnSymbol>(table?.Columns).map((c) => ({ name: String(c.Name), type: columnType(c.Type) }));
}

/** Elements of a SyntaxList, unwrapping SeparatedElement (an untyped list is taken to hold expressions, as most do). */
export function elements<T extends SyntaxElement = Expression>(
  list: SyntaxList<SeparatedElement<T>> | null | undefined,
): T[];
export function elements<T extends SyntaxElement = Expression>(list: SyntaxList<T> | null | undefined): T[];
export function elements(list: SyntaxList<SyntaxElement> | null | undefined): SyntaxElement[] {
  const out: SyntaxElement[] = [];
  if (!list) return out;
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i) as Partial<SeparatedElement<SyntaxElement>> | null;
    if (!child) continue;
    out.push(child.Element !== undefined ? child.Element : (child as SyntaxElement));
  }
  return out;
}

/** Named parameters of an operator (kind=inner, withsource=T, ...) as lower-case name → node. */
export function namedParameters(list: SyntaxList<NamedParameter> | null | undefined): Map<string, Expression> {
  const out = new Map<string, Expression>();
  for (const p of elements(list)) out.set(String(p.Name?.SimpleName ?? "").toLowerCase(), p.Expression);
  return out;
}

/** The name a parameter's value gives (with_itemindex=i, withsource=T): a name reference or declaration; else "". */
export function parameterName(value: Expression): string {
  const named = value as Partial<NameReference>;
  return String(named.SimpleName ?? named.Name?.SimpleName ?? "");
}

/** A named parameter's value as lower-case text (`kind=Inner` → "inner"); "" when absent. */
export function parameterText(expr: Expression | null | undefined): string {
  if (!expr) return "";
  // A literal's own token; any other expression renders its text.
  const token = (expr as Partial<LiteralExpression>).Token;
  return String(token ? tokenText(token) : (expr.ToString?.() ?? ""))
    .trim()
    .toLowerCase();
}

export function tokenText(token: SyntaxToken | null | undefined): string {
  return token ? String(token.Text ?? "") : "";
}

/** Runs `loop` with `rows` as the row context, restoring the outer one after (subqueries may run inside). */
export function withRowContext<T>(ctx: RunContext, rows: readonly Row[], loop: () => T): T {
  const outerRows = ctx.rows;
  const outerIndex = ctx.rowIndex;
  ctx.rows = rows;
  try {
    return loop();
  } finally {
    ctx.rows = outerRows;
    ctx.rowIndex = outerIndex;
  }
}
