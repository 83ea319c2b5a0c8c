// Datetime/timespan arithmetic on bigint ticks (datetime-timespan-arithmetic.md): exact where the operands are ticks or whole numbers.
import type { KType, Value } from "../types";
import { MAX_TICKS, MIN_TICKS } from "./time";

type Binary = (a: Value, b: Value) => Value;

const isTime = (t: KType): boolean => t === "datetime" || t === "timespan";
const isNumeric = (t: KType): boolean => t === "int" || t === "long" || t === "real" || t === "decimal";

const inRange = (t: bigint): bigint | null => (t >= MIN_TICKS && t <= MAX_TICKS ? t : null);

const SPAN_MIN = -(2n ** 63n);
const SPAN_MAX = 2n ** 63n - 1n;

/** A timespan is int64 ticks; beyond that Kusto fails the query (concepts/overflow.md), so neither wrap nor null. */
export function checkedSpan(t: bigint): bigint {
  if (t < SPAN_MIN || t > SPAN_MAX)
    throw new Error(
      "timespan overflow: the result is beyond ±10675199.02:48:05.4775807 (int64 ticks); Kusto fails a query whose result overflows",
    );
  return t;
}

/** .NET's Math.Round (half to even), which TimeSpan * double and TimeSpan / double use. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Ticks times a number: exact for whole numbers, else rounded to a whole tick as .NET does; null when not finite. */
export function scaleTicks(ticks: bigint, factor: Value): bigint | null {
  if (typeof factor === "bigint") return checkedSpan(ticks * factor);
  if (typeof factor !== "number" || !Number.isFinite(factor)) return null;
  if (Number.isInteger(factor)) return checkedSpan(ticks * BigInt(factor));
  const r = roundHalfEven(Number(ticks) * factor);
  return checkedSpan(BigInt(r));
}

/** Ticks divided by a number, rounded to a whole tick; null for division by zero. */
export function divideTicks(ticks: bigint, divisor: Value): bigint | null {
  if (typeof divisor === "bigint")
    return divisor === 0n ? null : checkedSpan(BigInt(roundHalfEven(Number(ticks) / Number(divisor))));
  if (typeof divisor !== "number" || divisor === 0 || Number.isNaN(divisor)) return null;
  if (Number.isInteger(divisor)) {
    // Exact: round half to even on the bigint quotient.
    const d = BigInt(divisor);
    const q = ticks / d;
    const r = ticks - q * d;
    const twice = 2n * (r < 0n ? -r : r);
    const ad = d < 0n ? -d : d;
    if (twice > ad || (twice === ad && q % 2n !== 0n)) return ticks < 0n !== d < 0n ? q - 1n : q + 1n;
    return checkedSpan(q);
  }
  const r = roundHalfEven(Number(ticks) / divisor);
  return checkedSpan(BigInt(r));
}

/**
 * The operator for an arithmetic expression with a datetime or timespan side (the binder has already checked the types):
 * datetime - datetime = timespan, datetime ± timespan = datetime (null outside 0001..9999), timespan ± timespan,
 * number * timespan, timespan / number, timespan / timespan = real, timespan % timespan. Undefined when neither side is a time.
 */
export function timeArithmetic(op: string, left: KType, right: KType, result: KType): Binary | undefined {
  if (!isTime(left) && !isTime(right)) return undefined;
  const typed = typedTimeArithmetic(op, left, right, result);
  if (!typed || (left !== "dynamic" && right !== "dynamic")) return typed;
  // Ticks in a dynamic-typed (open-schema) column compute; no page says how a JSON value converts, so it is refused.
  const time = isTime(left) ? left : right;
  return (a, b) => {
    const d = left === "dynamic" ? a : b;
    if (d === null || d === undefined || typeof d === "bigint") return typed(a, b);
    throw new Error(
      `unsupported: ${op} of a ${time} and a dynamic value; convert the value with todatetime() or totimespan() first`,
    );
  };
}

function typedTimeArithmetic(op: string, left: KType, right: KType, result: KType): Binary | undefined {
  const datetimeResult = result === "datetime";
  switch (op) {
    case "+":
      return datetimeResult
        ? (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? inRange(a + b) : null)
        : (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? checkedSpan(a + b) : null);
    case "-":
      // timespan - datetime binds (Kusto.Language) but no page says what it means: its value would hang on the epoch.
      if (left === "timespan" && right === "datetime") return undefined;
      return datetimeResult
        ? (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? inRange(a - b) : null)
        : (a, b) => (typeof a === "bigint" && typeof b === "bigint" ? checkedSpan(a - b) : null);
    case "*":
      if (left === "timespan" && isNumeric(right)) return (a, b) => (typeof a === "bigint" ? scaleTicks(a, b) : null);
      if (right === "timespan" && isNumeric(left)) return (a, b) => (typeof b === "bigint" ? scaleTicks(b, a) : null);
      return undefined;
    case "/":
      if (left === "timespan" && right === "timespan") {
        return (a, b) => (typeof a === "bigint" && typeof b === "bigint" && b !== 0n ? Number(a) / Number(b) : null);
      }
      if (left === "timespan" && isNumeric(right)) return (a, b) => (typeof a === "bigint" ? divideTicks(a, b) : null);
      return undefined;
    case "%":
      if (left === "timespan" && right === "timespan") {
        // Kusto's modulo is never negative: 0 <= a % b < abs(b).
        return (a, b) => {
          if (typeof a !== "bigint" || typeof b !== "bigint" || b === 0n) return null;
          const r = a % b;
          return r < 0n ? r + (b < 0n ? -b : b) : r;
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Unary minus of a timespan. */
export const negateTicks = (a: Value): Value => (typeof a === "bigint" ? checkedSpan(-a) : null);
