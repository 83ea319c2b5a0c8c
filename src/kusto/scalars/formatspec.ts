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
}

type Part = string | ((f: Fields) => string);

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function fractionPart(count: number, trimZeros: boolean): Part {
  return (f) => {
    const digits = pad(f.fraction, 7).slice(0, count);
    return trimZeros ? digits.replace(/0+$/, "") : digits;
  };
}

/** The elements format-datetime-function.md lists (month and day names such as MMM are not among them). */
function datetimePart(ch: string, count: number): Part | undefined {
  if (count > 2 && !(ch === "y" && count === 4) && ch !== "f" && ch !== "F") return undefined;
  switch (ch) {
    case "y":
      return count === 1
        ? (f) => String(f.year % 100)
        : count === 2
          ? (f) => pad(f.year % 100, 2)
          : (f) => pad(f.year, 4);
    case "M":
      return count === 1 ? (f) => String(f.month) : (f) => pad(f.month, 2);
    case "d":
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
      return count === 2 ? (f) => (f.hour < 12 ? "AM" : "PM") : undefined;
    default:
      return undefined;
  }
}

// Hours, minutes, seconds and fractions print as in datetimes; only "d" (whole days) differs, and timespans have no 12-hour clock.
function timespanPart(ch: string, count: number): Part | undefined {
  if (ch === "d") return count <= 8 ? (f) => pad(f.day, count) : undefined;
  if (ch === "h" || ch === "H") return datetimePart("H", count);
  return "msfF".includes(ch) ? datetimePart(ch, count) : undefined;
}

/** The delimiters both format pages list; other text (quotes, escapes, letters such as the T of ISO 8601) is undocumented. */
const delimiters = " /-:,._[]";

/** Splits a format into runs of one letter (an element) and delimiters; anything else is refused. */
function compile(
  format: string,
  partFor: (ch: string, count: number) => Part | undefined,
  what: string,
): (f: Fields) => string {
  const parts: { part: Part; fraction: boolean }[] = [];
  for (let i = 0; i < format.length; ) {
    const ch = format[i];
    if (delimiters.includes(ch)) {
      parts.push({ part: ch, fraction: false });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < format.length && format[j] === ch) j++;
    if ((ch === "f" || ch === "F") && j - i > 7) {
      throw new Error(
        `${what}: "${format.slice(i, j)}" in "${format}" asks for more than 7 fractional digits; use at most 7`,
      );
    }
    const part = partFor(ch, j - i);
    if (!part) {
      // What Kusto prints for an element its page does not list (MMM, ddd, T) is not documented: refused, not guessed.
      throw new Error(
        `unsupported: ${what} format element "${format.slice(i, j)}" in "${format}" (its page lists ${what === "format_datetime" ? "d, dd, f..fffffff, F..FFFFFFF, h, hh, H, HH, m, mm, M, MM, s, ss, y, yy, yyyy, tt" : "d..dddddddd, f..fffffff, F..FFFFFFF, H, HH, m, mm, s, ss"} and the delimiters space / - : , . _ [ ])`,
      );
    }
    parts.push({ part, fraction: ch === "F" });
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
  };
}

/** Timespan fields: `day` holds whole days; the sign is written by the caller. */
function timespanFields(ticks: bigint): Fields {
  const { days, hours, minutes, seconds, fraction } = timespanParts(ticks);
  return { year: 0, month: 0, day: days, hour: hours, minute: minutes, second: seconds, fraction };
}

export function compileDatetimeFormat(format: string): (ticks: bigint) => string {
  const write = compile(format, datetimePart, "format_datetime");
  return (ticks) => write(datetimeFields(ticks));
}

export function compileTimespanFormat(format: string): (ticks: bigint) => string {
  const write = compile(format, timespanPart, "format_timespan");
  return (ticks) => (ticks < 0n ? "-" : "") + write(timespanFields(ticks));
}
