// zod parameter types shared by the templates: datetimes, time bins, ids and filter lists, each with a message naming the fix.
import { z } from "zod";
import { parseDateTime } from "../schema/tables";
import { maxDatetimeMs, minDatetimeMs } from "../workbook/substitute";

const dateTimeHint =
  "expected an ISO 8601 datetime such as 2024-05-01T00:00:00Z, a Date or epoch milliseconds, between years 1 and 9999";

function toEpochMs(v: unknown): number {
  const ms =
    v instanceof Date ? v.getTime() : typeof v === "string" ? parseDateTime(v) : typeof v === "number" ? v : Number.NaN;
  // Beyond Kusto's datetime range (years 1 to 9999) a value cannot be printed as a literal.
  return ms >= minDatetimeMs && ms <= maxDatetimeMs ? ms : Number.NaN;
}

/** A datetime as epoch ms; accepts a Date, an ISO 8601 string or epoch milliseconds. */
export const dateTimeParam = z.any().transform((v, ctx): number => {
  const ms = toEpochMs(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: `${dateTimeHint}, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return ms;
});

/** An optional bound: null or absent means unbounded. */
export const boundParam = z.any().transform((v, ctx): number | null => {
  if (v === null || v === undefined) return null;
  const ms = toEpochMs(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: `${dateTimeHint} (or null for unbounded), got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return ms;
});

const timespanUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A time bin in whole milliseconds; accepts "15m", "1h", "1d", "30s", "500ms" or a number of milliseconds. */
export const timespanParam = z.any().transform((v, ctx): number => {
  let ms = Number.NaN;
  if (typeof v === "number") ms = v;
  else if (typeof v === "string") {
    const m = /^(\d{1,6})(ms|s|m|h|d)$/.exec(v.trim());
    if (m) ms = Number(m[1]) * timespanUnits[m[2]];
  }
  if (!Number.isInteger(ms) || ms <= 0 || ms > 366 * 86_400_000) {
    ctx.addIssue({
      code: "custom",
      message: `expected a time bin such as "15m", "1h" or "1d" (or whole milliseconds, up to 366d), got ${JSON.stringify(v)}`,
    });
    return z.NEVER;
  }
  return ms;
});

// A lone UTF-16 surrogate has no UTF-8 form, so it cannot be sent in a query; refused here so the error names the parameter.
const wellFormed = [
  (v: string) => !/\p{Cs}/u.test(v),
  "holds a lone UTF-16 surrogate; pass well-formed Unicode text",
] as const;

/** One value of a multi-value filter: any text, escaped later; bounded so a query stays small. */
export const filterValue = z
  .string()
  .min(1, "a filter value must not be empty")
  .max(256, "a filter value must be at most 256 characters")
  .refine(...wellFormed);

/** A multi-value filter; empty (the default) keeps everything. */
export const filterList = z.array(filterValue).max(50, "at most 50 filter values").default([]);

/** An id such as a CorrelationId; '*' keeps every call. */
export const idOrAll = z
  .string()
  .min(1, "use '*' for every call, or a CorrelationId")
  .max(256, "a CorrelationId is at most 256 characters")
  .refine(...wellFormed)
  .default("*");

/** An id that must name one thing ('*' is not allowed). */
export const requiredId = z
  .string({ error: "expected a CorrelationId string" })
  .min(1, "expected a CorrelationId")
  .max(256, "a CorrelationId is at most 256 characters")
  .refine(...wellFormed)
  .refine((v) => v !== "*", "expected one CorrelationId, not '*'");

/** A row limit for list templates. */
export const limitParam = z.number().int("limit must be a whole number").min(1).max(10_000).default(1000);
