// Kusto's string predicates (has, contains, startswith, ...) as matchers compiled once per needle.
import { escapeRegex, lastValueCache } from "./common";

export type StringMatcher = (haystack: string, needle: string) => boolean;

/** Term characters: letters and digits of any script ("maximal sequences of alphanumeric characters"); the rest separate terms. */
const termChar = /^[\p{L}\p{N}]$/u;

function isTermChar(ch: string | undefined): boolean {
  return ch !== undefined && termChar.test(ch);
}

type Folding = "none" | "ascii" | "unicode";

/** The needle with each ASCII letter as [xX]: ASCII-only case folding, everything else matched as itself. */
function asciiFolded(needle: string): string {
  let out = "";
  for (const ch of needle) {
    const lower = ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch;
    out += lower >= "a" && lower <= "z" ? `[${lower}${lower.toUpperCase()}]` : escapeRegex(ch);
  }
  return out;
}

/** Finds `needle` starting/ending on a term boundary; an edge that is itself a separator needs none ("a-b" in "x a-b y"). */
function termRegex(needle: string, start: boolean, end: boolean, folding: Folding): RegExp {
  const chars = Array.from(needle);
  const left = start && isTermChar(chars[0]) ? "(?<![\\p{L}\\p{N}])" : "";
  const right = end && isTermChar(chars[chars.length - 1]) ? "(?![\\p{L}\\p{N}])" : "";
  const body = folding === "ascii" ? asciiFolded(needle) : escapeRegex(needle);
  return new RegExp(left + body + right, folding === "unicode" ? "iu" : "u");
}

function regexMatcher(build: (needle: string) => RegExp): StringMatcher {
  const cached = lastValueCache(build);
  return (haystack, needle) => cached(needle).test(haystack);
}

const nonAscii = /[^\x00-\x7f]/;
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * "Case-insensitive operators are currently supported only for ASCII-text" (in-operator-comparison.md): the answer is
 * the ASCII-folded one; where folding non-ASCII letters too would answer otherwise, the operator is refused.
 */
function asciiOnly(op: string, ascii: StringMatcher, unicode: StringMatcher): StringMatcher {
  return (h, n) => {
    if (n.length === 0) return true;
    const r = ascii(h, n);
    if ((nonAscii.test(n) || nonAscii.test(h)) && unicode(h, n) !== r)
      throw new Error(
        `unsupported: ${op} ${JSON.stringify(n)} on ${JSON.stringify(h.length > 40 ? `${h.slice(0, 40)}...` : h)} depends on folding the case of non-ASCII letters (Kusto folds ASCII only; compare tolower() values)`,
      );
    return r;
  };
}

// Under Unicode simple case folding only the Kelvin sign and the long s fold onto ASCII letters (k and s).
const KELVIN = 1;
const LONG_S = 2;
const NON_ASCII_NEEDLE = 4;

/** Which of the above a needle needs checked: non-ASCII text, or the ASCII letters k and s. */
const needleKind = (n: string): number =>
  nonAscii.test(n) ? NON_ASCII_NEEDLE : (/[kK]/.test(n) ? KELVIN : 0) | (/[sS]/.test(n) ? LONG_S : 0);

const foldsOntoAscii = (h: string, kind: number): boolean =>
  ((kind & KELVIN) !== 0 && h.includes("\u212A")) || ((kind & LONG_S) !== 0 && h.includes("\u017F"));

function termMatcher(op: string, start: boolean, end: boolean, caseSensitive: boolean): StringMatcher {
  if (caseSensitive) {
    const m = regexMatcher((n) => termRegex(n, start, end, "none"));
    return (h, n) => (n.length === 0 ? true : m(h, n));
  }
  const ascii = regexMatcher((n) => termRegex(n, start, end, "ascii"));
  const unicode = regexMatcher((n) => termRegex(n, start, end, "unicode"));
  const checked = asciiOnly(op, ascii, unicode);
  const kind = lastValueCache(needleKind);
  return (h, n) => {
    if (n.length === 0) return true;
    const k = kind(n);
    if (k === NON_ASCII_NEEDLE) return checked(h, n);
    // An ASCII needle: Unicode folding answers as ASCII folding does unless K or ſ stood in for k or s.
    const r = unicode(h, n);
    return r && k !== 0 && foldsOntoAscii(h, k) ? ascii(h, n) : r;
  };
}

export function hasMatcher(caseSensitive: boolean): StringMatcher {
  return termMatcher("has", true, true, caseSensitive);
}

export function hasPrefixMatcher(caseSensitive: boolean): StringMatcher {
  return termMatcher("hasprefix", true, false, caseSensitive);
}

export function hasSuffixMatcher(caseSensitive: boolean): StringMatcher {
  return termMatcher("hassuffix", false, true, caseSensitive);
}

/** A case-insensitive plain-text matcher: JavaScript's non-Unicode `i` never folds a non-ASCII character onto ASCII. */
function plainMatcher(op: string, pattern: (escaped: string) => string, ascii: StringMatcher): StringMatcher {
  const m = regexMatcher((n) => new RegExp(pattern(escapeRegex(n)), "i"));
  const checked = asciiOnly(op, ascii, m);
  const kind = lastValueCache(needleKind);
  return (h, n) => (n.length === 0 ? true : kind(n) === NON_ASCII_NEEDLE ? checked(h, n) : m(h, n));
}

export function containsMatcher(caseSensitive: boolean): StringMatcher {
  if (caseSensitive) return (h, n) => h.includes(n);
  return plainMatcher(
    "contains",
    (e) => e,
    (h, n) => asciiLower(h).includes(asciiLower(n)),
  );
}

export function startsWithMatcher(caseSensitive: boolean): StringMatcher {
  if (caseSensitive) return (h, n) => h.startsWith(n);
  return plainMatcher(
    "startswith",
    (e) => `^${e}`,
    (h, n) => asciiLower(h).startsWith(asciiLower(n)),
  );
}

export function endsWithMatcher(caseSensitive: boolean): StringMatcher {
  if (caseSensitive) return (h, n) => h.endsWith(n);
  return plainMatcher(
    "endswith",
    (e) => `${e}$`,
    (h, n) => asciiLower(h).endsWith(asciiLower(n)),
  );
}

/** Operator token (without a leading "!") to its matcher. */
export function stringMatcher(op: string): StringMatcher | undefined {
  switch (op) {
    case "has":
      return hasMatcher(false);
    case "has_cs":
      return hasMatcher(true);
    case "hasprefix":
      return hasPrefixMatcher(false);
    case "hasprefix_cs":
      return hasPrefixMatcher(true);
    case "hassuffix":
      return hasSuffixMatcher(false);
    case "hassuffix_cs":
      return hasSuffixMatcher(true);
    case "contains":
      return containsMatcher(false);
    case "contains_cs":
      return containsMatcher(true);
    case "startswith":
      return startsWithMatcher(false);
    case "startswith_cs":
      return startsWithMatcher(true);
    case "endswith":
      return endsWithMatcher(false);
    case "endswith_cs":
      return endsWithMatcher(true);
    default:
      return undefined;
  }
}
