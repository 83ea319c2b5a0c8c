import { describe, expect, it } from "vitest";
import { anomalyFlags, decompose } from "../../src/kusto/scalars/series-decompose";
import { closeTo, json } from "./helpers";

// series_decompose / _anomalies / _forecast: values worked out by hand from the component order on
// series-decompose-function.md and the series_outliers rules (see time-series-outliers.test.ts).
const NF_10_90 = 2.772605605507915;

describe("series_decompose", () => {
  it("must take per-phase medians, then average the deseasonal series for the trend", () => {
    // period 2 over [0, 10, 2, 12, 4, 14, 6, 16, 8, 40]: medians 4 (even) and 14 (odd);
    // deseasonal [-4, -4, -2, -2, 0, 0, 2, 2, 4, 26] averages 2.2
    const d = decompose([0, 10, 2, 12, 4, 14, 6, 16, 8, 40], { seasonality: 2, trend: "avg", testPoints: 0 });
    closeTo(d.seasonal, [4, 14, 4, 14, 4, 14, 4, 14, 4, 14]);
    closeTo(d.trend, Array(10).fill(2.2));
    closeTo(d.baseline, [6.2, 16.2, 6.2, 16.2, 6.2, 16.2, 6.2, 16.2, 6.2, 16.2]);
    closeTo(d.residual, [-6.2, -6.2, -4.2, -4.2, -2.2, -2.2, -0.2, -0.2, 1.8, 23.8]);
  });

  it("must learn the seasonal medians only from the points before the test points", () => {
    // learn [1, 5, 1, 5] with period 2: medians 1 and 5, deseasonal all 0; the two test points get 1 and 5
    const d = decompose([1, 5, 1, 5, 0, 0], { seasonality: 2, trend: "avg", testPoints: 2 });
    closeTo(d.baseline, [1, 5, 1, 5, 1, 5]);
    closeTo(d.residual, [0, 0, 0, 0, -1, -5]);
  });

  it("must answer automatic seasonality with no period when under 8 points are learnt (periods need 4..n/2 points)", () => {
    // 7 points: no period can be detected, so seasonal 0 and the avg trend 4
    expect(
      json("print y = dynamic([1, 2, 3, 4, 5, 6, 7]) | extend (b, s, t, r) = series_decompose(y) | project b, s, r"),
    ).toEqual([{ b: [4, 4, 4, 4, 4, 4, 4], s: [0, 0, 0, 0, 0, 0, 0], r: [-3, -2, -1, 0, 1, 2, 3] }]);
  });

  it("must refuse test points that leave nothing to learn from and periods longer than the learning part", () => {
    expect(() => decompose([1, 2], { seasonality: 0, trend: "avg", testPoints: 2 })).toThrow(
      /^unsupported: .*test points/,
    );
    expect(() => decompose([1, 2, 3], { seasonality: 4, trend: "avg", testPoints: 0 })).toThrow(
      /^unsupported: .*period of 4 bins over 3 learning points/,
    );
  });

  it("must refuse nulls in the series rather than guess how Kusto fills them", () => {
    expect(() => json("print y = dynamic([1, null, 3]) | extend series_decompose(y, 0)")).toThrow(
      /^unsupported: series_decompose of a series holding null/,
    );
  });
});

describe("series_decompose_forecast", () => {
  it("must extend the fitted line over the points held out (the baseline column is the forecast)", () => {
    // learn [1, 3, 5, 7] over x = 1..4: slope 2, intercept -1 → 1, 3, 5, 7, 9, 11
    expect(
      json(
        "print y = dynamic([1, 3, 5, 7, 0, 0]) | extend f = series_decompose_forecast(y, 2, 0, 'linefit') | project f",
      ),
    ).toEqual([{ f: [1, 3, 5, 7, 9, 11] }]);
  });

  it("must keep series_decompose's other columns under the binder's names", () => {
    // learn [1, 5, 1, 5]: seasonal 1, 5 repeated, trend (avg of zeros) 0, residual y - baseline
    expect(json("print y = dynamic([1, 5, 1, 5, 0, 0]) | project series_decompose_forecast(y, 2, 2)")).toEqual([
      {
        series_decompose_forecast_y_baseline: [1, 5, 1, 5, 1, 5],
        series_decompose_forecast_y_seasonal: [1, 5, 1, 5, 1, 5],
        series_decompose_forecast_y_trend: [0, 0, 0, 0, 0, 0],
        series_decompose_forecast_y_residual: [0, 0, 0, 0, -1, -5],
      },
    ]);
  });

  it("must use no period when automatic detection has under 8 learning points", () => {
    // 10 points, 3 held out: 7 learnt, no period; avg of 1..7 is 4
    expect(
      json(
        "print y = dynamic([1, 2, 3, 4, 5, 6, 7, 0, 0, 0]) | extend f = series_decompose_forecast(y, 3) | project f",
      ),
    ).toEqual([{ f: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4] }]);
  });
});

describe("series_decompose_anomalies", () => {
  it("must score the residual with series_outliers and flag scores beyond the threshold", () => {
    // residual [-6.2, -6.2, -4.2, -4.2, -2.2, -2.2, -0.2, -0.2, 1.8, 23.8] (first case above):
    // p10 = -6.2, p90 = 1.8 + 0.1 * 22 = 4, range 10.2 → only 23.8 scores: 19.8 / 10.2 * NF ≈ 5.38 > 1.5
    const [row] = json(
      "print y = dynamic([0, 10, 2, 12, 4, 14, 6, 16, 8, 40]) | extend (flag, score, baseline) = series_decompose_anomalies(y, 1.5, 2) | project flag, score, baseline",
    ) as { flag: number[]; score: number[]; baseline: number[] }[];
    expect(row.flag).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    closeTo(row.score, [0, 0, 0, 0, 0, 0, 0, 0, 0, (19.8 / 10.2) * NF_10_90]);
    closeTo(row.baseline, [6.2, 16.2, 6.2, 16.2, 6.2, 16.2, 6.2, 16.2, 6.2, 16.2]);
  });

  it("must use the quartiles for AD_method tukey", () => {
    // no season, no trend: residual = y = [1..9, 100]; p25 = 3.25, p75 = 7.75 → 100 scores 92.25 / 4.5 = 20.5,
    // 1 scores -0.5 (not beyond -1.5); threshold 1.5
    const [row] = json(
      "print y = dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]) | extend (flag, score) = series_decompose_anomalies(y, 1.5, 0, 'none', 0, 'tukey') | project flag, score",
    ) as { flag: number[]; score: number[] }[];
    expect(row.flag).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(row.score[9]).toBeCloseTo(20.5, 12);
    expect(row.score[0]).toBeCloseTo(-0.5, 12);
  });

  it("must flag +1 above the threshold, -1 below its negative and refuse a score exactly on it", () => {
    expect(anomalyFlags([2, -2, 0.5, -1.4, 0], 1.5)).toEqual([1, -1, 0, 0, 0]);
    expect(() => anomalyFlags([1.5], 1.5)).toThrow(/^unsupported: .*equal to the threshold/);
  });

  it("must refuse test points, automatic seasonality over 8+ points and unknown methods", () => {
    const y = "dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])";
    expect(() => json(`print y = ${y} | extend series_decompose_anomalies(y, 1.5, 0, 'avg', 2)`)).toThrow(
      /^unsupported: series_decompose_anomalies with Test_points 2/,
    );
    expect(() => json(`print y = ${y} | extend series_decompose_anomalies(y)`)).toThrow(
      /^unsupported: series_decompose_anomalies with automatic seasonality detection/,
    );
    expect(() => json(`print y = ${y} | extend series_decompose_anomalies(y, 1.5, 0, 'avg', 0, 'zscore')`)).toThrow(
      /unknown AD_method "zscore"/,
    );
  });
});
