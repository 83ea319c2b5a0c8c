// Reads a data directory (one file per table, plus diagnostic-log records) into typed in-memory tables.
import * as fs from "node:fs";
import * as path from "node:path";
import { tableByName, tableNames, tables as tableDefs, type TableName } from "../schema/tables";
import type { DataTable, Tables, Value } from "../kusto/types";
import { coerceRow } from "./coerce";
import { parseCsv } from "./csv";
import { isDiagnosticRecord, routeDiagnosticRecord } from "./diagnostic";

const dataExtensions = [".json", ".ndjson", ".jsonl", ".csv"];

type Rows = Record<TableName, Record<string, Value>[]>;

const emptyRows = (): Rows => Object.fromEntries(tableNames.map((n) => [n, []])) as unknown as Rows;

function toTables(rows: Rows): Tables {
  const out: Record<string, DataTable> = {};
  for (const def of tableDefs) {
    out[def.name] = { name: def.name, columns: def.columns.map((c) => ({ name: c.name, type: c.type })), rows: rows[def.name] };
  }
  return out;
}

/** Typed tables from in-memory raw rows (fixtures); every table is present, missing columns are null. */
export function tablesFromRows(rows: Partial<Record<TableName, object[]>>): Tables {
  const out = emptyRows();
  for (const [name, list] of Object.entries(rows)) {
    if (!tableByName(name)) throw new Error(`tablesFromRows: unknown table ${name}; use one of ${tableNames.join(", ")}`);
    (list ?? []).forEach((raw, i) => out[name as TableName].push(coerceRow(name as TableName, raw as Record<string, unknown>, `${name} row ${i + 1}`)));
  }
  return toTables(out);
}

interface RawRecord {
  readonly where: string;
  readonly value: unknown;
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full));
    else if (dataExtensions.includes(path.extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}

function parseJsonLines(text: string, file: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      records.push({ where: `${file}:${i + 1}`, value: JSON.parse(line) });
    } catch (err) {
      throw new Error(`${file}:${i + 1}: invalid JSON (${(err as Error).message}); write one JSON object per line`);
    }
  });
  return records;
}

function readJson(file: string): RawRecord[] {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  if (path.extname(file).toLowerCase() !== ".json") return parseJsonLines(text, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // Azure's storage export writes PT1H.json as one JSON record per line; a file opening with "[" is one array, so report where it broke.
    if (!text.trimStart().startsWith("[") && text.trim().split(/\r?\n/).length > 1) return parseJsonLines(text, file);
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? "" : `:${text.slice(0, Number(position)).split("\n").length}`;
    throw new Error(`${file}${line}: invalid JSON (${message})`);
  }
  if (Array.isArray(value)) return value.map((v, i) => ({ where: `${file}: row ${i + 1}`, value: v }));
  return [{ where: file, value }];
}

// Event Hubs wraps records as { "records": [...] }.
function unwrapRecords(records: RawRecord[]): RawRecord[] {
  return records.flatMap((r) => {
    const v = r.value as { records?: unknown } | null;
    if (v && typeof v === "object" && !Array.isArray(v) && Array.isArray(v.records)) {
      return v.records.map((inner, i) => ({ where: `${r.where} records[${i}]`, value: inner }));
    }
    return [r];
  });
}

function asObject(r: RawRecord): Record<string, unknown> {
  if (r.value === null || typeof r.value !== "object" || Array.isArray(r.value)) {
    throw new Error(`${r.where}: expected a JSON object of column values, got ${JSON.stringify(r.value)}`);
  }
  return r.value as Record<string, unknown>;
}

function readCsvRows(file: string): RawRecord[] {
  const [header, ...records] = parseCsv(fs.readFileSync(file, "utf8"), file);
  if (!header) return [];
  const names = header.fields.map((h) => {
    const m = /^(.*?)\s*\[(.+)\]\s*$/.exec(h.trim());
    if (!m) return h.trim();
    if (m[2].toUpperCase() !== "UTC") {
      throw new Error(`${file}:${header.line}: column ${m[1]} is in "${m[2]}"; export from the portal with the display time zone set to UTC`);
    }
    return m[1];
  });
  return records.map((rec, i) => {
    if (rec.fields.length !== names.length) {
      throw new Error(`${file}:${rec.line} (row ${i + 1}): has ${rec.fields.length} fields but the header has ${names.length}; quote fields that contain commas`);
    }
    return { where: `${file}:${rec.line} (row ${i + 1})`, value: Object.fromEntries(names.map((n, j) => [n, rec.fields[j]])) };
  });
}

/**
 * Loads every data file under `dir`: `<Table>.json|.ndjson|.jsonl|.csv` hold rows of that table;
 * any other .json/.ndjson/.jsonl holds Azure diagnostic-log records routed to tables by category.
 */
export function loadDataDir(dir: string): Tables {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`data directory ${dir} does not exist; pass an existing directory with --data DIR`);
  }
  const out = emptyRows();
  for (const file of listFiles(dir)) {
    const ext = path.extname(file).toLowerCase();
    const base = path.basename(file, path.extname(file));
    const table = tableByName(base)?.name;
    if (table) {
      const raws = ext === ".csv" ? readCsvRows(file) : readJson(file);
      for (const r of raws) out[table].push(coerceRow(table, asObject(r), r.where));
      continue;
    }
    if (ext === ".csv") {
      throw new Error(`${file}: a CSV file must be named after its table (${tableNames.map((n) => `${n}.csv`).join(", ")})`);
    }
    for (const r of unwrapRecords(readJson(file))) {
      const record = asObject(r);
      if (!isDiagnosticRecord(record)) {
        throw new Error(`${r.where}: not a diagnostic-log record (no category); put table rows in a file named after the table, such as ACSCallRecordingSummary.json`);
      }
      const routed = routeDiagnosticRecord(record, r.where);
      if (routed) out[routed.table].push(coerceRow(routed.table, routed.row, r.where));
    }
  }
  return toTables(out);
}
