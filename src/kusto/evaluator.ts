// Compiles a KQL query once (names, types, operators resolved up front) and runs it over in-memory tables.
import { catalogKey, diagnosticsOf, parseAndAnalyze } from "./analyzer";
import { newRow, type Row, type RunContext, type Scope } from "./compile/context";
import { checkResultSize, defaultLimits, limitsWithOptions, type QueryLimits } from "./compile/limits";
import { compileQueryBlock } from "./compile/tabular";
import type { Catalog, ColumnInfo, QueryResult, TableSchema, Tables } from "./types";
import { checkedTables } from "./values/input-tables";

/** The tables and stored functions a query may use (none by default: a self-contained query needs none). */
export type CompileOptions = Catalog;

export interface RunOptions {
  /** Epoch ms used by now()/ago(); defaults to the wall clock. */
  readonly now?: number;
  /** Result and operator limits; Kusto's defaults (500,000 records / 64 MB per result) unless given. */
  readonly limits?: Partial<QueryLimits>;
}

export interface CompiledQuery {
  readonly columns: ColumnInfo[];
  run(tables: Tables, options?: RunOptions): QueryResult;
}

export function compileQuery(kql: string, options: CompileOptions = {}): CompiledQuery {
  const code = parseAndAnalyze(kql, options);
  const errors = diagnosticsOf(code).filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(`KQL does not analyze: ${errors.map((e) => `${e.line}:${e.column}: ${e.message}`).join("; ")}`);
  }
  const scope: Scope = { code, clock: { now: Date.now() }, bindings: new Map() };
  const { fn, columns: declared, open, options: setOptions } = compileQueryBlock(code.Syntax, scope);
  return {
    columns: declared,
    run(tables: Tables, runOptions: RunOptions = {}): QueryResult {
      scope.clock.now = runOptions.now ?? Date.now();
      const limits = limitsWithOptions({ ...defaultLimits, ...runOptions.limits }, setOptions);
      const ctx: RunContext = { tables: checkedTables(tables), memo: new Map(), limits };
      const table = fn(ctx);
      // The run's own columns: an open schema (bag_unpack, pivot...) is known only now, and a few operators drop a
      // column the binder lists (scan's match_id without with_match_id).
      const columns = open || table.columns.length !== declared.length ? [...table.columns] : declared;
      checkResultSize(table.rows, columns, limits);
      // Operators may leave stale keys on shared row objects; the result carries exactly the result columns.
      const rows = table.rows.map((r) => {
        const out: Row = newRow();
        for (const c of columns) out[c.name] = r[c.name] ?? null;
        return out;
      });
      return ctx.visualization ? { columns, rows, visualization: ctx.visualization } : { columns, rows };
    },
  };
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
export function runQuery(kql: string, tables: Tables, options: CompileOptions & RunOptions = {}): QueryResult {
  return cachedCompile(kql, catalogWithData(options, tables)).run(tables, options);
}
