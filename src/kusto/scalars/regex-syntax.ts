// Kusto's regex syntax (regex.md: Rust-regex style, Unicode-aware \d \s \w and \b) read onto RE2 (re2js), whose
// \d \s \w \b are ASCII-only: Unicode classes are spelled out as code-point ranges, escapes RE2 lacks are rewritten, and
// what RE2 would silently read another way (class set operations, nested classes, \< \>, \b{...}) is refused.

/** A Unicode set as RE2 class ranges, computed once from JavaScript's Unicode property tables. */
interface UnicodeSet {
  readonly inside: string;
  readonly complement: string;
}

const hex = (cp: number): string => `\\x{${cp.toString(16)}}`;

function rangesText(ranges: readonly [number, number][]): string {
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join("");
}

function complementOf(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  // Surrogate code points are never text (re2js reads UTF-16 pairs as one code point): left out of every range.
  const push = (a: number, b: number) => {
    if (a < 0xd800 && b > 0xdfff) out.push([a, 0xd7ff], [0xe000, b]);
    else if (b < 0xd800 || a > 0xdfff) out.push([a, b]);
    else if (a < 0xd800) out.push([a, 0xd7ff]);
    else if (b > 0xdfff) out.push([0xe000, b]);
  };
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) push(next, a - 1);
    next = b + 1;
  }
  if (next <= 0x10ffff) push(next, 0x10ffff);
  return out;
}

function unicodeSet(test: RegExp): UnicodeSet {
  const ranges: [number, number][] = [];
  let start = -1;
  for (let cp = 0; cp <= 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const member = cp < 0x110000 && test.test(String.fromCodePoint(cp));
    if (member && start < 0) start = cp;
    else if (!member && start >= 0) {
      ranges.push([start, cp - 1 - (cp === 0xe000 ? 0x800 : 0)]);
      start = -1;
    }
  }
  return { inside: rangesText(ranges), complement: rangesText(complementOf(ranges)) };
}

// regex.md, "Perl character classes (Unicode friendly)": \w = \p{Alphabetic} + \p{M} + \d + \p{Pc} + \p{Join_Control}.
const WORD = /^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]$/u;
/** A word character outside ASCII: only these make a Unicode \b differ from RE2's ASCII one. */
export const NON_ASCII_WORD = /(?![\x00-\x7f])[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;

let wordSet: UnicodeSet | undefined;
let spaceSet: UnicodeSet | undefined;
// The word set takes ~0.1 s to compute: only patterns that use \w or \W pay it, once per process.
const word = (): UnicodeSet => (wordSet ??= unicodeSet(WORD));
// regex.md: \s = \p{White_Space}.
const space = (): UnicodeSet => (spaceSet ??= unicodeSet(/^\p{White_Space}$/u));

export interface TranslatedPattern {
  /** The pattern in RE2 syntax. */
  readonly source: string;
  /** Whether it uses \b or \B, which RE2 reads with ASCII word characters only. */
  readonly wordBoundary: boolean;
}

const refuse = (pattern: string, what: string): Error =>
  new Error(
    `unsupported: ${what} in regular expression ${JSON.stringify(pattern)} (RE2, used here, reads it differently)`,
  );

/** Rewrites a Kusto regex for RE2; throws `unsupported:` for syntax RE2 would accept with another meaning. */
export function translatePattern(pattern: string): TranslatedPattern {
  if (!/[\\[{]/.test(pattern)) return { source: pattern, wordBoundary: false };
  let out = "";
  let inClass = false;
  let wordBoundary = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "\\") {
      const c = pattern[i + 1];
      if (c === undefined) break;
      const rest = pattern.slice(i + 2);
      i += 2;
      switch (c) {
        case "d":
          out += "\\p{Nd}";
          continue;
        case "D":
          out += "\\P{Nd}";
          continue;
        case "s":
        case "w":
          out += inClass ? (c === "s" ? space() : word()).inside : `[${(c === "s" ? space() : word()).inside}]`;
          continue;
        case "S":
        case "W":
          out += inClass ? (c === "S" ? space() : word()).complement : `[^${(c === "S" ? space() : word()).inside}]`;
          continue;
        case "b":
        case "B":
          if (!inClass && rest.startsWith("{")) throw refuse(pattern, `\\${c}{...}`);
          if (!inClass) wordBoundary = true;
          out += `\\${c}`;
          continue;
        case "<":
        case ">":
          throw refuse(pattern, `the word-boundary escape \\${c}`);
        case "u":
        case "U": {
          // \u007F, \U0000007F, \u{7F}, \U{7F}: a code point, which RE2 spells \x{7F}.
          const m =
            /^\{([0-9A-Fa-f]{1,8})\}/.exec(rest) ?? (c === "u" ? /^([0-9A-Fa-f]{4})/ : /^([0-9A-Fa-f]{8})/).exec(rest);
          if (!m) throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: malformed \\${c} escape`);
          out += `\\x{${m[1]}}`;
          i += m[0].length;
          continue;
        }
        case "p":
        case "P":
        case "x": {
          // Copied whole so a {...} argument is not read as pattern text.
          const arg = rest.startsWith("{") ? rest.slice(0, rest.indexOf("}") + 1 || rest.length) : rest.slice(0, 1);
          out += `\\${c}${arg}`;
          i += arg.length;
          continue;
        }
        case "Q":
        case "C":
          throw new Error(
            `invalid regular expression ${JSON.stringify(pattern)}: \\${c} is not in Kusto's regex syntax`,
          );
        default:
          out += `\\${c}`;
          continue;
      }
    }
    if (!inClass) {
      if (ch === "[") {
        inClass = true;
        out += ch;
        i++;
        if (pattern[i] === "^") out += pattern[i++];
        // A ] right after [ or [^ is a literal member.
        if (pattern[i] === "]") out += pattern[i++];
        continue;
      }
      if (ch === "{") {
        // RE2 reads a { that opens no counted repetition as a literal; regex.md's syntax has no such literal.
        const count = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i));
        if (!count) throw refuse(pattern, "a { that is not a repetition {n}, {n,} or {n,m} (escape it as \\{)");
        out += count[0];
        i += count[0].length;
        continue;
      }
      out += ch;
      i++;
      continue;
    }
    if (ch === "]") inClass = false;
    else if (ch === "[") {
      const posix = /^\[:\^?[a-z]+:\]/.exec(pattern.slice(i));
      if (!posix) throw refuse(pattern, "a nested character class");
      out += posix[0];
      i += posix[0].length;
      continue;
    } else if ((ch === "&" || ch === "-" || ch === "~") && pattern[i + 1] === ch)
      throw refuse(pattern, `the class operator ${ch}${ch}`);
    out += ch;
    i++;
  }
  return { source: out, wordBoundary };
}
