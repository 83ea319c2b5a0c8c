// Declares the caller's tables and stored functions (none by default) to Microsoft's binder, then parses and analyzes
// KQL text against them. The engine knows no table of its own: callers hand in their catalog, as KustoLoco's AddTable.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic, GlobalState, KustoCode, KustoSymbol, SyntaxElement, SyntaxNode } from "./compile/syntax";
import { kustoLanguage, libraryFiles, toArray } from "./kusto-language";
import type { Catalog, KqlDiagnostic, KqlFunctionDef, TableSchema } from "./types";

export type AnalyzeOptions = Catalog;

const globalsCache = new Map<string, GlobalState>();
/** Function-body expansions the binder keeps per function, one per distinct set of constant arguments. */
export const maxCachedExpansions = 100;
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

function functionParameterList(fn: KqlFunctionDef): string {
  const params = fn.parameters.map((p) => {
    if (!identifier.test(p.name))
      throw new Error(`function ${fn.name}: parameter name "${p.name}" is not a KQL identifier`);
    return p.defaultValue !== undefined ? `${p.name}:${p.type}=${p.defaultValue}` : `${p.name}:${p.type}`;
  });
  return `(${params.join(", ")})`;
}

function functionBody(fn: KqlFunctionDef): string {
  const body = fn.body.trim();
  return body.startsWith("{") ? body : `{\n${body}\n}`;
}

/** Identity of a catalog, for caches keyed on what the binder sees. */
export function catalogKey(catalog: Catalog): string {
  const tables = (catalog.tables ?? []).map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.type}`)]);
  const functions = (catalog.functions ?? []).map((f) => [f.name, f.parameters, f.body]);
  return JSON.stringify([tables, functions]);
}

/** Kusto schema text, as `TableSymbol` accepts it: "(Col:type, ...)", names bracketed when they are not identifiers. */
export function schemaText(table: TableSchema): string {
  const name = (n: string) => (identifier.test(n) ? n : `[${JSON.stringify(n)}]`);
  return `(${table.columns.map((c) => `${name(c.name)}:${c.type}`).join(", ")})`;
}

let plugIns: KustoSymbol[] | undefined;

/** Microsoft's plugins plus schema_merge, which this Kusto.Language defines (PlugIns.SchemaMerge) but leaves out of All. */
function plugInSymbols(): KustoSymbol[] {
  if (plugIns) return plugIns;
  const { Kusto } = kustoLanguage();
  const S = Kusto.Language.Symbols;
  // The library's symbol makes PreserveOrder required; the page gives it a default (true), and its examples call
  // `schema_merge()` (learn.microsoft.com/kusto/query/schema-merge-plugin). Same result columns as the library's.
  const result = new S.TableSymbol.ctor(
    [
      ["ColumnName", S.ScalarTypes.String],
      ["ColumnOrdinal", S.ScalarTypes.Int],
      ["DataType", S.ScalarTypes.String],
      ["ColumnType", S.ScalarTypes.String],
    ].map(([name, type]) => new S.ColumnSymbol(name, type)),
  );
  const preserveOrder = new S.Parameter.$ctor3(
    "PreserveOrder",
    S.ScalarTypes.Bool,
    S.ArgumentKind.Constant,
    null,
    null,
    false,
    null,
    0,
    1,
    null,
    null,
  );
  const all = toArray<KustoSymbol>(Kusto.Language.PlugIns.All).filter((p) => p.Name !== "schema_merge");
  plugIns = [...all, new S.FunctionSymbol.$ctor5("schema_merge", result, [preserveOrder])];
  return plugIns;
}

/** The binder's GlobalState with the catalog's tables and functions declared; cached per catalog. */
export function globalStateFor(catalog: Catalog = {}): GlobalState {
  const key = catalogKey(catalog);
  const cached = globalsCache.get(key);
  if (cached) return cached;
  const { Kusto, System } = kustoLanguage();
  const S = Kusto.Language.Symbols;
  const members: KustoSymbol[] = (catalog.tables ?? []).map(
    (t) => new S.TableSymbol.$ctor7(t.name, schemaText(t), t.description ?? ""),
  );
  const functions: readonly KqlFunctionDef[] = catalog.functions ?? [];
  for (const fn of functions) {
    if (!identifier.test(fn.name)) throw new Error(`function name "${fn.name}" is not a KQL identifier`);
    members.push(new S.FunctionSymbol.$ctor16(fn.name, functionParameterList(fn), functionBody(fn), ""));
  }
  // WithCache: without a KustoCache the binder makes a fresh one per analysis and re-binds every called function body
  // (Kusto.Language Binder_API.cs `globals = globals.WithCache()`; GlobalBindingCache holds the call-site expansions).
  // It keeps 10 expansions per function by default (Properties.cs MaxCachedExpansions); the shipped texts call
  // ACSRecordings at more distinct call sites than that, so a process analysing them again would re-bind some.
  const globals = Kusto.Language.GlobalState.Default.WithPlugIns(plugInSymbols())
    .WithDatabase(new S.DatabaseSymbol.$ctor2("db", null, members))
    .WithProperty(System.Int32, Kusto.Language.Properties.MaxCachedExpansions, maxCachedExpansions)
    .WithCache();
  globalsCache.set(key, globals);
  return globals;
}

/** Parses and binds `kql`; the returned KustoCode carries the syntax tree with types and referenced symbols. */
export function parseAndAnalyze(kql: string, options: AnalyzeOptions = {}): KustoCode {
  const { Kusto } = kustoLanguage();
  return Kusto.Language.KustoCode.ParseAndAnalyze(kql, globalStateFor(options));
}

/** 1-based line and column of a text position. */
export function lineColumn(code: KustoCode, position: number): { line: number; column: number } {
  const line = { v: 0 };
  const column = { v: 0 };
  if (code.TryGetLineAndOffset(position, line, column)) return { line: line.v, column: column.v };
  return { line: 1, column: position + 1 };
}

/** Calls into functions whose own bodies have errors: the binder keeps those out of the query's diagnostics. */
function brokenCalls(code: KustoCode, out: KqlDiagnostic[]): void {
  // An explicit stack, not recursion: `1+1+...` with 10,000 terms nests that deep (the parser reports the depth itself).
  const pending: (SyntaxElement | null)[] = [code.Syntax];
  const found: SyntaxNode[] = [];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node.GetChild !== "function") continue;
    // Tokens lack the member, so they read as false.
    if ((node as Partial<SyntaxNode>).CalledFunctionHasErrors) {
      found.push(node as SyntaxNode);
      continue;
    }
    for (let i = node.ChildCount - 1; i >= 0; i--) pending.push(node.GetChild(i));
  }
  for (const node of found) {
    const messages = toArray<Diagnostic>(node.GetCalledFunctionDiagnostics?.()).map((d) => String(d.Message));
    const { line, column } = lineColumn(code, node.TextStart);
    out.push({
      line,
      column,
      severity: "error",
      message: `function ${String(node.ReferencedSymbol?.Name)} does not analyze: ${messages.join("; ") || "its body has errors"}`,
    });
  }
}

/** Errors and warnings from Microsoft's parser and binder, with 1-based positions. */
export function diagnosticsOf(code: KustoCode): KqlDiagnostic[] {
  const out: KqlDiagnostic[] = [];
  brokenCalls(code, out);
  for (const d of toArray<Diagnostic>(code.GetDiagnostics())) {
    const severity = String(d.Severity).toLowerCase();
    if (severity !== "error" && severity !== "warning") continue;
    const { line, column } = lineColumn(code, d.Start);
    out.push({ line, column, message: String(d.Message), severity, ...(d.Code ? { code: String(d.Code) } : {}) });
  }
  return out;
}

export function analyze(kql: string, options: AnalyzeOptions = {}): KqlDiagnostic[] {
  return diagnosticsOf(parseAndAnalyze(kql, options));
}

let identity: string | undefined;

/** What `analyze`'s result depends on besides the catalog and the text: Microsoft's library and this code. */
export function analyzerFiles(): string[] {
  return [...libraryFiles(), __filename, path.join(__dirname, `kusto-language${path.extname(__filename)}`)];
}

/** sha256 over the files' names and bytes. */
export function filesIdentity(files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${path.basename(file)}\0`)
      .update(fs.readFileSync(file))
      .update("\0");
  return hash.digest("hex");
}

/** Identity of the analyzer as installed, for caches of its results; read once per process. */
export function analyzerIdentity(): string {
  identity ??= filesIdentity(analyzerFiles());
  return identity;
}
