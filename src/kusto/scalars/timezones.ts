// datetime_utc_to_local / datetime_local_to_utc over the IANA zones that Node's ICU carries, on bigint tick datetimes.
import { clampNull, msFromTicks, TICKS_PER_SECOND } from "../values/time";
import { arity, lastValueCache, type ScalarFactory, type ScalarTable, str } from "./common";

/** The zone's offset (local - UTC) in whole seconds at a UTC instant in epoch ms (old local mean times have odd seconds). */
type OffsetOf = (utcMs: number) => number;

const QUARTER_HOUR_MS = 900_000;

/** Offsets read from Intl's wall-clock parts, memoised per quarter hour (zone transitions fall on those). */
function offsetReader(zone: string, fn: string): OffsetOf {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
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
  const memo = new Map<number, number>();
  return (utcMs) => {
    const key = Math.floor(utcMs / QUARTER_HOUR_MS);
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const at = key * QUARTER_HOUR_MS;
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(at))) p[part.type] = part.value;
    const year = p.era === "BC" || p.era === "B" ? 1 - Number(p.year) : Number(p.year);
    const d = new Date(0);
    d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
    d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
    const offset = Math.round((d.getTime() - at) / 1000);
    if (memo.size > 10_000) memo.clear();
    memo.set(key, offset);
    return offset;
  };
}

const DAY_MS = 86_400_000;

/**
 * The UTC instant of a local wall-clock time. Around a transition the offset after it wins: a time in a spring-forward
 * gap (02:30 in Brussels on 2022-03-27) uses the summer offset, as the datetime_local_to_utc reference example shows.
 */
export function localToUtcOffset(offsetOf: OffsetOf, localMs: number): number {
  const before = offsetOf(localMs - DAY_MS);
  const after = offsetOf(localMs + DAY_MS);
  if (before === after) return before;
  const validAfter = offsetOf(localMs - after * 1000) === after;
  const validBefore = offsetOf(localMs - before * 1000) === before;
  return validBefore && !validAfter ? before : after;
}

const utcToLocal: ScalarFactory = arity(2, 2, () => {
  const reader = lastValueCache((zone) => offsetReader(zone, "datetime_utc_to_local"));
  return (args) => {
    const t = args[0];
    if (typeof t !== "bigint") return null;
    return clampNull(t + BigInt(reader(str(args[1]))(msFromTicks(t))) * TICKS_PER_SECOND);
  };
});

const localToUtc: ScalarFactory = arity(2, 2, () => {
  const reader = lastValueCache((zone) => offsetReader(zone, "datetime_local_to_utc"));
  return (args) => {
    const t = args[0];
    if (typeof t !== "bigint") return null;
    const offset = localToUtcOffset(reader(str(args[1])), msFromTicks(t));
    return clampNull(t - BigInt(offset) * TICKS_PER_SECOND);
  };
});

export const timezoneFunctions: ScalarTable = {
  datetime_utc_to_local: utcToLocal,
  datetime_local_to_utc: localToUtc,
};
