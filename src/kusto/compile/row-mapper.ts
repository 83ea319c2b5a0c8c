// extend/project rows built by one generated object literal per input schema: one hidden class for every row, and V8
// allocates a literal whose rows survive straight in old space, where Object.assign plus keyed stores cost ~3x.
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
  const cells: string[] = [];
  const seen = new Set<string>();
  if (keep) {
    for (const n of inputNames) {
      if (seen.has(n)) continue;
      seen.add(n);
      cells.push(`${literalKey(n)}: row[${JSON.stringify(n)}]`);
    }
  }
  // extend: every key exists before any expression runs, so all rows share one shape; project: values in place.
  const stores: string[] = [];
  names.forEach((n, i) => {
    const value = `f[${i}](${keep ? "o" : "row"}, ctx)`;
    if (keep || seen.has(n)) stores.push(`o[${JSON.stringify(n)}] = ${value};`);
    if (seen.has(n)) return;
    seen.add(n);
    cells.push(`${literalKey(n)}: ${keep ? "null" : value}`);
  });
  const body = `const o = { __proto__: P, ${cells.join(", ")} };\n${stores.join("\n")}\nreturn o;`;
  const make = new Function("P", "f", `return (row, ctx) => { ${body} };`);
  return make(rowPrototype, fns) as RowMapFn;
}

/**
 * Rows' prototype: empty, frozen, itself without one, so rows inherit no key (`toString`, `constructor` are plain
 * columns). A literal naming it keeps fast properties, where `__proto__: null` makes a dictionary object.
 */
export const rowPrototype: object = Object.freeze(Object.create(null));

/** A key in an object literal: `__proto__` computed, since a plain `__proto__:` would set the prototype. */
export function literalKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : JSON.stringify(name);
}

/** Rows of one column `name` holding `v`, built like rowMapper's (range's rows). */
export function oneCellRow(name: string): (v: unknown) => Row {
  return new Function("P", `return (v) => ({ __proto__: P, ${literalKey(name)}: v });`)(rowPrototype);
}
