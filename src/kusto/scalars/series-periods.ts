// series_periods_detect / series_periods_validate: the pages publish the bounds (a period has at least 4 points and
// at most half the series) but not how a period inside them is scored, so only the answers the bounds decide are given.

import type { KType, Value } from "../types";
import { asDouble, dynamicReals } from "../values/dynamic-real";
import { isNumericType } from "./common";
import { finiteSeries } from "./series-values";

const asNumber = (v: Value): number | null => {
  const x = asDouble(v);
  return typeof x === "number" && !Number.isNaN(x) ? x : null;
};

/**
 * series_periods_detect(series, min_period, max_period, num_periods) → periods, scores, each num_periods long.
 * When no period of 4..n/2 points lies within [min_period, max_period] nothing can be found: zeros, as the page's
 * example pads unfound periods ([14, 0], [0.84, 0]). Any other series needs the unpublished scoring and is refused.
 */
export function periodsDetectTuple(argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined {
  if (argTypes.length !== 4 || argTypes[0] !== "dynamic" || !argTypes.slice(1).every(isNumericType)) return undefined;
  return (args) => {
    if (!Array.isArray(args[0])) return [null, null];
    const n = finiteSeries(args[0], "series_periods_detect").length;
    const [min, max, count] = [asNumber(args[1]), asNumber(args[2]), asNumber(args[3])];
    if (min === null || max === null || count === null || !Number.isInteger(count) || count < 0)
      throw new Error(
        "series_periods_detect: min_period, max_period and num_periods must be numbers (num_periods whole)",
      );
    const none = max < 4 || min > n / 2 || n / 2 < 4 || min > max;
    if (!none)
      throw new Error(
        "unsupported: series_periods_detect over a range holding candidate periods: the period scoring is not published",
      );
    // Periods and scores are reals (series-periods-validate-function.md prints [14.0, 10.0] and [0.84, 0.0]).
    const zeros = Array.from({ length: count }, () => 0);
    return [dynamicReals(zeros), dynamicReals(zeros)];
  };
}

/**
 * series_periods_validate(series, period1[, period2, ...]) → the periods as given and their scores: 0 for a period
 * under 4 or over half the series (the page's bounds); a period inside them needs the unpublished scoring (refused).
 */
export function periodsValidateTuple(argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined {
  if (argTypes.length < 2 || argTypes[0] !== "dynamic" || !argTypes.slice(1).every(isNumericType)) return undefined;
  return (args) => {
    if (!Array.isArray(args[0])) return [null, null];
    const n = finiteSeries(args[0], "series_periods_validate").length;
    const periods = args.slice(1).map(asNumber);
    if (periods.length > 16) throw new Error("series_periods_validate: at most 16 periods (the page's limit)");
    const scores = periods.map((p) => {
      if (p === null) throw new Error("series_periods_validate: each period must be a number");
      if (p < 4 || p > n / 2) return 0;
      throw new Error(
        `unsupported: series_periods_validate of period ${p} over ${n} points: the period scoring is not published`,
      );
    });
    return [dynamicReals(periods as number[]), dynamicReals(scores)];
  };
}
