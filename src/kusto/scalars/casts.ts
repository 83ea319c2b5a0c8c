// Conversions between Kusto types (toint, todatetime, ...): a failed conversion is null, never an exception.
import { INT32_MAX, INT32_MIN, type KType, type Value } from "../types";
import { unboxReal } from "../values/dynamic-real";
import { EPOCH_DOTNET_TICKS, parseDatetime, parseTimespan } from "../values/time";
import { asDecimal, Decimal, decimalFromLong, decimalFromReal, decimalFromText, truncateDecimal } from "./decimal";
import { formatterFor, toDynamicValue } from "./format";
import { normLong, parseLongText, toLong } from "./int64";
import { parseJsonText } from "./json-text";

// The one strict datetime parser (and the timespan parser) of the project; re-exported for older imports.
export { parseDatetime, parseTimespan };

const numericText = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\s*$/;

export function parseReal(text: string): number | null {
  if (numericText.test(text)) return Number(text);
  const t = text.trim().toLowerCase();
  if (t === "nan") return NaN;
  if (t === "inf" || t === "+inf" || t === "infinity" || t === "+infinity") return Infinity;
  if (t === "-inf" || t === "-infinity") return -Infinity;
  return null;
}

/** Datetimes count .NET ticks from 0001-01-01 and timespans ticks when turned into numbers, as in Kusto (tolong(datetime(1970-01-01)) = 621355968000000000). */
function numberFrom(v: Value, from: KType): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (v instanceof Decimal) return v.toNumber();
  if (typeof v === "bigint") return from === "datetime" ? Number(v + EPOCH_DOTNET_TICKS) : Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseReal(v);
  return null;
}

function toIntegerFrom(from: KType, bits: 32 | 64): (v: Value) => Value {
  return (v) => {
    // A decimal truncates toward zero exactly; out of range is null like any failed conversion.
    if (v instanceof Decimal) {
      const whole = truncateDecimal(v);
      const [min, max] = bits === 64 ? [-(2n ** 63n), 2n ** 63n - 1n] : [BigInt(INT32_MIN), BigInt(INT32_MAX)];
      return whole < min || whole > max ? null : normLong(whole);
    }
    if (bits === 64) {
      // Exact for ticks and long text beyond 2^53.
      if (typeof v === "bigint") return normLong(from === "datetime" ? v + EPOCH_DOTNET_TICKS : v);
      if (typeof v === "string") {
        const exact = parseLongText(v);
        if (exact !== null) return exact;
      }
    }
    const n = numberFrom(v, from);
    if (n === null || !Number.isFinite(n)) return null;
    if (bits === 64) return toLong(n);
    const t = Math.trunc(n);
    if (t < INT32_MIN || t > INT32_MAX) return null;
    return t === 0 ? 0 : t;
  };
}

/** A number of ticks as a timespan: reals are truncated to whole ticks. */
function ticksFromNumber(v: Value): bigint | null {
  if (typeof v === "bigint") return v;
  if (v instanceof Decimal) return truncateDecimal(v);
  if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > 9.2e18) return null;
  return BigInt(Math.trunc(v));
}

function toBool(v: Value): Value {
  if (typeof v === "boolean") return v;
  if (v instanceof Decimal) return v.mantissa !== 0n;
  if (typeof v === "number") return Number.isNaN(v) ? null : v !== 0;
  // A long beyond 2^53 is never 0: true, as tobool(123) is (tobool-function.md).
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "true" || t === "1") return true;
    if (t === "false" || t === "0") return false;
  }
  return null;
}

const guidText = /^\s*[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[)}]?\s*$/i;

export function toGuid(v: Value): Value {
  if (typeof v !== "string") return null;
  const m = guidText.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase() : null;
}

export function toDynamic(v: Value, from: KType): Value {
  if (v === null || v === undefined) return null;
  // A dynamic argument is used as-is, even a string holding JSON: parse_json-function.md says to call tostring first.
  if (from === "dynamic") return v;
  if (from !== "string") return toDynamicValue(v, from);
  if (typeof v !== "string") return v;
  // Kusto keeps text that is not JSON as a dynamic string.
  const parsed = parseJsonText(v);
  return parsed === undefined ? v : parsed;
}

/**
 * todecimal: text and whole numbers exactly; a real by its shortest digits when it has at most 15 significant digits
 * (.NET's double-to-decimal conversion keeps 15), refused beyond; datetime ticks and other types are not converted.
 */
function toDecimalFrom(from: KType): (v: Value) => Value {
  const wrap = (d: Decimal | null): Value => d as unknown as Value;
  switch (from) {
    case "int":
    case "long":
      return (v) => wrap(typeof v === "number" || typeof v === "bigint" ? decimalFromLong(v) : null);
    case "real":
      return (v) => wrap(typeof v === "number" ? decimalFromReal(v) : null);
    case "decimal":
      return (v) => wrap(asDecimal(v));
    case "bool":
      return (v) => wrap(typeof v === "boolean" ? decimalFromLong(v ? 1 : 0) : null);
    case "string":
      return (v) => wrap(typeof v === "string" ? decimalFromText(v) : null);
    case "dynamic":
      // Dynamic values hold no decimal (format.ts), so asDecimal reads only their numbers.
      return (v) => wrap(typeof v === "string" ? decimalFromText(v) : asDecimal(v));
    default:
      return () => null;
  }
}

/** A converter to `type` from values of type `from` (implicit and explicit casts alike). */
export function convertTo(type: KType, from: KType): (v: Value) => Value {
  const convert = convertPlain(type, from);
  // A boxed whole real inside a dynamic converts as its number (todouble(dynamic(7.0)) = 7.0, tolong = 7).
  return from === "dynamic" && type !== "dynamic" ? (v) => convert(unboxReal(v)) : convert;
}

function convertPlain(type: KType, from: KType): (v: Value) => Value {
  // tostring never yields null, even of a string that is missing.
  if (type === "string" && from === "string") return (v) => (typeof v === "string" ? v : "");
  if (type === from) return (v) => v;
  switch (type) {
    case "string": {
      const fmt = formatterFor(from);
      return (v) => fmt(v);
    }
    case "int":
      return toIntegerFrom(from, 32);
    case "long":
      return toIntegerFrom(from, 64);
    case "real":
      return (v) => numberFrom(v, from);
    case "decimal":
      return toDecimalFrom(from);
    case "bool":
      // Datetime and timespan ticks are bigints too, but not numbers tobool reads.
      return from === "datetime" || from === "timespan" ? () => null : toBool;
    case "datetime":
      if (from === "dynamic" || from === "string") return (v) => (typeof v === "string" ? parseDatetime(v) : null);
      return () => null;
    case "timespan":
      if (from === "dynamic" || from === "string")
        return (v) => (typeof v === "string" ? parseTimespan(v) : ticksFromNumber(v));
      if (from === "int" || from === "long" || from === "real" || from === "decimal") return ticksFromNumber;
      return () => null;
    case "guid":
      return toGuid;
    case "dynamic":
      return (v) => toDynamic(v, from);
  }
}
