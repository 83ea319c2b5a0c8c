// Trigonometry, gamma/erf and the beta distribution: real-valued math over doubles (longs are read by value).
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { toDouble } from "./int64";

/** A one-argument real function; a null or non-numeric argument gives null. */
export function real1(fn: (x: number) => number | null): ScalarFactory {
  return arity(1, 1, () => (args) => {
    const x = toDouble(args[0]);
    return x === null ? null : fn(x);
  });
}

function real2(fn: (x: number, y: number) => number | null): ScalarFactory {
  return arity(2, 2, () => (args) => {
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    return x === null || y === null ? null : fn(x, y);
  });
}

function real3(fn: (x: number, y: number, z: number) => number | null): ScalarFactory {
  return arity(3, 3, () => (args) => {
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    const z = toDouble(args[2]);
    return x === null || y === null || z === null ? null : fn(x, y, z);
  });
}

// Lanczos approximation (g = 7, 9 terms): about 15 significant digits for the gamma function.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function lanczosSum(x: number): number {
  let a = LANCZOS[0];
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return a;
}

export function gamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (Number.isInteger(x)) {
    if (x <= 0) return NaN;
    // Whole numbers up to 171 are exact factorials (171! overflows a double).
    if (x <= 171) {
      let f = 1;
      for (let i = 2; i < x; i++) f *= i;
      return f;
    }
    return Infinity;
  }
  // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  if (x > 171.7) return Infinity;
  const z = x - 1;
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * t ** ((z + 0.5) / 2) * Math.exp(-t) * lanczosSum(z) * t ** ((z + 0.5) / 2);
}

/** ln|Γ(x)|. */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(lanczosSum(z));
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf by its all-positive series (no cancellation) below 2; erfc by Lentz's continued fraction from 2 up. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  if (x >= 2) return 1 - erfcLarge(x);
  // erf(x) = 2/√π · e^(-x²) · Σ (2x²)^n x / (1·3·…·(2n+1))
  let term = x;
  let sum = x;
  const x2 = 2 * x * x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 2) return erfcLarge(x);
  return 1 - erf(x);
}

function erfcLarge(x: number): number {
  if (x === Infinity) return 0;
  // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Continued fraction of the regularized incomplete beta function (Numerical Recipes' betacf, Lentz's method). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** I_x(a, b), the regularized incomplete beta function. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const front = Math.exp(lnFront);
  // The fraction converges fast for x < (a+1)/(a+b+2); otherwise use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** beta_cdf: NaN outside 0 ≤ x ≤ 1 or for alpha/beta outside (0, 10000] (beta-cdf-function.md). */
export function betaCdf(x: number, a: number, b: number): number {
  if (x < 0 || x > 1 || !(a > 0) || a > 10000 || !(b > 0) || b > 10000) return NaN;
  return regularizedBeta(x, a, b);
}

/** beta_pdf: NaN for x ≤ 0, x ≥ 1, alpha ≤ 0 or beta ≤ 0 (beta-pdf-function.md). */
export function betaPdf(x: number, a: number, b: number): number {
  if (!(x > 0) || !(x < 1) || !(a > 0) || !(b > 0)) return NaN;
  const lnB = logGamma(a) + logGamma(b) - logGamma(a + b);
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB);
}

/**
 * beta_inv by bisection to full precision. beta-inv-function.md's note says alpha ≤ 0 gives null and p > 1 NaN, but its
 * example output shows the reverse ("p > 1, yields null", "alpha is < 0, yields NaN"): the output, as run, is followed.
 */
export function betaInv(p: number, a: number, b: number): number | null {
  if (!(p > 0) || p > 1) return null;
  if (!(a > 0) || !(b > 0)) return NaN;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-17; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Welch's t-test, two-tailed p-value: p = I_{df/(df+t²)}(df/2, 1/2) with the Welch–Satterthwaite df. */
export function welchTest(m1: number, v1: number, n1: number, m2: number, v2: number, n2: number): number | null {
  if (!(n1 > 1) || !(n2 > 1) || v1 < 0 || v2 < 0) return null;
  const a = v1 / n1;
  const b = v2 / n2;
  if (a + b === 0) return null;
  const t = (m1 - m2) / Math.sqrt(a + b);
  const df = (a + b) ** 2 / (a ** 2 / (n1 - 1) + b ** 2 / (n2 - 1));
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

export const mathFunctions: ScalarTable = {
  welch_test: arity(6, 6, () => (args) => {
    const v = args.map(toDouble);
    return v.some((x) => x === null) ? null : welchTest(...(v as [number, number, number, number, number, number]));
  }),
  sin: real1(Math.sin),
  cos: real1(Math.cos),
  tan: real1(Math.tan),
  asin: real1(Math.asin),
  acos: real1(Math.acos),
  atan: real1(Math.atan),
  atan2: real2((y, x) => Math.atan2(y, x)),
  cot: real1((x) => 1 / Math.tan(x)),
  degrees: real1((x) => (x * 180) / Math.PI),
  radians: real1((x) => (x * Math.PI) / 180),
  gamma: real1(gamma),
  loggamma: real1(logGamma),
  erf: real1(erf),
  erfc: real1(erfc),
  beta_cdf: real3(betaCdf),
  beta_pdf: real3(betaPdf),
  beta_inv: real3(betaInv),
};
