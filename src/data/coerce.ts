// Turns one raw row (JSON, CSV or diagnostic-log values) into a typed row of a table, through the schema's rowValidator.
import { rowValidator, tableByName, type KustoType, type TableName } from "../schema/tables";
import type { Value } from "../kusto/types";

const expected: Record<KustoType, string> = {
  string: "a string",
  int: "a whole number such as 3",
  long: "a whole number such as 3",
  real: "a number such as 3.34",
  bool: "true or false",
  datetime: "an ISO 8601 datetime such as 2022-08-17T23:18:26.4332392Z (or the portal's 8/17/2022, 11:18:26.433 PM)",
  timespan: "a number of milliseconds",
  dynamic: "a JSON value",
};

// The portal's CSV export writes datetimes as its UI shows them (MicrosoftDocs/azure-docs#66181): en-US
// "M/D/YYYY, h:mm:ss.fff AM|PM" by default, year-first "YYYY/M/D H:mm:ss.fff" in some locales; UTC unless the header says otherwise.
const usDateTime = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(AM|PM)?$/i;
const yearFirstDateTime = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

function utc(year: string, month: string, day: string, hour: number, minute: string, second: string | undefined, fraction: string | undefined): number {
  const whole = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, Number(minute), Number(second ?? 0));
  const check = new Date(whole);
  if (hour > 23 || check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return Number.NaN;
  return whole + (fraction ? Number(`0${fraction}`) * 1000 : 0);
}

/** Epoch ms of a portal-formatted UTC datetime, NaN for an impossible one, or undefined when the text is not in a portal format. */
export function parsePortalDateTime(text: string): number | undefined {
  const trimmed = text.trim();
  const y = yearFirstDateTime.exec(trimmed);
  if (y) return utc(y[1], y[2], y[3], Number(y[4]), y[5], y[6], y[7]);
  const m = usDateTime.exec(trimmed);
  if (!m) return undefined;
  const [, month, day, year, hour, minute, second, fraction, meridiem] = m;
  let h = Number(hour);
  if (meridiem) {
    if (h < 1 || h > 12) return Number.NaN;
    h = (h % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  }
  return utc(year, month, day, h, minute, second, fraction);
}

const validators = new Map<string, ReturnType<typeof rowValidator>>();
const typeMaps = new Map<string, Map<string, KustoType>>();

function columnTypes(table: TableName): Map<string, KustoType> {
  let types = typeMaps.get(table);
  if (!types) {
    types = new Map((tableByName(table)?.columns ?? []).map((c) => [c.name, c.type]));
    typeMaps.set(table, types);
  }
  return types;
}

function validatorFor(table: TableName) {
  let v = validators.get(table);
  if (!v) {
    v = rowValidator(table);
    validators.set(table, v);
  }
  return v;
}

/**
 * Coerces a raw row to the table's column types; missing columns become null.
 * `where` names the place ("file.csv:12") for the error, which also names the column and what was expected.
 */
export function coerceRow(table: TableName, raw: Record<string, unknown>, where: string): Record<string, Value> {
  const def = tableByName(table);
  if (!def) throw new Error(`${where}: unknown table ${table}`);
  const types = columnTypes(table);
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const type = types.get(key);
    if (!type) {
      throw new Error(
        `${where}: column ${key} is not a column of ${table}; rename or drop it (columns: ${def.columns.map((c) => c.name).join(", ")})`,
      );
    }
    input[key] = type === "datetime" && typeof value === "string" ? (parsePortalDateTime(value) ?? value) : value;
  }
  const parsed = validatorFor(table).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const column = String(issue.path[0] ?? "?");
    const type = types.get(column) ?? "string";
    throw new Error(`${where}: column ${column} (${type}): cannot use ${JSON.stringify(raw[column])}; expected ${expected[type]}`);
  }
  const out: Record<string, Value> = {};
  const values = parsed.data as Record<string, Value>;
  for (const c of def.columns) out[c.name] = values[c.name] ?? null;
  return out;
}
