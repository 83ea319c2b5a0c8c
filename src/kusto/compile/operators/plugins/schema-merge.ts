// schema_merge([PreserveOrder]): merges the schemas a getschema table lists into one, in getschema's columns.
// https://learn.microsoft.com/kusto/query/schema-merge-plugin (data-explorer/kusto/query/schema-merge-plugin.md)
// What the page leaves open is refused: types that differ, which ordinal a reordered column takes without
// PreserveOrder, and numbering when two columns claim one ordinal or an ordinal is left empty.
import type { ColumnInfo, Value } from "../../../types";
import { newRow, type OperatorFn, type Row, type Scope, unsupported } from "../../context";
import { constantArgument, type PluginCall } from "../evaluate";

export interface SchemaColumn {
  readonly name: string;
  readonly ordinal: number;
  readonly dataType: string;
  readonly columnType: string;
}

/** A case the page does not define, or input not in getschema's form; the plugin turns it into a refusal. */
export class SchemaMergeRefusal extends Error {}

const outOfOrder = "columns are out of order";
// The error row the page shows for a column whose ordinal differs from the first schema it appeared in.
export const outOfOrderColumn = (name: string): SchemaColumn => ({
  name,
  ordinal: -1,
  dataType: `ERROR(unknown CSL type:ERROR(${outOfOrder}))`,
  columnType: `ERROR(${outOfOrder})`,
});

const columns: ColumnInfo[] = [
  { name: "ColumnName", type: "string" },
  { name: "ColumnOrdinal", type: "int" },
  { name: "DataType", type: "string" },
  { name: "ColumnType", type: "string" },
];

function text(v: Value, field: string, row: number): string {
  if (typeof v !== "string" || v === "")
    throw new SchemaMergeRefusal(`input row ${row + 1}: ${field} must be a non-empty string as getschema gives it`);
  return v;
}

/** Splits getschema rows into schemas: each starts at ColumnOrdinal 0 and counts up by one, as getschema numbers them. */
export function splitSchemas(rows: readonly Row[]): SchemaColumn[][] {
  const schemas: SchemaColumn[][] = [];
  rows.forEach((r, i) => {
    const ordinal = r.ColumnOrdinal;
    if (typeof ordinal !== "number" || !Number.isInteger(ordinal) || ordinal < 0)
      throw new SchemaMergeRefusal(
        `input row ${i + 1}: ColumnOrdinal must be a whole number from 0, got ${String(ordinal)}`,
      );
    const current = schemas.at(-1);
    if (ordinal === 0) schemas.push([]);
    else if (!current || ordinal !== current.length)
      throw new SchemaMergeRefusal(
        `input row ${i + 1}: ColumnOrdinal ${ordinal} does not follow ${current ? current.length - 1 : "a schema's 0"} (getschema numbers each schema's columns 0, 1, 2, ...)`,
      );
    const schema = schemas[schemas.length - 1];
    const name = text(r.ColumnName, "ColumnName", i);
    if (schema.some((c) => c.name === name))
      throw new SchemaMergeRefusal(`input row ${i + 1}: column ${name} appears twice in one schema`);
    schema.push({
      name,
      ordinal,
      dataType: text(r.DataType, "DataType", i),
      columnType: text(r.ColumnType, "ColumnType", i),
    });
  });
  return schemas;
}

/**
 * Merges schemas in input order: a column keeps the ordinal and type of the first schema it appears in; with
 * preserveOrder, one that a later schema puts at another ordinal becomes the page's error row (ordinal -1).
 * Result: the merged columns by ordinal, then the error rows in order of first appearance.
 */
export function mergeSchemas(schemas: readonly (readonly SchemaColumn[])[], preserveOrder: boolean): SchemaColumn[] {
  const first = new Map<string, SchemaColumn>();
  const moved = new Set<string>();
  for (const schema of schemas) {
    for (const c of schema) {
      const seen = first.get(c.name);
      if (!seen) {
        first.set(c.name, c);
        continue;
      }
      if (seen.columnType !== c.columnType || seen.dataType !== c.dataType) {
        const type = (x: SchemaColumn) =>
          seen.columnType === c.columnType ? `${x.columnType} (${x.dataType})` : x.columnType;
        throw new SchemaMergeRefusal(
          `column ${c.name} is ${type(seen)} in one schema and ${type(c)} in another (the page does not say which types reduce to a common one)`,
        );
      }
      if (seen.ordinal === c.ordinal) continue;
      if (!preserveOrder)
        throw new SchemaMergeRefusal(
          `PreserveOrder=false with column ${c.name} at ordinals ${seen.ordinal} and ${c.ordinal} (the page does not say which ordinal the merged column takes)`,
        );
      moved.add(c.name);
    }
  }
  const all = [...first.values()];
  const kept = all.filter((c) => !moved.has(c.name)).sort((a, b) => a.ordinal - b.ordinal);
  kept.forEach((c, i) => {
    if (c.ordinal === i) return;
    const other = kept[i - 1];
    throw new SchemaMergeRefusal(
      other?.ordinal === c.ordinal
        ? `columns ${other.name} and ${c.name} both take ordinal ${c.ordinal} (the page does not say how they are numbered)`
        : `no merged column takes ordinal ${i} (the page does not say whether the others are renumbered)`,
    );
  });
  return [...kept, ...all.filter((c) => moved.has(c.name)).map((c) => outOfOrderColumn(c.name))];
}

function schemaRow(c: SchemaColumn): Row {
  const row = newRow();
  row.ColumnName = c.name;
  row.ColumnOrdinal = c.ordinal;
  row.DataType = c.dataType;
  row.ColumnType = c.columnType;
  return row;
}

export function schemaMerge(call: PluginCall, scope: Scope): OperatorFn {
  const extra = [...call.named.keys()].filter((k) => k !== "preserveorder");
  if (extra.length > 0 || call.positional.length > 1 || (call.positional.length === 1 && call.named.size > 0))
    throw unsupported(scope, call.call, "schema_merge arguments (only PreserveOrder)");
  for (const c of columns) {
    if (!call.input.some((i) => i.name === c.name))
      throw unsupported(scope, call.call, `schema_merge input without column ${c.name} (pipe in getschema's output)`);
  }
  const arg = constantArgument(call.positional[0] ?? call.named.get("preserveorder"), scope);
  const explicit = call.positional.length + call.named.size > 0;
  return (input, ctx) => {
    const preserve = explicit ? arg(ctx) : true;
    if (typeof preserve !== "boolean")
      throw unsupported(scope, call.call, "schema_merge: PreserveOrder must be true or false");
    try {
      return { columns, rows: mergeSchemas(splitSchemas(input.rows), preserve).map(schemaRow) };
    } catch (err) {
      if (err instanceof SchemaMergeRefusal) throw unsupported(scope, call.call, `schema_merge: ${err.message}`);
      throw err;
    }
  };
}
