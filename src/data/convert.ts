// Per-column converters, compiled once per table: raw JSON/CSV values to the engine's values (COMMON.md contract),
// refusing anything Kusto's column type cannot hold exactly. A refusal throws CellError with the reason.
import type { Value } from "../kusto/types";
import { parseDatetime, parseTimespan, ticksFromMs } from "../kusto/values/time";
import type { KustoType } from "../schema/tables";

export class CellError extends Error {}

export type Converter = (raw: unknown) => Value;

export interface ConvertOptions {
  /** In-memory fixtures may give datetimes as epoch-ms numbers or Dates; data files may not (the unit would be a guess). */
  readonly epochMsNumbers?: boolean;
}

export const expected: Readonly<Record<KustoType, string>> = {
  string: "a string",
  int: "a whole number such as 3",
  long: "a whole number such as 3",
  real: "a number such as 3.34",
  bool: "true or false",
  datetime: "an ISO 8601 datetime such as 2022-08-17T23:18:26.4332392Z (or the portal's 8/17/2022, 11:18:26.433 PM)",
  timespan: "a Kusto timespan such as 00:01:30 or 1.5s",
  dynamic: "a JSON value",
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const decimalInteger = /^[+-]?\d+$/;
const decimalReal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

// Repeated values (resource ids, formats, reasons) share one string; a column with this many distinct values stops interning.
const internLimit = 4096;

/** A string converter with its own intern table: JSON.parse makes a new copy of every repeated string. */
function stringConverter(): Converter {
  let pool: Map<string, string> | undefined = new Map();
  const intern = (s: string): string => {
    if (!pool || s.length > 512) return s;
    const known = pool.get(s);
    if (known !== undefined) return known;
    if (pool.size >= internLimit) {
      pool = undefined;
      return s;
    }
    pool.set(s, s);
    return s;
  };
  return (raw) => {
    if (typeof raw === "string") return intern(raw);
    if (raw === null || raw === undefined) return null;
    if (typeof raw === "number") {
      // JSON.parse already rounded 12345678901234567890 to ...7000: refuse rather than store other digits.
      if (Number.isInteger(raw) && !Number.isSafeInteger(raw))
        throw new CellError("a JSON number too large to keep every digit; quote it as a string");
      return intern(String(raw));
    }
    if (typeof raw === "boolean") return raw ? "true" : "false";
    throw new CellError("a JSON object or array; a string column holds text (quote it)");
  };
}

function parseInteger(text: string): number | bigint | undefined {
  if (!decimalInteger.test(text)) return undefined;
  if (text.length < 16) return Number(text);
  const big = BigInt(text);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

const blank = (raw: unknown) => raw === null || raw === undefined || raw === "";

const intValue: Converter = (raw) => {
  if (blank(raw)) return null;
  let n: number | bigint | undefined;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) throw new CellError("not a whole number");
    n = raw;
  } else if (typeof raw === "string") {
    n = parseInteger(raw.trim());
    if (n === undefined)
      throw new CellError("not decimal digits (hex such as 0x10 and exponents such as 2e2 are not read)");
  } else throw new CellError(`a JSON ${Array.isArray(raw) ? "array" : typeof raw}`);
  if (typeof n === "bigint" || n < INT32_MIN || n > INT32_MAX)
    throw new CellError(`outside int's range ${INT32_MIN}..${INT32_MAX}`);
  return n;
};

const longValue: Converter = (raw) => {
  if (blank(raw)) return null;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) throw new CellError("not a whole number");
    if (!Number.isSafeInteger(raw))
      throw new CellError("a JSON number too large to read exactly; quote it as a string of digits");
    return raw;
  }
  if (typeof raw === "bigint") {
    if (raw < INT64_MIN || raw > INT64_MAX) throw new CellError("outside long's range");
    return Number.isSafeInteger(Number(raw)) && BigInt(Number(raw)) === raw ? Number(raw) : raw;
  }
  if (typeof raw !== "string") throw new CellError(`a JSON ${Array.isArray(raw) ? "array" : typeof raw}`);
  const n = parseInteger(raw.trim());
  if (n === undefined)
    throw new CellError("not decimal digits (hex such as 0x10 and exponents such as 2e2 are not read)");
  if (typeof n === "bigint" && (n < INT64_MIN || n > INT64_MAX))
    throw new CellError("outside long's range -9223372036854775808..9223372036854775807");
  return n;
};

const realValue: Converter = (raw) => {
  if (blank(raw)) return null;
  if (typeof raw === "number") return raw;
  if (typeof raw === "string") {
    const text = raw.trim();
    if (decimalReal.test(text)) return Number(text);
    throw new CellError("not a decimal number");
  }
  throw new CellError(`a JSON ${Array.isArray(raw) ? "array" : typeof raw}`);
};

const boolValue: Converter = (raw) => {
  if (blank(raw)) return null;
  if (typeof raw === "boolean") return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw === "string") {
    const text = raw.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
  }
  throw new CellError("not true or false");
};

function datetimeConverter(options: ConvertOptions): Converter {
  return (raw) => {
    if (blank(raw)) return null;
    if (typeof raw === "string") {
      const ticks = parseDatetime(raw);
      if (ticks === null) throw new CellError("not a datetime between 0001-01-01 and 9999-12-31");
      return ticks;
    }
    if (options.epochMsNumbers) {
      if (typeof raw === "number" && Number.isFinite(raw)) return ticksFromMs(raw);
      if (typeof raw === "bigint") return raw;
      if (raw instanceof Date && Number.isFinite(raw.getTime())) return ticksFromMs(raw.getTime());
    }
    if (typeof raw === "number")
      throw new CellError("a number, whose unit (seconds? milliseconds?) would be a guess; write ISO 8601 text");
    throw new CellError(`a JSON ${Array.isArray(raw) ? "array" : typeof raw}`);
  };
}

function timespanConverter(options: ConvertOptions): Converter {
  return (raw) => {
    if (blank(raw)) return null;
    if (typeof raw === "string") {
      const ticks = parseTimespan(raw);
      if (ticks === null) throw new CellError("not a timespan");
      return ticks;
    }
    if (options.epochMsNumbers && typeof raw === "number" && Number.isFinite(raw)) return ticksFromMs(raw);
    if (typeof raw === "number")
      throw new CellError("a number, whose unit would be a guess; write a timespan such as 00:01:30");
    throw new CellError(`a JSON ${Array.isArray(raw) ? "array" : typeof raw}`);
  };
}

/** A JSON value with null-prototype objects, so keys such as __proto__ are plain data (COMMON.md). */
export function toDynamic(raw: unknown): Value {
  if (raw === undefined) return null;
  if (raw === null || typeof raw !== "object") return raw as Value;
  if (Array.isArray(raw)) return raw.map(toDynamic);
  const bag: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(raw)) bag[key] = toDynamic((raw as Record<string, unknown>)[key]);
  return bag;
}

/** A fresh converter for a column of `type` (each string column keeps its own intern table). */
export function converterFor(type: KustoType, options: ConvertOptions = {}): Converter {
  switch (type) {
    case "string":
      return stringConverter();
    case "int":
      return intValue;
    case "long":
      return longValue;
    case "real":
      return realValue;
    case "bool":
      return boolValue;
    case "datetime":
      return datetimeConverter(options);
    case "timespan":
      return timespanConverter(options);
    case "dynamic":
      return toDynamic;
  }
}
