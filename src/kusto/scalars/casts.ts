// Conversions between Kusto types (toint, todatetime, ...): a failed conversion is null, never an exception.
import type { KType, Value } from "../types";
import { MS_FROM_YEAR_ONE_TO_EPOCH, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, MS_PER_TICK } from "./common";
import { formatterFor, toDynamicValue } from "./format";

const isoDatetime =
  /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/** Kusto datetime text to epoch ms, keeping all 7 fractional digits; text without a zone is UTC. */
export function parseDatetime(text: string): number | null {
  const m = isoDatetime.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const month = Number(mo);
    const day = Number(d);
    const hour = h === undefined ? 0 : Number(h);
    const minute = mi === undefined ? 0 : Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
    let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
    if (new Date(ms).getUTCDate() !== day) return null;
    if (Number(y) < 100) ms = new Date(ms).setUTCFullYear(Number(y));
    if (frac) ms += Number((frac + "000000").slice(0, 7)) / 10000;
    if (zone && /^[+-]/.test(zone)) {
      const digits = zone.replace(":", "");
      const offset = Number(digits.slice(1, 3)) * MS_PER_HOUR + Number(digits.slice(3, 5) || "0") * MS_PER_MINUTE;
      ms -= zone[0] === "-" ? -offset : offset;
    }
    return ms;
  }
  // RFC 822/1123 and similar: only with a month name, and read as UTC when no zone is given.
  if (!/[a-z]{3}/i.test(text)) return null;
  const hasZone = /(GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(text.trim());
  const parsed = Date.parse(hasZone ? text : text + " GMT");
  return Number.isNaN(parsed) ? null : parsed;
}

const clockSpan = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?\s*$/;
const unitSpan = /^\s*(-)?(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)\s*$/i;
const unitMs: Readonly<Record<string, number>> = {
  d: MS_PER_DAY, day: MS_PER_DAY, days: MS_PER_DAY,
  h: MS_PER_HOUR, hr: MS_PER_HOUR, hrs: MS_PER_HOUR, hour: MS_PER_HOUR, hours: MS_PER_HOUR,
  m: MS_PER_MINUTE, min: MS_PER_MINUTE, minute: MS_PER_MINUTE, minutes: MS_PER_MINUTE,
  s: MS_PER_SECOND, sec: MS_PER_SECOND, second: MS_PER_SECOND, seconds: MS_PER_SECOND,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  microsecond: 0.001, microseconds: 0.001, tick: MS_PER_TICK, ticks: MS_PER_TICK,
};

/** "[-][d.]hh:mm[:ss[.fffffff]]", "90m", "1.5h", "2d", or a bare number of days (as .NET reads it). */
export function parseTimespan(text: string): number | null {
  const c = clockSpan.exec(text);
  if (c) {
    const [, neg, d, h, mi, s, frac] = c;
    if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return null;
    let ms = Number(d ?? 0) * MS_PER_DAY + Number(h) * MS_PER_HOUR + Number(mi) * MS_PER_MINUTE + Number(s ?? 0) * MS_PER_SECOND;
    if (frac) ms += Number((frac + "000000").slice(0, 7)) / 10000;
    return neg ? -ms : ms;
  }
  const u = unitSpan.exec(text);
  if (u) {
    const factor = unitMs[u[3].toLowerCase()];
    if (factor === undefined) return null;
    const ms = Number(u[2]) * factor;
    return u[1] ? -ms : ms;
  }
  if (/^\s*-?\d+\s*$/.test(text)) return Number(text) * MS_PER_DAY;
  return null;
}

const numericText = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\s*$/;

export function parseReal(text: string): number | null {
  if (numericText.test(text)) return Number(text);
  const t = text.trim().toLowerCase();
  if (t === "nan") return NaN;
  if (t === "inf" || t === "+inf" || t === "infinity" || t === "+infinity") return Infinity;
  if (t === "-inf" || t === "-infinity") return -Infinity;
  return null;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Datetimes and timespans become ticks when turned into numbers, as in Kusto. */
function numberFrom(v: Value, from: KType): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (from === "datetime") return (v + MS_FROM_YEAR_ONE_TO_EPOCH) * 10000;
    if (from === "timespan") return v * 10000;
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseReal(v);
  return null;
}

function toIntegerFrom(from: KType, bits: 32 | 64): (v: Value) => Value {
  return (v) => {
    const n = numberFrom(v, from);
    if (n === null || !Number.isFinite(n)) return null;
    const t = Math.trunc(n);
    if (bits === 32 && (t < INT_MIN || t > INT_MAX)) return null;
    return t === 0 ? 0 : t;
  };
}

function toBool(v: Value): Value {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isNaN(v) ? null : v !== 0;
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
  if (from !== "string" && from !== "dynamic") return toDynamicValue(v, from);
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as Value;
  } catch {
    // Kusto keeps text that is not JSON as a dynamic string.
    return v;
  }
}

/** A converter to `type` from values of type `from` (implicit and explicit casts alike). */
export function convertTo(type: KType, from: KType): (v: Value) => Value {
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
    case "decimal":
      return (v) => numberFrom(v, from);
    case "bool":
      return toBool;
    case "datetime":
      if (from === "dynamic" || from === "string") return (v) => (typeof v === "string" ? parseDatetime(v) : null);
      return () => null;
    case "timespan":
      if (from === "dynamic" || from === "string") {
        return (v) => (typeof v === "string" ? parseTimespan(v) : typeof v === "number" ? v * MS_PER_TICK : null);
      }
      if (from === "int" || from === "long" || from === "real" || from === "decimal") return (v) => (typeof v === "number" ? v * MS_PER_TICK : null);
      return () => null;
    case "guid":
      return toGuid;
    case "dynamic":
      return (v) => toDynamic(v, from);
  }
}
