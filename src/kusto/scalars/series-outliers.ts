// series_outliers (series-outliers-function.md): Tukey's fence scores over a percentile range, normalised to the
// standard 25th/75th test. The page names the test but not the score; the rules below are the maintainer's account in
// microsoft/Kusto-Query-Language#136 and its worked example (stackoverflow.com/q/75264555, output from Kusto itself).

import type { KType } from "../types";
import { asDouble, dynamicReals } from "../values/dynamic-real";
import { isNumericType } from "./common";

/** The elements a score is computed for: numbers, or null where the element is missing (null or the ignore value). */
export type Present = readonly (number | null)[];

/**
 * The p-th percentile (0..100) of sorted numbers by linear interpolation between closest ranks, position
 * p/100 * (n - 1): Kusto's series_outliers percentiles (Kusto-Query-Language#136: "calculated with linear interpolation").
 */
export function linearPercentile(sorted: readonly number[], p: number): number {
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The factor that makes a score over [pLow, pHigh] equal the standard Tukey score (25th/75th) under a normal
 * distribution. Known exactly for 25/75 (the standard test, 1) and 10/90 (Kusto's default, measured from Kusto's
 * output in the worked example above: -1.9040785483608571 for -3 with p10 = 2.7, p90 = 11); other ranges are refused.
 */
export function normalisation(pLow: number, pHigh: number): number | undefined {
  if (pLow === 25 && pHigh === 75) return 1;
  if (pLow === 10 && pHigh === 90) return 2.772605605507915;
  return undefined;
}

export type OutlierKind = "tukey" | "ctukey";

/**
 * Scores: 0 inside [P(low), P(high)] and for missing elements; above it (x - P(high)) / (P(high) - P(low)) * factor,
 * below it (x - P(low)) / (P(high) - P(low)) * factor. Missing elements take no part in the percentiles.
 */
export function outlierScores(xs: Present, kind: OutlierKind, pLow = 10, pHigh = 90): number[] {
  const [low, high] = kind === "tukey" ? [25, 75] : [pLow, pHigh];
  if (!(low >= 2 && high <= 98 && low < high))
    throw new Error(
      `unsupported: series_outliers percentiles ${low} and ${high}: the page allows min < max within [2.0, 98.0]`,
    );
  const factor = normalisation(low, high);
  if (factor === undefined)
    throw new Error(
      `unsupported: series_outliers percentiles ${low}/${high}: Kusto's normalisation factor is published only for 10/90 and 25/75`,
    );
  const sorted = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return xs.map(() => 0);
  const pl = linearPercentile(sorted, low);
  const ph = linearPercentile(sorted, high);
  const range = ph - pl;
  return xs.map((x) => {
    if (x === null || (x >= pl && x <= ph)) return 0;
    if (range === 0)
      throw new Error(
        `unsupported: series_outliers where the ${low}th and ${high}th percentiles are equal (${pl}): the page does not say how a zero range scores`,
      );
    return ((x > ph ? x - ph : x - pl) / range) * factor;
  });
}

/**
 * The series as numbers and missing elements: null (and the ignore value when given) is missing; any other element
 * that is not a finite number is refused, since the page does not say how it scores.
 */
export function presentValues(series: readonly unknown[], ignore: number | null, what: string): (number | null)[] {
  return series.map((v) => {
    const x = asDouble(v);
    if (x === null || x === undefined) return null;
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new Error(
        `unsupported: ${what} of a series holding ${JSON.stringify(String(x))}: only finite numbers and nulls`,
      );
    return ignore !== null && x === ignore ? null : x;
  });
}

function numberAt(args: readonly unknown[], i: number, fallback: number | null): number | null {
  if (args.length <= i || args[i] === null) return fallback;
  const v = args[i];
  const x = asDouble(v);
  return typeof x === "number" ? x : fallback;
}

/** series_outliers(series[, kind, ignore_val, min_percentile, max_percentile]) → a score per element. */
export function outliersFactory(argTypes: readonly KType[]): ((args: readonly unknown[]) => unknown) | undefined {
  if (argTypes.length < 1 || argTypes.length > 5 || argTypes[0] !== "dynamic") return undefined;
  if (argTypes.length > 1 && argTypes[1] !== "string") return undefined;
  if (!argTypes.slice(2).every(isNumericType)) return undefined;
  return (args) => {
    const series = args[0];
    if (!Array.isArray(series)) return null;
    const kindText = args.length > 1 && typeof args[1] === "string" && args[1] !== "" ? args[1] : "ctukey";
    if (kindText !== "ctukey" && kindText !== "tukey")
      throw new Error(`series_outliers: unknown kind "${kindText}"; use 'ctukey' or 'tukey'`);
    const xs = presentValues(series, numberAt(args, 2, null), "series_outliers");
    return dynamicReals(outlierScores(xs, kindText, numberAt(args, 3, 10) ?? 10, numberAt(args, 4, 90) ?? 90));
  };
}
