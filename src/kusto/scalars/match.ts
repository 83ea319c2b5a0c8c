// Kusto's string predicates (has, contains, startswith, ...) as matchers compiled once per needle.
import { escapeRegex, lastValueCache } from "./common";

export type StringMatcher = (haystack: string, needle: string) => boolean;

/** Term characters: letters and digits of any script ("maximal sequences of alphanumeric characters"); the rest separate terms. */
const termChar = /^[\p{L}\p{N}]$/u;

function isTermChar(ch: string | undefined): boolean {
  return ch !== undefined && termChar.test(ch);
}

/** Finds `needle` starting/ending on a term boundary; an edge that is itself a separator needs none ("a-b" in "x a-b y"). */
function termRegex(needle: string, start: boolean, end: boolean, caseSensitive: boolean): RegExp {
  const chars = Array.from(needle);
  const left = start && isTermChar(chars[0]) ? "(?<![\\p{L}\\p{N}])" : "";
  const right = end && isTermChar(chars[chars.length - 1]) ? "(?![\\p{L}\\p{N}])" : "";
  return new RegExp(left + escapeRegex(needle) + right, caseSensitive ? "u" : "iu");
}

function regexMatcher(build: (needle: string) => RegExp): StringMatcher {
  const cached = lastValueCache(build);
  return (haystack, needle) => cached(needle).test(haystack);
}

export function hasMatcher(caseSensitive: boolean): StringMatcher {
  const m = regexMatcher((n) => termRegex(n, true, true, caseSensitive));
  return (h, n) => (n.length === 0 ? true : m(h, n));
}

export function hasPrefixMatcher(caseSensitive: boolean): StringMatcher {
  const m = regexMatcher((n) => termRegex(n, true, false, caseSensitive));
  return (h, n) => (n.length === 0 ? true : m(h, n));
}

export function hasSuffixMatcher(caseSensitive: boolean): StringMatcher {
  const m = regexMatcher((n) => termRegex(n, false, true, caseSensitive));
  return (h, n) => (n.length === 0 ? true : m(h, n));
}

export function containsMatcher(caseSensitive: boolean): StringMatcher {
  if (caseSensitive) return (h, n) => h.includes(n);
  const m = regexMatcher((n) => new RegExp(escapeRegex(n), "i"));
  return (h, n) => (n.length === 0 ? true : m(h, n));
}

export function startsWithMatcher(caseSensitive: boolean): StringMatcher {
  if (caseSensitive) return (h, n) => h.startsWith(n);
  const m = regexMatcher((n) => new RegExp(`^${escapeRegex(n)}`, "i"));
  return (h, n) => (n.length === 0 ? true : h.length >= n.length && m(h, n));
}

export function endsWithMatcher(caseSensitive: boolean): StringMatcher {
  if (caseSensitive) return (h, n) => h.endsWith(n);
  const m = regexMatcher((n) => new RegExp(`${escapeRegex(n)}$`, "i"));
  return (h, n) => (n.length === 0 ? true : h.length >= n.length && m(h, n));
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
