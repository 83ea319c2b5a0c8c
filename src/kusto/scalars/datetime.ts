// Date and time functions over bigint tick datetimes/timespans (src/kusto/values/time.ts); the clock comes from ScalarContext.
import type { KType, Value } from "../types";
import {
  civilFromDays,
  clampNull,
  daysFromCivil,
  daysInMonth,
  EPOCH_DOTNET_TICKS,
  formatDatetime as formatDatetimeText,
  formatTimespan as formatTimespanText,
  MIN_TICKS,
  N_TICKS_PER_HOUR,
  N_TICKS_PER_MINUTE,
  N_TICKS_PER_MS,
  N_TICKS_PER_SECOND,
  splitDay,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MICROSECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
  ticksFromMs,
} from "../values/time";
import { arity, lastValueCache, type ScalarFactory, type ScalarTable, str } from "./common";
import { dynamicFunctions } from "./dynamic";
import { compileDatetimeFormat, compileTimespanFormat } from "./formatspec";
import { normLong } from "./int64";
import { numberFunctions } from "./numbers";

const isTicks = (v: Value): v is bigint => typeof v === "bigint";

/** An int/long argument as a JS integer (a long may be a bigint beyond 2^53); null when missing or not finite. */
function intArg(v: Value): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === "bigint") return Number(v);
  return null;
}

const dayStart = (day: number): bigint => BigInt(day) * TICKS_PER_DAY;
/** Day of the week of a day number since 1970-01-01 (a Thursday): 0 = Sunday. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

// Each period start maps a datetime to the first day of its period, moved by `n` whole periods.
type PeriodStart = (ticks: bigint, n: number) => number;

const startDay: PeriodStart = (t, n) => splitDay(t).day + n;
const startWeek: PeriodStart = (t, n) => {
  const { day } = splitDay(t);
  return day - weekday(day) + 7 * n;
};
const startMonth: PeriodStart = (t, n) => {
  const { y, m } = civilFromDays(splitDay(t).day);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  return daysFromCivil(year, total - year * 12 + 1, 1);
};
const startYear: PeriodStart = (t, n) => daysFromCivil(civilFromDays(splitDay(t).day).y + n, 1, 1);

/** Days outside 0001..9999 give null before any tick arithmetic. */
const validDay = (day: number): boolean => day >= -719_162 && day <= 2_932_896;

function startOf(period: PeriodStart): ScalarFactory {
  return arity(1, 2, () => (args) => {
    const v = args[0];
    const n = args.length > 1 ? intArg(args[1]) : 0;
    if (!isTicks(v) || n === null || Math.abs(n) > 4e6) return null;
    const day = period(v, n);
    return validDay(day) ? dayStart(day) : null;
  });
}

/** The last tick of the period: one tick before the next period starts (endofday = 23:59:59.9999999). */
function endOf(period: PeriodStart): ScalarFactory {
  return arity(1, 2, () => (args) => {
    const v = args[0];
    const n = args.length > 1 ? intArg(args[1]) : 0;
    if (!isTicks(v) || n === null || Math.abs(n) > 4e6) return null;
    const next = period(v, n + 1);
    return validDay(next - 1) ? clampNull(dayStart(next) - 1n) : null;
  });
}

/** Adds calendar months keeping the time of day; the day is clipped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(ticks: bigint, months: number): bigint | null {
  const { day, tickOfDay } = splitDay(ticks);
  const { y, m, d } = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) return null;
  return dayStart(daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)))) + BigInt(tickOfDay);
}

/** Ticks per fixed-length period; nanoseconds are handled apart (1 tick = 100 ns). */
const fixedTicks: Readonly<Record<string, bigint>> = {
  week: 7n * TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  hour: TICKS_PER_HOUR,
  minute: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND,
  millisecond: TICKS_PER_MS,
  microsecond: TICKS_PER_MICROSECOND,
};

const periodNames = [
  "year",
  "quarter",
  "month",
  "week",
  "day",
  "hour",
  "minute",
  "second",
  "millisecond",
  "microsecond",
  "nanosecond",
];

function periodName(v: string, fn: string): string {
  const p = v.toLowerCase();
  if (periodNames.includes(p)) return p;
  // Plurals read the same ("days"), as Kusto's parser accepts them.
  if (p.endsWith("s") && periodNames.includes(p.slice(0, -1))) return p.slice(0, -1);
  throw new Error(
    `${fn}: unknown period "${v}"; use year, quarter, month, week, day, hour, minute, second, millisecond, microsecond or nanosecond`,
  );
}

/** datetime_add(period, amount, datetime); null when the result leaves 0001..9999. */
const datetimeAdd: ScalarFactory = arity(3, 3, () => {
  const period = lastValueCache((p) => periodName(p, "datetime_add"));
  return (args) => {
    const [p, n, dt] = args;
    const amount = intArg(n);
    if (amount === null || !isTicks(dt)) return null;
    const name = period(str(p));
    if (name === "year" || name === "quarter" || name === "month") {
      const months = amount * (name === "year" ? 12 : name === "quarter" ? 3 : 1);
      return Math.abs(months) > 200_000 ? null : addMonths(dt, months);
    }
    const big = typeof n === "bigint" ? n : BigInt(amount);
    // 100 ns per tick: smaller nanosecond amounts are dropped, as .NET's AddTicks(n / 100) does.
    const delta = name === "nanosecond" ? big / 100n : big * fixedTicks[name];
    return clampNull(dt + delta);
  };
});

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** a - b in nanoseconds; past ±292 years that is beyond a long, and Kusto fails an overflow (concepts/overflow.md). */
function nanosecondsBetween(a: bigint, b: bigint): Value {
  const ns = (a - b) * 100n;
  if (ns !== BigInt.asIntN(64, ns))
    throw new Error(
      "datetime_diff: the difference in nanoseconds overflows a long (about 292 years at most); use a larger period",
    );
  return normLong(ns);
}

/** datetime_diff(period, a, b): how many period boundaries lie between b and a (a - b, calendar-aware for months). */
const datetimeDiff: ScalarFactory = arity(3, 3, () => {
  const period = lastValueCache((p) => periodName(p, "datetime_diff"));
  return (args) => {
    const [p, a, b] = args;
    if (!isTicks(a) || !isTicks(b)) return null;
    const name = period(str(p));
    if (name === "year" || name === "quarter" || name === "month") {
      const ca = civilFromDays(splitDay(a).day);
      const cb = civilFromDays(splitDay(b).day);
      if (name === "year") return ca.y - cb.y;
      if (name === "quarter") return ca.y * 4 + Math.floor((ca.m - 1) / 3) - (cb.y * 4 + Math.floor((cb.m - 1) / 3));
      return ca.y * 12 + ca.m - (cb.y * 12 + cb.m);
    }
    if (name === "week") return (startWeek(a, 0) - startWeek(b, 0)) / 7;
    if (name === "nanosecond") return nanosecondsBetween(a, b);
    const size = fixedTicks[name];
    return normLong(floorDiv(a, size) - floorDiv(b, size));
  };
});

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(ticks: bigint): number {
  const { day } = splitDay(ticks);
  const mondayBased = (weekday(day) + 6) % 7;
  const thursday = day + 3 - mondayBased;
  const yearStart = daysFromCivil(civilFromDays(thursday).y, 1, 1);
  return Math.floor((thursday - yearStart) / 7) + 1;
}

function dayOfYear(ticks: bigint): number {
  const { day } = splitDay(ticks);
  return day - daysFromCivil(civilFromDays(day).y, 1, 1) + 1;
}

function datePart(name: string, ticks: bigint): number {
  const { day, tickOfDay } = splitDay(ticks);
  switch (name) {
    case "year":
      return civilFromDays(day).y;
    case "quarter":
      return Math.floor((civilFromDays(day).m - 1) / 3) + 1;
    case "month":
      return civilFromDays(day).m;
    // Not "weekofyear": the obsolete non-ISO part whose rule datetime-part-function.md does not state.
    case "week_of_year":
      return isoWeek(ticks);
    case "day":
      return civilFromDays(day).d;
    case "dayofyear":
      return dayOfYear(ticks);
    case "hour":
      return Math.floor(tickOfDay / N_TICKS_PER_HOUR);
    case "minute":
      return Math.floor((tickOfDay % N_TICKS_PER_HOUR) / N_TICKS_PER_MINUTE);
    case "second":
      return Math.floor((tickOfDay % N_TICKS_PER_MINUTE) / N_TICKS_PER_SECOND);
    case "millisecond":
      return Math.floor((tickOfDay % N_TICKS_PER_SECOND) / N_TICKS_PER_MS);
    case "microsecond":
      return Math.floor((tickOfDay % N_TICKS_PER_SECOND) / 10);
    case "nanosecond":
      return (tickOfDay % N_TICKS_PER_SECOND) * 100;
    default:
      throw new Error(
        `datetime_part: unknown part "${name}"; use year, quarter, month, week_of_year, day, dayofyear, hour, minute, second, millisecond, microsecond or nanosecond`,
      );
  }
}

const datetimePart: ScalarFactory = arity(2, 2, () => {
  const part = lastValueCache((p) => {
    const name = p.toLowerCase();
    datePart(name, 0n);
    return name;
  });
  return (args) => {
    const dt = args[1];
    return isTicks(dt) ? datePart(part(str(args[0])), dt) : null;
  };
});

function onDatetime(fn: (ticks: bigint) => Value): ScalarFactory {
  return arity(1, 1, () => (args) => (isTicks(args[0]) ? fn(args[0]) : null));
}

const formatDatetime: ScalarFactory = arity(2, 2, () => {
  const fmt = lastValueCache(compileDatetimeFormat);
  return (args) => (isTicks(args[0]) ? fmt(str(args[1]))(args[0]) : "");
});

const formatTimespan: ScalarFactory = arity(2, 2, () => {
  const fmt = lastValueCache(compileTimespanFormat);
  return (args) => (isTicks(args[0]) ? fmt(str(args[1]))(args[0]) : "");
});

/** A number argument as a JS number (longs beyond 2^53 lose precision, which no calendar field needs). */
function realArg(v: Value): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return Number(v);
  return null;
}

/** Seconds (possibly fractional) as ticks, rounded to the nearest 100 ns. */
function secondsTicks(s: number): number {
  const whole = Math.trunc(s);
  return whole * N_TICKS_PER_SECOND + Math.round((s - whole) * N_TICKS_PER_SECOND);
}

/** make_datetime(year, month, day[, hour, minute, second]): null for an invalid date or time. */
const makeDatetime: ScalarFactory = arity(3, 6, () => (args) => {
  const n: number[] = [];
  for (const a of args) {
    const x = realArg(a);
    if (x === null) return null;
    n.push(x);
  }
  const [y, mo, d, h = 0, mi = 0, s = 0] = n;
  if (![y, mo, d, h, mi].every(Number.isInteger)) return null;
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  // The second lies in 0..59.9999999 (make-datetime-function.md) once rounded to ticks: 59.99999999 is no second.
  const sTicks = s >= 0 ? secondsTicks(s) : -1;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sTicks < 0 || sTicks >= 60 * N_TICKS_PER_SECOND) return null;
  const tod = h * N_TICKS_PER_HOUR + mi * N_TICKS_PER_MINUTE + sTicks;
  return clampNull(dayStart(daysFromCivil(y, mo, d)) + BigInt(tod));
});

/** make_timespan(hours, minutes[, seconds]) or make_timespan(days, hours, minutes, seconds). */
const makeTimespan: ScalarFactory = arity(2, 4, () => (args) => {
  const n: number[] = [];
  for (const a of args) {
    const x = realArg(a);
    if (x === null) return null;
    n.push(x);
  }
  const [d, h, mi, s] = n.length === 4 ? n : [0, n[0], n[1], n[2] ?? 0];
  if (![d, h, mi].every(Number.isInteger)) return null;
  const t =
    BigInt(d) * TICKS_PER_DAY + BigInt(h) * TICKS_PER_HOUR + BigInt(mi) * TICKS_PER_MINUTE + BigInt(secondsTicks(s));
  // Beyond int64 ticks there is no timespan: "otherwise, the result will be null" (make-timespan-function.md).
  return t === BigInt.asIntN(64, t) ? t : null;
});

/** unixtime_*_todatetime: whole units exactly, a fractional part rounded to the nearest tick; null outside 0001..9999. */
function fromUnix(unitTicks: bigint, divide = 1n): ScalarFactory {
  const unit = Number(unitTicks) / Number(divide);
  return arity(1, 1, () => (args) => {
    const v = args[0];
    if (typeof v === "bigint") return clampNull(floorDiv(v * unitTicks, divide));
    if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > 1e22) return null;
    if (Number.isInteger(v)) return clampNull(floorDiv(BigInt(v) * unitTicks, divide));
    const whole = Math.floor(v);
    return clampNull((BigInt(whole) * unitTicks) / divide + BigInt(Math.round((v - whole) * unit)));
  });
}

/** The clock in ticks, converted once per distinct epoch-ms value (a compiled query may run at several times). */
function clockTicks(ctx: { readonly now: number }): () => bigint {
  let ms = Number.NaN;
  let ticks = 0n;
  return () => {
    if (ctx.now !== ms) {
      ms = ctx.now;
      ticks = ticksFromMs(ms);
    }
    return ticks;
  };
}

// --- Binning (bin/floor/bin_at on datetimes and timespans) ---------------------------------------------------------

/** floor(value / size) * size; datetimes bin on .NET ticks from 0001-01-01 as Kusto does (the same as the epoch for sizes that divide a day). */
function binTicks(isDatetime: boolean): (v: bigint, size: bigint) => bigint | null {
  // Consecutive rows mostly land in the bin of the previous row: reuse it without any bigint division.
  let lo = 1n;
  let hi = 0n;
  let lastSize = 0n;
  let last: bigint | null = null;
  return (v, size) => {
    if (size <= 0n) return null;
    if (size === lastSize && v >= lo && v < hi) return last;
    const origin = isDatetime ? EPOCH_DOTNET_TICKS : 0n;
    const start = floorDiv(v + origin, size) * size - origin;
    lastSize = size;
    lo = start;
    hi = start + size;
    last = isDatetime ? clampNull(start) : start;
    return last;
  };
}

const isTime = (t: KType): boolean => t === "datetime" || t === "timespan";

/** bin(datetime|timespan, timespan); undefined for other types so the numeric bin applies. */
export const timeBin: ScalarFactory = (argTypes) => {
  if (argTypes.length !== 2 || !isTime(argTypes[0]) || argTypes[1] !== "timespan") return undefined;
  const b = binTicks(argTypes[0] === "datetime");
  return (args) => (isTicks(args[0]) && isTicks(args[1]) ? b(args[0], args[1]) : null);
};

/** bin_at(value, size, fixed_point) on datetimes/timespans: bins aligned so that fixed_point starts one. */
export const timeBinAt: ScalarFactory = (argTypes) => {
  if (argTypes.length !== 3 || !isTime(argTypes[0]) || argTypes[1] !== "timespan") return undefined;
  const datetime = argTypes[0] === "datetime";
  return (args) => {
    const [v, size, at] = args;
    if (!isTicks(v) || !isTicks(size) || !isTicks(at) || size <= 0n) return null;
    const r = floorDiv(v - at, size) * size + at;
    return datetime ? clampNull(r) : r;
  };
};

const MAX_RANGE = 1_048_576;

/** range(start, stop[, step]) of datetimes or timespans: their text in a dynamic array, step 1h by default, at most 2^20 values (range-function.md). */
export const timeRange: ScalarFactory = (argTypes) => {
  if (argTypes.length < 2 || argTypes.length > 3 || !isTime(argTypes[0])) return undefined;
  const datetimes = argTypes[0] === "datetime";
  const text = datetimes ? formatDatetimeText : formatTimespanText;
  const shared = sharedDatetimeTexts();
  // Row after row often asks for the same range (the bins around a timestamp): the last one's texts are copied.
  let last: { start: bigint; stop: bigint; step: bigint; texts: string[] } | undefined;
  return (args) => {
    const [start, stop] = args;
    const step = args.length > 2 ? args[2] : TICKS_PER_HOUR;
    if (!isTicks(start) || !isTicks(stop) || !isTicks(step) || step === 0n) return null;
    if (last !== undefined && last.start === start && last.stop === stop && last.step === step)
      return last.texts.slice();
    const span = (stop - start) / step;
    if (span < 0n) return [];
    const count = span >= BigInt(MAX_RANGE) ? MAX_RANGE : Number(span) + 1;
    const out = new Array<string>(count);
    if (datetimes) for (let i = 0, v = start; i < count; i++, v += step) out[i] = shared.text(v);
    else for (let i = 0, v = start; i < count; i++, v += step) out[i] = text(v);
    last = { start, stop, step, texts: out.slice() };
    return out;
  };
};

/**
 * range() of datetimes over rows mostly repeats the same bins: recent values keep one text each in a direct-mapped
 * cache (slot by whole second), so a million rows' arrays share their strings instead of holding a million each.
 */
function sharedDatetimeTexts(): { text(v: bigint): string } {
  const slots = 4096;
  // Every slot starts as an instant before year 1 with its text (""), so an empty slot is an ordinary entry.
  const texts = new Array<string>(slots).fill(formatDatetimeText(MIN_TICKS - 1n));
  const ticks = new Array<bigint>(slots).fill(MIN_TICKS - 1n);
  return {
    text(v) {
      // A double's rounding of v only picks the slot; the bigint comparison decides the hit.
      const slot = Math.floor(Number(v) / N_TICKS_PER_SECOND) & (slots - 1);
      if (ticks[slot] !== v) {
        texts[slot] = formatDatetimeText(v);
        ticks[slot] = v;
      }
      return texts[slot];
    },
  };
}

/** Datetimes and timespans are handled here; other argument types fall through to the numeric/dynamic implementation. */
function orElse(time: ScalarFactory, other: ScalarFactory | undefined): ScalarFactory {
  // A datetime/timespan first argument never falls through: bin(datetime, 1.5) is refused, not binned as a number.
  return (argTypes, resultType, ctx) =>
    isTime(argTypes[0]) ? time(argTypes, resultType, ctx) : other?.(argTypes, resultType, ctx);
}

/** Merged last into the function table: bin/floor/bin_at/range over datetimes and timespans. */
export const timeOverrides: ScalarTable = {
  bin: orElse(timeBin, numberFunctions.bin),
  floor: orElse(timeBin, numberFunctions.floor),
  bin_at: orElse(timeBinAt, numberFunctions.bin_at),
  range: orElse(timeRange, dynamicFunctions.range),
};

export const datetimeFunctions: ScalarTable = {
  now: arity(0, 1, (_t, _r, ctx) => {
    const now = clockTicks(ctx);
    return (args) => (args.length === 0 ? now() : isTicks(args[0]) ? clampNull(now() + args[0]) : null);
  }),
  ago: arity(1, 1, (_t, _r, ctx) => {
    const now = clockTicks(ctx);
    return (args) => (isTicks(args[0]) ? clampNull(now() - args[0]) : null);
  }),
  startofday: startOf(startDay),
  startofweek: startOf(startWeek),
  startofmonth: startOf(startMonth),
  startofyear: startOf(startYear),
  endofday: endOf(startDay),
  endofweek: endOf(startWeek),
  endofmonth: endOf(startMonth),
  endofyear: endOf(startYear),
  datetime_add: datetimeAdd,
  datetime_diff: datetimeDiff,
  datetime_part: datetimePart,
  datepart: datetimePart,
  dayofweek: onDatetime((t) => BigInt(weekday(splitDay(t).day)) * TICKS_PER_DAY),
  dayofmonth: onDatetime((t) => civilFromDays(splitDay(t).day).d),
  dayofyear: onDatetime(dayOfYear),
  hourofday: onDatetime((t) => Math.floor(splitDay(t).tickOfDay / N_TICKS_PER_HOUR)),
  monthofyear: onDatetime((t) => civilFromDays(splitDay(t).day).m),
  getmonth: onDatetime((t) => civilFromDays(splitDay(t).day).m),
  getyear: onDatetime((t) => civilFromDays(splitDay(t).day).y),
  week_of_year: onDatetime(isoWeek),
  format_datetime: formatDatetime,
  format_timespan: formatTimespan,
  make_datetime: makeDatetime,
  make_timespan: makeTimespan,
  unixtime_seconds_todatetime: fromUnix(TICKS_PER_SECOND),
  unixtime_milliseconds_todatetime: fromUnix(TICKS_PER_MS),
  unixtime_microseconds_todatetime: fromUnix(TICKS_PER_MICROSECOND),
  unixtime_nanoseconds_todatetime: fromUnix(1n, 100n),
};
