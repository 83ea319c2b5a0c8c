// Punycode (RFC 3492) for punycode_from_string/to_string and IDNA-style domains (xn-- labels), case preserved:
// the reference's examples keep "xn--Ge-mia" as written, so no IDNA mapping or lowercasing is applied.
import type { KType, Value } from "../types";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

const digit = (d: number): string => String.fromCharCode(d < 26 ? 97 + d : 22 + d);

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

/** RFC 3492 encoding of one label; the basic (ASCII) characters come first, then "-" and the deltas. */
export function punycodeEncode(input: string): string {
  const points = Array.from(input, (c) => c.codePointAt(0) as number);
  let out = points
    .filter((p) => p < 128)
    .map((p) => String.fromCharCode(p))
    .join("");
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += "-";
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    let m = Infinity;
    for (const p of points) if (p >= n && p < m) m = p;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const p of points) {
      if (p < n) delta++;
      if (p === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
          if (q < t) break;
          out += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += digit(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

/** RFC 3492 decoding of one label; null when the text is not valid punycode. */
export function punycodeDecode(input: string): string | null {
  const cut = input.lastIndexOf("-");
  const output: number[] = [];
  for (let j = 0; j < Math.max(cut, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 128) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = cut > 0 ? cut + 1 : 0; pos < input.length; ) {
    const old = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const d = digitValue(input.charCodeAt(pos++));
      if (d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (!Number.isSafeInteger(i) || !Number.isSafeInteger(w)) return null;
    }
    bias = adapt(i - old, output.length + 1, old === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i++, 0, n);
  }
  let out = "";
  for (const p of output) out += String.fromCodePoint(p);
  return out;
}

/** Label separators IDNA accepts: full stop and the ideographic/full-width/half-width full stops. */
const separators = /[.\u3002\uFF0E\uFF61]/;

function domainToPunycode(domain: string): string {
  return domain
    .split(separators)
    .map((label) => (/^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`))
    .join(".");
}

function domainFromPunycode(domain: string): string | null {
  const labels: string[] = [];
  for (const label of domain.split(separators)) {
    if (!/^xn--/i.test(label)) {
      labels.push(label);
      continue;
    }
    const decoded = punycodeDecode(label.slice(4));
    if (decoded === null) return null;
    labels.push(decoded);
  }
  return labels.join(".");
}

function onText(fn: (s: string) => Value): ScalarFactory {
  return arity(1, 1, (argTypes: readonly KType[]) => {
    const f = formatterFor(argTypes[0]);
    // "Returns an empty result if decoding failed" (punycode-to-string-function.md and the domain page): "", not null.
    return (args) => fn(f(args[0])) ?? "";
  });
}

export const punycodeFunctions: ScalarTable = {
  // Per the reference's examples: punycode_from_string encodes and punycode_to_string decodes, while the domain pair
  // is the other way round (punycode_domain_from_string decodes xn-- labels).
  punycode_from_string: onText(punycodeEncode),
  punycode_to_string: onText(punycodeDecode),
  punycode_domain_to_string: onText(domainToPunycode),
  punycode_domain_from_string: onText(domainFromPunycode),
};
