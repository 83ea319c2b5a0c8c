// Maps Azure diagnostic-log records (as written to storage or Event Hubs) to rows of the three tables, routed by category.
import { tableByName, type TableName } from "../schema/tables";

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

const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");

const columnLookup = new Map<TableName, Map<string, string>>();

function lookupFor(table: TableName): Map<string, string> {
  let lookup = columnLookup.get(table);
  if (!lookup) {
    lookup = new Map((tableByName(table)?.columns ?? []).map((c) => [squash(c.name), c.name]));
    columnLookup.set(table, lookup);
  }
  return lookup;
}

export function isDiagnosticRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.keys(value).some((k) => squash(k) === "category");
}

export interface RoutedRecord {
  readonly table: TableName;
  readonly row: Record<string, unknown>;
}

/**
 * The table and raw row for one record, or null for a category that feeds none of the three tables.
 * Keys match columns ignoring case and punctuation (PascalCase or camelCase); keys with no column are envelope fields and are dropped.
 */
export function routeDiagnosticRecord(record: Record<string, unknown>, where: string): RoutedRecord | null {
  const { properties, ...envelope } = Object.fromEntries(Object.entries(record).map(([k, v]) => [squash(k) === "properties" ? "properties" : k, v]));
  if (properties !== undefined && (properties === null || typeof properties !== "object" || Array.isArray(properties))) {
    throw new Error(`${where}: properties must be a JSON object of column values, got ${JSON.stringify(properties)}`);
  }
  // Properties come last so a column given in both places takes the properties' value, which is the one the table keeps.
  const merged: Record<string, unknown> = { ...envelope, ...(properties as Record<string, unknown> | undefined) };
  const categoryKey = Object.keys(merged).find((k) => squash(k) === "category");
  const category = categoryKey === undefined ? undefined : merged[categoryKey];
  if (typeof category !== "string" || category === "") {
    throw new Error(`${where}: a diagnostic-log record needs a category (for example "CallRecordingSummary"); none was found`);
  }
  const table = categoryTables[squash(category)];
  if (!table) return null;
  const lookup = lookupFor(table);
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged)) {
    const squashed = squash(key);
    const column = lookup.get(squashed) ?? (aliases[squashed] && lookup.has(squash(aliases[squashed])) ? aliases[squashed] : undefined);
    if (!column) continue;
    // An explicit TimeGenerated wins over the envelope's time.
    if (column === "TimeGenerated" && aliases[squashed] && row.TimeGenerated !== undefined) continue;
    row[column] = value;
  }
  if (row.Type === undefined) row.Type = table;
  return { table, row };
}
