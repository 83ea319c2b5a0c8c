// format_datetime and format_timespan: the format text is compiled once into a list of part writers.
import {
  civilFromDays,
  N_TICKS_PER_HOUR,
  N_TICKS_PER_MINUTE,
  N_TICKS_PER_SECOND,
  splitDay,
  timespanParts,
} from "../values/time";

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0..9999999 ticks within the second. */
  fraction: number;
  /** 0 = Sunday. */
  weekday: number;
}

type Part = string | ((f: Fields) => string);

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function fractionPart(count: number, trimZeros: boolean): Part {
  return (f) => {
    const digits = pad(f.fraction, 7).slice(0, count);
    return trimZeros ? digits.replace(/0+$/, "") : digits;
  };
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function datetimePart(ch: string, count: number): Part | undefined {
  switch (ch) {
    case "y":
      return count === 1
        ? (f) => String(f.year % 100)
        : count === 2
          ? (f) => pad(f.year % 100, 2)
          : (f) => pad(f.year, count);
    case "M":
      if (count === 3) return (f) => monthNames[f.month - 1].slice(0, 3);
      if (count >= 4) return (f) => monthNames[f.month - 1];
      return count === 1 ? (f) => String(f.month) : (f) => pad(f.month, 2);
    case "d":
      if (count === 3) return (f) => dayNames[f.weekday].slice(0, 3);
      if (count >= 4) return (f) => dayNames[f.weekday];
      return count === 1 ? (f) => String(f.day) : (f) => pad(f.day, 2);
    case "H":
      return count === 1 ? (f) => String(f.hour) : (f) => pad(f.hour, 2);
    case "h":
      return count === 1 ? (f) => String(f.hour % 12 || 12) : (f) => pad(f.hour % 12 || 12, 2);
    case "m":
      return count === 1 ? (f) => String(f.minute) : (f) => pad(f.minute, 2);
    case "s":
      return count === 1 ? (f) => String(f.second) : (f) => pad(f.second, 2);
    case "f":
    case "F":
      return count > 7 ? undefined : fractionPart(count, ch === "F");
    case "t":
      return count === 1 ? (f) => (f.hour < 12 ? "A" : "P") : (f) => (f.hour < 12 ? "AM" : "PM");
    default:
      return undefined;
  }
}

// Hours, minutes, seconds and fractions print as in datetimes; only "d" (whole days) differs, and timespans have no 12-hour clock.
function timespanPart(ch: string, count: number): Part | undefined {
  if (ch === "d") return (f) => pad(f.day, count);
  if (ch === "h" || ch === "H") return datetimePart("H", count);
  return "msfF".includes(ch) ? datetimePart(ch, count) : undefined;
}

const letters = /[a-zA-Z]/;

/** Splits a format into runs of one letter; other characters (and quoted or escaped text) are literal. */
function compile(
  format: string,
  partFor: (ch: string, count: number) => Part | undefined,
  what: string,
): (f: Fields) => string {
  const parts: { part: Part; fraction: boolean }[] = [];
  for (let i = 0; i < format.length; ) {
    const ch = format[i];
    if (ch === "\\" && i + 1 < format.length) {
      parts.push({ part: format[i + 1], fraction: false });
      i += 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = format.indexOf(ch, i + 1);
      const end = close < 0 ? format.length : close;
      parts.push({ part: format.slice(i + 1, end), fraction: false });
      i = end + 1;
      continue;
    }
    let j = i + 1;
    while (j < format.length && format[j] === ch) j++;
    if ((ch === "f" || ch === "F") && j - i > 7) {
      throw new Error(
        `${what}: "${format.slice(i, j)}" in "${format}" asks for more than 7 fractional digits; use at most 7`,
      );
    }
    const part = letters.test(ch) ? partFor(ch, j - i) : undefined;
    if (part) {
      parts.push({ part, fraction: ch === "F" });
    } else {
      // Like .NET, letters that are not specifiers (the "T" of ISO 8601) are copied as they are.
      parts.push({ part: format.slice(i, j), fraction: false });
    }
    i = j;
  }
  return (f) => {
    let out = "";
    for (const { part, fraction } of parts) {
      if (typeof part === "string") {
        out += part;
        continue;
      }
      const text = part(f);
      // As .NET does, an all-zero F fraction also drops the "." written just before it.
      if (fraction && text === "" && out.endsWith(".")) out = out.slice(0, -1);
      out += text;
    }
    return out;
  };
}

function datetimeFields(ticks: bigint): Fields {
  const { day, tickOfDay } = splitDay(ticks);
  const { y, m, d } = civilFromDays(day);
  return {
    year: y,
    month: m,
    day: d,
    hour: Math.floor(tickOfDay / N_TICKS_PER_HOUR),
    minute: Math.floor((tickOfDay % N_TICKS_PER_HOUR) / N_TICKS_PER_MINUTE),
    second: Math.floor((tickOfDay % N_TICKS_PER_MINUTE) / N_TICKS_PER_SECOND),
    fraction: tickOfDay % N_TICKS_PER_SECOND,
    // 1970-01-01 was a Thursday (4).
    weekday: (((day + 4) % 7) + 7) % 7,
  };
}

/** Timespan fields: `day` holds whole days; the sign is written by the caller. */
function timespanFields(ticks: bigint): Fields {
  const { days, hours, minutes, seconds, fraction } = timespanParts(ticks);
  return { year: 0, month: 0, day: days, hour: hours, minute: minutes, second: seconds, fraction, weekday: 0 };
}

export function compileDatetimeFormat(format: string): (ticks: bigint) => string {
  const write = compile(format, datetimePart, "format_datetime");
  return (ticks) => write(datetimeFields(ticks));
}

export function compileTimespanFormat(format: string): (ticks: bigint) => string {
  const write = compile(format, timespanPart, "format_timespan");
  return (ticks) => (ticks < 0n ? "-" : "") + write(timespanFields(ticks));
}
