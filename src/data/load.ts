// Reads a data directory (one file per table, plus diagnostic-log records) into typed in-memory tables, streaming
// every file so memory holds rows, never raw text.
import * as fs from "node:fs";
import * as path from "node:path";
import type { DataTable, Tables } from "../kusto/types";
import { markChecked } from "../kusto/values/input-tables";
import { type TableName, tableByName, tables as tableDefs, tableNames } from "../schema/tables";
import { readCsv } from "./csv";
import { isDiagnosticRecord, routeDiagnosticRecord } from "./diagnostic";
import { defaultMaxFileBytes, listDataFiles } from "./files";
import { readJsonValues, readNdjson } from "./json-values";
import { TableBuilder } from "./table-builder";

export interface LoadOptions {
  /** Receives the one-line summary of what was read (the CLI prints it on stderr unless --quiet). */
  readonly report?: (summary: string) => void;
  /** Largest file read, in bytes (default 8 GiB). */
  readonly maxFileBytes?: number;
}

export interface LoadSummary {
  readonly dir: string;
  readonly tableFiles: number;
  readonly recordFiles: number;
  readonly rows: Readonly<Record<TableName, number>>;
  /** Diagnostic records whose category feeds none of the three tables (skipped). */
  readonly skippedRecords: number;
  readonly links: readonly string[];
}

type Builders = Record<TableName, TableBuilder>;

function builders(options: { epochMsNumbers?: boolean } = {}): Builders {
  return Object.fromEntries(tableNames.map((n) => [n, new TableBuilder(n, options)])) as Builders;
}

function toTables(b: Builders, fromFiles = false): Tables {
  const out: Record<string, DataTable> = {};
  for (const def of tableDefs) {
    const table: DataTable = {
      name: def.name,
      columns: def.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: b[def.name].rows,
    };
    // Cells read from files went through the strict converters: run() need not check millions of them again.
    out[def.name] = fromFiles ? markChecked(table) : table;
  }
  return out;
}

/** Typed tables from in-memory raw rows (fixtures); every table is present, missing columns are null. Datetimes may be epoch ms. */
export function tablesFromRows(rows: Partial<Record<TableName, object[]>>): Tables {
  const out = builders({ epochMsNumbers: true });
  for (const [name, list] of Object.entries(rows)) {
    if (!tableByName(name))
      throw new Error(`tablesFromRows: unknown table ${name}; use one of ${tableNames.join(", ")}`);
    (list ?? []).forEach((raw, i) =>
      out[name as TableName].add(raw as Record<string, unknown>, () => `${name} row ${i + 1}`),
    );
  }
  return toTables(out);
}

function asObject(value: unknown, where: () => string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${where()}: expected a JSON object of column values, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

const placeOf = (file: string, line: number, index: number) =>
  index >= 0 ? `${file}: row ${index + 1}` : `${file}:${line}`;

function readTableFile(file: string, builder: TableBuilder): void {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") {
    readCsvTable(file, builder);
    return;
  }
  const sink = (value: unknown, line: number, index: number) => {
    const where = () => placeOf(file, line, index);
    builder.add(asObject(value, where), where);
  };
  if (ext === ".json") readJsonValues(file, sink);
  else readNdjson(file, sink);
}

function csvColumnNames(fields: readonly string[], file: string, line: number): string[] {
  const names = fields.map((h) => {
    const m = /^(.*?)\s*\[(.+)\]\s*$/.exec(h.trim());
    if (!m) return h.trim();
    if (m[2].toUpperCase() !== "UTC") {
      throw new Error(
        `${file}:${line}: column ${m[1]} is in "${m[2]}"; export from the portal with the display time zone set to UTC`,
      );
    }
    return m[1];
  });
  const first = new Map<string, number>();
  names.forEach((n, i) => {
    const earlier = first.get(n);
    if (earlier !== undefined)
      throw new Error(`${file}:${line}: columns ${earlier + 1} and ${i + 1} are both named ${n}; rename or remove one`);
    first.set(n, i);
  });
  return names;
}

function readCsvTable(file: string, builder: TableBuilder): void {
  let columnAt: number[] | undefined;
  let row = 0;
  readCsv(file, (fields, line) => {
    if (!columnAt) {
      const names = csvColumnNames(fields, file, line);
      columnAt = names.map((n) => {
        const i = builder.columnIndex(n);
        if (i === undefined) throw builder.unknownColumn(n, `${file}:${line}`);
        return i;
      });
      return;
    }
    row++;
    const where = () => `${file}:${line} (row ${row})`;
    if (fields.length !== columnAt.length) {
      throw new Error(
        `${where()}: has ${fields.length} fields but the header has ${columnAt.length}; quote fields that contain commas`,
      );
    }
    builder.addCells(fields, columnAt, where);
  });
}

function readRecordFile(file: string, out: Builders): number {
  let skipped = 0;
  readJsonValues(file, (value, line, index) => {
    const where = placeOf(file, line, index);
    // Event Hubs wraps records as { "records": [...] }.
    const wrapped = value as { records?: unknown } | null;
    const records =
      wrapped && typeof wrapped === "object" && !Array.isArray(wrapped) && Array.isArray(wrapped.records)
        ? wrapped.records
        : undefined;
    const each = (record: unknown, at: string) => {
      const object = asObject(record, () => at);
      if (!isDiagnosticRecord(object)) {
        throw new Error(
          `${at}: not a diagnostic-log record (no category); put table rows in a file named after the table, such as ACSCallRecordingSummary.json`,
        );
      }
      const routed = routeDiagnosticRecord(object, at);
      if (routed) out[routed.table].addCells(routed.cells, routed.columnAt, () => at);
      else skipped++;
    };
    if (records) records.forEach((r, i) => each(r, `${where} records[${i}]`));
    else each(value, where);
  });
  return skipped;
}

/**
 * Loads every data file under `dir`: `<Table>.json|.ndjson|.jsonl|.csv` hold rows of that table (one such file per
 * table and folder); any other .json/.ndjson/.jsonl holds Azure diagnostic-log records routed to tables by category.
 */
export function loadData(dir: string, options: LoadOptions = {}): { tables: Tables; summary: LoadSummary } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`data directory ${dir} does not exist; pass an existing directory with --data DIR`);
  }
  const { files, links } = listDataFiles(dir, options.maxFileBytes ?? defaultMaxFileBytes);
  const out = builders();
  let tableFiles = 0;
  let recordFiles = 0;
  let skippedRecords = 0;
  for (const file of files) {
    if (file.table) {
      tableFiles++;
      readTableFile(file.path, out[file.table]);
      continue;
    }
    if (path.extname(file.path).toLowerCase() === ".csv") {
      throw new Error(
        `${file.path}: a CSV file must be named after its table (${tableNames.map((n) => `${n}.csv`).join(", ")})`,
      );
    }
    recordFiles++;
    skippedRecords += readRecordFile(file.path, out);
  }
  const rows = Object.fromEntries(tableNames.map((n) => [n, out[n].rowCount])) as Record<TableName, number>;
  const summary: LoadSummary = { dir, tableFiles, recordFiles, rows, skippedRecords, links };
  options.report?.(summaryLine(summary));
  return { tables: toTables(out, true), summary };
}

/** Loads `dir` (see loadData) and returns the tables. */
export function loadDataDir(dir: string, options: LoadOptions = {}): Tables {
  return loadData(dir, options).tables;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "read 3 files from DIR: 1,234 ACSCallRecordingSummary rows, ..." for stderr. */
export function summaryLine(s: LoadSummary): string {
  const files: string[] = [];
  if (s.tableFiles) files.push(count(s.tableFiles, "table file"));
  if (s.recordFiles) files.push(count(s.recordFiles, "diagnostic-log file"));
  const rows = tableNames.map((n) => `${s.rows[n].toLocaleString("en-US")} ${n}`).join(", ");
  const extra = [
    s.skippedRecords ? `${count(s.skippedRecords, "record")} of other categories skipped` : "",
    s.links.length ? `followed ${count(s.links.length, "linked folder")} (${s.links.join(", ")})` : "",
  ].filter(Boolean);
  return `read ${files.length ? files.join(" and ") : "no data files"} from ${s.dir}: ${rows} rows${extra.length ? `; ${extra.join("; ")}` : ""}\n`;
}
