import { describe, expect, it } from "vitest";
import { linearPercentile, outlierScores } from "../../src/kusto/scalars/series-outliers";
import { closeTo, json } from "./helpers";

// series_outliers: Tukey's fences over linearly interpolated percentiles, scaled to the standard 25th/75th test
// (microsoft/Kusto-Query-Language#136). Expected values are worked out by hand below each case.
const NF_10_90 = 2.772605605507915;

const scores = (kql: string): number[] => (json(kql)[0] as { s: number[] }).s;

describe("percentiles by linear interpolation", () => {
  it("must interpolate between the closest ranks at p/100 * (n - 1)", () => {
    // [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]: p10 at 0.9 → 1.9, p90 at 8.1 → 9 + 0.1 * 91 = 18.1, p25 at 2.25 → 3.25
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    expect(linearPercentile(s, 10)).toBeCloseTo(1.9, 12);
    expect(linearPercentile(s, 90)).toBeCloseTo(18.1, 12);
    expect(linearPercentile(s, 25)).toBeCloseTo(3.25, 12);
    expect(linearPercentile([7], 90)).toBe(7);
  });
});

describe("series_outliers", () => {
  it("must score only points outside the 10th-90th range, scaled to the standard test (ctukey, the default)", () => {
    // p10 = 1.9, p90 = 18.1, range 16.2: 1 → (1 - 1.9) / 16.2 * NF; 100 → (100 - 18.1) / 16.2 * NF; 2..9 inside → 0
    closeTo(scores("print s = series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]))"), [
      (-0.9 / 16.2) * NF_10_90,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      (81.9 / 16.2) * NF_10_90,
    ]);
  });

  it("must reproduce the scores Kusto printed for the maintainer's worked example (stackoverflow.com/q/75264555)", () => {
    // p10 = 2.7 and p90 = 11 there: -3 scores (-3 - 2.7) / 8.3 * NF, Kusto printed -1.9040785483608571
    const got = scores(
      "print s = series_outliers(dynamic([-3, 2.4, 15, 3.9, 5, 6, 4.5, 5.2, 3, 4, 5, 16, 7, 5, 5, 4]))",
    );
    expect(got[0]).toBeCloseTo(-1.9040785483608571, 14);
    expect(got[2]).toBeCloseTo(1.3361954725339347, 14);
  });

  it("must use the quartiles unscaled for kind tukey, whatever percentiles are passed", () => {
    // p25 = 3.25, p75 = 7.75, IQR 4.5: 1 → -2.25/4.5 = -0.5, 2 → -1.25/4.5, 3 → -0.25/4.5, 8 → 0.25/4.5,
    // 9 → 1.25/4.5, 100 → 92.25/4.5 = 20.5
    const want = [-0.5, -1.25 / 4.5, -0.25 / 4.5, 0, 0, 0, 0, 0.25 / 4.5, 1.25 / 4.5, 20.5];
    closeTo(scores("print s = series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]), 'tukey')"), want);
    closeTo(
      scores("print s = series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]), 'tukey', real(null), 5, 95)"),
      want,
    );
    // ctukey over 25/75 is the standard test itself (factor 1)
    closeTo(
      scores("print s = series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]), 'ctukey', real(null), 25, 75)"),
      want,
    );
  });

  it("must score nulls and the ignore value 0 and leave them out of the percentiles", () => {
    // present [10, 20, 30, 40]: p25 = 17.5, p75 = 32.5, IQR 15 → 10 scores -0.5, 40 scores 0.5
    closeTo(
      scores("print s = series_outliers(dynamic([null, 10, 20, 30, 40, -1]), 'tukey', -1)"),
      [0, -0.5, 0, 0, 0.5, 0],
    );
  });

  it("must give an empty series an empty result", () => {
    expect(scores("print s = series_outliers(dynamic([]))")).toEqual([]);
  });

  it("must refuse percentile ranges whose normalisation Kusto has not published", () => {
    expect(() => outlierScores([1, 2, 3, 100], "ctukey", 5, 95)).toThrow(
      /^unsupported: series_outliers percentiles 5\/95/,
    );
    expect(() => outlierScores([1, 2, 3, 100], "ctukey", 90, 10)).toThrow(/^unsupported: .*min < max/);
  });

  it("must refuse a zero range with points outside it instead of dividing by zero", () => {
    // eleven points: p10 (position 1) and p90 (position 9) are both 5, and 50 lies above them
    expect(() => outlierScores([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 50], "ctukey")).toThrow(
      /^unsupported: series_outliers where the 10th and 90th percentiles are equal/,
    );
    expect(outlierScores([5, 5, 5], "ctukey")).toEqual([0, 0, 0]);
  });

  it("must refuse elements that are neither numbers nor null", () => {
    expect(() => json("print s = series_outliers(dynamic([1, 'x', 3]))")).toThrow(
      /^unsupported: series_outliers of a series holding "x"/,
    );
  });
});
