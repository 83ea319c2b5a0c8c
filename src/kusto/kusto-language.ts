// Loads Microsoft's Kusto.Language (compiled to JS by Bridge.NET) once per process; it defines the globals Bridge, System and Kusto.
import * as path from "node:path";

export interface KustoGlobals {
  readonly Kusto: any;
  readonly Bridge: any;
  readonly System: any;
}

let loaded: KustoGlobals | undefined;

/** The library's package.json and the two bundles it is loaded from, as absolute paths (what identifies the binder). */
export function libraryFiles(): string[] {
  const pkg = require.resolve("@kusto/language-service-next/package.json");
  return [pkg, ...["bridge.min.js", "Kusto.Language.Bridge.min.js"].map((f) => path.join(path.dirname(pkg), f))];
}

export function kustoLanguage(): KustoGlobals {
  if (loaded) return loaded;
  const g = globalThis as any;
  // A CLI process started from the startup snapshot (src/kusto/kusto-snapshot.ts) already holds the initialised library.
  if (!g.Kusto?.Language) {
    // The bridge runtime must exist before the library's module body runs.
    require("@kusto/language-service-next/bridge.min.js");
    require("@kusto/language-service-next/Kusto.Language.Bridge.min.js");
  }
  if (!g.Kusto?.Language || !g.Bridge || !g.System)
    throw new Error("@kusto/language-service-next did not define the Kusto/Bridge/System globals");
  loaded = { Kusto: g.Kusto, Bridge: g.Bridge, System: g.System };
  return loaded;
}

/** The name of a Kusto.Language enum value (SyntaxKind, SymbolKind, ...). */
export function enumName(enumType: any, value: number): string {
  return kustoLanguage().System.Enum.toString(enumType, value);
}

/** A .NET list or array from the bridge as a JS array. */
export function toArray<T = any>(list: any): T[] {
  if (list == null) return [];
  return kustoLanguage().Bridge.toArray(list) as T[];
}
