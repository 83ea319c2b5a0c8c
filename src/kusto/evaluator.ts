// Compiles a KQL query once (names, types, operators resolved up front) and runs it over in-memory tables.
import { catalogKey, diagnosticsOf, parseAndAnalyze } from "./analyzer";
import { newRow, type Row, type RunContext, type Scope } from "./compile/context";
import { checkResultSize, defaultLimits, limitsWithOptions, type QueryLimits } from "./compile/limits";
import type { ResultSetFn } from "./compile/operators/fork";
import { compileQueryBlock } from "./compile/tabular";
import { type Catalog, type ColumnInfo, nullOf, type QueryResult, type TableSchema, type Tables } from "./types";
import { checkedTables } from "./values/input-tables";

/** The tables and stored functions a query may use (none by default: a self-contained query needs none). */
export type CompileOptions = Catalog;

export interface RunOptions {
  /** Epoch ms used by now()/ago(); defaults to the wall clock. */
  readonly now?: number;
  /** Result and operator limits; Kusto's defaults (500,000 records / 64 MB per result) unless given. */
  readonly limits?: Partial<QueryLimits>;
}

/** One result set; fork names its legs (`name=(...)` or a final `as`). */
export interface ResultSet extends QueryResult {
  readonly name?: string;
}

/** The first result set; a query of several statements, fork or facet lists them all (the first included) in order. */
export interface QueryResults extends QueryResult {
  readonly resultSets?: readonly ResultSet[];
}

export interface CompiledQuery {
  readonly columns: ColumnInfo[];
  run(tables: Tables, options?: RunOptions): QueryResults;
}

export function compileQuery(kql: string, options: CompileOptions = {}): CompiledQuery {
  const code = parseAndAnalyze(kql, options);
  const errors = diagnosticsOf(code).filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(`KQL does not analyze: ${errors.map((e) => `${e.line}:${e.column}: ${e.message}`).join("; ")}`);
  }
  const scope: Scope = { code, clock: { now: Date.now() }, bindings: new Map() };
  const first = compileQueryBlock(code.Syntax, scope);
  const { options: setOptions, more } = first;
  return {
    columns: first.columns,
    run(tables: Tables, runOptions: RunOptions = {}): QueryResults {
      scope.clock.now = runOptions.now ?? Date.now();
      const limits = limitsWithOptions({ ...defaultLimits, ...runOptions.limits }, setOptions);
      // One context for every result set: a materialize() or let is computed once for all of them.
      const ctx: RunContext = { tables: checkedTables(tables), memo: new Map(), limits };
      const primary = finish(first, ctx, limits);
      if (more.length === 0) return primary;
      const sets: ResultSet[] = [primary, ...more.map((set) => finish(set, ctx, limits))];
      return { ...primary, resultSets: sets };
    },
  };
}

/** Runs one result set and shapes its rows to exactly its columns. */
function finish(set: ResultSetFn, ctx: RunContext, limits: QueryLimits): ResultSet {
  const { columns: declared, open } = set;
  ctx.visualization = undefined;
  const table = set.fn(ctx);
  // The run's own columns: an open schema (bag_unpack, pivot...) is known only now, and a few operators drop a
  // column the binder lists (scan's match_id without with_match_id).
  const columns = open || table.columns.length !== declared.length ? [...table.columns] : declared;
  checkResultSize(table.rows, columns, limits);
  // Operators may leave stale keys on shared row objects; the result carries exactly the result columns.
  const rows = table.rows.map((r) => {
    const out: Row = newRow();
    // Kusto strings have no null: a string cell a row never filled (a loaded row missing the key) is "".
    for (const c of columns) out[c.name] = r[c.name] ?? nullOf(c.type);
    return out;
  });
  const named = set.name ? { name: set.name } : {};
  return ctx.visualization
    ? { columns, rows, visualization: ctx.visualization, ...named }
    : { columns, rows, ...named };
}

// Binding a query that calls saved functions costs the binder ~0.4 s; tests and previews run the same texts often.
const compiledCache = new Map<string, CompiledQuery>();
const cacheSize = 128;

function cachedCompile(kql: string, options: CompileOptions): CompiledQuery {
  const key = `${catalogKey(options)}\u0000${kql}`;
  const hit = compiledCache.get(key);
  if (hit) {
    compiledCache.delete(key);
    compiledCache.set(key, hit);
    return hit;
  }
  const compiled = compileQuery(kql, options);
  compiledCache.set(key, compiled);
  if (compiledCache.size > cacheSize) compiledCache.delete(compiledCache.keys().next().value as string);
  return compiled;
}

/** The catalog's tables, plus every data table it does not declare (data handed in is a table the query may use). */
export function catalogWithData(catalog: Catalog, tables: Tables): Catalog {
  const declared = new Set((catalog.tables ?? []).map((t) => t.name));
  const extra: TableSchema[] = Object.values(tables)
    .filter((t) => !declared.has(t.name))
    .map((t) => ({ name: t.name, columns: t.columns }));
  return extra.length === 0 ? catalog : { ...catalog, tables: [...(catalog.tables ?? []), ...extra] };
}

/** Compiles (or reuses the compiled form of) `kql` against the catalog and the given data tables, and runs it once. */
export function runQuery(kql: string, tables: Tables, options: CompileOptions & RunOptions = {}): QueryResults {
  return cachedCompile(kql, catalogWithData(options, tables)).run(tables, options);
}
