// Query results as text for people (aligned table) and for spreadsheets (RFC 4180 CSV).
import { jsonValue } from "./json";
import { formatDynamic, formatReal } from "./scalars/format";
import type { QueryResult, Value } from "./types";
import { DynamicReal } from "./values/dynamic-real";

function cellText(v: Value, type: string): string {
  // An array or bag prints as tostring() prints it: a whole real inside stays 5.0, a long beyond 2^53 keeps its digits.
  if (type === "dynamic" && typeof v === "object" && v !== null && !(v instanceof DynamicReal)) return formatDynamic(v);
  // A real prints as tostring() prints it (1E+20, 1.5E-05), not in JavaScript's notation.
  if (type === "real" && typeof v === "number" && Number.isFinite(v)) return formatReal(v);
  const j = jsonValue(v, type);
  if (j === null || j === undefined) return "";
  return typeof j === "object" ? JSON.stringify(j) : String(j);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text cell a spreadsheet would run as a formula (CWE-1236: = + - @, tab, CR) gets a leading ' so it stays text. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Prefix string cells that start like a formula with ' (default true); numbers, datetimes and timespans are never touched. */
  readonly neutralizeFormulas?: boolean;
}

export function toCsv(result: QueryResult, options: CsvOptions = {}): string {
  const guard = options.neutralizeFormulas !== false;
  const field = (v: Value, type: string) => {
    const text = cellText(v, type);
    return guard && (type === "string" || (type === "dynamic" && typeof v === "string"))
      ? neutralizeFormula(text)
      : text;
  };
  const lines = [result.columns.map((c) => csvField(guard ? neutralizeFormula(c.name) : c.name)).join(",")];
  for (const row of result.rows)
    lines.push(result.columns.map((c) => csvField(field(row[c.name] ?? null, c.type))).join(","));
  return `${lines.join("\n")}\n`;
}

/** Control characters (C0, DEL, C1) and bidi overrides as \uXXXX, so data cannot move the cursor or retitle the terminal. */
export function escapeControls(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function toTextTable(result: QueryResult): string {
  const header = result.columns.map((c) => escapeControls(c.name));
  const body = result.rows.map((row) =>
    result.columns.map((c) => escapeControls(cellText(row[c.name] ?? null, c.type))),
  );
  // A loop, not Math.max(...body): spreading ~130k rows overflows the call stack.
  const widths = header.map((h, i) => body.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  out.push(`(${result.rows.length} row${result.rows.length === 1 ? "" : "s"})`);
  return `${out.join("\n")}\n`;
}
