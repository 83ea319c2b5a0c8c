// Builds one table's rows from raw objects: converters compiled once, rows of one fixed shape with no prototype chain.
import type { Value } from "../kusto/types";
import { type TableName, tableByName } from "../schema/tables";
import { CellError, type Converter, type ConvertOptions, converterFor, expected } from "./convert";

export type Row = Record<string, Value>;

/** Levenshtein distance, for "did you mean" on a misspelt column. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The closest name within two edits (ignoring case), if any. */
export function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const n of names) {
    const d = editDistance(name.toLowerCase(), n.toLowerCase());
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}

type RowConstructor = new (values: Value[]) => Row;

/** A constructor assigning every column in schema order: all rows share one hidden class and keep values in-object. */
function rowConstructor(columns: readonly string[]): RowConstructor {
  const body = columns.map((c, i) => `this[${JSON.stringify(c)}] = v[${i}];`).join("\n");
  const ctor = new Function("v", body) as unknown as RowConstructor;
  // No prototype chain: `toString`, `constructor` and `__proto__` are never inherited, as with Object.create(null) rows.
  ctor.prototype = Object.create(null);
  return ctor;
}

export class TableBuilder {
  readonly rows: Row[] = [];
  readonly columns: readonly string[];
  private readonly types: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly converters: Converter[];
  private readonly scratch: Value[];
  private readonly Row: RowConstructor;

  constructor(
    readonly table: TableName,
    options: ConvertOptions = {},
  ) {
    const def = tableByName(table);
    if (!def) throw new Error(`unknown table ${table}`);
    this.columns = def.columns.map((c) => c.name);
    this.types = def.columns.map((c) => c.type);
    def.columns.forEach((c, i) => this.index.set(c.name, i));
    this.converters = def.columns.map((c) => converterFor(c.type, options));
    this.scratch = new Array(this.columns.length).fill(null);
    this.Row = rowConstructor(this.columns);
  }

  /** The column's position, or undefined when the table has no such column. */
  columnIndex(name: string): number | undefined {
    return this.index.get(name);
  }

  unknownColumn(key: string, where: string): Error {
    const guess = closest(key, this.columns);
    return new Error(
      `${where}: column ${key} is not a column of ${this.table}; rename or drop it (columns: ${this.columns.join(", ")})${guess ? `; did you mean ${guess}?` : ""}`,
    );
  }

  badCell(column: number, raw: unknown, reason: string, where: string): Error {
    const type = this.types[column] as keyof typeof expected;
    const shown = typeof raw === "bigint" ? `${raw}n` : JSON.stringify(raw);
    return new Error(
      `${where}: column ${this.columns[column]} (${type}): cannot use ${shown}; expected ${expected[type]} (${reason})`,
    );
  }

  /** Converts and appends one raw row; `where` is called only to name the place in an error ("file.jsonl:12"). */
  add(raw: Record<string, unknown>, where: () => string): Row {
    const values = this.scratch;
    values.fill(null);
    for (const key in raw) {
      const i = this.index.get(key);
      if (i === undefined) throw this.unknownColumn(key, where());
      const cell = raw[key];
      try {
        values[i] = this.converters[i](cell);
      } catch (err) {
        if (err instanceof CellError) throw this.badCell(i, cell, err.message, where());
        throw err;
      }
    }
    const row = new this.Row(values);
    this.rows.push(row);
    return row;
  }

  /** Appends one row of cells in column order (CSV), `cells[i]` for `columnAt[i]`. */
  addCells(cells: readonly unknown[], columnAt: readonly number[], where: () => string): Row {
    const values = this.scratch;
    values.fill(null);
    for (let k = 0; k < columnAt.length; k++) {
      const i = columnAt[k];
      try {
        values[i] = this.converters[i](cells[k]);
      } catch (err) {
        if (err instanceof CellError) throw this.badCell(i, cells[k], err.message, where());
        throw err;
      }
    }
    const row = new this.Row(values);
    this.rows.push(row);
    return row;
  }
}
