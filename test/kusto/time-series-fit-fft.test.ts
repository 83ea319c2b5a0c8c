import { describe, expect, it } from "vitest";
import { fft, ifft } from "../../src/kusto/scalars/series-fft";
import { fitPoly } from "../../src/kusto/scalars/series-fit-poly";
import { closeTo, json } from "./helpers";

// series_fit_poly and series_fft/series_ifft, values worked out by hand from least squares and the DFT definition.

describe("series_fit_poly", () => {
  it("must fit a line over x = 1..n by default, like series_fit_line", () => {
    // y = [1, 2, 3, 4, 6]: x̄ 3, ȳ 3.2, Sxy 12, Sxx 10 → slope 1.2, intercept -0.4; fit 0.8, 2, 3.2, 4.4, 5.6;
    // SSE 0.4, SST 14.8 → rsquare 1 - 0.4/14.8, variance 14.8/4 = 3.7, rvariance 0.4/4 = 0.1
    const [row] = json("print y = dynamic([1, 2, 3, 4, 6]) | project series_fit_poly(y)") as Record<string, unknown>[];
    expect(row.series_fit_poly_y_rsquare).toBeCloseTo(1 - 0.4 / 14.8, 12);
    closeTo(row.series_fit_poly_y_coefficients, [1.2, -0.4], 10);
    expect(row.series_fit_poly_y_variance).toBeCloseTo(3.7, 12);
    expect(row.series_fit_poly_y_rvariance).toBeCloseTo(0.1, 12);
    closeTo(row.series_fit_poly_y_poly_fit, [0.8, 2, 3.2, 4.4, 5.6], 10);
  });

  it("must give coefficients from the highest power down over an uneven x", () => {
    // y = x² exactly at x = 1..5 → [1, 0, 0], no residual; variance of [1, 4, 9, 16, 25] is 374 / 4 = 93.5
    const f = fitPoly([1, 4, 9, 16, 25], [1, 2, 3, 4, 5], 2);
    closeTo(f.coefficients, [1, 0, 0], 10);
    expect(f.rsquare).toBeCloseTo(1, 12);
    expect(f.variance).toBeCloseTo(93.5, 12);
    expect(f.rvariance).toBeCloseTo(0, 12);
    // y = 2x + 1 at x = 0, 1, 3
    const [row] = json(
      "print y = dynamic([1, 3, 7]), x = dynamic([0, 1, 3]) | extend (r2, c) = series_fit_poly(y, x, int(1)) | project r2, c",
    ) as { r2: number; c: number[] }[];
    closeTo(row.c, [2, 1], 10);
    expect(row.r2).toBeCloseTo(1, 12);
  });

  it("must refuse fits it cannot define: too few points, unequal lengths, a constant series", () => {
    expect(() => json("print y = dynamic([1, 2]) | project series_fit_poly(y, dynamic([1, 2]), int(2))")).toThrow(
      /^unsupported: series_fit_poly of degree 2 over 2 points/,
    );
    expect(() => json("print y = dynamic([1, 2, 3]) | project series_fit_poly(y, dynamic([1, 2]), int(1))")).toThrow(
      /^unsupported: series_fit_poly with 2 x values for 3 y values/,
    );
    expect(() => fitPoly([4, 4, 4], [1, 2, 3], 1)).toThrow(/^unsupported: series_fit_poly of a constant series/);
  });
});

describe("series_fft and series_ifft", () => {
  it("must transform with X[k] = Σ x[n] e^(-2πi kn/N)", () => {
    // [1, 2, 3, 4]: X0 = 10, X1 = 1 - 2i - 3 + 4i = -2 + 2i, X2 = 1 - 2 + 3 - 4 = -2, X3 = -2 - 2i
    const [row] = json("print y = dynamic([1, 2, 3, 4]) | extend (re, im) = series_fft(y) | project re, im") as {
      re: number[];
      im: number[];
    }[];
    closeTo(row.re, [10, -2, -2, -2], 10);
    closeTo(row.im, [0, 2, 0, -2], 10);
  });

  it("must transform lengths that are not powers of two", () => {
    // [1, 2, 3]: X0 = 6, X1 = 1 + 2(-1/2 - i√3/2) + 3(-1/2 + i√3/2) = -1.5 + i√3/2, X2 its conjugate
    const out = fft([1, 2, 3], [0, 0, 0]);
    closeTo(out.re, [6, -1.5, -1.5], 10);
    closeTo(out.im, [0, Math.sqrt(3) / 2, -Math.sqrt(3) / 2], 10);
  });

  it("must invert with 1/N so that ifft(fft(x)) is x", () => {
    // ifft of [10, -2 + 2i, -2, -2 - 2i] is [1, 2, 3, 4]
    const [row] = json(
      "print re = dynamic([10, -2, -2, -2]), im = dynamic([0, 2, 0, -2]) | extend (r, i) = series_ifft(re, im) | project r, i",
    ) as { r: number[]; i: number[] }[];
    closeTo(row.r, [1, 2, 3, 4], 10);
    closeTo(row.i, [0, 0, 0, 0], 10);
    for (const n of [5, 6, 7, 12]) {
      const re = Array.from({ length: n }, (_, k) => k * k - 3);
      const im = Array.from({ length: n }, (_, k) => (k % 3) - 1);
      const f = fft(re, im);
      const back = ifft(f.re, f.im);
      closeTo(back.re, re, 10);
      closeTo(back.im, im, 10);
    }
  });

  it("must refuse a real and an imaginary part of different lengths", () => {
    expect(() => json("print series_fft(dynamic([1, 2]), dynamic([1]))")).toThrow(
      /^unsupported: series_fft of a real part of 2 and an imaginary part of 1 elements/,
    );
  });
});
