// series_fit_poly(y_series[, x_series, degree]) (series-fit-poly-function.md): least-squares polynomial regression.
// x defaults to 1..n; coefficients run from the highest power down; variance and rvariance are those of
// series_fit_line (sample variance of y and of y - fit, which degree 1 must match, the page's Example 2).

import type { KType, Value } from "../types";
import { asDouble, dynamicReals } from "../values/dynamic-real";
import { isNumericType } from "./common";
import { finiteSeries } from "./series-values";

export interface PolyFit {
  rsquare: number;
  coefficients: number[];
  variance: number;
  rvariance: number;
  poly_fit: number[];
}

/** Least squares of y on [x^degree .. x^0] by Householder QR (the normal equations lose precision at high degrees). */
function solveLeastSquares(columns: number[][], y: readonly number[]): number[] {
  const m = y.length;
  const p = columns.length;
  const a = columns.map((c) => [...c]);
  const b = [...y];
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[k][i] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new Error("unsupported: series_fit_poly with fewer distinct x values than coefficients");
    const alpha = a[k][k] > 0 ? -norm : norm;
    const v = new Array<number>(m).fill(0);
    v[k] = a[k][k] - alpha;
    for (let i = k + 1; i < m; i++) v[i] = a[k][i];
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    const reflect = (col: number[]) => {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * col[i];
      const f = (2 * dot) / vv;
      for (let i = k; i < m; i++) col[i] -= f * v[i];
    };
    for (let j = k; j < p; j++) reflect(a[j]);
    reflect(b);
  }
  const coef = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let s = b[k];
    for (let j = k + 1; j < p; j++) s -= a[j][k] * coef[j];
    if (Math.abs(a[k][k]) < 1e-12 * Math.abs(a[0][0]))
      throw new Error("unsupported: series_fit_poly with fewer distinct x values than coefficients");
    coef[k] = s / a[k][k];
  }
  return coef;
}

export function fitPoly(ys: readonly number[], xs: readonly number[], degree: number): PolyFit {
  const n = ys.length;
  const columns = Array.from({ length: degree + 1 }, (_, j) => xs.map((x) => x ** (degree - j)));
  const coefficients = solveLeastSquares(columns, ys);
  const fit = xs.map((x) => coefficients.reduce((acc, c) => acc * x + c, 0));
  let mean = 0;
  for (const y of ys) mean += y;
  mean /= n;
  let sst = 0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    sst += (ys[i] - mean) ** 2;
    sse += (ys[i] - fit[i]) ** 2;
  }
  if (sst === 0)
    throw new Error("unsupported: series_fit_poly of a constant series: the page does not define r-square there");
  return { rsquare: 1 - sse / sst, coefficients, variance: sst / (n - 1), rvariance: sse / (n - 1), poly_fit: fit };
}

/** series_fit_poly(y[, x, degree]) → rsquare, coefficients, variance, rvariance, poly_fit. */
export function fitPolyTuple(argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined {
  if (argTypes.length < 1 || argTypes.length > 3 || argTypes[0] !== "dynamic") return undefined;
  if (argTypes.length > 1 && argTypes[1] !== "dynamic") return undefined;
  if (argTypes.length > 2 && !isNumericType(argTypes[2])) return undefined;
  return (args) => {
    if (!Array.isArray(args[0])) return [null, null, null, null, null];
    const ys = finiteSeries(args[0], "series_fit_poly");
    let xs: number[];
    if (args.length > 1) {
      if (!Array.isArray(args[1]))
        throw new Error("unsupported: series_fit_poly with an x_series that is not an array; leave it out for 1..n");
      xs = finiteSeries(args[1], "series_fit_poly");
      if (xs.length !== ys.length)
        throw new Error(
          `unsupported: series_fit_poly with ${xs.length} x values for ${ys.length} y values: the series must have equal lengths`,
        );
    } else xs = ys.map((_, i) => i + 1);
    const d = args.length > 2 ? args[2] : 1;
    const degree = asDouble(d);
    if (typeof degree !== "number" || !Number.isInteger(degree) || degree < 1)
      throw new Error(`series_fit_poly: degree must be a whole number of at least 1, not ${String(degree)}`);
    if (degree >= ys.length)
      throw new Error(
        `unsupported: series_fit_poly of degree ${degree} over ${ys.length} points: a fit needs more points than the degree`,
      );
    const f = fitPoly(ys, xs, degree);
    return [f.rsquare, dynamicReals(f.coefficients), f.variance, f.rvariance, dynamicReals(f.poly_fit)];
  };
}
