// Query results as text for people (aligned table) and for spreadsheets (RFC 4180 CSV).
import { jsonValue } from "./json";
import type { QueryResult, Value } from "./types";

function cellText(v: Value, type: string): string {
  const j = jsonValue(v, type);
  if (j === null || j === undefined) return "";
  return typeof j === "object" ? JSON.stringify(j) : String(j);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(result: QueryResult): string {
  const lines = [result.columns.map((c) => csvField(c.name)).join(",")];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvField(cellText(row[c.name] ?? null, c.type))).join(","));
  return lines.join("\n") + "\n";
}

export function toTextTable(result: QueryResult): string {
  const header = result.columns.map((c) => c.name);
  const body = result.rows.map((row) => result.columns.map((c) => cellText(row[c.name] ?? null, c.type)));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  out.push(`(${result.rows.length} row${result.rows.length === 1 ? "" : "s"})`);
  return out.join("\n") + "\n";
}
