// Query results as plain JSON rows: datetimes as ISO 8601 UTC text, timespans as Kusto text, numbers as numbers.
import { formatValue } from "./scalars";
import { Decimal } from "./scalars/decimal";
import { longsAsText } from "./scalars/int64";
import type { QueryResult, Value } from "./types";

export function jsonValue(v: Value, type: string): unknown {
  if (v === null) return null;
  if (type === "datetime" || type === "timespan") return formatValue(v, type);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  // A long beyond 2^53 comes out as its exact decimal text: a JS number would lose digits and a bigint breaks JSON.stringify.
  if (typeof v === "bigint") return v.toString();
  // A decimal is a number when a double holds it exactly, else its exact digits as text (like a long beyond 2^53).
  if (v instanceof Decimal) return v.toJSON();
  if (type === "dynamic" && typeof v === "object") return longsAsText(v);
  return v;
}

/** JSON text of any engine value with longs beyond 2^53 as exact digits. */
export { jsonText as stringifyJson } from "./scalars/int64";

const hasOwn = Object.prototype.hasOwnProperty;

export function toJsonRows(result: QueryResult): Record<string, unknown>[] {
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const c of result.columns) {
      // Own cells only, and defined as data: a column named "constructor" or "__proto__" is a column like any other.
      const v = jsonValue(hasOwn.call(row, c.name) ? (row[c.name] ?? null) : null, c.type);
      if (c.name === "__proto__")
        Object.defineProperty(out, c.name, { value: v, enumerable: true, writable: true, configurable: true });
      else out[c.name] = v;
    }
    return out;
  });
}
