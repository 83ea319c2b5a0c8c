// check's cache of diagnostics, content-addressed: a text's entry is found only under the hash of everything its
// analysis depends on (Microsoft's library, the analyzer's code, the catalog, the text), so an edit is always re-analysed.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { catalogKey } from "../kusto/analyzer";
import type { Catalog, KqlDiagnostic } from "../kusto/types";
import { replaceFile } from "./replace-file";

/** Bumped when the file's layout or what an entry means changes; part of every key. */
export const cacheFormat = 1;
export const cacheFileName = "check.json";

export interface DiagnosticsCache {
  get(key: string): readonly KqlDiagnostic[] | undefined;
  set(key: string, diagnostics: readonly KqlDiagnostic[]): void;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The scope of one analyzer (`analyzerIdentity()`) with one catalog, as the binder sees it. */
export function cacheScope(analyzer: string, catalog: Catalog): string {
  return sha256(JSON.stringify([cacheFormat, analyzer, catalogKey(catalog)]));
}

/** The key of one text's diagnostics within a scope. */
export function cacheKey(scope: string, kql: string): string {
  return sha256(JSON.stringify([scope, kql]));
}

/** $XDG_CACHE_HOME/acs-insights when set, else node_modules/.cache/acs-insights in the package's own folder. */
export function cacheDir(env: NodeJS.ProcessEnv, packageRoot: string): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  return xdg && path.isAbsolute(xdg)
    ? path.join(xdg, "acs-insights")
    : path.join(packageRoot, "node_modules", ".cache", "acs-insights");
}

const isDiagnostic = (d: unknown): d is KqlDiagnostic => {
  const x = d as KqlDiagnostic;
  return (
    typeof x === "object" &&
    x !== null &&
    Number.isInteger(x.line) &&
    Number.isInteger(x.column) &&
    typeof x.message === "string" &&
    (x.severity === "error" || x.severity === "warning") &&
    (x.code === undefined || typeof x.code === "string")
  );
};

/** The entries of a cache file's text; anything unreadable or of another format counts as an empty cache. */
export function parseCacheFile(text: string): Map<string, readonly KqlDiagnostic[]> {
  const entries = new Map<string, readonly KqlDiagnostic[]>();
  let parsed: { format?: unknown; entries?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    return entries;
  }
  if (parsed?.format !== cacheFormat || typeof parsed.entries !== "object" || parsed.entries === null) return entries;
  for (const [key, value] of Object.entries(parsed.entries)) {
    if (Array.isArray(value) && value.every(isDiagnostic)) entries.set(key, value);
  }
  return entries;
}

/** Entries a cache file keeps: 15 full sets of today's 65 texts, about 70 kB. */
export const maxCacheEntries = 1000;

/**
 * One JSON file of entries, read once. `save` writes the entries this run used last, after the others, and keeps
 * the last `maxEntries` (old versions of edited texts drop out), through replaceFile so a concurrent reader never
 * sees half a file.
 */
export class FileCache implements DiagnosticsCache {
  private readonly stored: Map<string, readonly KqlDiagnostic[]>;
  private readonly used = new Map<string, readonly KqlDiagnostic[]>();
  private changed = false;

  constructor(
    readonly file: string,
    readonly maxEntries = maxCacheEntries,
  ) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      // No cache yet (or unreadable): every text is analysed.
    }
    this.stored = parseCacheFile(text);
  }

  get(key: string): readonly KqlDiagnostic[] | undefined {
    const hit = this.used.get(key) ?? this.stored.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, diagnostics: readonly KqlDiagnostic[]): void {
    this.used.set(key, diagnostics);
    this.changed = true;
  }

  /** Writes the file when this run analysed a text; a cache that cannot be written is skipped silently. */
  save(): void {
    if (!this.changed) return;
    const others = [...this.stored].filter(([key]) => !this.used.has(key));
    const kept = [...others, ...this.used].slice(-this.maxEntries);
    try {
      replaceFile(this.file, JSON.stringify({ format: cacheFormat, entries: Object.fromEntries(kept) }));
    } catch {
      // A read-only cache folder, or a link or folder in the file's place: check works on without its cache.
    }
  }
}
