// Ordering, equality and grouping keys for every Kusto type.
import type { KType, Value } from "../types";
import { DynamicReal, unboxReal } from "../values/dynamic-real";
import { isPlainObject } from "./common";
import { asDecimal, compareDecimals, Decimal, decimalKey } from "./decimal";

function compareNumbers(a: Value, b: Value): number {
  const x = a as number;
  const y = b as number;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  // A long held as a bigint: JS compares it with a number exactly, and loose equality by value.
  // biome-ignore lint/suspicious/noDoubleEquals: deliberate, see above.
  if (typeof x === "bigint" || typeof y === "bigint") return x == y ? 0 : Number.isNaN(x) ? -1 : 1;
  // NaN sorts before every number, as .NET's double.CompareTo does.
  return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
}

/** Ordinal (code-unit) order, as Kusto sorts strings. */
function compareStrings(a: Value, b: Value): number {
  const x = typeof a === "string" ? a : "";
  const y = typeof b === "string" ? b : "";
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBools(a: Value, b: Value): number {
  return (a === true ? 1 : 0) - (b === true ? 1 : 0);
}

const dynamicRank = (v: unknown): number =>
  v === null || v === undefined
    ? 0
    : typeof v === "boolean"
      ? 1
      : typeof v === "number" || typeof v === "bigint" || v instanceof DynamicReal
        ? 2
        : typeof v === "string"
          ? 3
          : Array.isArray(v)
            ? 4
            : 5;

/** Dynamic values of mixed kinds: order by kind, then by value, then by JSON text. */
export function compareDynamic(a: Value, b: Value): number {
  const ra = dynamicRank(a);
  const rb = dynamicRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return compareBools(a, b);
  // A boxed whole real orders by its number among longs and reals.
  if (ra === 2) return compareNumbers(unboxReal(a), unboxReal(b));
  if (ra === 3) return compareStrings(a, b);
  return compareStrings(stableJson(a), stableJson(b));
}

export function compareValues(type: KType): (a: Value, b: Value) => number {
  switch (type) {
    case "int":
    case "long":
    case "real":
    case "datetime":
    case "timespan":
      return compareNumbers;
    case "decimal":
      return compareDecimalValues;
    case "string":
    case "guid":
      return compareStrings;
    case "bool":
      return compareBools;
    default:
      return compareDynamic;
  }
}

/** Decimals by exact value (1.0 equals 1); null sorts first, as with numbers. */
function compareDecimalValues(a: Value, b: Value): number {
  const x = asDecimal(a);
  const y = asDecimal(b);
  if (x === null || y === null) return x === null ? (y === null ? 0 : -1) : 1;
  return compareDecimals(x, y);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Numbers inside dynamic values are equal by value whether long or real (5 == 5.0, as for typed long and real).
  if (a instanceof DynamicReal || b instanceof DynamicReal)
    return numberEquals(unboxReal(a as Value), unboxReal(b as Value));
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const isNumber = (v: Value): v is number | bigint => typeof v === "number" || typeof v === "bigint";
// Loose equality compares a bigint long with a real by value.
// biome-ignore lint/suspicious/noDoubleEquals: deliberate, see above.
const numberEquals = (x: Value, y: Value): boolean => isNumber(x) && isNumber(y) && x == y;

const ciEqual = (a: Value, b: Value): boolean => {
  const x = typeof a === "string" ? a : "";
  const y = typeof b === "string" ? b : "";
  return x === y || (x.length === y.length && x.toLowerCase() === y.toLowerCase());
};

// Kusto strings are never null, so a missing string equals "".
const csEqual = (a: Value, b: Value): boolean => (typeof a === "string" ? a : "") === (typeof b === "string" ? b : "");

const dynamicEqual = (a: Value, b: Value, ci: boolean): boolean => {
  if (ci && typeof a === "string" && typeof b === "string") return ciEqual(a, b);
  return deepEqual(a, b);
};

export function valuesEqual(type: KType, caseInsensitive = false): (a: Value, b: Value) => boolean {
  switch (type) {
    case "string":
      return caseInsensitive ? ciEqual : csEqual;
    case "guid":
      return ciEqual;
    case "dynamic":
      return caseInsensitive ? (a, b) => dynamicEqual(a, b, true) : (a, b) => dynamicEqual(a, b, false);
    case "decimal":
      return (a, b) => (a === null || b === null ? a === b : compareDecimalValues(a, b) === 0);
    default:
      return (a, b) => a === b;
  }
}

/** JSON with object keys sorted, so equal bags give equal text whatever their key order. */
export function stableJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "bigint") return v.toString();
  // By value, like hashKey: a whole real and the long of that value key alike.
  if (v instanceof DynamicReal) return String(v.value);
  if (typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  const obj = v as Record<string, unknown>;
  return (
    "{" +
    Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
      .join(",") +
    "}"
  );
}

const MARK = "\u0001";
let lastNumber = NaN;
let lastNumberKey = "";

/** A string key per value: strings map to themselves (no allocation) unless they start with the marker; null shares ""'s key, as a missing string is "" to Kusto. */
let lastBigint: bigint | undefined;
let lastBigintKey = "";

/**
 * Whether values of `type` must be keyed by hashKey to group or match by value: dynamic values (arrays, bags, boxed
 * reals) and decimals (1.5 equals 1.50) are objects, which a Map would key by identity.
 */
export function keyedByValueOnly(type: string): boolean {
  return type === "dynamic" || type === "decimal";
}

export function hashKey(v: Value): string {
  if (typeof v === "string") return v.length > 0 && v.charCodeAt(0) === 1 ? `${MARK}s${v}` : v;
  if (typeof v === "number") {
    // Binned times arrive in runs of the same value: reuse the last key instead of printing the number again.
    if (v === lastNumber && v === v) return lastNumberKey;
    lastNumber = v;
    lastNumberKey = `${MARK}#${v === 0 ? "0" : String(v)}`;
    return lastNumberKey;
  }
  if (v === null || v === undefined) return "";
  // A long beyond 2^53 keys like a number of the same value; datetime ticks come in runs of one bin, so reuse the last key.
  if (typeof v === "bigint") {
    if (v === lastBigint) return lastBigintKey;
    lastBigint = v;
    lastBigintKey = `${MARK}#${v.toString()}`;
    return lastBigintKey;
  }
  // A boxed whole real keys like the number of the same value (== holds between them; values/dynamic-real.ts).
  if (v instanceof DynamicReal) return `${MARK}#${v.value === 0 ? "0" : String(v.value)}`;
  // A decimal keys by its value without trailing zeros, like a number of the same value.
  if (v instanceof Decimal) return `${MARK}#${decimalKey(v)}`;
  if (v === true) return `${MARK}t`;
  if (v === false) return `${MARK}f`;
  return `${MARK}j${isPlainObject(v) || Array.isArray(v) ? stableJson(v) : String(v)}`;
}
