// Query results as plain JSON rows: datetimes as ISO 8601 UTC text, timespans as Kusto text, numbers as numbers.
import { formatValue } from "./scalars";
import type { QueryResult, Value } from "./types";

export function jsonValue(v: Value, type: string): unknown {
  if (v === null) return null;
  if (type === "datetime" || type === "timespan") return formatValue(v, type);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

export function toJsonRows(result: QueryResult): Record<string, unknown>[] {
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const c of result.columns) out[c.name] = jsonValue(row[c.name] ?? null, c.type);
    return out;
  });
}
