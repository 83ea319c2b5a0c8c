// datetime_utc_to_local / datetime_local_to_utc over the IANA zones that Node's ICU carries.
import { arity, lastValueCache, str, type ScalarFactory, type ScalarTable } from "./common";

type OffsetOf = (utcMs: number) => number;

/** The zone's offset (local - UTC, in ms) at an instant, read from Intl's wall-clock parts. */
function offsetReader(zone: string, fn: string): OffsetOf {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new Error(`${fn}: unknown time zone "${zone}"; use an IANA name such as "Europe/Berlin" or "UTC"`);
  }
  return (utcMs) => {
    const whole = Math.floor(utcMs / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(whole))) if (part.type !== "literal") p[part.type] = Number(part.value);
    const d = new Date(0);
    d.setUTCFullYear(p.year, p.month - 1, p.day);
    d.setUTCHours(p.hour, p.minute, p.second, 0);
    return d.getTime() - whole;
  };
}

const utcToLocal: ScalarFactory = arity(2, 2, () => {
  const reader = lastValueCache((zone) => offsetReader(zone, "datetime_utc_to_local"));
  return (args) => (typeof args[0] === "number" ? args[0] + reader(str(args[1]))(args[0]) : null);
});

/** Local wall-clock to UTC: guess with the offset at the wall-clock instant, then correct once across a DST edge. */
const localToUtc: ScalarFactory = arity(2, 2, () => {
  const reader = lastValueCache((zone) => offsetReader(zone, "datetime_local_to_utc"));
  return (args) => {
    const local = args[0];
    if (typeof local !== "number") return null;
    const offsetOf = reader(str(args[1]));
    const guess = local - offsetOf(local);
    return local - offsetOf(guess);
  };
});

export const timezoneFunctions: ScalarTable = {
  datetime_utc_to_local: utcToLocal,
  datetime_local_to_utc: localToUtc,
};
