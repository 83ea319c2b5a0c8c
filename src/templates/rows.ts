// zod codecs for result columns: one row schema accepts both the local engine's JSON rows and the workspace client's rows.
import { z } from "zod";

function issue(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER as never;
}

/** datetime: Date (workspace client), ISO string (local JSON rows) or epoch ms; null stays null. */
export const datetimeColumn = z.any().transform((v, ctx): Date | null => {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : typeof v === "string" || typeof v === "number" ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) return issue(ctx, `expected a datetime, got ${JSON.stringify(v)}`);
  return d;
});

/** string: Kusto strings are never null, so null reads as "". */
export const stringColumn = z.any().transform((v, ctx): string => {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return issue(ctx, `expected a string, got ${JSON.stringify(v)}`);
  return v;
});

/** int/long: a whole number or null. */
export const longColumn = z.any().transform((v, ctx): number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v !== "number" || !Number.isInteger(v))
    return issue(ctx, `expected a whole number, got ${JSON.stringify(v)}`);
  return v;
});

/** real: a number or null; the service writes NaN and infinities as strings. */
export const realColumn = z.any().transform((v, ctx): number | null => {
  if (v === null || v === undefined) return null;
  if (v === "NaN" || v === "Infinity" || v === "-Infinity") return Number(v);
  if (typeof v !== "number") return issue(ctx, `expected a number, got ${JSON.stringify(v)}`);
  return v;
});

export const boolColumn = z.any().transform((v, ctx): boolean | null => {
  if (v === null || v === undefined) return null;
  if (typeof v !== "boolean") return issue(ctx, `expected true or false, got ${JSON.stringify(v)}`);
  return v;
});

/** dynamic array of strings (make_set results); JSON text is parsed first. */
export const stringSetColumn = z.any().transform((v, ctx): string[] => {
  let value = v;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return issue(ctx, `expected a JSON array of strings, got ${JSON.stringify(v)}`);
    }
  }
  if (!Array.isArray(value) || value.some((x) => typeof x !== "string"))
    return issue(ctx, `expected an array of strings, got ${JSON.stringify(v)}`);
  return value as string[];
});

/**
 * Parses result rows with a template's row schema; a mismatch names the row and column.
 * Rows that carry columns the schema does not know are errors too, so drift is never silent.
 */
export function parseRows<R extends z.ZodObject>(
  schema: R,
  rows: readonly Record<string, unknown>[],
  label: string,
): z.output<R>[] {
  const columns = Object.keys(schema.shape);
  return rows.map((row, i) => {
    const missing = columns.find((c) => !(c in row));
    if (missing) throw new Error(`${label}: row ${i + 1}, column ${missing}: missing from the result`);
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0] as { path: PropertyKey[]; message: string; code: string; keys?: string[] };
    const column = first.code === "unrecognized_keys" ? (first.keys ?? []).join(", ") : String(first.path[0] ?? "?");
    const message = first.code === "unrecognized_keys" ? "not a column of the row schema" : first.message;
    throw new Error(`${label}: row ${i + 1}, column ${column}: ${message}`);
  });
}
