// Functions that count Unicode code points (strlen says so): a surrogate pair (an emoji) is one character and is
// never split by substring or reverse. Plus unicode_codepoints_*, isascii, isutf8.
import type { KType, Value } from "../types";
import { asDouble } from "../values/dynamic-real";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";

const surrogate = /[\uD800-\uDFFF]/;

/** The string's code points as strings (a lone surrogate stays one element). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

export function codePointLength(s: string): number {
  if (!surrogate.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function unaryText(fn: (s: string) => Value): ScalarFactory {
  return arity(1, 1, (argTypes: readonly KType[]) => {
    const f = formatterFor(argTypes[0]);
    return (args) => fn(f(args[0]));
  });
}

const intOf = (v: Value | undefined): number | null =>
  typeof v === "number" ? (Number.isFinite(v) ? Math.trunc(v) : null) : typeof v === "bigint" ? Number(v) : null;

/** substring(source, start[, length]): a negative start counts from the end; the window is clipped to the string. */
const substring: ScalarFactory = arity(2, 3, (argTypes) => {
  const f = formatterFor(argTypes[0]);
  return (args) => {
    const s = f(args[0]);
    let start = intOf(args[1]);
    if (start === null) return null;
    const len = args.length > 2 ? intOf(args[2]) : undefined;
    if (len === null) return null;
    const wide = surrogate.test(s);
    const chars = wide ? codePoints(s) : undefined;
    const n = chars ? chars.length : s.length;
    if (start < 0) start = Math.max(0, n + start);
    const end = len === undefined ? n : Math.min(n, start + Math.max(0, len));
    if (start >= end) return "";
    return chars ? chars.slice(start, end).join("") : s.slice(start, end);
  };
});

const reverse = unaryText((s) =>
  surrogate.test(s) ? codePoints(s).reverse().join("") : s.split("").reverse().join(""),
);

const fromString = unaryText((s) => {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
});

/** unicode_codepoints_to_string(values...): numbers or arrays of them; null when any is not a valid code point. */
const codepointsToString: ScalarFactory = (argTypes) => {
  if (argTypes.length < 1 || argTypes.length > 64) return undefined;
  return (args) => {
    let out = "";
    const add = (v: unknown): boolean => {
      const n = asDouble(v);
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
        return false;
      out += String.fromCodePoint(n);
      return true;
    };
    for (const a of args) {
      if (Array.isArray(a)) {
        for (const x of a) if (!add(x)) return null;
      } else if (!add(a)) return null;
    }
    return out;
  };
};

const ascii = /^[\x00-\x7f]*$/;

/**
 * .NET's invariant case mapping is one code point to one (simple case mapping): "ß" stays "ß" in upper case and a
 * final sigma is σ, where JavaScript's full mapping would give "SS" and ς. İ (U+0130) lowers to i, as UnicodeData says.
 */
function simpleCase(s: string, upper: boolean): string {
  if (ascii.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = "";
  for (const ch of s) {
    if (!upper && ch === "\u0130") {
      out += "i";
      continue;
    }
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += mapped.length === ch.length && codePointLength(mapped) === 1 ? mapped : ch;
  }
  return out;
}

export const unicodeFunctions: ScalarTable = {
  tolower: unaryText((s) => simpleCase(s, false)),
  toupper: unaryText((s) => simpleCase(s, true)),
  strlen: unaryText(codePointLength),
  substring,
  reverse,
  unicode_codepoints_from_string: fromString,
  unicode_codepoints_to_string: codepointsToString,
  isascii: unaryText((s) => /^[\x00-\x7f]*$/.test(s)),
  // A JS string holds UTF-16; it is valid UTF-8 text exactly when it has no lone surrogate.
  isutf8: unaryText((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)),
};
