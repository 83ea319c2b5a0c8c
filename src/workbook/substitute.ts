// Expands workbook parameter references in KQL the way the portal does before it sends a query.

export type ParameterValue =
  /** A time range picker value; `relativeMs` is set when the user picked "Last N", unset for a custom range. */
  | {
      readonly kind: "timeRange";
      readonly startMs: number;
      readonly endMs: number;
      readonly relativeMs?: number;
      readonly grainMs: number;
    }
  /** A multi-select dropdown: the picked values, or "all" (which formats as `allValue`). */
  | {
      readonly kind: "multi";
      readonly selected: readonly string[] | "all";
      readonly quote: string;
      readonly delimiter: string;
      readonly allValue: string;
    }
  /** Any single value: a single-select dropdown, a resource id, a value exported from a grid, the selected tab. */
  | { readonly kind: "text"; readonly value: string };

const minute = 60_000;
/** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z, the ends of Kusto's datetime range in whole ms. */
export const minDatetimeMs = -62_135_596_800_000;
export const maxDatetimeMs = 253_402_300_799_999;
const hour = 60 * minute;
const day = 24 * hour;

const grains: readonly number[] = [
  minute,
  5 * minute,
  10 * minute,
  15 * minute,
  30 * minute,
  hour,
  2 * hour,
  4 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
];

/** The portal's automatic grain: the smallest round step giving at most 48 bins (its own example: 24 hours → 30m). */
export function autoGrainMs(durationMs: number): number {
  return grains.find((g) => durationMs / g <= 48) ?? grains[grains.length - 1];
}

/** A KQL timespan literal in the largest unit that divides it evenly: 4h, 30m, 1d, 90s, 250ms. */
export function timespanLiteral(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`timespan must be a positive number of ms, got ${ms}`);
  for (const [unit, size] of [
    ["d", day],
    ["h", hour],
    ["m", minute],
    ["s", 1000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * datetime("2024-05-01T10:00:00.000Z"): what `{TimeRange:start}` becomes inside a query, in the form a workbooks
 * maintainer quoted for the portal's custom-range expansion (microsoft/Application-Insights-Workbooks issue 146).
 */
export function datetimeLiteral(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error(`datetime must be epoch ms, got ${ms}`);
  // A range reaching past Kusto's datetimes (years 1-9999) is cut at their ends: no value lies beyond them anyway.
  return `datetime("${new Date(Math.min(Math.max(ms, minDatetimeMs), maxDatetimeMs)).toISOString()}")`;
}

function rangeLabel(v: { startMs: number; endMs: number; relativeMs?: number }): string {
  if (v.relativeMs === undefined) return `${new Date(v.startMs).toISOString()} - ${new Date(v.endMs).toISOString()}`;
  const ms = v.relativeMs;
  const [count, unit] =
    ms % day === 0 ? [ms / day, "day"] : ms % hour === 0 ? [ms / hour, "hour"] : [ms / minute, "minute"];
  return count === 1 ? `Last ${unit}` : `Last ${count} ${unit}s`;
}

/** Escapes a value for a single- or double-quoted KQL string literal. */
export function escapeKqlString(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n");
}

function formatTimeRange(
  name: string,
  v: Extract<ParameterValue, { kind: "timeRange" }>,
  format: string | undefined,
): string {
  switch (format) {
    case undefined:
    case "value":
    case "query":
      return v.relativeMs !== undefined
        ? `> ago(${timespanLiteral(v.relativeMs)})`
        : `between(${datetimeLiteral(v.startMs)}..${datetimeLiteral(v.endMs)})`;
    case "start":
      return datetimeLiteral(v.startMs);
    case "end":
      return datetimeLiteral(v.endMs);
    case "grain":
      return timespanLiteral(v.grainMs);
    case "label":
      return rangeLabel(v);
    default:
      throw new Error(`{${name}:${format}}: a time range supports :start, :end, :grain, :value, :query and :label`);
  }
}

function formatMulti(name: string, v: Extract<ParameterValue, { kind: "multi" }>, format: string | undefined): string {
  if (format !== undefined && format !== "value" && format !== "label") {
    throw new Error(`{${name}:${format}}: a multi-select dropdown supports :value and :label`);
  }
  if (v.selected === "all") return v.allValue;
  // The quote character inside a value would end the literal early, so it is escaped like any KQL string.
  return v.selected.map((s) => `${v.quote}${v.quote ? escapeKqlString(s) : s}${v.quote}`).join(v.delimiter);
}

function formatText(name: string, v: Extract<ParameterValue, { kind: "text" }>, format: string | undefined): string {
  switch (format) {
    case undefined:
    case "value":
    case "label":
      return v.value;
    case "escape":
      return escapeKqlString(v.value);
    default:
      throw new Error(`{${name}:${format}}: a single-value parameter supports :value, :label and :escape`);
  }
}

/** `{Name}` or `{Name:format}`; a space or an empty pair of braces is never a parameter (KQL lambdas, dynamic({})). */
export const parameterReference = /\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z$.]+))?\}/g;

/** The parameter names a text refers to, in order of first use. */
export function referencedParameters(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(parameterReference)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/**
 * Replaces every `{Param}` / `{Param:format}` in `kql` by its formatted value. Pure.
 * An undeclared parameter is an error, as the portal would not run such a query.
 */
export function substituteParameters(kql: string, values: Readonly<Record<string, ParameterValue>>): string {
  return kql.replace(parameterReference, (_whole, name: string, format: string | undefined) => {
    const value = values[name];
    if (!value) {
      throw new Error(
        `unknown workbook parameter {${name}}: declare it in a parameters item (or export it from a grid) before the query uses it`,
      );
    }
    switch (value.kind) {
      case "timeRange":
        return formatTimeRange(name, value, format);
      case "multi":
        return formatMulti(name, value, format);
      case "text":
        return formatText(name, value, format);
    }
  });
}
