// series_* functions over dynamic numeric arrays (series-*-function.md): element-wise math, comparisons, sums, fills,
// statistics, line fits and filters. Non-numeric elements give null elements, as the reference pages state.
import type { KType, Value } from "../types";
import { DynamicReal, dynamicReal, isDynamicRealValue } from "../values/dynamic-real";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { toDynamicValue } from "./format";
import { anomaliesTuple, decomposeTuple, forecastTuple } from "./series-decompose";
import { fftTuple, ifftTuple } from "./series-fft";
import { fitPolyTuple } from "./series-fit-poly";
import { outliersFactory } from "./series-outliers";
import { periodsDetectTuple, periodsValidateTuple } from "./series-periods";
import { leastSquaresLine, phaseMedians } from "./series-values";

type Elem = number | null;

/** A numeric element, or null: bools, strings and nulls are not numbers to the series functions. */
function num(v: unknown): Elem {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof DynamicReal) return v.value;
  return null;
}

/** Reals out of a series function: whole ones boxed so they print and type as reals ([-1.0,1.0,3.0]). */
const reals = (xs: readonly number[]): Value[] => xs.map(dynamicReal);

/**
 * How an element-wise result is typed: "real" always (ceiling, log, divide: series-ceiling-function.md prints
 * [-1.0,1.0,3.0] for [-1.5,1,2.5]), or "keep" a long from longs (abs, sign, add: series-add-function.md prints [5,4,5]).
 */
type ResultKind = "real" | "keep";
const realElem = (v: unknown): boolean => isDynamicRealValue(v);

const isNumeric = (t: KType): boolean => t === "int" || t === "long" || t === "real" || t === "decimal";

/** An argument that may be a series or a numeric scalar (broadcast to every element). */
type Operand = { readonly array: readonly unknown[] } | { readonly scalar: Elem };

function operand(v: Value, type: KType): Operand | null {
  if (type === "dynamic")
    return Array.isArray(v)
      ? { array: v }
      : typeof v === "number" || typeof v === "bigint" || v instanceof DynamicReal
        ? { scalar: num(v) }
        : null;
  if (isNumeric(type)) return { scalar: num(v) };
  return null;
}

const lengthOf = (o: Operand): number => ("array" in o ? o.array.length : 0);
const at = (o: Operand, i: number): Elem => ("array" in o ? (i < o.array.length ? num(o.array[i]) : null) : o.scalar);

// --- element-wise ---------------------------------------------------------------------------------------------------

function unary(fn: (x: number) => number, kind: ResultKind): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    if (argTypes[0] !== "dynamic") return undefined;
    return (args) => {
      const s = args[0];
      if (!Array.isArray(s)) return null;
      return s.map((v) => {
        const x = num(v);
        return x === null ? null : kind === "real" || realElem(v) ? dynamicReal(fn(x)) : fn(x);
      });
    };
  });
}

/** Two series (or a series and a number): arrays of different lengths give null where one side has no element. */
function binary(fn: (a: number, b: number) => Value, kind: ResultKind | "bool"): ScalarFactory {
  return arity(2, 2, (argTypes) => {
    if (argTypes[0] !== "dynamic" && argTypes[1] !== "dynamic") return undefined;
    if (![argTypes[0], argTypes[1]].every((t) => t === "dynamic" || isNumeric(t))) return undefined;
    // Is element i of this operand a real: a typed real scalar, or a real element (or dynamic scalar)?
    const realAt = (o: Operand, raw: Value, t: KType, i: number): boolean =>
      t === "real" || t === "decimal" || ("array" in o ? realElem(o.array[i]) : realElem(raw));
    return (args) => {
      const a = operand(args[0], argTypes[0]);
      const b = operand(args[1], argTypes[1]);
      if (a === null || b === null || (!("array" in a) && !("array" in b))) return null;
      const n = Math.max(lengthOf(a), lengthOf(b));
      const out = new Array<Value>(n);
      for (let i = 0; i < n; i++) {
        const x = at(a, i);
        const y = at(b, i);
        if (x === null || y === null) out[i] = null;
        else if (kind === "bool") out[i] = fn(x, y);
        else {
          const real = kind === "real" || realAt(a, args[0], argTypes[0], i) || realAt(b, args[1], argTypes[1], i);
          const r = fn(x, y);
          out[i] = real && typeof r === "number" ? dynamicReal(r) : r;
        }
      }
      return out;
    };
  });
}

// --- whole-series values ----------------------------------------------------------------------------------------------

function numbers(v: Value): number[] | null {
  if (!Array.isArray(v)) return null;
  const out: number[] = [];
  for (const e of v) {
    const x = num(e);
    if (x !== null) out.push(x);
  }
  return out;
}

function reduce(fn: (xs: number[]) => number | null): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    if (argTypes[0] !== "dynamic") return undefined;
    return (args) => {
      const xs = numbers(args[0]);
      return xs === null ? null : fn(xs);
    };
  });
}

const sum = (xs: readonly number[]): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};

/** Pairs of numeric elements of two series, truncated to the shorter one; pairs with a non-numeric side are skipped. */
function pairs(a: readonly unknown[], b: readonly unknown[]): [number[], number[]] {
  const n = Math.min(a.length, b.length);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = num(a[i]);
    const y = num(b[i]);
    if (x === null || y === null) continue;
    xs.push(x);
    ys.push(y);
  }
  return [xs, ys];
}

/** series_dot_product(s1, s2): either side may be a number, broadcast to the other's length; empty input gives null. */
const dotProduct: ScalarFactory = arity(2, 2, (argTypes) => {
  if (argTypes[0] !== "dynamic" && argTypes[1] !== "dynamic") return undefined;
  return (args) => {
    const a = operand(args[0], argTypes[0]);
    const b = operand(args[1], argTypes[1]);
    if (a === null || b === null) return null;
    const n =
      "array" in a && "array" in b ? Math.min(a.array.length, b.array.length) : Math.max(lengthOf(a), lengthOf(b));
    if (n === 0) return null;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = at(a, i);
      const y = at(b, i);
      if (x !== null && y !== null) s += x * y;
    }
    return s;
  };
});

/** series_cosine_similarity(s1, s2[, magnitude1[, magnitude2]]). */
const cosineSimilarity: ScalarFactory = arity(2, 4, (argTypes) => {
  if (argTypes[0] !== "dynamic" || argTypes[1] !== "dynamic") return undefined;
  return (args) => {
    const [a, b] = args;
    if (!Array.isArray(a) || !Array.isArray(b) || a.length === 0 || b.length === 0) return null;
    const [xs, ys] = pairs(a, b);
    let dot = 0;
    for (let i = 0; i < xs.length; i++) dot += xs[i] * ys[i];
    const m1 =
      args.length > 2 && num(args[2]) !== null ? (num(args[2]) as number) : Math.sqrt(sum(xs.map((x) => x * x)));
    const m2 =
      args.length > 3 && num(args[3]) !== null ? (num(args[3]) as number) : Math.sqrt(sum(ys.map((y) => y * y)));
    return dot / (m1 * m2);
  };
});

/** series_pearson_correlation(s1, s2): null when the lengths differ or an element is not numeric. */
const pearson: ScalarFactory = arity(2, 2, (argTypes) => {
  if (argTypes[0] !== "dynamic" || argTypes[1] !== "dynamic") return undefined;
  return (args) => {
    const [a, b] = args;
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || a.length === 0) return null;
    const xs = numbers(a) as number[];
    const ys = numbers(b) as number[];
    if (xs.length !== a.length || ys.length !== b.length) return null;
    const n = xs.length;
    const mx = sum(xs) / n;
    const my = sum(ys) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) ** 2;
      syy += (ys[i] - my) ** 2;
    }
    return sxy / Math.sqrt(sxx * syy);
  };
});

// --- statistics ---------------------------------------------------------------------------------------------------------

export interface SeriesStats {
  min: number | null;
  min_idx: number | null;
  max: number | null;
  max_idx: number | null;
  avg: number | null;
  variance: number | null;
  stdev: number | null;
  sum: number | null;
  len: number;
}

/** min/max (first positions), average, sample variance and stdev; non-finite elements make every statistic null unless ignored. */
export function seriesStats(series: readonly unknown[], ignoreNonFinite: boolean): SeriesStats {
  const none: SeriesStats = {
    min: null,
    min_idx: null,
    max: null,
    max_idx: null,
    avg: null,
    variance: null,
    stdev: null,
    sum: null,
    len: series.length,
  };
  let n = 0;
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  let minIdx = -1;
  let maxIdx = -1;
  for (let i = 0; i < series.length; i++) {
    const x = num(series[i]);
    if (x === null || !Number.isFinite(x)) {
      if (ignoreNonFinite) continue;
      return none;
    }
    n++;
    s += x;
    if (x < min) [min, minIdx] = [x, i];
    if (x > max) [max, maxIdx] = [x, i];
  }
  if (n === 0) return none;
  const avg = s / n;
  let ss = 0;
  for (const v of series) {
    const x = num(v);
    if (x !== null && Number.isFinite(x)) ss += (x - avg) ** 2;
  }
  const variance = n > 1 ? ss / (n - 1) : 0;
  return {
    min,
    min_idx: minIdx,
    max,
    max_idx: maxIdx,
    avg,
    variance,
    stdev: Math.sqrt(variance),
    sum: s,
    len: series.length,
  };
}

const statsDynamic: ScalarFactory = arity(1, 2, (argTypes) => {
  if (argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    if (!Array.isArray(args[0])) return null;
    const st = seriesStats(args[0], args[1] === true);
    const bag = Object.create(null) as Record<string, unknown>;
    for (const k of ["min", "min_idx", "max", "max_idx", "avg", "variance", "stdev", "sum", "len"] as const)
      bag[k] = st[k];
    // The average, variance and stdev are reals whatever the elements (a whole one boxed); min, max, sum stay as read.
    for (const k of ["avg", "variance", "stdev"] as const) if (typeof bag[k] === "number") bag[k] = dynamicReal(bag[k]);
    return bag as Value;
  };
});

// --- line fits ------------------------------------------------------------------------------------------------------------

export interface LineFit {
  rsquare: number;
  slope: number;
  variance: number;
  rvariance: number;
  interception: number;
  line_fit: number[];
}

/**
 * Least-squares line over x = 1..n (the reference example's line_fit starts at interception + slope); variance and
 * rvariance divide by n - 1, and rsquare = 1 - SSE / SST (series-fit-line-function.md example: 98.628, 1.686, 0.982).
 */
export function fitLine(ys: readonly number[], firstX = 1): LineFit {
  const n = ys.length;
  const { slope, interception, syy } = leastSquaresLine(ys, firstX);
  // The pages define r-square as 1 - SSE/SST without saying what a constant series (SST = 0) gives.
  if (syy === 0)
    throw new Error(
      "unsupported: series_fit_line(_dynamic) of a constant series: the page does not define its r-square",
    );
  const line = ys.map((_, i) => interception + slope * (firstX + i));
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - line[i]) ** 2;
  const denominator = n - 1;
  return {
    rsquare: 1 - sse / syy,
    slope,
    variance: syy / denominator,
    rvariance: sse / denominator,
    interception,
    line_fit: line,
  };
}

/** The series' elements as numbers, or null when one is not numeric (the fits need every point). */
function allNumbers(v: Value): number[] | null {
  const xs = numbers(v);
  return xs !== null && Array.isArray(v) && xs.length === v.length ? xs : null;
}

const fitLineDynamic: ScalarFactory = arity(1, 1, (argTypes) => {
  if (argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    const ys = allNumbers(args[0]);
    if (ys === null || ys.length === 0) return null;
    const f = fitLine(ys);
    const bag = Object.create(null) as Record<string, unknown>;
    for (const k of ["rsquare", "slope", "variance", "rvariance", "interception"] as const) bag[k] = dynamicReal(f[k]);
    bag.line_fit = reals(f.line_fit);
    return bag as Value;
  };
});

// --- fills ------------------------------------------------------------------------------------------------------------------

/** The missing-value test: null elements by default, else elements equal to the placeholder. */
function missingTest(placeholder: Value): (v: unknown) => boolean {
  const p = num(placeholder);
  return p === null
    ? (v) => v === null || v === undefined
    : (v) => num(v) === p || (Number.isNaN(p) && Number.isNaN(num(v)));
}

function fillDirection(backward: boolean): ScalarFactory {
  return arity(1, 2, (argTypes) => {
    if (argTypes[0] !== "dynamic") return undefined;
    return (args) => {
      const s = args[0];
      if (!Array.isArray(s)) return null;
      const missing = missingTest(args.length > 1 ? args[1] : null);
      const out = [...s];
      let seen = false;
      let last: unknown = null;
      for (let k = 0; k < out.length; k++) {
        const i = backward ? out.length - 1 - k : k;
        if (missing(out[i])) {
          if (seen) out[i] = last;
        } else {
          last = out[i];
          seen = true;
        }
      }
      return out as Value;
    };
  });
}

const fillConst: ScalarFactory = arity(2, 3, (argTypes) => {
  if (argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    const s = args[0];
    if (!Array.isArray(s)) return null;
    const missing = missingTest(args.length > 2 ? args[2] : null);
    // A real constant fills as a real ([111,0.0,36,...] in series-fill-const-function.md), a long as a long.
    const fill = toDynamicValue(args[1] ?? null, argTypes[1]);
    return s.map((v) => (missing(v) ? fill : v)) as Value;
  };
});

/**
 * series_fill_linear(series[, placeholder[, fill_edges[, constant]]]): linear interpolation between known neighbours;
 * edges take the nearest known value unless fill_edges is false; an all-missing series becomes the constant (default 0).
 * A series of whole numbers only gets whole (truncated) interpolated values, as the reference example shows (73.5 → 73).
 */
const fillLinear: ScalarFactory = arity(1, 4, (argTypes) => {
  if (argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    const s = args[0];
    if (!Array.isArray(s)) return null;
    const missing = missingTest(args.length > 1 ? args[1] : null);
    const fillEdges = args.length > 2 ? args[2] !== false : true;
    // The default constant is the real 0.0 ([0.0,0.0,0.0,0.0] in series-fill-linear-function.md).
    const constant = args.length > 3 ? toDynamicValue(args[3] ?? null, argTypes[3]) : dynamicReal(0);
    const known: number[] = [];
    let integral = true;
    for (let i = 0; i < s.length; i++) {
      if (missing(s[i])) continue;
      const x = num(s[i]);
      if (x === null) continue;
      known.push(i);
      if (realElem(s[i])) integral = false;
    }
    if (known.length === 0) return s.map(() => constant) as Value;
    const out: unknown[] = [...s];
    for (let k = 0; k + 1 < known.length; k++) {
      const i0 = known[k];
      const i1 = known[k + 1];
      const y0 = num(s[i0]) as number;
      const y1 = num(s[i1]) as number;
      for (let i = i0 + 1; i < i1; i++) {
        const y = y0 + ((y1 - y0) * (i - i0)) / (i1 - i0);
        // Between longs the value is truncated to a long (73.5 -> 73), between reals it stays a real (the page's example).
        out[i] = integral ? Math.trunc(y) + 0 : dynamicReal(y);
      }
    }
    if (fillEdges) {
      for (let i = 0; i < known[0]; i++) out[i] = s[known[0]];
      for (let i = known[known.length - 1] + 1; i < s.length; i++) out[i] = s[known[known.length - 1]];
    }
    return out as Value;
  };
});

// --- filters ----------------------------------------------------------------------------------------------------------------

function coefficients(v: Value): number[] | null {
  const xs = allNumbers(v);
  return xs !== null && xs.length > 0 ? xs : null;
}

/** series_iir(x, b, a): y[i] = (b0 x[i] + ... + b(nb-1) x[i-nb+1] - a1 y[i-1] - ... ) / a0; missing history counts as 0. */
const iir: ScalarFactory = arity(3, 3, (argTypes) => {
  if (argTypes.some((t) => t !== "dynamic")) return undefined;
  return (args) => {
    const x = allNumbers(args[0]);
    const b = coefficients(args[1]);
    const a = coefficients(args[2]);
    if (x === null || b === null || a === null || a[0] === 0) return null;
    const y = new Array<number>(x.length);
    for (let i = 0; i < x.length; i++) {
      let acc = 0;
      for (let k = 0; k < b.length && k <= i; k++) acc += b[k] * x[i - k];
      for (let k = 1; k < a.length && k <= i; k++) acc -= a[k] * y[i - k];
      y[i] = acc / a[0];
    }
    return reals(y);
  };
});

/**
 * series_fir(x, filter[, normalize[, center]]): y[i] = sum filter[k] * x[i - k] (values before the start count as 0);
 * normalize divides by the coefficients' sum (default true unless a coefficient is negative; normalizing with a
 * negative coefficient is null); center shifts the window by (length - 1) / 2 so it is symmetric around i.
 */
const fir: ScalarFactory = arity(2, 4, (argTypes) => {
  if (argTypes[0] !== "dynamic" || argTypes[1] !== "dynamic") return undefined;
  return (args) => {
    const x = allNumbers(args[0]);
    const f = coefficients(args[1]);
    if (x === null || f === null) return null;
    const hasNegative = f.some((c) => c < 0);
    const normalize = args.length > 2 && typeof args[2] === "boolean" ? args[2] : !hasNegative;
    if (normalize && hasNegative) return null;
    const center = args.length > 3 && args[3] === true;
    const scale = normalize ? sum(f) : 1;
    const shift = center ? Math.floor((f.length - 1) / 2) : 0;
    return x.map((_, i) => {
      let acc = 0;
      for (let k = 0; k < f.length; k++) {
        const j = i + shift - k;
        if (j >= 0 && j < x.length) acc += f[k] * x[j];
      }
      return dynamicReal(acc / scale);
    });
  };
});

// --- seasonality ------------------------------------------------------------------------------------------------------------

/** The seasonal component for a given period: per phase, the median of the points in that phase (series_seasonal). */
export function seasonal(xs: readonly number[], period: number): number[] {
  const med = phaseMedians(xs, period);
  return xs.map((_, i) => med[i % period]);
}

/** series_seasonal(series, period): automatic period detection (period -1 or absent) over 8+ points is refused. */
const seriesSeasonal: ScalarFactory = arity(1, 2, (argTypes) => {
  if (argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    const period = args.length > 1 ? num(args[1]) : -1;
    // Detection needs periods of 4..n/2 points (series-periods-detect-function.md): under 8 points none is found.
    if ((period === null || period === -1) && Array.isArray(args[0]) && args[0].length < 8) {
      const xs = allNumbers(args[0]);
      return xs === null ? null : xs.map(() => dynamicReal(0));
    }
    if (period === null || period === -1) {
      throw new Error(
        "unsupported: series_seasonal with automatic period detection (series_periods_detect); pass the period in bins",
      );
    }
    const xs = allNumbers(args[0]);
    if (xs === null) return null;
    if (!(period > 0) || !Number.isInteger(period)) return xs.map(() => dynamicReal(0));
    return reals(seasonal(xs, period));
  };
});

// --- table ----------------------------------------------------------------------------------------------------------------------

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

export const seriesFunctions: ScalarTable = {
  series_abs: unary(Math.abs, "keep"),
  series_acos: unary(Math.acos, "real"),
  series_asin: unary(Math.asin, "real"),
  series_atan: unary(Math.atan, "real"),
  series_ceiling: unary(Math.ceil, "real"),
  series_cos: unary(Math.cos, "real"),
  series_exp: unary(Math.exp, "real"),
  series_floor: unary(Math.floor, "real"),
  series_log: unary(Math.log, "real"),
  series_sign: unary(sign, "keep"),
  series_sin: unary(Math.sin, "real"),
  series_tan: unary(Math.tan, "real"),
  series_add: binary((a, b) => a + b, "keep"),
  series_subtract: binary((a, b) => a - b, "keep"),
  series_multiply: binary((a, b) => a * b, "keep"),
  series_divide: binary((a, b) => a / b, "real"),
  series_pow: binary(Math.pow, "real"),
  series_greater: binary((a, b) => a > b, "bool"),
  series_greater_equals: binary((a, b) => a >= b, "bool"),
  series_less: binary((a, b) => a < b, "bool"),
  series_less_equals: binary((a, b) => a <= b, "bool"),
  series_equals: binary((a, b) => a === b, "bool"),
  series_not_equals: binary((a, b) => a !== b, "bool"),
  series_sum: reduce(sum),
  series_product: reduce((xs) => xs.reduce((p, x) => p * x, 1)),
  series_magnitude: reduce((xs) => Math.sqrt(sum(xs.map((x) => x * x)))),
  series_dot_product: dotProduct,
  series_cosine_similarity: cosineSimilarity,
  series_pearson_correlation: pearson,
  series_stats_dynamic: statsDynamic,
  series_fit_line_dynamic: fitLineDynamic,
  series_fill_forward: fillDirection(false),
  series_fill_backward: fillDirection(true),
  series_fill_const: fillConst,
  series_fill_linear: fillLinear,
  series_iir: iir,
  series_fir: fir,
  series_seasonal: seriesSeasonal,
  series_outliers: (argTypes) => outliersFactory(argTypes) as ReturnType<ScalarFactory>,
};

// --- functions that return several columns ------------------------------------------------------------------------------------

/** A function whose result is a tuple: its values in the binder's declared column order (Kusto.Language's FunctionSymbol). */
export type TupleFactory = (argTypes: readonly KType[]) => ((args: readonly Value[]) => Value[]) | undefined;

/** series_stats(series[, ignore_nonfinite]) → min, min_idx, max, max_idx, avg, stdev, variance. */
const statsTuple: TupleFactory = (argTypes) => {
  if (argTypes.length < 1 || argTypes.length > 2 || argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    if (!Array.isArray(args[0])) return [null, null, null, null, null, null, null];
    const s = seriesStats(args[0], args[1] === true);
    return [s.min, s.min_idx, s.max, s.max_idx, s.avg, s.stdev, s.variance];
  };
};

/** series_fit_line(series) → rsquare, slope, variance, rvariance, interception, line_fit. */
const fitLineTuple: TupleFactory = (argTypes) => {
  if (argTypes.length !== 1 || argTypes[0] !== "dynamic") return undefined;
  return (args) => {
    const ys = allNumbers(args[0]);
    if (ys === null || ys.length === 0) return [null, null, null, null, null, null];
    const f = fitLine(ys);
    return [f.rsquare, f.slope, f.variance, f.rvariance, f.interception, reals(f.line_fit)];
  };
};

export const seriesTupleFunctions: Readonly<Record<string, TupleFactory>> = {
  series_stats: statsTuple,
  series_fit_line: fitLineTuple,
  series_decompose: decomposeTuple,
  series_decompose_anomalies: anomaliesTuple,
  series_decompose_forecast: forecastTuple,
  series_fit_poly: fitPolyTuple,
  series_fft: fftTuple,
  series_ifft: ifftTuple,
  series_periods_detect: periodsDetectTuple,
  series_periods_validate: periodsValidateTuple,
};
