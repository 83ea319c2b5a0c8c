// Time arithmetic the activity plugins share, over datetimes/timespans (bigint ticks) or plain numbers alike.
import type { Value } from "../../../types";

export type Instant = bigint | number;

/** How many whole windows of `step` lie from `start` to `t`, floored (negative before `start`). */
export function windowIndex(t: Instant, step: Instant, start: Instant): Instant {
  if (typeof t === "bigint" && typeof step === "bigint" && typeof start === "bigint") {
    const d = t - start;
    return d >= 0n ? d / step : -((-d + step - 1n) / step);
  }
  return Math.floor((Number(t) - Number(start)) / Number(step));
}

/** The start of the window of `step` starting at `start` that holds `t` (bin_at). */
export function windowStart(t: Instant, step: Instant, start: Instant): Instant {
  const k = windowIndex(t, step, start);
  if (typeof k === "bigint") return (start as bigint) + k * (step as bigint);
  return Number(start) + k * Number(step);
}

/** An argument that must be a datetime, timespan or number; anything else (week/month/year text) is refused. */
export function instant(v: Value, what: string, plugin: string): Instant {
  if (typeof v === "bigint" || (typeof v === "number" && Number.isFinite(v))) return v;
  throw new Error(`${plugin}: ${what} must be a datetime, timespan or number, got ${JSON.stringify(v)}`);
}

export function positiveStep(v: Value, plugin: string): Instant {
  const step = instant(v, "the step", plugin);
  if (step <= 0) throw new Error(`${plugin}: the step must be positive`);
  return step;
}

export const less = (a: Instant, b: Instant): boolean =>
  typeof a === "bigint" && typeof b === "bigint" ? a < b : Number(a) < Number(b);
export const minus = (a: Instant, b: Instant): Instant =>
  typeof a === "bigint" && typeof b === "bigint" ? a - b : Number(a) - Number(b);
export const keyOf = (t: Instant): string => (typeof t === "bigint" ? `b${t}` : `n${t}`);
