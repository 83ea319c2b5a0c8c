// series_fft / series_ifft (series-fft-function.md, series-ifft-function.md): the discrete Fourier transform of a
// complex series, X[k] = sum x[n] e^(-2πi kn/N) as the page's linked definition has it, and its inverse with 1/N so that
// ifft(fft(x)) gives x back (the page's second example). Radix-2 for powers of two, Bluestein's chirp for other lengths.

import type { KType, Value } from "../types";
import { dynamicReals } from "../values/dynamic-real";
import { finiteSeries } from "./series-values";

type Complex = { re: number[]; im: number[] };

function radix2(re: number[], im: number[], inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const sign = inverse ? 1 : -1;
    for (let k = 0; k < half; k++) {
      const angle = (sign * 2 * Math.PI * k) / len;
      const wr = Math.cos(angle);
      const wi = Math.sin(angle);
      for (let start = 0; start < n; start += len) {
        const a = start + k;
        const b = a + half;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

/** Unscaled transform of any length; sign -1 forward, +1 inverse. */
function transform(input: Complex, inverse: boolean): Complex {
  const n = input.re.length;
  if (n === 0) return { re: [], im: [] };
  if ((n & (n - 1)) === 0) {
    const re = [...input.re];
    const im = [...input.im];
    radix2(re, im, inverse);
    return { re, im };
  }
  // Bluestein: kn = (k² + n² - (k-n)²) / 2 turns the transform into a convolution of power-of-two length.
  const sign = inverse ? 1 : -1;
  const wr = new Array<number>(n);
  const wi = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const angle = (sign * Math.PI * ((k * k) % (2 * n))) / n;
    wr[k] = Math.cos(angle);
    wi[k] = Math.sin(angle);
  }
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const ar = new Array<number>(m).fill(0);
  const ai = new Array<number>(m).fill(0);
  const br = new Array<number>(m).fill(0);
  const bi = new Array<number>(m).fill(0);
  for (let k = 0; k < n; k++) {
    ar[k] = input.re[k] * wr[k] - input.im[k] * wi[k];
    ai[k] = input.re[k] * wi[k] + input.im[k] * wr[k];
  }
  br[0] = wr[0];
  bi[0] = -wi[0];
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = wr[k];
    bi[k] = bi[m - k] = -wi[k];
  }
  radix2(ar, ai, false);
  radix2(br, bi, false);
  for (let k = 0; k < m; k++) {
    const r = ar[k] * br[k] - ai[k] * bi[k];
    ai[k] = ar[k] * bi[k] + ai[k] * br[k];
    ar[k] = r;
  }
  radix2(ar, ai, true);
  const re = new Array<number>(n);
  const im = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const cr = ar[k] / m;
    const ci = ai[k] / m;
    re[k] = cr * wr[k] - ci * wi[k];
    im[k] = cr * wi[k] + ci * wr[k];
  }
  return { re, im };
}

export function fft(re: readonly number[], im: readonly number[]): Complex {
  return transform({ re: [...re], im: [...im] }, false);
}

export function ifft(re: readonly number[], im: readonly number[]): Complex {
  const out = transform({ re: [...re], im: [...im] }, true);
  const n = re.length;
  return { re: out.re.map((x) => x / n), im: out.im.map((x) => x / n) };
}

/** series_fft(x_real[, x_imaginary]) or series_ifft(...) → real and imaginary series (the imaginary part defaults to 0). */
function fourierTuple(name: string, fn: typeof fft) {
  return (argTypes: readonly KType[]): ((args: readonly Value[]) => Value[]) | undefined => {
    if (argTypes.length < 1 || argTypes.length > 2 || argTypes.some((t) => t !== "dynamic")) return undefined;
    return (args) => {
      if (!Array.isArray(args[0]) || (args.length > 1 && args[1] !== null && !Array.isArray(args[1])))
        return [null, null];
      const re = finiteSeries(args[0], name);
      const im = args.length > 1 && Array.isArray(args[1]) ? finiteSeries(args[1], name) : re.map(() => 0);
      if (im.length !== re.length)
        throw new Error(
          `unsupported: ${name} of a real part of ${re.length} and an imaginary part of ${im.length} elements`,
        );
      const out = fn(re, im);
      return [dynamicReals(out.re), dynamicReals(out.im)];
    };
  };
}

export const fftTuple = fourierTuple("series_fft", fft);
export const ifftTuple = fourierTuple("series_ifft", ifft);
