// extend/project rows built by one generated constructor per input schema: constant-key stores keep every row in one
// hidden class, where Object.assign plus a keyed store per cell leaves V8 megamorphic stores and dictionary rows.
import type { Row, RunContext, ScalarFn } from "./context";

export type RowMapFn = (row: Row, ctx: RunContext) => Row;

/**
 * A mapper giving each row `names[i] = fns[i](source)` in order. With `keep`, the output starts as a copy of the input
 * row's `inputNames` columns (replaced columns keep their place, new ones follow) and each expression reads the output
 * so far, as extend's later expressions see earlier ones; without, the output holds only `names` and reads the input.
 */
export function rowMapper(
  inputNames: readonly string[],
  names: readonly string[],
  fns: readonly ScalarFn[],
  keep: boolean,
): RowMapFn {
  if (names.length !== fns.length) throw new Error("rowMapper: one expression per name");
  const key = (n: string) => JSON.stringify(n);
  const lines: string[] = [];
  const seen = new Set<string>();
  if (keep) {
    for (const n of inputNames) {
      if (seen.has(n)) continue;
      seen.add(n);
      lines.push(`this[${key(n)}] = row[${key(n)}];`);
    }
  }
  // Every key is created before any expression runs, so all rows share one shape.
  for (const n of names) {
    if (seen.has(n)) continue;
    seen.add(n);
    lines.push(`this[${key(n)}] = null;`);
  }
  const source = keep ? "this" : "row";
  names.forEach((n, i) => lines.push(`this[${key(n)}] = f[${i}](${source}, ctx);`));
  const Ctor = new Function("row", "ctx", "f", lines.join("\n")) as unknown as new (
    row: Row,
    ctx: RunContext,
    f: readonly ScalarFn[],
  ) => Row;
  // No inherited keys: `toString`, `constructor` and `__proto__` are plain columns, as on newRow() rows.
  Ctor.prototype = Object.freeze(Object.create(null));
  return (row, ctx) => new Ctor(row, ctx, fns);
}
