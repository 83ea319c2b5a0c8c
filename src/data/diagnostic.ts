// Maps Azure diagnostic-log records (as written to storage or Event Hubs) to rows of the three tables, routed by category.
import { type TableName, tableByName } from "../schema/tables";
import { closest } from "./table-builder";

/** Diagnostic-setting categories (lower case) and the table each feeds; the seed shows both spellings of the summary one. */
export const categoryTables: Readonly<Record<string, TableName>> = {
  callrecordingsummary: "ACSCallRecordingSummary",
  recordingsummary: "ACSCallRecordingSummary",
  callrecordingoperational: "ACSCallRecordingIncomingOperations",
  callrecordingincomingoperations: "ACSCallRecordingIncomingOperations",
  usage: "ACSBillingUsage",
};

// Envelope keys whose column name differs from the key once case and punctuation are ignored.
const aliases: Readonly<Record<string, string>> = {
  time: "TimeGenerated",
  timestamp: "TimeGenerated",
  resourceid: "_ResourceId",
};

// Fields of Azure's top-level resource-log schema that feed no column here; any other unknown key is refused.
// https://learn.microsoft.com/azure/azure-monitor/platform/resource-logs-schema#top-level-common-schema
const envelopeOnly = new Set([
  "operationname",
  "operationversion",
  "resultdescription",
  "identity",
  "location",
  "category",
  "durationms",
  "resulttype",
  "resultsignature",
  "calleripaddress",
  "correlationid",
  "level",
  "tenantid",
]);

const squashed = new Map<string, string>();
const squash = (key: string): string => {
  let s = squashed.get(key);
  if (s === undefined) {
    s = key.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (squashed.size < 10_000) squashed.set(key, s);
  }
  return s;
};

const columnLookup = new Map<TableName, Map<string, string>>();

const columnIndexes = new Map<TableName, Map<string, number>>();

/** The column's position in the table's schema (the order the table builder keeps). */
function indexOf(table: TableName, column: string): number {
  let indexes = columnIndexes.get(table);
  if (!indexes) {
    indexes = new Map((tableByName(table)?.columns ?? []).map((c, i) => [c.name, i]));
    columnIndexes.set(table, indexes);
  }
  const i = indexes.get(column);
  if (i === undefined) throw new Error(`${table} has no column ${column}`);
  return i;
}

function lookupFor(table: TableName): Map<string, string> {
  let lookup = columnLookup.get(table);
  if (!lookup) {
    lookup = new Map((tableByName(table)?.columns ?? []).map((c) => [squash(c.name), c.name]));
    columnLookup.set(table, lookup);
  }
  return lookup;
}

/** What a record's key means for one table: a column (maybe through an alias such as `time`), or nothing to keep. */
type KeyMeaning = { readonly column: string; readonly index: number; readonly alias: boolean } | typeof skip;
const skip = Symbol("skip");

// Per table, envelope keys and property keys as spelled in the data: records repeat the same few spellings.
const keyMeanings = new Map<TableName, readonly [Map<string, KeyMeaning>, Map<string, KeyMeaning>]>();

function keysFor(table: TableName, inProperties: boolean): Map<string, KeyMeaning> {
  let known = keyMeanings.get(table);
  if (!known) keyMeanings.set(table, (known = [new Map(), new Map()]));
  return known[inProperties ? 1 : 0];
}

/** The key's meaning (remembered), or undefined for a key that is no column and no envelope field (an error). */
function resolveKey(
  key: string,
  table: TableName,
  lookup: Map<string, string>,
  inProperties: boolean,
  known: Map<string, KeyMeaning>,
): KeyMeaning | undefined {
  const s = squash(key);
  // Own keys only: a key "constructor" must not find Object.prototype's.
  const alias = Object.hasOwn(aliases, s) ? aliases[s] : undefined;
  const column =
    s === "properties" && !inProperties
      ? undefined
      : (lookup.get(s) ?? (alias && lookup.has(squash(alias)) ? alias : undefined));
  let meaning: KeyMeaning | undefined;
  if (column) meaning = { column, index: indexOf(table, column), alias: alias !== undefined };
  else if ((s === "properties" && !inProperties) || s === "category" || (!inProperties && envelopeOnly.has(s)))
    meaning = skip;
  if (meaning !== undefined && known.size < 10_000) known.set(key, meaning);
  return meaning;
}

export function isDiagnosticRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  for (const k in value) if (squash(k) === "category") return true;
  return false;
}

/** A record's cells for its table: `cells[k]` is the raw value of column number `columnAt[k]` (schema order). */
export interface RoutedRecord {
  readonly table: TableName;
  readonly cells: unknown[];
  readonly columnAt: number[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The table and raw cells of one record, or null for a category that feeds none of the three tables.
 * Keys match columns ignoring case and punctuation (PascalCase or camelCase). A key that is neither a column nor a
 * field of Azure's common envelope is refused, and so are two spellings of one column in the same object.
 */
export function routeDiagnosticRecord(record: Record<string, unknown>, where: string): RoutedRecord | null {
  let properties: Record<string, unknown> | undefined;
  let category: unknown;
  for (const key in record) {
    const s = squash(key);
    if (s === "properties") {
      const value = record[key];
      if (!isObject(value))
        throw new Error(`${where}: properties must be a JSON object of column values, got ${JSON.stringify(value)}`);
      properties = value;
    } else if (s === "category" && category === undefined) category = record[key];
  }
  if (properties && category === undefined)
    for (const key in properties) if (category === undefined && squash(key) === "category") category = properties[key];
  if (typeof category !== "string" || category === "") {
    throw new Error(
      `${where}: a diagnostic-log record needs a category (for example "CallRecordingSummary"); none was found`,
    );
  }
  const table = categoryTables[squash(category)];
  if (!table) return null;
  const lookup = lookupFor(table);
  const cells: unknown[] = [];
  const columnAt: number[] = [];
  let typeGiven = false;
  // The envelope first, then the properties: a column in both takes the properties' value, the one the table keeps.
  const take = (object: Record<string, unknown>, inProperties: boolean) => {
    // The key each column was given by in this object, by column number.
    const spelledAs: string[] = [];
    let explicitTime = false;
    const known = keysFor(table, inProperties);
    for (const key in object) {
      const k = known.get(key) ?? resolveKey(key, table, lookup, inProperties, known);
      if (k === skip) continue;
      if (k === undefined) {
        const guess = closest(key, [...lookup.values()]);
        throw new Error(
          `${where}: ${inProperties ? "property" : "field"} ${key} is not a column of ${table} (category ${category}); ${guess ? `did you mean ${guess}? ` : ""}rename or remove it`,
        );
      }
      const { column, index, alias } = k;
      const earlier = spelledAs[index];
      if (earlier !== undefined && !alias && !aliases[squash(earlier)]) {
        throw new Error(`${where}: ${earlier} and ${key} are two spellings of column ${column}; keep one`);
      }
      spelledAs[index] = key;
      // An explicit TimeGenerated wins over the envelope's time.
      if (column === "TimeGenerated") {
        if (alias && explicitTime) continue;
        if (!alias) explicitTime = true;
      }
      // A later cell of the same column wins, as a later key would in one object.
      cells.push(object[key]);
      columnAt.push(index);
      if (column === "Type") typeGiven = true;
    }
  };
  take(record, false);
  if (properties) take(properties, true);
  if (!typeGiven) {
    cells.push(table);
    columnAt.push(indexOf(table, "Type"));
  }
  return { table, cells, columnAt };
}
