// Kusto `long` is a .NET Int64: a JS number while it is a safe integer, a bigint (wrapped to 64 bits) beyond that.
import type { Value } from "../types";
import { DynamicReal } from "../values/dynamic-real";
import { dynamicRealText, formatReal } from "../values/real-text";

export type Long = number | bigint;

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
const SAFE = Number.MAX_SAFE_INTEGER;

/** Wraps to 64 bits (two's complement, as unchecked .NET arithmetic does) and returns a number when safe. */
export function normLong(b: bigint): Long {
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

/** A long from any integral number or bigint; a non-integral or non-finite number is null. */
export function toLong(v: number | bigint): Long | null {
  if (typeof v === "bigint") return normLong(v);
  if (!Number.isFinite(v)) return null;
  const t = Math.trunc(v);
  if (t >= -SAFE && t <= SAFE) return t + 0;
  // Beyond 2^63 .NET's double-to-long conversion is undefined; Kusto gives null rather than guess.
  if (t >= 9223372036854775808 || t < -9223372036854775808) return null;
  return normLong(BigInt(t));
}

export function isLong(v: Value): v is Long {
  return typeof v === "number" || typeof v === "bigint";
}

export function big(v: Long): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

/** A long as a double (reals take longs by value, losing digits beyond 2^53 as .NET does). */
export function toDouble(v: Value): number | null {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : null;
}

// The fast paths: a result within ±(2^53 - 1) computed with doubles is exact (see each note), else redo in bigint.
export function addLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= SAFE && r >= -SAFE) return r;
  }
  return normLong(big(a) + big(b));
}

export function subLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= SAFE && r >= -SAFE) return r + 0;
  }
  return normLong(big(a) - big(b));
}

export function mulLong(a: Long, b: Long): Long {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= SAFE && r >= -SAFE) return r + 0;
  }
  return normLong(big(a) * big(b));
}

/** Integer division truncates toward zero; by zero it is null. */
export function divLong(a: Long, b: Long): Long | null {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return null;
    return Math.trunc(a / b) + 0;
  }
  const d = big(b);
  if (d === 0n) return null;
  const q = big(a) / d;
  // Only -2^63 / -1 leaves int64; .NET throws on it and Kusto fails an overflow (concepts/overflow.md).
  if (q > INT64_MAX) throw new Error("long overflow: -9223372036854775808 / -1 is beyond a long (at most 2^63 - 1)");
  return normLong(q);
}

/** Kusto's modulo is never negative: 0 <= N % D < abs(D) (numerical-operators.md, "Comment about the modulo operator"). */
export function modLong(a: Long, b: Long): Long | null {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return null;
    const r = a % b;
    return r < 0 ? r + Math.abs(b) : r + 0;
  }
  const d = big(b);
  if (d === 0n) return null;
  const r = big(a) % d;
  return normLong(r < 0n ? r + (d < 0n ? -d : d) : r);
}

/** The same rule for reals: the result lies in [0, abs(D)). */
export function modReal(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + Math.abs(b) : r + 0;
}

export function negLong(a: Long): Long {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return normLong(-a);
}

/** Exact ordering of any two numbers or bigints (JS compares number with bigint exactly); NaN sorts first. */
export function compareLongs(x: Long, y: Long): number {
  if (x < y) return -1;
  if (x > y) return 1;
  // biome-ignore lint/suspicious/noDoubleEquals: loose equality compares a bigint with a number by value.
  if (x == y) return 0;
  const xn = typeof x === "number" && Number.isNaN(x);
  const yn = typeof y === "number" && Number.isNaN(y);
  return xn ? (yn ? 0 : -1) : 1;
}

const longDigits = /^\s*([+-]?)(\d+)\s*$/;

/** Decimal text to an exact long; null when it is not an integer or lies outside Int64. */
export function parseLongText(text: string): Long | null {
  const m = longDigits.exec(text);
  if (!m) return null;
  const digits = m[2];
  if (digits.length <= 15) {
    const n = Number(digits);
    return m[1] === "-" ? (n === 0 ? 0 : -n) : n;
  }
  const b = m[1] === "-" ? -BigInt(digits) : BigInt(digits);
  return b < INT64_MIN || b > INT64_MAX ? null : normLong(b);
}

/** Exact decimal digits of a long. */
export function longText(v: Long): string {
  return typeof v === "bigint" ? v.toString() : String(v);
}

/**
 * JSON text in which a long beyond 2^53 (a bigint, also inside a dynamic) prints as its exact digits (JSON.stringify
 * would throw) and a whole real inside a dynamic prints as a real (5.0, as Kusto prints it; see values/dynamic-real.ts).
 */
export function jsonText(value: unknown, space?: number): string {
  let found = false;
  const mark = `\u0000num${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(
    value,
    // A function, not an arrow: the holder (this) still has the box that toJSON() has already turned into a number.
    function (this: Record<string, unknown>, k: string, v: unknown) {
      if (typeof v === "bigint") return ((found = true), mark + v.toString());
      // A fractional real below 1E-04 or from 1E+15 prints in .NET's exponent form (1.5E-05), not JavaScript's;
      // ±inf and NaN have no JSON number, so they fall through to JSON.stringify's null.
      if (
        typeof v === "number" &&
        Number.isFinite(v) &&
        (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e15) &&
        v !== 0 &&
        !Number.isInteger(v)
      )
        return ((found = true), mark + formatReal(v));
      const held = this[k];
      return held instanceof DynamicReal ? ((found = true), mark + dynamicRealText(held.value)) : v;
    },
    space,
  );
  if (!found) return text;
  // Each marked string is `"<mark>digits"`: keep the digits, drop the quotes (number text holds no quote).
  const parts = text.split(`"${JSON.stringify(mark).slice(1, -1)}`);
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const end = parts[i].indexOf('"');
    out += parts[i].slice(0, end) + parts[i].slice(end + 1);
  }
  return out;
}

/** A copy with every bigint replaced by its decimal text and every boxed real by its number (the same object when there is none), for JSON-only consumers. */
export function longsAsText(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  // JSON has one number type: a boxed whole real is the plain number there.
  if (v instanceof DynamicReal) return v.value;
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = longsAsText(v[i]);
      if (x !== v[i]) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  }
  const obj = v as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const k of Object.keys(obj)) {
    const x = longsAsText(obj[k]);
    if (x !== obj[k]) (copy ??= Object.assign(Object.create(null), obj))[k] = x;
  }
  return copy ?? v;
}
