// Turns one raw row (JSON, CSV or diagnostic-log values) into a typed row of a table: the converters of table-builder.ts.
import type { Value } from "../kusto/types";
import type { TableName } from "../schema/tables";
import { TableBuilder } from "./table-builder";

const builders = new Map<TableName, TableBuilder>();

/**
 * Coerces a raw row to the table's column types; missing columns become null, datetimes bigint ticks.
 * `where` names the place ("file.csv:12") for the error, which also names the column and what was expected.
 */
export function coerceRow(table: TableName, raw: Record<string, unknown>, where: string): Record<string, Value> {
  let builder = builders.get(table);
  if (!builder) {
    builder = new TableBuilder(table, { epochMsNumbers: true });
    builders.set(table, builder);
  }
  const row = builder.add(raw, () => where);
  builder.clear();
  // Every column an own property, as callers of a single row expect (loaded tables keep absent ones on the prototype).
  const out: Record<string, Value> = Object.create(null);
  for (const c of builder.columns) out[c] = row[c];
  return out;
}
