// Output rows of a fixed column list built by one compiled constructor: every row shares one hidden class with its
// values in-object, where assigning keys in a loop leaves V8 a megamorphic store per cell and out-of-object storage.
import type { Value } from "../types";
import type { Row } from "./context";

/** Where an output column's value comes from: a column of the first or the second source row. */
export interface CellSource {
  readonly from: 0 | 1;
  readonly name: string;
  /** The value when the source row is absent or lacks the column (null, or "" for a string column). */
  readonly missing: "" | null;
}

export type RowBuilder = (a: Row | undefined, b: Row | undefined) => Row;

/** A builder of rows with `names[i]` = the value `sources[i]` reads; rows have no prototype chain, like newRow()'s. */
export function rowBuilder(names: readonly string[], sources: readonly CellSource[]): RowBuilder {
  if (names.length !== sources.length) throw new Error("rowBuilder: one source per column");
  const body = names
    .map((n, i) => {
      const s = sources[i];
      const side = s.from === 0 ? "a" : "b";
      const missing = s.missing === "" ? '""' : "null";
      return `this[${JSON.stringify(n)}] = ${side} === undefined ? ${missing} : (${side}[${JSON.stringify(s.name)}] ?? ${missing});`;
    })
    .join("\n");
  const Ctor = new Function("a", "b", body) as unknown as new (a: Row | undefined, b: Row | undefined) => Row;
  // No inherited keys: `toString`, `constructor` and `__proto__` are plain columns, as on newRow() rows.
  Ctor.prototype = Object.freeze(Object.create(null));
  return (a, b) => new Ctor(a, b);
}

/** A builder of rows from values in column order (`values[i]` under `names[i]`, null for undefined), as rowBuilder's. */
export function rowFromValues(names: readonly string[]): (values: readonly Value[]) => Row {
  const body = names.map((n, i) => `this[${JSON.stringify(n)}] = v[${i}] ?? null;`).join("\n");
  const Ctor = new Function("v", body) as unknown as new (values: readonly Value[]) => Row;
  Ctor.prototype = Object.freeze(Object.create(null));
  return (values) => new Ctor(values);
}
