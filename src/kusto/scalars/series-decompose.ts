// series_decompose, series_decompose_anomalies and series_decompose_forecast: the decomposition model of
// series-decompose-function.md (seasonal, then trend of the deseasonal series, baseline, residual), scored by
// series_outliers for anomalies and extrapolated for forecasts.

import type { KType, Value } from "../types";
import { asDouble, dynamicReals } from "../values/dynamic-real";
import { isNumericType } from "./common";
import { type OutlierKind, outlierScores } from "./series-outliers";
import { finiteSeries, leastSquaresLine, phaseMedians } from "./series-values";

export interface Decomposition {
  baseline: number[];
  seasonal: number[];
  trend: number[];
  residual: number[];
}

export type TrendKind = "avg" | "linefit" | "none";

export interface DecomposeOptions {
  /** Bins per period; -1 asks for automatic detection, 0 for none. */
  seasonality: number;
  trend: TrendKind;
  /** Points at the end left out of the learning (their baseline is the forecast). */
  testPoints: number;
}

/**
 * The period to use: a positive period as given, 0 for none. Automatic detection (-1) can be answered only when
 * no period can exist: series_periods_detect finds periods of at least 4 points and at most half the series
 * (series-periods-detect-function.md), so fewer than 8 learning points have none; otherwise its scoring is unpublished.
 */
function periodOf(seasonality: number, learnLength: number, what: string): number {
  if (seasonality === -1) {
    if (learnLength < 8) return 0;
    throw new Error(
      `unsupported: ${what} with automatic seasonality detection (Seasonality -1, the default): series_periods_detect's scoring is not published; pass the period in bins, or 0`,
    );
  }
  if (!Number.isInteger(seasonality) || seasonality < 0)
    throw new Error(`unsupported: ${what} Seasonality ${seasonality}: use -1, 0 or a whole number of bins`);
  if (seasonality > learnLength)
    throw new Error(
      `unsupported: ${what} with a period of ${seasonality} bins over ${learnLength} learning points: a phase would have no points`,
    );
  return seasonality;
}

/**
 * The page's component order: seasonal = per phase, the median of the learning points in that phase; deseasonal =
 * x - seasonal; trend = its average (avg), its least-squares line (linefit) or 0 (none); baseline = seasonal + trend;
 * residual = x - baseline. The last testPoints points take no part in the learning but get a baseline (the forecast).
 */
export function decompose(xs: readonly number[], options: DecomposeOptions, what = "series_decompose"): Decomposition {
  const { trend: trendKind, testPoints } = options;
  if (!Number.isInteger(testPoints) || testPoints < 0 || (xs.length > 0 && testPoints >= xs.length))
    throw new Error(
      `unsupported: ${what} with ${testPoints} test points over ${xs.length} points: leave at least one point to learn from`,
    );
  const n = xs.length;
  const learn = xs.slice(0, n - testPoints);
  const period = periodOf(options.seasonality, learn.length, what);
  let seasonal: number[];
  if (period > 0) {
    const medians = phaseMedians(learn, period);
    seasonal = xs.map((_, i) => medians[i % period]);
  } else seasonal = xs.map(() => 0);
  const deseasonal = learn.map((x, i) => x - seasonal[i]);
  let trend: number[];
  if (trendKind === "none" || learn.length === 0) trend = xs.map(() => 0);
  else if (trendKind === "avg") {
    let s = 0;
    for (const d of deseasonal) s += d;
    const avg = s / deseasonal.length;
    trend = xs.map(() => avg);
  } else {
    const f = leastSquaresLine(deseasonal);
    trend = xs.map((_, i) => f.interception + f.slope * (i + 1));
  }
  const baseline = xs.map((_, i) => seasonal[i] + trend[i]);
  return { baseline, seasonal, trend, residual: xs.map((x, i) => x - baseline[i]) };
}

/** ad_flag per score: +1 above the threshold, -1 below its negative, else 0. */
export function anomalyFlags(scores: readonly number[], threshold: number): number[] {
  return scores.map((s) => {
    // The page does not say whether a score equal to the threshold is an anomaly.
    if (s !== 0 && Math.abs(s) === threshold)
      throw new Error(
        `unsupported: series_decompose_anomalies score ${s} equal to the threshold: the page does not say which side it falls on`,
      );
    return s > threshold ? 1 : s < -threshold ? -1 : 0;
  });
}

// --- argument reading ---------------------------------------------------------------------------------------------------

function numberArg(args: readonly Value[], i: number, fallback: number, what: string, name: string): number {
  if (args.length <= i || args[i] === null) return fallback;
  const v = args[i];
  const x = asDouble(v);
  if (typeof x !== "number" || Number.isNaN(x)) throw new Error(`${what}: ${name} must be a number`);
  return x;
}

function trendArg(args: readonly Value[], i: number, what: string): TrendKind {
  const v = args.length > i && typeof args[i] === "string" && args[i] !== "" ? String(args[i]) : "avg";
  if (v === "avg" || v === "linefit" || v === "none") return v;
  throw new Error(`${what}: unknown Trend "${v}"; use 'avg', 'linefit' or 'none'`);
}

function kindArg(args: readonly Value[], i: number): OutlierKind {
  const v = args.length > i && typeof args[i] === "string" && args[i] !== "" ? String(args[i]) : "ctukey";
  if (v === "ctukey" || v === "tukey") return v;
  throw new Error(`series_decompose_anomalies: unknown AD_method "${v}"; use 'ctukey' or 'tukey'`);
}

/** Type check shared by the three: a dynamic series, then numbers and strings where the signature has them. */
function typesOk(argTypes: readonly KType[], pattern: readonly ("n" | "s")[], min: number): boolean {
  if (argTypes.length < min || argTypes.length > pattern.length + 1 || argTypes[0] !== "dynamic") return false;
  return argTypes.slice(1).every((t, i) => (pattern[i] === "n" ? isNumericType(t) : t === "string"));
}

const seriesOf = (v: Value, what: string): number[] | null => (Array.isArray(v) ? finiteSeries(v, what) : null);

/** series_decompose(series[, seasonality, trend, test_points, seasonality_threshold]) → baseline, seasonal, trend, residual. */
export function decomposeTuple(argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined {
  if (!typesOk(argTypes, ["n", "s", "n", "n"], 1)) return undefined;
  const what = "series_decompose";
  return (args) => {
    const xs = seriesOf(args[0], what);
    if (xs === null) return [null, null, null, null];
    const d = decompose(
      xs,
      {
        seasonality: numberArg(args, 1, -1, what, "Seasonality"),
        trend: trendArg(args, 2, what),
        testPoints: numberArg(args, 3, 0, what, "Test_points"),
      },
      what,
    );
    return [dynamicReals(d.baseline), dynamicReals(d.seasonal), dynamicReals(d.trend), dynamicReals(d.residual)];
  };
}

/**
 * series_decompose_anomalies(series[, threshold, seasonality, trend, test_points, ad_method, seasonality_threshold])
 * → ad_flag, ad_score, baseline: the residual scored by series_outliers, flagged against the threshold.
 * Test points are refused: the page does not say whether their residuals enter the percentile range.
 */
export function anomaliesTuple(argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined {
  if (!typesOk(argTypes, ["n", "n", "s", "n", "s", "n"], 1)) return undefined;
  const what = "series_decompose_anomalies";
  return (args) => {
    const xs = seriesOf(args[0], what);
    if (xs === null) return [null, null, null];
    const threshold = numberArg(args, 1, 1.5, what, "Threshold");
    const testPoints = numberArg(args, 4, 0, what, "Test_points");
    if (testPoints !== 0)
      throw new Error(
        `unsupported: ${what} with Test_points ${testPoints}: the page does not say whether test points enter the outlier percentiles`,
      );
    const d = decompose(
      xs,
      { seasonality: numberArg(args, 2, -1, what, "Seasonality"), trend: trendArg(args, 3, what), testPoints },
      what,
    );
    const scores = outlierScores(d.residual, kindArg(args, 5));
    return [anomalyFlags(scores, threshold), dynamicReals(scores), dynamicReals(d.baseline)];
  };
}

/**
 * series_decompose_forecast(series, points[, seasonality, trend, seasonality_threshold]): the binder (Kusto.Language
 * Functions.cs, SeriesDecomposeResult) gives it series_decompose's four columns; baseline is the forecast.
 */
export function forecastTuple(argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined {
  if (!typesOk(argTypes, ["n", "n", "s", "n"], 2)) return undefined;
  const what = "series_decompose_forecast";
  return (args) => {
    const xs = seriesOf(args[0], what);
    if (xs === null) return [null, null, null, null];
    const points = numberArg(args, 1, Number.NaN, what, "Points");
    const d = decompose(
      xs,
      { seasonality: numberArg(args, 2, -1, what, "Seasonality"), trend: trendArg(args, 3, what), testPoints: points },
      what,
    );
    return [dynamicReals(d.baseline), dynamicReals(d.seasonal), dynamicReals(d.trend), dynamicReals(d.residual)];
  };
}
