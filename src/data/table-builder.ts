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

/**
 * A constructor assigning the `present` columns in schema order, so all its rows share one hidden class and keep
 * values in-object. The other columns are null on the prototype: a column no row has costs no memory per row
 * (8 bytes a cell: most of a row when an export carries 7 of 21 columns).
 */
function rowConstructor(columns: readonly string[], present: readonly number[]): RowConstructor {
  const body = present.map((i) => `this[${JSON.stringify(columns[i])}] = v[${i}];`).join("\n");
  const ctor = new Function("v", body) as unknown as RowConstructor;
  // No prototype chain beyond it: `toString`, `constructor` and `__proto__` are never inherited, as with Object.create(null) rows.
  const nulls: Record<string, Value> = Object.create(null);
  for (let i = 0; i < columns.length; i++) if (!present.includes(i)) nulls[columns[i]] = null;
  ctor.prototype = nulls;
  return ctor;
}

export class TableBuilder {
  private readonly built: Row[] = [];
  readonly columns: readonly string[];
  private readonly types: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly converters: Converter[];
  private readonly scratch: Value[];
  /** Columns some row has a value in, in schema order, and as a flag per column. */
  private readonly present: number[] = [];
  private readonly has: Uint8Array;
  private Row: RowConstructor;
  /** Rows before this index were built before the last column appeared (another hidden class). */
  private stableFrom = 0;

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
    this.has = new Uint8Array(this.columns.length);
    this.Row = rowConstructor(this.columns, this.present);
  }

  get rowCount(): number {
    return this.built.length;
  }

  /** The rows, all of one hidden class: rows built before a column first had a value are rebuilt once here. */
  get rows(): Row[] {
    const rows = this.built;
    if (this.stableFrom > 0) {
      const values = this.scratch;
      for (let r = 0; r < this.stableFrom; r++) {
        for (const i of this.present) values[i] = rows[r][this.columns[i]];
        rows[r] = new this.Row(values);
      }
      this.stableFrom = 0;
    }
    return rows;
  }

  /** Drops the rows built so far (a builder reused for single rows). */
  clear(): void {
    this.built.length = 0;
    this.stableFrom = 0;
  }

  /** A column's first value: rows from here on get a constructor that stores it. */
  private addPresent(i: number): void {
    this.has[i] = 1;
    this.present.push(i);
    this.present.sort((a, b) => a - b);
    this.Row = rowConstructor(this.columns, this.present);
    this.stableFrom = this.built.length;
  }

  private store(values: Value[]): Row {
    const row = new this.Row(values);
    this.built.push(row);
    return row;
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
        const v = this.converters[i](cell);
        if (v !== null && this.has[i] === 0) this.addPresent(i);
        values[i] = v;
      } catch (err) {
        if (err instanceof CellError) throw this.badCell(i, cell, err.message, where());
        throw err;
      }
    }
    return this.store(values);
  }

  /** Appends one row of cells in column order (CSV), `cells[i]` for `columnAt[i]`. */
  addCells(cells: readonly unknown[], columnAt: readonly number[], where: () => string): Row {
    const values = this.scratch;
    values.fill(null);
    for (let k = 0; k < columnAt.length; k++) {
      const i = columnAt[k];
      try {
        const v = this.converters[i](cells[k]);
        if (v !== null && this.has[i] === 0) this.addPresent(i);
        values[i] = v;
      } catch (err) {
        if (err instanceof CellError) throw this.badCell(i, cells[k], err.message, where());
        throw err;
      }
    }
    return this.store(values);
  }
}
