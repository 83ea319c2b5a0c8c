import { describe, expect, it } from "vitest";
import { fitLine, seasonal, seriesStats } from "../../src/kusto/scalars/series";
import { dynamicReal as r } from "../../src/kusto/values/dynamic-real";
import { json } from "./helpers";
import { call } from "./scalars-helpers";

// series_* functions, with expected values worked out by hand from the rules on the reference pages. r(x) is a whole
// real inside a dynamic (5.0): results the pages print as reals ([-1.0,1.0,3.0], series-ceiling-function.md).
const s1 = (name: string, arr: unknown[]) => call(name, ["dynamic"], "dynamic", [arr]);
const s2 = (
  name: string,
  a: unknown,
  b: unknown,
  types: ["dynamic" | "real", "dynamic" | "real"] = ["dynamic", "dynamic"],
) => call(name, types, "dynamic", [a, b] as never);

describe("element-wise series functions", () => {
  it("must apply the function to each number and give null for non-numeric elements", () => {
    expect(s1("series_abs", [-2, 3.5, null, "x", true])).toEqual([2, 3.5, null, null, null]);
    expect(s1("series_sign", [-7, 0, 2])).toEqual([-1, 0, 1]);
    // floor and ceiling give reals even of longs (series-ceiling-function.md: [-1.0,1.0,3.0])
    expect(s1("series_floor", [1.5, -1.5, 2])).toEqual([r(1), r(-2), r(2)]);
    expect(s1("series_ceiling", [1.5, -1.5])).toEqual([r(2), r(-1)]);
  });

  it("must combine two series element by element, null where the shorter one has no element", () => {
    // [1,2,3] + [10,20] = [11,22,null]; 7 / 2 = 3.5 even for whole numbers
    expect(s2("series_add", [1, 2, 3], [10, 20])).toEqual([11, 22, null]);
    expect(s2("series_subtract", [5, 5], [1, 7])).toEqual([4, -2]);
    expect(s2("series_divide", [7, 1], [2, 0])).toEqual([3.5, Infinity]);
    expect(s2("series_pow", [2, 9], [10, 0.5])).toEqual([r(1024), r(3)]);
  });

  it("must broadcast a number over a series", () => {
    // a real factor makes real products; a long one keeps longs
    expect(s2("series_multiply", [1, 2, 3], 2, ["dynamic", "real"])).toEqual([r(2), r(4), r(6)]);
    expect(call("series_multiply", ["dynamic", "long"], "dynamic", [[1, 2, 3], 2])).toEqual([2, 4, 6]);
  });

  it("must compare element by element into booleans", () => {
    expect(s2("series_greater", [1, 5, 3], [2, 5, 1])).toEqual([false, false, true]);
    expect(s2("series_greater_equals", [1, 5, 3], [2, 5, 1])).toEqual([false, true, true]);
    expect(s2("series_less_equals", [1, 5], [2, 5])).toEqual([true, true]);
    expect(s2("series_not_equals", [1, 5, null], [2, 5, 1])).toEqual([true, false, null]);
  });
});

describe("whole-series values", () => {
  it("must sum, multiply and measure the numbers of a series", () => {
    expect(call("series_sum", ["dynamic"], "real", [[1.5, 2, 3]])).toBe(6.5);
    expect(call("series_product", ["dynamic"], "real", [[2, 3, 4]])).toBe(24);
    // sqrt(3² + 4²) = 5
    expect(call("series_magnitude", ["dynamic"], "real", [[3, 4]])).toBe(5);
  });

  it("must truncate the dot product to the shorter series and broadcast a number", () => {
    // 1*4 + 2*5 = 14 (the third element has no partner); [1,2,3] · 2 = 12
    expect(
      call("series_dot_product", ["dynamic", "dynamic"], "real", [
        [1, 2, 3],
        [4, 5],
      ]),
    ).toBe(14);
    expect(call("series_dot_product", ["dynamic", "long"], "real", [[1, 2, 3], 2])).toBe(12);
    expect(call("series_dot_product", ["dynamic", "dynamic"], "real", [[], [1]])).toBeNull();
  });

  it("must compute cosine similarity from the dot product and the magnitudes", () => {
    // [1,0]·[1,1] = 1; |[1,0]| = 1, |[1,1]| = √2 → 1/√2
    expect(
      call("series_cosine_similarity", ["dynamic", "dynamic"], "real", [
        [1, 0],
        [1, 1],
      ]),
    ).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it("must give a Pearson correlation of -1 for a reversed line, and null for different lengths", () => {
    expect(
      call("series_pearson_correlation", ["dynamic", "dynamic"], "real", [
        [1, 2, 3],
        [6, 4, 2],
      ]),
    ).toBeCloseTo(-1, 15);
    expect(
      call("series_pearson_correlation", ["dynamic", "dynamic"], "real", [
        [1, 2, 3],
        [1, 2],
      ]),
    ).toBeNull();
  });
});

describe("series statistics", () => {
  it("must report first positions of min and max, the mean and the sample variance", () => {
    // [4, 1, 7, 1, 7]: min 1 first at 1, max 7 first at 2; mean 4; squared deviations 0+9+9+9+9 = 36, / (5-1) = 9
    expect(seriesStats([4, 1, 7, 1, 7], false)).toEqual({
      min: 1,
      min_idx: 1,
      max: 7,
      max_idx: 2,
      avg: 4,
      variance: 9,
      stdev: 3,
      sum: 20,
      len: 5,
    });
  });

  it("must make every statistic null when a value is not finite, unless told to ignore such values", () => {
    expect(seriesStats([1, null, 3], false).avg).toBeNull();
    // ignoring null: [1, 3] → mean 2, variance (1 + 1) / 1 = 2, max at position 2 of the original series
    expect(seriesStats([1, null, 3], true)).toMatchObject({ avg: 2, variance: 2, max_idx: 2 });
  });

  it("must return the statistics as a property bag from series_stats_dynamic", () => {
    expect(call("series_stats_dynamic", ["dynamic"], "dynamic", [[2, 4]])).toEqual({
      min: 2,
      min_idx: 0,
      max: 4,
      max_idx: 1,
      avg: r(3),
      variance: r(2),
      stdev: Math.SQRT2,
      sum: 6,
      len: 2,
    });
  });
});

describe("line fit", () => {
  it("must fit y = 2x + 1 over x = 1..n exactly", () => {
    // y at x = 1, 2, 3: 3, 5, 7; variance of y = (4 + 0 + 4) / 2 = 4; residuals 0
    expect(fitLine([3, 5, 7])).toEqual({
      rsquare: 1,
      slope: 2,
      variance: 4,
      rvariance: 0,
      interception: 1,
      line_fit: [3, 5, 7],
    });
  });

  it("must fit the least-squares line through scattered points", () => {
    // y = [1, 3, 2] at x = 1, 2, 3: mean x 2, mean y 2; Sxy = (-1)(-1) + 0 + (1)(0) = 1, Sxx = 2 → slope 0.5, b = 1
    // fitted 1.5, 2, 2.5; SSE = 0.25 + 1 + 0.25 = 1.5; SST = 2 → rsquare 0.25; rvariance 1.5 / 2 = 0.75
    const f = fitLine([1, 3, 2]);
    expect(f).toMatchObject({ slope: 0.5, interception: 1, rsquare: 0.25, variance: 1, rvariance: 0.75 });
    expect(f.line_fit).toEqual([1.5, 2, 2.5]);
  });

  it("must refuse a constant series, whose r-square (0/0) the page leaves undefined", () => {
    expect(() => fitLine([4, 4, 4])).toThrow(/^unsupported: series_fit_line\(_dynamic\) of a constant series/);
    expect(() => fitLine([4])).toThrow(/^unsupported: /);
  });

  it("must return the fit as a bag from series_fit_line_dynamic", () => {
    expect(call("series_fit_line_dynamic", ["dynamic"], "dynamic", [[3, 5, 7]])).toMatchObject({
      slope: r(2),
      interception: r(1),
    });
  });
});

describe("fills", () => {
  it("must fill forward and backward from the nearest known value, keeping missing edges", () => {
    expect(s1("series_fill_forward", [null, 1, null, null, 4, null])).toEqual([null, 1, 1, 1, 4, 4]);
    expect(s1("series_fill_backward", [null, 1, null, null, 4, null])).toEqual([1, 1, 4, 4, 4, null]);
  });

  it("must fill a chosen placeholder instead of nulls", () => {
    expect(call("series_fill_forward", ["dynamic", "long"], "dynamic", [[5, -1, 6], -1])).toEqual([5, 5, 6]);
    expect(call("series_fill_const", ["dynamic", "real"], "dynamic", [[null, 2, null], 0.5])).toEqual([0.5, 2, 0.5]);
  });

  it("must interpolate linearly and copy the edges unless told not to", () => {
    // between 1.5 (index 1) and 4.5 (index 4): 2.5, 3.5
    expect(s1("series_fill_linear", [null, 1.5, null, null, 4.5, null])).toEqual([1.5, 1.5, 2.5, 3.5, 4.5, 4.5]);
    expect(
      call("series_fill_linear", ["dynamic", "real", "bool"], "dynamic", [[null, 1.5, null, 2.5], null, false]),
    ).toEqual([null, 1.5, r(2), 2.5]);
  });

  it("must fill an all-missing series with the constant, 0 by default", () => {
    // the default constant is the real 0.0 (series-fill-linear-function.md: [0.0,0.0,0.0,0.0])
    expect(s1("series_fill_linear", [null, null])).toEqual([r(0), r(0)]);
    expect(
      call("series_fill_linear", ["dynamic", "real", "bool", "real"], "dynamic", [[null, null], null, true, 2.5]),
    ).toEqual([2.5, 2.5]);
  });

  it("must truncate an interpolation between longs and keep it real between reals", () => {
    // series-fill-linear-function.md: 73.5 between the longs 111 and 36 is 73, between 111.0 and 36.0 it is 73.5
    expect(s1("series_fill_linear", [1, null, 2])).toEqual([1, 1, 2]);
    expect(s1("series_fill_linear", [r(1), null, r(2)])).toEqual([r(1), 1.5, r(2)]);
    // whole-number results need no choice: 1, 2, 3
    expect(s1("series_fill_linear", [1, null, 3])).toEqual([1, 2, 3]);
  });
});

describe("filters", () => {
  it("must compute a running sum with series_iir(x, [1], [1, -1])", () => {
    expect(call("series_iir", ["dynamic", "dynamic", "dynamic"], "dynamic", [[1, 2, 3, 4], [1], [1, -1]])).toEqual([
      r(1),
      r(3),
      r(6),
      r(10),
    ]);
  });

  it("must divide by a0 in series_iir", () => {
    // y = x / 2
    expect(call("series_iir", ["dynamic", "dynamic", "dynamic"], "dynamic", [[2, 4], [1], [2]])).toEqual([r(1), r(2)]);
  });

  it("must average the current and earlier points with a normalised series_fir", () => {
    // filter [1,1] normalised: (x[i] + x[i-1]) / 2 with x[-1] = 0 → [1, 3, 5]
    expect(
      call("series_fir", ["dynamic", "dynamic"], "dynamic", [
        [2, 4, 6],
        [1, 1],
      ]),
    ).toEqual([r(1), r(3), r(5)]);
  });

  it("must take differences with a negative filter without normalising, and center the window on request", () => {
    // [1,-1]: x[i] - x[i-1] → [0, 2, 2] for x = [0, 2, 4]
    expect(
      call("series_fir", ["dynamic", "dynamic", "bool", "bool"], "dynamic", [[0, 2, 4], [1, -1], false, false]),
    ).toEqual([r(0), r(2), r(2)]);
    // centred 3-point average of [3, 6, 9]: (3+6)/3, (3+6+9)/3, (6+9)/3 = 3, 6, 5
    expect(
      call("series_fir", ["dynamic", "dynamic", "bool", "bool"], "dynamic", [[3, 6, 9], [1, 1, 1], true, true]),
    ).toEqual([r(3), r(6), r(5)]);
    // normalising a filter with a negative coefficient is null
    expect(call("series_fir", ["dynamic", "dynamic", "bool"], "dynamic", [[1, 2], [1, -1], true])).toBeNull();
  });
});

describe("seasonal component", () => {
  it("must take the median of each phase across periods", () => {
    // period 2 over [1, 10, 3, 20, 8, 30]: phase 0 {1, 3, 8} → 3, phase 1 {10, 20, 30} → 20
    expect(seasonal([1, 10, 3, 20, 8, 30], 2)).toEqual([3, 20, 3, 20, 3, 20]);
    // an even number of points per phase averages the middle two: {1, 2} → 1.5
    expect(seasonal([1, 5, 2, 7], 2)).toEqual([1.5, 6, 1.5, 6]);
  });

  it("must refuse automatic period detection over 8 or more points rather than guess", () => {
    expect(() => call("series_seasonal", ["dynamic"], "dynamic", [[1, 2, 1, 2, 1, 2, 1, 2]])).toThrow(
      /^unsupported: series_seasonal with automatic period detection/,
    );
    expect(call("series_seasonal", ["dynamic", "long"], "dynamic", [[1, 2, 1, 2], 2])).toEqual([
      r(1),
      r(2),
      r(1),
      r(2),
    ]);
  });
});

describe("functions that return several columns", () => {
  it("must spread series_stats into the binder's prefixed columns under project", () => {
    // [4, 1, 7]: min 1 at 1, max 7 at 2, mean 4, sample variance (0 + 9 + 9) / 2 = 9, stdev 3
    expect(json("print x = dynamic([4, 1, 7]) | project series_stats(x)")).toEqual([
      {
        series_stats_x_min: 1,
        series_stats_x_min_idx: 1,
        series_stats_x_max: 7,
        series_stats_x_max_idx: 2,
        series_stats_x_avg: 4,
        series_stats_x_stdev: 3,
        series_stats_x_variance: 9,
      },
    ]);
  });

  it("must name the first columns of (a, b) = series_fit_line(y) and keep the tuple's names for the rest", () => {
    // y = 2x + 1 over x = 1..3
    const rows = json("print y = dynamic([3, 5, 7]) | extend (r2, slope) = series_fit_line(y) | project-away y");
    expect(rows).toEqual([
      {
        r2: 1,
        slope: 2,
        series_fit_line_y_variance: 4,
        series_fit_line_y_rvariance: 0,
        series_fit_line_y_interception: 1,
        series_fit_line_y_line_fit: [3, 5, 7],
      },
    ]);
  });

  it("must decompose without seasonality into a fitted trend that skips the test points", () => {
    // learn on [1, 3, 5, 7] (the last point is a test point): trend 2x - 1 → 1, 3, 5, 7, 9; residual of 20 is 11
    expect(
      json(
        "print y = dynamic([1, 3, 5, 7, 20]) | extend (b, s, t, r) = series_decompose(y, 0, 'linefit', 1) | project b, s, t, r",
      ),
    ).toEqual([{ b: [1, 3, 5, 7, 9], s: [0, 0, 0, 0, 0], t: [1, 3, 5, 7, 9], r: [0, 0, 0, 0, 11] }]);
  });

  it("must decompose with a given period and no trend into per-phase medians", () => {
    // period 2 over [1, 10, 3, 12]: medians 2 and 11; residuals -1, -1, 1, 1
    expect(
      json("print y = dynamic([1, 10, 3, 12]) | extend (b, s, t, r) = series_decompose(y, 2, 'none') | project b, r"),
    ).toEqual([{ b: [2, 11, 2, 11], r: [-1, -1, 1, 1] }]);
  });

  it("must refuse automatic seasonality over 8 or more points, naming the position", () => {
    expect(() => json("print y = dynamic([1, 2, 3, 4, 5, 6, 7, 8]) | extend series_decompose(y)")).toThrow(
      /^unsupported: series_decompose with automatic seasonality detection.* at 1:54$/,
    );
  });
});

describe("series_decompose with a period and a trend", () => {
  it("must fit the trend to the series minus its seasonal medians", () => {
    // period 2 over [1, 11, 3, 13]: medians 2 and 12; deseasonal [-1, -1, 1, 1] → avg trend 0;
    // linefit over x = 1..4: slope (Σ(x-2.5)(y-0)) / Σ(x-2.5)² = (1.5 + 0.5 + 0.5 + 1.5) / 5 = 0.8, intercept -2
    const q = (trend: string) =>
      `print y = dynamic([1, 11, 3, 13]) | extend (b, s, t, r) = series_decompose(y, 2, '${trend}') | project s, t`;
    expect(json(q("avg"))).toEqual([{ s: [2, 12, 2, 12], t: [0, 0, 0, 0] }]);
    const [row] = json(q("linefit")) as { t: number[] }[];
    [-1.2, -0.4, 0.4, 1.2].forEach((v, i) => expect(row.t[i]).toBeCloseTo(v, 12));
  });
});
