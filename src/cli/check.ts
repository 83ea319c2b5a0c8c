// `acs-insights check`: analyzes every KQL text the package ships against the table schemas and the saved functions.

import * as path from "node:path";
import { kqlSources as alertSources } from "../alerts";
import { kqlSources as functionSources } from "../functions";
import { analyze, analyzerIdentity } from "../kusto/analyzer";
import type { Catalog, KqlDiagnostic, KqlSource } from "../kusto/types";
import { acsCatalog } from "../schema/catalog";
import { kqlSources as templateSources } from "../templates";
import { kqlSources as workbookSources } from "../workbook";
import { booleanFlag, choiceFlag, type ParsedArgs } from "./args";
import { cacheDir, cacheFileName, cacheKey, cacheScope, type DiagnosticsCache, FileCache } from "./check-cache";
import { checkSpec } from "./commands";
import { runCommand } from "./run";

export interface SourceDiagnostic extends KqlDiagnostic {
  readonly file: string;
}

export function shippedSources(): KqlSource[] {
  return [...functionSources(), ...templateSources(), ...workbookSources(), ...alertSources()];
}

export interface CheckOptions {
  /** What the texts are analysed against (default: the ACS tables and the shipped saved functions). */
  readonly catalog?: Catalog;
  /** Diagnostics of texts analysed before, under keys of this analyzer, the catalog and the text (`cacheKey`). */
  readonly cache?: DiagnosticsCache;
}

/** One text's diagnostics, from the cache when its key is there, else from the analyzer (and then stored). */
function diagnosticsOf(kql: string, catalog: Catalog, cache?: { store: DiagnosticsCache; scope: string }) {
  const key = cache && cacheKey(cache.scope, kql);
  const cached = key ? cache.store.get(key) : undefined;
  if (cached) return cached;
  const diagnostics = analyze(kql, catalog);
  if (key) cache.store.set(key, diagnostics);
  return diagnostics;
}

/** Diagnostics with positions in the source file: the KQL's line 1 is the file's `source.line`. */
export function checkSources(sources: readonly KqlSource[], options: CheckOptions = {}): SourceDiagnostic[] {
  const catalog = options.catalog ?? acsCatalog;
  // The scope is derived here from the catalog analysed against, so a cache can never answer for another catalog.
  const cache = options.cache && { store: options.cache, scope: cacheScope(analyzerIdentity(), catalog) };
  const out: SourceDiagnostic[] = [];
  for (const source of sources) {
    for (const d of diagnosticsOf(source.kql, catalog, cache)) {
      out.push({ ...d, file: source.file, line: source.line + d.line - 1 });
    }
  }
  return out;
}

/** The cache file `check` reads and writes (see cacheDir). */
export function shippedCache(env: NodeJS.ProcessEnv = process.env): FileCache {
  return new FileCache(path.join(cacheDir(env, path.resolve(__dirname, "..", "..")), cacheFileName));
}

export async function execute(args: ParsedArgs): Promise<number> {
  const format = choiceFlag(args, "format", ["text", "json"] as const, "text");
  const sources = shippedSources();
  const cache = booleanFlag(args, "no-cache") ? undefined : shippedCache();
  const diagnostics = checkSources(sources, { cache });
  cache?.save();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  process.stdout.write(
    format === "json" ? `${JSON.stringify(diagnostics, null, 2)}\n` : textReport(diagnostics, sources.length),
  );
  return errors > 0 ? 1 : 0;
}

export const run = (argv: string[]): Promise<number> => runCommand({ ...checkSpec, load: async () => execute }, argv);

/** One `file:line:col: message` line per diagnostic (warnings marked), then a summary count. */
export function textReport(diagnostics: readonly SourceDiagnostic[], checked: number): string {
  const lines = diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column}: ${d.severity === "warning" ? "warning: " : ""}${d.message}`,
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  lines.push(
    `checked ${checked} KQL texts: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
