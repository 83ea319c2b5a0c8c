// String functions: Kusto strings are never null, so a null input reads as "" here.
import type { KType, Value } from "../types";
import { DynamicReal, unboxReal } from "../values/dynamic-real";
import { formatReal } from "../values/real-text";
import { convertTo } from "./casts";
import { arity, lastValueCache, type ScalarFactory, type ScalarTable, str } from "./common";
import { formatterFor } from "./format";
import { jsonText } from "./int64";
import { hasMatcher } from "./match";
import { compileKustoRegex, type KustoRegex, regexCache } from "./regex";

const asText = (t: KType) => formatterFor(t);

const strcat: ScalarFactory = (argTypes) => {
  const fs = argTypes.map(asText);
  const n = fs.length;
  return (args) => {
    let out = "";
    for (let i = 0; i < n; i++) out += fs[i](args[i]);
    return out;
  };
};

const strcatDelim: ScalarFactory = arity(2, 65, (argTypes) => {
  const fd = asText(argTypes[0]);
  const fs = argTypes.map(asText);
  return (args) => {
    const delim = fd(args[0]);
    let out = "";
    for (let i = 1; i < fs.length; i++) out += (i > 1 ? delim : "") + fs[i](args[i]);
    return out;
  };
});

function unaryText(fn: (s: string) => Value): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    const f = asText(argTypes[0]);
    return (args) => fn(f(args[0]));
  });
}

const split: ScalarFactory = arity(2, 3, (argTypes) => {
  const f = asText(argTypes[0]);
  const fd = asText(argTypes[1]);
  return (args) => {
    const s = f(args[0]);
    const d = fd(args[1]);
    const parts = d === "" ? [s] : s.split(d);
    if (args.length < 3) return parts;
    const i = args[2];
    if (typeof i !== "number") return null;
    // Kusto returns an array holding just the requested part, or an empty array when out of range.
    return i >= 0 && i < parts.length ? [parts[Math.trunc(i)]] : [];
  };
});

/** extract(regex, group, source[, typeof(T)]): null when nothing matches or the group did not take part. */
const extract: ScalarFactory = arity(3, 4, (argTypes, resultType) => {
  const re = regexCache();
  const f = asText(argTypes[2]);
  const cast = resultType === "string" ? undefined : convertTo(resultType, "string");
  return (args) => {
    if (args[0] === null || typeof args[1] !== "number") return null;
    const regex = re(str(args[0]));
    const group = Math.trunc(args[1]);
    if (group < 0 || group > regex.groupCount) return null;
    const g = regex.exec(f(args[2]))?.groups[group];
    if (g === undefined) return null;
    return cast ? cast(g) : g;
  };
});

/** Capture group selectors of extract_all: numbers 1..n or group names, resolved against the regex. */
function selectGroups(regex: KustoRegex, selector: Value | undefined): number[] | null {
  if (selector === undefined) return regex.groupNames.slice(1).map((_, i) => i + 1);
  if (!Array.isArray(selector)) return null;
  const out: number[] = [];
  for (const item of selector) {
    // A group number written 1.0 is a boxed whole real inside the dynamic array (values/dynamic-real.ts).
    const s = unboxReal(item as Value);
    const n =
      typeof s === "string" ? regex.groupNames.indexOf(s) : typeof s === "number" && Number.isInteger(s) ? s : -1;
    if (n < 1 || n > regex.groupCount)
      throw new Error(`extract_all: capture group ${JSON.stringify(s)} is not in ${JSON.stringify(regex.pattern)}`);
    out.push(n);
  }
  return out;
}

/** extract_all(regex[, groups], source): array of strings for one group, array of arrays for several. */
const extractAll: ScalarFactory = arity(2, 3, (argTypes) => {
  const re = regexCache();
  const f = asText(argTypes[argTypes.length - 1]);
  return (args) => {
    if (args[0] === null) return null;
    const regex = re(str(args[0]));
    // extract-all-function.md: "A regular expression containing between one and 16 capture groups"; Kusto's error.
    if (regex.groupCount < 1 || regex.groupCount > 16)
      throw new Error(
        `extract_all(): argument 1 must be a valid regex with [1..16] matching groups; ${JSON.stringify(regex.pattern)} has ${regex.groupCount} (put ( ) around the part to extract)`,
      );
    const groups = selectGroups(regex, args.length === 3 ? args[1] : undefined);
    if (groups === null || groups.length === 0) return null;
    const text = f(args[args.length - 1]);
    const out: Value[] = [];
    for (const m of regex.matchAll(text))
      out.push(groups.length === 1 ? (m.groups[groups[0]] ?? "") : groups.map((g) => m.groups[g] ?? ""));
    return out.length === 0 ? null : out;
  };
});

const replaceString: ScalarFactory = arity(3, 3, (argTypes) => {
  const [f0, f1, f2] = argTypes.map(asText);
  return (args) => {
    const lookup = f1(args[1]);
    const text = f0(args[0]);
    return lookup === "" ? text : text.split(lookup).join(f2(args[2]));
  };
});

/** replace_regex(source, regex, rewrite): every match replaced; \\0..\\9 in the rewrite name groups, as RE2 does. */
const replaceRegex: ScalarFactory = arity(3, 3, (argTypes) => {
  const re = regexCache();
  const [f0, , f2] = argTypes.map(asText);
  return (args) => (args[1] === null ? null : re(str(args[1])).replaceAll(f0(args[0]), f2(args[2])));
});

/** trim(regex, source): strips leading and trailing runs of matches. */
function trimmer(start: boolean, end: boolean): ScalarFactory {
  const build = (p: string): KustoRegex =>
    compileKustoRegex((start ? `^(?:${p})+` : "") + (start && end ? "|" : "") + (end ? `(?:${p})+$` : ""));
  return arity(2, 2, (argTypes) => {
    const re = lastValueCache(build);
    const f = asText(argTypes[1]);
    return (args) => (args[0] === null ? null : re(str(args[0])).replaceAll(f(args[1]), ""));
  });
}

const hasSurrogate = (t: string): boolean => /[\uD800-\uDFFF]/.test(t);

/** First index of `needle` in `hay` at or after `from` (arrays of code points), or -1. */
function indexOfItems(hay: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** indexof(source, lookup[, start[, length[, occurrence]]]): -1 when absent, null for a negative occurrence. */
const indexof: ScalarFactory = arity(2, 5, (argTypes) => {
  const f0 = asText(argTypes[0]);
  const f1 = asText(argTypes[1]);
  return (args) => {
    const s = f0(args[0]);
    const lookup = f1(args[1]);
    let start = args.length > 2 && typeof args[2] === "number" ? Math.trunc(args[2]) : 0;
    const length = args.length > 3 && typeof args[3] === "number" ? Math.trunc(args[3]) : -1;
    const occurrence = args.length > 4 && typeof args[4] === "number" ? Math.trunc(args[4]) : 1;
    if (occurrence < 0 || length < -1) return null;
    // indexof-function.md lists null for occurrence < 0 and defaults it to 1; occurrence 0 is not described.
    if (occurrence === 0) throw new Error("unsupported: indexof with occurrence 0 (the reference describes 1 and up)");
    // Positions count code points, as strlen and substring do; text without surrogates takes the fast path.
    const wide = hasSurrogate(s) || hasSurrogate(lookup);
    const hay = wide ? Array.from(s) : undefined;
    const needle = wide ? Array.from(lookup) : undefined;
    const n = hay ? hay.length : s.length;
    const m = needle ? needle.length : lookup.length;
    const find =
      hay && needle ? (from: number) => indexOfItems(hay, needle, from) : (from: number) => s.indexOf(lookup, from);
    if (start < 0) start = Math.max(0, n + start);
    if (start > n) return null;
    // Like .NET's IndexOf(value, start, count) per occurrence: the window of `length` chars moves on with each match.
    let at = -1;
    let from = start;
    for (let k = 0; k < occurrence; k++) {
      at = find(from);
      const limit = length === -1 ? n : Math.min(n, from + length);
      if (at < 0 || at + m > limit) return -1;
      from = at + 1;
    }
    return at;
  };
});

/** countof: plain search counts overlapping matches ("aaaa","aa" → 3); regex counts non-overlapping ones. */
const countof: ScalarFactory = arity(2, 3, (argTypes) => {
  const f0 = asText(argTypes[0]);
  const f1 = asText(argTypes[1]);
  const re = regexCache();
  return (args) => {
    const text = f0(args[0]);
    const search = f1(args[1]);
    if (search === "") return 0;
    if (args.length > 2 && str(args[2]).toLowerCase() === "regex") {
      let n = 0;
      for (const _ of re(search).matchAll(text)) n++;
      return n;
    }
    let n = 0;
    for (let at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) n++;
    return n;
  };
});

function termsOf(v: Value): string[] {
  if (Array.isArray(v))
    return v.map((x) =>
      typeof x === "string"
        ? x
        : x === null || x === undefined
          ? ""
          : x instanceof DynamicReal
            ? formatReal(x.value)
            : typeof x === "object"
              ? jsonText(x)
              : String(x),
    );
  return v === null || v === undefined ? [] : [String(v)];
}

/** has_any(text, terms...) / has_all(text, terms...): each term is matched like `has`; the terms may come as one array. */
function hasSet(all: boolean): ScalarFactory {
  return (argTypes) => {
    if (argTypes.length < 2) return undefined;
    const f = asText(argTypes[0]);
    const matchers = argTypes.slice(1).map(() => hasMatcher(false));
    return (args) => {
      const text = f(args[0]);
      let seen = 0;
      for (let i = 1; i < args.length; i++) {
        const m = matchers[i - 1];
        for (const term of termsOf(args[i])) {
          seen++;
          const hit = m(text, term);
          if (hit && !all) return true;
          if (!hit && all) return false;
        }
      }
      return all ? seen > 0 : false;
    };
  };
}

/** isempty/isnotempty: null or "" is empty. */
function emptiness(want: boolean): ScalarFactory {
  return arity(1, 1, () => (args) => {
    const v = args[0];
    return (v === null || v === undefined || v === "") === want;
  });
}

/** isnull: a string is never null in Kusto, so it is false for strings even when the row lacks the value. */
function nullness(want: boolean): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    if (argTypes[0] === "string") return () => !want;
    return (args) => (args[0] === null || args[0] === undefined) === want;
  });
}

/** coalesce: the first argument that is not null (nor "" for strings). */
const coalesce: ScalarFactory = (argTypes, resultType) => {
  if (argTypes.length < 1) return undefined;
  const stringy = resultType === "string";
  return (args) => {
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      // A real result holds a long beyond 2^53 as the double it converts to, never a bigint.
      if (v !== null && v !== undefined && !(stringy && v === ""))
        return resultType === "real" && typeof v === "bigint" ? Number(v) : v;
    }
    return stringy ? "" : null;
  };
};

const strcmp: ScalarFactory = arity(2, 2, (argTypes) => {
  const [f0, f1] = argTypes.map(asText);
  return (args) => {
    const a = f0(args[0]);
    const b = f1(args[1]);
    return a < b ? -1 : a > b ? 1 : 0;
  };
});

/** Above this the reference contradicts itself (Returns: "repeated 1024 times"; Parameters: up to 67108864), so it is refused. */
const STRREP_MAX = 1024;

/** strrep(value, multiplier[, delimiter]): the value repeated, delimiter between. */
const strrep: ScalarFactory = arity(2, 3, (argTypes) => {
  const f0 = asText(argTypes[0]);
  const fd = argTypes.length > 2 ? asText(argTypes[2]) : () => "";
  return (args) => {
    const n = typeof args[1] === "bigint" ? Number(args[1]) : args[1];
    if (typeof n !== "number") return null;
    // strrep-function.md: the multiplier "must be a value from 1 to 67108864"; what smaller ones give is not said.
    if (n < 1) throw new Error(`unsupported: strrep with a multiplier of ${n}, below the documented minimum of 1`);
    if (n > STRREP_MAX)
      throw new Error(
        `unsupported: strrep with a multiplier of ${n}, above ${STRREP_MAX}, where the reference gives two different limits; repeat in steps of at most ${STRREP_MAX}`,
      );
    return new Array(Math.trunc(n)).fill(f0(args[0])).join(fd(args[2]));
  };
});

/** indexof_regex(source, regex[, start[, length[, occurrence]]]): non-overlapping matches; null for start < 0, occurrence < 0 or length < -1. */
const indexofRegex: ScalarFactory = arity(2, 5, (argTypes) => {
  const f = asText(argTypes[0]);
  const re = regexCache();
  return (args) => {
    const s = f(args[0]);
    const num = (i: number, d: number) =>
      args.length > i
        ? typeof args[i] === "number"
          ? Math.trunc(args[i] as number)
          : typeof args[i] === "bigint"
            ? Number(args[i])
            : null
        : d;
    const start = num(2, 0);
    const length = num(3, -1);
    const occurrence = num(4, 1);
    if (
      args[1] === null ||
      start === null ||
      length === null ||
      occurrence === null ||
      start < 0 ||
      occurrence < 0 ||
      length < -1
    )
      return null;
    // Positions count code points (as in indexof); the regex works on UTF-16, so convert at the edges.
    const cps = hasSurrogate(s) ? Array.from(s) : undefined;
    const n = cps ? cps.length : s.length;
    if (start > n) return -1;
    const end = length === -1 ? n : Math.min(n, start + length);
    const window = cps ? cps.slice(start, end).join("") : s.slice(start, end);
    if (occurrence === 0)
      throw new Error("unsupported: indexof_regex with occurrence 0 (the reference describes 1 and up)");
    let seen = 0;
    for (const m of re(str(args[1])).matchAll(window)) {
      if (++seen >= occurrence) return start + (cps ? Array.from(window.slice(0, m.index)).length : m.index);
    }
    return -1;
  };
});

/** replace_strings(text, lookups, rewrites): earlier lookups claim their matches first; matches never overlap or chain. */
const replaceStrings: ScalarFactory = arity(3, 3, (argTypes) => {
  const f = asText(argTypes[0]);
  return (args) => {
    const text = f(args[0]);
    const lookups = args[1];
    const rewrites = args[2];
    if (!Array.isArray(lookups) || !Array.isArray(rewrites)) return null;
    const claims: { at: number; end: number; with: string | null }[] = [];
    // One flag per UTF-16 unit, so checking a match against earlier claims costs its own length, not the claim count.
    const taken = new Uint8Array(text.length);
    const free = (at: number, end: number) => {
      for (let i = at; i < end; i++) if (taken[i]) return false;
      taken.fill(1, at, end);
      return true;
    };
    lookups.forEach((lookup, k) => {
      if (typeof lookup !== "string" || lookup === "") return;
      const rewrite = typeof rewrites[k] === "string" ? (rewrites[k] as string) : null;
      for (let at = text.indexOf(lookup); at >= 0; ) {
        if (free(at, at + lookup.length)) {
          claims.push({ at, end: at + lookup.length, with: rewrite });
          at = text.indexOf(lookup, at + lookup.length);
        } else at = text.indexOf(lookup, at + 1);
      }
    });
    claims.sort((a, b) => a.at - b.at);
    let out = "";
    let last = 0;
    for (const c of claims) {
      out += text.slice(last, c.at) + (c.with ?? text.slice(c.at, c.end));
      last = c.end;
    }
    return out + text.slice(last);
  };
});

/** translate(searchList, replacementList, source): per character; a short replacement list repeats its last character, an empty one deletes. */
const translate: ScalarFactory = arity(3, 3, (argTypes) => {
  const [f0, f1, f2] = argTypes.map(asText);
  return (args) => {
    const from = Array.from(f0(args[0]));
    const to = Array.from(f1(args[1]));
    const map = new Map<string, string>();
    from.forEach((ch, i) => {
      if (!map.has(ch)) map.set(ch, to.length === 0 ? "" : to[Math.min(i, to.length - 1)]);
    });
    let out = "";
    for (const ch of f2(args[2])) out += map.get(ch) ?? ch;
    return out;
  };
});

/**
 * regex_quote: RE2's QuoteMeta and Rust's regex::escape (regex.md's syntax) agree on escaping \.+*?()|[]{}^$#&-~ and
 * leaving letters, digits, _ and non-ASCII alone; on other ASCII (space, :, /, <, ...) they differ, so it is refused.
 */
const regexQuote = unaryText((s) => {
  const other = /[^A-Za-z0-9_\\.+*?()|[\]{}^$#&\-~\u0080-\uffff]/.exec(s);
  if (other)
    throw new Error(
      `unsupported: regex_quote of text with ${JSON.stringify(other[0])}: whether Kusto escapes it is not documented`,
    );
  return s.replace(/[\\.+*?()|[\]{}^$#&\-~]/g, "\\$&");
});

/** has_any_index(source, values): index of the first value found in source as a term (like has), else -1. */
const hasAnyIndex: ScalarFactory = arity(2, 2, (argTypes) => {
  const f = asText(argTypes[0]);
  const m = hasMatcher(false);
  return (args) => {
    const text = f(args[0]);
    const values = termsOf(args[1]);
    for (let i = 0; i < values.length; i++) if (values[i] !== "" && m(text, values[i])) return i;
    return -1;
  };
});

export const stringFunctions: ScalarTable = {
  indexof_regex: indexofRegex,
  replace_strings: replaceStrings,
  translate,
  regex_quote: regexQuote,
  has_any_index: hasAnyIndex,
  strcat,
  strcat_delim: strcatDelim,
  split,
  extract,
  extract_all: extractAll,
  replace_string: replaceString,
  replace: replaceRegex,
  replace_regex: replaceRegex,
  trim: trimmer(true, true),
  trim_start: trimmer(true, false),
  trim_end: trimmer(false, true),
  indexof,
  countof,
  has_any: hasSet(false),
  has_all: hasSet(true),
  isempty: emptiness(true),
  isnotempty: emptiness(false),
  isnull: nullness(true),
  isnotnull: nullness(false),
  coalesce,
  strcmp,
  strrep,
};
