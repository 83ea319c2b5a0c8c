// Shared constants and small helpers of the scalar library: kept tiny so every table file can import them.
import type { KType, Value } from "../types";
import { DynamicReal } from "../values/dynamic-real";

export type ScalarFn = (args: readonly Value[]) => Value;
/** Builds a function for the given binder types, or undefined when these types are not supported. */
export type ScalarFactory = (
  argTypes: readonly KType[],
  resultType: KType,
  ctx: { readonly now: number },
) => ScalarFn | undefined;
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
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof DynamicReal);
}

const regexSpecials = /[.*+?^${}()|[\]\\/]/g;
export function escapeRegex(s: string): string {
  return s.replace(regexSpecials, "\\$&");
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
  return (argTypes, resultType, ctx) =>
    argTypes.length < min || argTypes.length > max ? undefined : make(argTypes, resultType, ctx);
}
