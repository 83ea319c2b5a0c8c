// Reading a dynamic array as the numeric series the decomposition, fit and transform functions work on, and the
// per-phase medians and least-squares line that series_seasonal, series_fit_line and series_decompose share.
import { asDouble } from "../values/dynamic-real";

/** The series' elements as finite numbers; anything else is refused (the pages leave missing values undefined). */
export function finiteSeries(series: readonly unknown[], what: string): number[] {
  return series.map((v) => {
    const x = asDouble(v);
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new Error(
        `unsupported: ${what} of a series holding ${x === null ? "null" : JSON.stringify(String(x))}: fill it first (series_fill_*, make-series default=)`,
      );
    return x;
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Per phase (index mod period), the median of the points in that phase; 0 for a phase without points. */
export function phaseMedians(xs: readonly number[], period: number): number[] {
  const phases: number[][] = Array.from({ length: period }, () => []);
  xs.forEach((x, i) => phases[i % period].push(x));
  return phases.map((p) => (p.length > 0 ? median(p) : 0));
}

/** Least squares over x = firstX.. (series_fit_line's axis starts at 1); syy is the total sum of squares of y. */
export function leastSquaresLine(
  ys: readonly number[],
  firstX = 1,
): { slope: number; interception: number; syy: number } {
  const n = ys.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += firstX + i;
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = firstX + i - mx;
    sxy += dx * (ys[i] - my);
    sxx += dx * dx;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, interception: my - slope * mx, syy };
}
