// Query results as plain JSON rows: datetimes as ISO 8601 UTC text, timespans as Kusto text, numbers as numbers.
import { formatValue } from "./scalars";
import type { QueryResult, Value } from "./types";

export function jsonValue(v: Value, type: string): unknown {
  if (v === null) return null;
  if (type === "datetime" || type === "timespan") return formatValue(v, type);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function toJsonRows(result: QueryResult): Record<string, unknown>[] {
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const c of result.columns) {
      // Own cells only, and defined as data: a column named "constructor" or "__proto__" is a column like any other.
      const v = jsonValue(hasOwn.call(row, c.name) ? (row[c.name] ?? null) : null, c.type);
      if (c.name === "__proto__") Object.defineProperty(out, c.name, { value: v, enumerable: true, writable: true, configurable: true });
      else out[c.name] = v;
    }
    return out;
  });
}

/** JSON text in which a long beyond 2^53 (a bigint) prints as its exact digits, which JSON.stringify cannot do. */
export function stringifyJson(value: unknown, space?: number): string {
  const mark = `\u0000long${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? mark + v.toString() : v), space);
  if (text === undefined || !text.includes("long")) return text;
  const escaped = JSON.stringify(mark).slice(1, -1).replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  return text.replace(new RegExp(`"${escaped}(-?\\d+)"`, "g"), "$1");
}
