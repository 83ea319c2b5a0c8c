// Checks the tables handed to run() against the engine's value contract once, so a wrong representation (epoch-ms
// numbers in a datetime column, say) is an error naming the cell instead of a silently wrong answer.
import { type DataTable, isInt32, type KType, type Tables, type Value } from "../types";
import { inRange, parseDatetime, parseTimespan } from "./time";

/** What a column's cells must be, said in the error; null/undefined are Kusto's null in every column. */
const expected: Partial<Record<KType, string>> = {
  datetime:
    "a bigint of 100-ns ticks since 1970-01-01T00:00:00Z within years 1..9999 (convert epoch ms with ticksFromMs)",
  timespan: "a bigint of 100-ns ticks (convert milliseconds with ticksFromMs)",
  long: "an integer number (a bigint only beyond 2^53, within int64)",
  int: "an integer number within int32",
  real: "a number",
  decimal: "a number",
  bool: "a boolean",
};

// ISO 8601 date first (2024-03-10T12:00:00Z): unambiguous, unlike month-first or RFC text.
const isoDatetime = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
// Kusto's [-][d.]hh:mm:ss[.fffffff] notation, as toJsonRows prints timespans.
const clockTimespan = /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;

type Cell = { ok: true; value: Value } | { ok: false };
/** The cell is already as the engine holds it. */
export const unchanged: Cell = { ok: true, value: null };

/** The cell as the engine holds it: `unchanged` when already right, a converted value, or not ok. */
export function checkCell(type: KType, v: unknown): Cell {
  if (v === null || v === undefined) return unchanged;
  switch (type) {
    case "datetime":
      if (typeof v === "bigint") return inRange(v) ? unchanged : { ok: false };
      if (typeof v === "string" && isoDatetime.test(v)) {
        const ticks = parseDatetime(v);
        return ticks === null ? { ok: false } : { ok: true, value: ticks };
      }
      return { ok: false };
    case "timespan":
      if (typeof v === "bigint") return unchanged;
      if (typeof v === "string" && clockTimespan.test(v)) {
        const ticks = parseTimespan(v);
        return ticks === null ? { ok: false } : { ok: true, value: ticks };
      }
      return { ok: false };
    case "long":
      if (typeof v === "number") return Number.isSafeInteger(v) ? unchanged : { ok: false };
      if (typeof v === "bigint") {
        if (v < -(2n ** 63n) || v >= 2n ** 63n) return { ok: false };
        // A safe value is never a bigint inside the engine (=== and Map keys rely on it).
        return v >= -9007199254740991n && v <= 9007199254740991n ? { ok: true, value: Number(v) } : unchanged;
      }
      return { ok: false };
    case "int":
      return isInt32(v) ? unchanged : { ok: false };
    case "real":
    case "decimal":
      return typeof v === "number" ? unchanged : { ok: false };
    case "bool":
      return typeof v === "boolean" ? unchanged : { ok: false };
    default:
      return unchanged;
  }
}

function describe(v: unknown): string {
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  if (typeof v === "bigint") return `the bigint ${v}n`;
  if (v instanceof Date) return "a Date object";
  return `the ${typeof v} ${String(v)}`;
}

/** The table with its cells in the engine's representation; throws naming table, column, row and the fix. */
export function checkedTable(key: string, table: DataTable): DataTable {
  const checked = table.columns.filter((c) => expected[c.type] !== undefined);
  if (checked.length === 0) return table;
  let rows: Record<string, Value>[] | undefined;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    for (const c of checked) {
      const v = row[c.name];
      const cell = checkCell(c.type, v);
      if (!cell.ok) {
        throw new Error(
          `table "${table.name ?? key}", column "${c.name}" (${c.type}), rows[${i}]: got ${describe(v)}; the engine expects ${expected[c.type]}`,
        );
      }
      if (cell === unchanged) continue;
      // Converted cells go into copies: the caller's rows stay as they were.
      rows ??= table.rows.slice();
      if (rows[i] === row) rows[i] = Object.assign(Object.create(null), row);
      rows[i][c.name] = cell.value;
    }
  }
  return rows ? { ...table, rows } : table;
}

// Each table object is checked once, however many queries run over it.
const seen = new WeakMap<DataTable, DataTable>();

/** Vouches for a table whose cells a converter already put in the engine's representation (the data loader's). */
export function markChecked<T extends DataTable>(table: T): T {
  seen.set(table, table);
  return table;
}

export function checkedTables(tables: Tables): Tables {
  let out: Record<string, DataTable> | undefined;
  for (const [key, table] of Object.entries(tables)) {
    let done = seen.get(table);
    if (!done) {
      done = checkedTable(key, table);
      seen.set(table, done);
    }
    if (done !== table) {
      out ??= { ...tables };
      out[key] = done;
    }
  }
  return out ?? tables;
}
