// Kusto's tostring() text for every type, and how typed scalars look once placed inside a dynamic value.
import type { KType, Value } from "../types";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from "./common";

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function pad4(n: number): string {
  return n < 10 ? "000" + n : n < 100 ? "00" + n : n < 1000 ? "0" + n : String(n);
}

function trailingZeros(t: number): number {
  if (t === 0) return 7;
  let n = 0;
  while (t % 10 === 0) {
    t /= 10;
    n++;
  }
  return n;
}

/** Whole-second ms + ticks; a double near 2022 resolves ~0.24 µs, so pick the tick count that parses back to this exact value, most trailing zeros first. */
export function splitTicks(ms: number): [secondMs: number, ticks: number] {
  const sec = Math.floor(ms / 1000) * 1000;
  const f = (ms - sec) * 10000;
  let best = Math.round(f);
  let bestZeros = -1;
  let bestDistance = Infinity;
  for (let t = Math.ceil(f - 1.5); t <= f + 1.5; t++) {
    if (t < 0 || t > 9999999 || sec + t / 10000 !== ms) continue;
    const zeros = trailingZeros(t);
    const distance = Math.abs(t - f);
    if (zeros > bestZeros || (zeros === bestZeros && distance < bestDistance)) {
      best = t;
      bestZeros = zeros;
      bestDistance = distance;
    }
  }
  return best >= 10000000 ? [sec + 1000, best - 10000000] : [sec, best];
}

const twoDigits: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" + i : String(i)));
let cachedDay = NaN;
let cachedDayText = "";

/** "2022-08-17T23:18:26.4332392Z"; the fraction is left out when it is zero, as Kusto does. */
export function formatDatetime(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  let sec: number;
  let frac: number;
  if (Number.isInteger(ms)) {
    // Whole milliseconds (most data) need no tick search.
    const r = ((ms % 1000) + 1000) % 1000;
    sec = ms - r;
    frac = r * 10000;
  } else {
    [sec, frac] = splitTicks(ms);
  }
  // Rows of one query mostly share a few days: the date text is built once per day.
  const day = Math.floor(sec / MS_PER_DAY) * MS_PER_DAY;
  if (day !== cachedDay) {
    const d = new Date(day);
    cachedDayText = pad4(d.getUTCFullYear()) + "-" + twoDigits[d.getUTCMonth() + 1] + "-" + twoDigits[d.getUTCDate()] + "T";
    cachedDay = day;
  }
  const t = (sec - day) / 1000;
  const h = Math.floor(t / 3600);
  const m = Math.floor((t - h * 3600) / 60);
  const text = cachedDayText + twoDigits[h] + ":" + twoDigits[m] + ":" + twoDigits[t - h * 3600 - m * 60];
  return frac === 0 ? text + "Z" : text + "." + String(frac).padStart(7, "0") + "Z";
}

/** The parts of a timespan's magnitude: whole days, hours, minutes, seconds and the 7-digit tick fraction. */
export function timespanParts(ms: number): { days: number; hours: number; minutes: number; seconds: number; fraction: number } {
  const [sec, fraction] = splitTicks(Math.abs(ms));
  const days = Math.floor(sec / MS_PER_DAY);
  let rest = sec - days * MS_PER_DAY;
  const hours = Math.floor(rest / MS_PER_HOUR);
  rest -= hours * MS_PER_HOUR;
  const minutes = Math.floor(rest / MS_PER_MINUTE);
  rest -= minutes * MS_PER_MINUTE;
  return { days, hours, minutes, seconds: Math.round(rest / MS_PER_SECOND), fraction };
}

/** "[-][d.]hh:mm:ss[.fffffff]": "01:30:00", "1.02:00:00", "00:00:00.5000000". */
export function formatTimespan(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  const { days, hours, minutes, seconds, fraction } = timespanParts(ms);
  let text = (ms < 0 ? "-" : "") + (days > 0 ? days + "." : "") + pad2(hours) + ":" + pad2(minutes) + ":" + pad2(seconds);
  if (fraction !== 0) text += "." + String(fraction).padStart(7, "0");
  return text;
}

/** .NET's shortest round-trip text: exponent form from 1E+15 up and below 1E-05, with a two-digit exponent. */
export function formatReal(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-5)) {
    const [mantissa, exp] = v.toExponential().split("e");
    const e = Number(exp);
    return mantissa + "E" + (e < 0 ? "-" : "+") + pad2(Math.abs(e));
  }
  return String(v);
}

/** Compact JSON, as tostring(dynamic) prints it; a dynamic string prints bare. */
export function formatDynamic(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

export function formatValue(v: Value, type: KType): string {
  if (v === null || v === undefined) return "";
  switch (type) {
    case "string":
    case "guid":
      return typeof v === "string" ? v : formatDynamic(v);
    case "datetime":
      return typeof v === "number" ? formatDatetime(v) : formatDynamic(v);
    case "timespan":
      return typeof v === "number" ? formatTimespan(v) : formatDynamic(v);
    case "real":
    case "decimal":
      return typeof v === "number" ? formatReal(v) : formatDynamic(v);
    case "int":
    case "long":
      return typeof v === "number" ? (Number.isInteger(v) ? String(v) : formatReal(v)) : formatDynamic(v);
    case "bool":
      return v === true ? "true" : v === false ? "false" : formatDynamic(v);
    default:
      return formatDynamic(v);
  }
}

/** Returns a formatter bound to one type, so per-row calls skip the switch. */
export function formatterFor(type: KType): (v: Value) => string {
  switch (type) {
    case "string":
    case "guid":
      return (v) => (typeof v === "string" ? v : formatValue(v, type));
    case "datetime":
      return (v) => (typeof v === "number" ? formatDatetime(v) : formatValue(v, type));
    case "timespan":
      return (v) => (typeof v === "number" ? formatTimespan(v) : formatValue(v, type));
    case "int":
    case "long":
      return (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : formatValue(v, type));
    default:
      return (v) => formatValue(v, type);
  }
}

/** A typed scalar as JSON inside a dynamic: datetimes and timespans become their text, like Kusto's JSON output. */
export function toDynamicValue(v: Value, type: KType): Value {
  if (v === null || v === undefined) return null;
  if (type === "datetime" && typeof v === "number") return formatDatetime(v);
  if (type === "timespan" && typeof v === "number") return formatTimespan(v);
  if ((type === "real" || type === "decimal") && typeof v === "number" && !Number.isFinite(v)) return formatReal(v);
  return v;
}
