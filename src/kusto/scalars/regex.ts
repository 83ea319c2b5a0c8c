// Kusto's regular expressions (regex.md) run on RE2 via re2js: linear time, no backreferences or lookarounds, so a
// hostile pattern can never hang a query. regex-syntax.ts reads regex.md's Unicode-aware classes onto RE2 first.
import { type Matcher, RE2JS } from "re2js";
import { NON_ASCII_WORD, translatePattern } from "./regex-syntax";

/** One match: where it starts and ends (UTF-16 offsets) and each group's text, undefined when it took no part. */
export interface RegexMatch {
  readonly index: number;
  readonly end: number;
  /** groups[0] is the whole match, groups[n] the n-th capture group. */
  readonly groups: readonly (string | undefined)[];
}

export class KustoRegex {
  /** Capture group names by group number (index 0 and unnamed groups are undefined). */
  readonly groupNames: readonly (string | undefined)[];

  constructor(
    readonly pattern: string,
    private readonly re: RE2JS,
    /** The pattern has \b or \B, which RE2 reads with ASCII word characters and Kusto with Unicode ones. */
    private readonly wordBoundary = false,
  ) {
    const names: (string | undefined)[] = new Array(re.groupCount() + 1).fill(undefined);
    const named = re.namedGroups();
    for (const name of Object.keys(named)) names[named[name]] = name;
    this.groupNames = names;
  }

  /** Refuses a \b on text with a non-ASCII word character, the only text where ASCII and Unicode \b disagree. */
  private checkText(text: string): void {
    if (this.wordBoundary && NON_ASCII_WORD.test(text))
      throw new Error(
        `unsupported: \\b in regular expression ${JSON.stringify(this.pattern)} on text with a non-ASCII letter or digit (Kusto's \\b is Unicode-aware, RE2's is ASCII)`,
      );
  }

  /** Number of capture groups (not counting the whole match). */
  get groupCount(): number {
    return this.groupNames.length - 1;
  }

  test(text: string): boolean {
    this.checkText(text);
    return this.re.test(text);
  }

  // One matcher reused by the synchronous calls: building a Matcher per row costs more than the match itself.
  private shared: Matcher | undefined;

  private matcherFor(text: string): Matcher {
    if (this.shared === undefined) this.shared = this.re.matcher(text);
    else this.shared.resetMatcherInput(text);
    return this.shared;
  }

  /** The first match at or after `from`, or null. */
  exec(text: string, from = 0): RegexMatch | null {
    this.checkText(text);
    const m = this.matcherFor(text);
    return m.find(from) ? matchOf(m, this.groupCount) : null;
  }

  /**
   * Every non-overlapping match, left to right. An empty match right where the previous match ended is skipped, as
   * RE2's GlobalReplace and Rust's find_iter (regex.md's syntax) both do: "a" with a* is one match, not two.
   */
  *matchAll(text: string): Generator<RegexMatch> {
    this.checkText(text);
    const m = this.re.matcher(text);
    let lastEnd = -1;
    while (m.find()) {
      if (m.start() === lastEnd && m.end() === lastEnd) continue;
      lastEnd = m.end();
      yield matchOf(m, this.groupCount);
    }
  }

  /** Whether the whole text matches (parse kind=regex anchors both ends). */
  matchesWhole(text: string): RegexMatch | null {
    this.checkText(text);
    const m = this.matcherFor(text);
    return m.matches() ? matchOf(m, this.groupCount) : null;
  }

  /** RE2::GlobalReplace with a rewrite where \0..\9 name groups and \\ is a backslash. */
  replaceAll(text: string, rewrite: string): string {
    const parts = parseRewrite(rewrite, this.groupCount, this.pattern);
    let out = "";
    let last = 0;
    for (const match of this.matchAll(text)) {
      out += text.slice(last, match.index);
      for (const p of parts) out += typeof p === "string" ? p : (match.groups[p] ?? "");
      last = match.end;
    }
    return out + text.slice(last);
  }
}

function matchOf(m: Matcher, groupCount: number): RegexMatch {
  const groups: (string | undefined)[] = new Array(groupCount + 1);
  for (let g = 0; g <= groupCount; g++) groups[g] = m.group(g) ?? undefined;
  return { index: m.start(), end: m.end(), groups };
}

/** Splits a rewrite into literal text and group numbers; a group the pattern lacks is an error, as in RE2. */
export function parseRewrite(rewrite: string, groupCount: number, pattern = ""): (string | number)[] {
  const parts: (string | number)[] = [];
  let literal = "";
  for (let i = 0; i < rewrite.length; i++) {
    const ch = rewrite[i];
    const next = rewrite[i + 1];
    if (ch === "\\" && next !== undefined && next >= "0" && next <= "9") {
      const n = next.charCodeAt(0) - 48;
      if (n > groupCount)
        throw new Error(
          `rewrite ${JSON.stringify(rewrite)} uses group \\${n} but ${JSON.stringify(pattern)} has ${groupCount} group(s)`,
        );
      if (literal) parts.push(literal);
      literal = "";
      parts.push(n);
      i++;
    } else if (ch === "\\" && next === "\\") {
      literal += "\\";
      i++;
    } else literal += ch;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Inline flags Kusto accepts on regexes (parse kind=regex flags=..., and (?flags) in the pattern): i m s U. */
const flagLetters = /^[imsU]*$/;

/**
 * Compiles a user-supplied Kusto regex with RE2 semantics. `flags` are RE2 flag letters (i: case-insensitive,
 * m: multi-line, s: dot matches \n, U: ungreedy). Throws a clear error for syntax RE2 refuses.
 */
export function compileKustoRegex(pattern: string, flags = ""): KustoRegex {
  // Unicode classes make compiling cost milliseconds: a pattern read per row (a column) compiles once per distinct text.
  const key = `${flags}/${pattern}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const regex = compileUncached(pattern, flags);
  if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, regex);
  return regex;
}

const COMPILED_MAX = 256;
const compiled = new Map<string, KustoRegex>();

function compileUncached(pattern: string, flags: string): KustoRegex {
  if (!flagLetters.test(flags))
    throw new Error(`invalid regex flags ${JSON.stringify(flags)}: use the RE2 letters i, m, s, U`);
  const translated = translatePattern(pattern);
  const source = flags ? `(?${[...new Set(flags)].join("")})${translated.source}` : translated.source;
  try {
    return new KustoRegex(pattern, RE2JS.compile(source), translated.wordBoundary);
  } catch (err) {
    const detail = (err as Error).message.replace(/^error parsing regexp: /, "");
    throw new Error(
      `invalid regular expression ${JSON.stringify(pattern)}: ${detail} (Kusto uses RE2 syntax: no backreferences or lookarounds)`,
    );
  }
}

/** Caches the last compiled regex: patterns are nearly always constant, so this compiles once per query. */
export function regexCache(flags = ""): (pattern: string) => KustoRegex {
  let lastPattern: string | undefined;
  let lastRegex: KustoRegex | undefined;
  return (pattern) => {
    if (pattern !== lastPattern || lastRegex === undefined) {
      lastRegex = compileKustoRegex(pattern, flags);
      lastPattern = pattern;
    }
    return lastRegex;
  };
}
