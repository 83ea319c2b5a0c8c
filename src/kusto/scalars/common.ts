// Shared constants and small helpers of the scalar library: kept tiny so every table file can import them.
import type { KType, Value } from "../types";

export type ScalarFn = (args: readonly Value[]) => Value;
/** Builds a function for the given binder types, or undefined when these types are not supported. */
export type ScalarFactory = (argTypes: readonly KType[], resultType: KType, ctx: { readonly now: number }) => ScalarFn | undefined;
export type ScalarTable = Readonly<Record<string, ScalarFactory>>;

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
/** One .NET tick (100 ns) in milliseconds: Kusto's datetime/timespan resolution. */
export const MS_PER_TICK = 0.0001;
/** Milliseconds from 0001-01-01 (Kusto's tick origin) to the Unix epoch. */
export const MS_FROM_YEAR_ONE_TO_EPOCH = 62135596800000;

export function isNumericType(t: KType): boolean {
  return t === "int" || t === "long" || t === "real" || t === "decimal";
}

export function isIntegerType(t: KType): boolean {
  return t === "int" || t === "long";
}

/** Types whose values are plain numbers in memory (so + - * / can work on them directly). */
export function isNumberLike(t: KType): boolean {
  return isNumericType(t) || t === "datetime" || t === "timespan";
}

/** Kusto strings are never null: a missing string reads as "". */
export function str(v: Value): string {
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
}

export function num(v: Value): number | null {
  return typeof v === "number" ? v : null;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const regexSpecials = /[.*+?^${}()|[\]\\/]/g;
export function escapeRegex(s: string): string {
  return s.replace(regexSpecials, "\\$&");
}

/** Kusto regexes are RE2; the common subset reads the same in JS except inline flags, (?P<name>) and \A/\z, which we translate. */
export function compileKustoRegex(pattern: string, flags = ""): RegExp {
  let body = pattern.replace(/\(\?P</g, "(?<").replace(/(^|[^\\])\\A/g, "$1^").replace(/(^|[^\\])\\z/g, "$1$$");
  let extra = "";
  const inline = /^\(\?([imsU]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of inline[1]) if (f !== "U" && !extra.includes(f)) extra += f;
  }
  try {
    return new RegExp(body, [...new Set(flags + extra)].join(""));
  } catch (err) {
    throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}; write an RE2 pattern`);
  }
}

/** Caches the last compiled regex: patterns are nearly always constant, so this compiles once per query. */
export function regexCache(flags = ""): (pattern: string) => RegExp {
  let lastPattern: string | undefined;
  let lastRegex: RegExp | undefined;
  return (pattern) => {
    if (pattern !== lastPattern || lastRegex === undefined) {
      lastRegex = compileKustoRegex(pattern, flags);
      lastPattern = pattern;
    }
    return lastRegex;
  };
}

/** Same idea for any per-argument compiled form (format strings, needles). */
export function lastValueCache<T>(build: (key: string) => T): (key: string) => T {
  let lastKey: string | undefined;
  let last: T | undefined;
  return (key) => {
    if (key !== lastKey || last === undefined) {
      last = build(key);
      lastKey = key;
    }
    return last;
  };
}

/** Factory for a function with fixed arity range. */
export function arity(min: number, max: number, make: ScalarFactory): ScalarFactory {
  return (argTypes, resultType, ctx) => (argTypes.length < min || argTypes.length > max ? undefined : make(argTypes, resultType, ctx));
}
