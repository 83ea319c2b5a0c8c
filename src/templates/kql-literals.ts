// The one place where values become KQL text: string, string-array, datetime, timespan and number literals, and identifiers.

// Characters that must not appear raw inside a quoted literal: C0/C1 controls, DEL and the Unicode line separators.
const needsUnicodeEscape = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A double-quoted Kusto string literal: backslash, quote and every control character escaped, so the value stays one token. */
export function kqlString(value: string): string {
  if (typeof value !== "string") throw new Error(`kqlString: expected a string, got ${typeof value}`);
  if (loneSurrogate.test(value))
    throw new Error("kqlString: the value holds a lone UTF-16 surrogate; pass well-formed Unicode text");
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(needsUnicodeEscape, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `"${escaped}"`;
}

/** `dynamic([...])` of string literals; an empty list is `dynamic([])`, which the functions read as "all". */
export function kqlStringArray(values: readonly string[]): string {
  if (!Array.isArray(values)) throw new Error("kqlStringArray: expected an array of strings");
  return `dynamic([${values.map(kqlString).join(", ")}])`;
}

/** `datetime(...)` in ISO 8601 UTC, or `datetime(null)` for an unbounded side. */
export function kqlDateTime(value: Date | number | null): string {
  if (value === null) return "datetime(null)";
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number" || !Number.isFinite(ms))
    throw new Error("kqlDateTime: expected a valid Date or epoch milliseconds");
  return `datetime(${new Date(ms).toISOString()})`;
}

const units: readonly (readonly [string, number])[] = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
];

/** A timespan literal such as `1h` or `90s` from whole milliseconds, in the largest unit that divides it exactly. */
export function kqlTimespan(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0)
    throw new Error(`kqlTimespan: expected a positive whole number of milliseconds, got ${ms}`);
  const [unit, size] = units.find(([, size]) => ms % size === 0)!;
  return `${ms / size}${unit}`;
}

/** A whole-number literal (long). */
export function kqlLong(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`kqlLong: expected a whole number, got ${value}`);
  return String(value);
}

/** A real literal. */
export function kqlReal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`kqlReal: expected a finite number, got ${value}`);
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

export function kqlBool(value: boolean): string {
  if (typeof value !== "boolean") throw new Error("kqlBool: expected true or false");
  return value ? "true" : "false";
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** A column or function name, validated rather than escaped: only letters, digits and underscores, not starting with a digit. */
export function kqlIdentifier(name: string): string {
  if (typeof name !== "string" || !identifierPattern.test(name)) {
    throw new Error(
      `kqlIdentifier: ${JSON.stringify(name)} is not a KQL identifier; use letters, digits and _ (not starting with a digit), at most 128 characters`,
    );
  }
  return name;
}
