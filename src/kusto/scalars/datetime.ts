// Date and time functions over epoch-ms datetimes and ms timespans; the clock comes from ScalarContext.
import type { Value } from "../types";
import { arity, lastValueCache, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, MS_PER_TICK, str, type ScalarFactory, type ScalarTable } from "./common";
import { splitTicks } from "./format";
import { compileDatetimeFormat, compileTimespanFormat } from "./formatspec";

const startOfDay = (ms: number): number => Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
// 1970-01-01 was a Thursday: shifting by 4 days makes Sunday day 0 of a week, as Kusto's startofweek wants.
const startOfWeek = (ms: number): number => Math.floor((ms + 4 * MS_PER_DAY) / (7 * MS_PER_DAY)) * 7 * MS_PER_DAY - 4 * MS_PER_DAY;
const startOfMonth = (ms: number): number => {
  const d = new Date(Math.floor(ms));
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const startOfYear = (ms: number): number => Date.UTC(new Date(Math.floor(ms)).getUTCFullYear(), 0, 1);

/** Adds calendar months keeping the time of day; the day is clipped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(ms: number, months: number): number {
  const whole = Math.floor(ms);
  const d = new Date(whole);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = month === 1 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month];
  const day = Math.min(d.getUTCDate(), lastDay);
  const timeOfDay = ms - startOfDay(whole);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return startOfDay(date.getTime()) + timeOfDay;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function startOf(fn: (ms: number) => number, step: (ms: number, n: number) => number): ScalarFactory {
  return arity(1, 2, () => (args) => {
    const v = args[0];
    if (typeof v !== "number") return null;
    const offset = args.length > 1 ? args[1] : 0;
    if (typeof offset !== "number") return null;
    return offset === 0 ? fn(v) : fn(step(fn(v), offset));
  });
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** One tick earlier; near today a double cannot hold 100 ns, so fall back to the closest smaller double. */
export function lastTickBefore(ms: number): number {
  const y = ms - MS_PER_TICK;
  if (y !== ms || !Number.isFinite(ms) || ms <= 0) return y;
  f64[0] = ms;
  i64[0] -= 1n;
  return f64[0];
}

function endOf(fn: (ms: number) => number, step: (ms: number, n: number) => number): ScalarFactory {
  return arity(1, 2, () => (args) => {
    const v = args[0];
    if (typeof v !== "number") return null;
    const offset = args.length > 1 ? args[1] : 0;
    if (typeof offset !== "number") return null;
    return lastTickBefore(step(fn(v), offset + 1));
  });
}

const addDays = (ms: number, n: number): number => ms + n * MS_PER_DAY;
const addWeeks = (ms: number, n: number): number => ms + n * 7 * MS_PER_DAY;
const addYears = (ms: number, n: number): number => addMonths(ms, n * 12);

const fixedParts: Readonly<Record<string, number>> = {
  week: 7 * MS_PER_DAY, weeks: 7 * MS_PER_DAY,
  day: MS_PER_DAY, days: MS_PER_DAY,
  hour: MS_PER_HOUR, hours: MS_PER_HOUR,
  minute: MS_PER_MINUTE, minutes: MS_PER_MINUTE,
  second: MS_PER_SECOND, seconds: MS_PER_SECOND,
  millisecond: 1, milliseconds: 1,
  microsecond: 0.001, microseconds: 0.001,
  nanosecond: 0.000001, nanoseconds: 0.000001,
};

function partName(v: Value, fn: string): string {
  const p = str(v).toLowerCase();
  if (p in fixedParts || ["year", "quarter", "month"].includes(p)) return p.replace(/s$/, "");
  throw new Error(`${fn}: unknown period "${str(v)}"; use year, quarter, month, week, day, hour, minute, second, millisecond, microsecond or nanosecond`);
}

/** datetime_add(period, amount, datetime). */
const datetimeAdd: ScalarFactory = arity(3, 3, () => {
  const part = lastValueCache((p) => partName(p, "datetime_add"));
  return (args) => {
    const [p, n, dt] = args;
    if (typeof n !== "number" || typeof dt !== "number") return null;
    const name = part(str(p));
    const amount = Math.trunc(n);
    if (name === "year") return addMonths(dt, amount * 12);
    if (name === "quarter") return addMonths(dt, amount * 3);
    if (name === "month") return addMonths(dt, amount);
    return dt + amount * fixedParts[name];
  };
});

function calendar(ms: number): { y: number; m: number } {
  const d = new Date(Math.floor(ms));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() };
}

/** datetime_diff(period, a, b): how many period boundaries lie between b and a (calendar difference, a - b). */
const datetimeDiff: ScalarFactory = arity(3, 3, () => {
  const part = lastValueCache((p) => partName(p, "datetime_diff"));
  return (args) => {
    const [p, a, b] = args;
    if (typeof a !== "number" || typeof b !== "number") return null;
    const name = part(str(p));
    if (name === "year" || name === "quarter" || name === "month") {
      const ca = calendar(a);
      const cb = calendar(b);
      if (name === "year") return ca.y - cb.y;
      if (name === "quarter") return ca.y * 4 + Math.floor(ca.m / 3) - (cb.y * 4 + Math.floor(cb.m / 3));
      return ca.y * 12 + ca.m - (cb.y * 12 + cb.m);
    }
    if (name === "week") return Math.round((startOfWeek(a) - startOfWeek(b)) / (7 * MS_PER_DAY));
    const size = fixedParts[name];
    if (size < 1) {
      // Whole ms and the sub-ms rest apart: a * 1e6 would overflow a double's exact integer range.
      const perMs = Math.round(1 / size);
      const aw = Math.floor(a);
      const bw = Math.floor(b);
      return (aw - bw) * perMs + Math.floor((a - aw) * perMs + 1e-9) - Math.floor((b - bw) * perMs + 1e-9);
    }
    return Math.floor(a / size) - Math.floor(b / size);
  };
});

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(ms: number): number {
  const day = startOfDay(ms);
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = day + (3 - dow) * MS_PER_DAY;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / (7 * MS_PER_DAY)) + 1;
}

const dayOfYear = (ms: number): number => Math.floor((startOfDay(ms) - startOfYear(ms)) / MS_PER_DAY) + 1;

function datePart(name: string, ms: number): number {
  const d = new Date(Math.floor(ms));
  switch (name) {
    case "year": return d.getUTCFullYear();
    case "quarter": return Math.floor(d.getUTCMonth() / 3) + 1;
    case "month": return d.getUTCMonth() + 1;
    case "week_of_year": case "weekofyear": return isoWeek(ms);
    case "day": return d.getUTCDate();
    case "dayofyear": return dayOfYear(ms);
    case "hour": return d.getUTCHours();
    case "minute": return d.getUTCMinutes();
    case "second": return d.getUTCSeconds();
    case "millisecond": return d.getUTCMilliseconds();
    case "microsecond": return Math.floor(splitTicks(ms)[1] / 10);
    case "nanosecond": return splitTicks(ms)[1] * 100;
    default:
      throw new Error(`datetime_part: unknown part "${name}"; use year, quarter, month, week_of_year, day, dayofyear, hour, minute, second, millisecond, microsecond or nanosecond`);
  }
}

const datetimePart: ScalarFactory = arity(2, 2, () => (args) => {
  const dt = args[1];
  return typeof dt === "number" ? datePart(str(args[0]).toLowerCase(), dt) : null;
});

function onDatetime(fn: (ms: number) => Value): ScalarFactory {
  return arity(1, 1, () => (args) => (typeof args[0] === "number" ? fn(args[0]) : null));
}

const formatDatetime: ScalarFactory = arity(2, 2, () => {
  const fmt = lastValueCache(compileDatetimeFormat);
  return (args) => (typeof args[0] === "number" ? fmt(str(args[1]))(args[0]) : "");
});

const formatTimespan: ScalarFactory = arity(2, 2, () => {
  const fmt = lastValueCache(compileTimespanFormat);
  return (args) => (typeof args[0] === "number" ? fmt(str(args[1]))(args[0]) : "");
});

/** make_datetime(year, month, day[, hour, minute, second]): null for an invalid date. */
const makeDatetime: ScalarFactory = arity(3, 6, () => (args) => {
  for (const a of args) if (typeof a !== "number") return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = args as number[];
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s >= 60) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCDate() !== d) return null;
  return date.getTime() + h * MS_PER_HOUR + mi * MS_PER_MINUTE + Math.round(s * 1e7) / 1e4;
});

/** make_timespan(hours, minutes[, seconds]) or make_timespan(days, hours, minutes, seconds). */
const makeTimespan: ScalarFactory = arity(2, 4, () => (args) => {
  for (const a of args) if (typeof a !== "number") return null;
  const n = args as number[];
  if (n.length === 4) return n[0] * MS_PER_DAY + n[1] * MS_PER_HOUR + n[2] * MS_PER_MINUTE + n[3] * MS_PER_SECOND;
  return n[0] * MS_PER_HOUR + n[1] * MS_PER_MINUTE + (n[2] ?? 0) * MS_PER_SECOND;
});

function fromUnix(msPerUnit: number): ScalarFactory {
  return arity(1, 1, () => (args) => (typeof args[0] === "number" ? args[0] * msPerUnit : null));
}

export const datetimeFunctions: ScalarTable = {
  now: arity(0, 1, (_t, _r, ctx) => (args) => (args.length === 0 ? ctx.now : typeof args[0] === "number" ? ctx.now + args[0] : null)),
  ago: arity(1, 1, (_t, _r, ctx) => (args) => (typeof args[0] === "number" ? ctx.now - args[0] : null)),
  startofday: startOf(startOfDay, addDays),
  startofweek: startOf(startOfWeek, addWeeks),
  startofmonth: startOf(startOfMonth, addMonths),
  startofyear: startOf(startOfYear, addYears),
  endofday: endOf(startOfDay, addDays),
  endofweek: endOf(startOfWeek, addWeeks),
  endofmonth: endOf(startOfMonth, addMonths),
  endofyear: endOf(startOfYear, addYears),
  datetime_add: datetimeAdd,
  datetime_diff: datetimeDiff,
  datetime_part: datetimePart,
  dayofweek: onDatetime((ms) => startOfDay(ms) - startOfWeek(ms)),
  dayofmonth: onDatetime((ms) => new Date(Math.floor(ms)).getUTCDate()),
  dayofyear: onDatetime(dayOfYear),
  hourofday: onDatetime((ms) => new Date(Math.floor(ms)).getUTCHours()),
  monthofyear: onDatetime((ms) => new Date(Math.floor(ms)).getUTCMonth() + 1),
  getmonth: onDatetime((ms) => new Date(Math.floor(ms)).getUTCMonth() + 1),
  getyear: onDatetime((ms) => new Date(Math.floor(ms)).getUTCFullYear()),
  weekofyear: onDatetime(isoWeek),
  week_of_year: onDatetime(isoWeek),
  format_datetime: formatDatetime,
  format_timespan: formatTimespan,
  make_datetime: makeDatetime,
  make_timespan: makeTimespan,
  unixtime_seconds_todatetime: fromUnix(MS_PER_SECOND),
  unixtime_milliseconds_todatetime: fromUnix(1),
  unixtime_microseconds_todatetime: fromUnix(0.001),
  unixtime_nanoseconds_todatetime: fromUnix(0.000001),
};
