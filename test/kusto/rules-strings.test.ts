// Rules the reference pages of the string, regex and text-parsing family state in prose, each checked by hand.
import { describe, expect, it } from "vitest";
import { compileKustoRegex } from "../../src/kusto/scalars/regex";
import { json } from "./helpers";

const one = (kql: string): Record<string, unknown> => json(kql)[0];

describe("regex classes are Unicode-aware (regex.md, Perl character classes)", () => {
  it("\\d matches any Unicode decimal digit (\\p{Nd}), not only 0-9", () => {
    // "ab ١٢٣ 45": the Arabic-Indic digits ١٢٣ (U+0661..U+0663) are Nd and come first
    expect(one(String.raw`print d = extract(@"\d+", 0, "ab ١٢٣ 45")`)).toEqual({ d: "١٢٣" });
    // \D is its complement: "١x2" → the only non-digit run is "x"
    expect(one(String.raw`print d = extract(@"\D+", 0, "١x2")`)).toEqual({ d: "x" });
  });

  it("\\w matches letters of any script, so an accented word is one match", () => {
    // "café au lait": é is Alphabetic, so the first \w+ run is the whole word
    expect(one(String.raw`print w = extract(@"\w+", 0, "café au lait")`)).toEqual({ w: "café" });
    // inside a class: [^\w ]+ skips é, a and the space and takes "!?"
    expect(one(String.raw`print w = extract(@"[^\w ]+", 0, "éa !?b")`)).toEqual({ w: "!?" });
    // replace_regex over every \w: four letters of "café" → "xxxx"
    expect(one(String.raw`print r = replace_regex("café", @"\w", "x")`)).toEqual({ r: "xxxx" });
  });

  it("\\s is \\p{White_Space}: vertical tab and no-break space count", () => {
    // code points 97, 11, 98 = "a", vertical tab, "b"; 97, 160, 98 = "a", no-break space, "b"
    expect(
      one(String.raw`print v = unicode_codepoints_to_string(dynamic([97, 11, 98])) matches regex @"^a\sb$",
        n = unicode_codepoints_to_string(dynamic([97, 160, 98])) matches regex @"^a\sb$",
        s = unicode_codepoints_to_string(dynamic([97, 160, 98])) matches regex @"^a\Sb$"`),
    ).toEqual({ v: true, n: true, s: false });
  });

  it("\\u007F, \\u{7F} and \\U0000007F escapes name code points", () => {
    // U+0041, U+0042, U+0043 = "ABC"
    expect(one(String.raw`print e = extract(@"\u0041\u{42}\U00000043", 0, "xABCx")`)).toEqual({ e: "ABC" });
  });

  it("\\b on ASCII text is a word boundary; on text with a non-ASCII letter it is refused, not guessed", () => {
    // "a b": b starts a word; "ab": b is inside one
    expect(one(String.raw`print x = "a b" matches regex @"\bb", y = "ab" matches regex @"\bb"`)).toEqual({
      x: true,
      y: false,
    });
    // an en dash is not a word character in either reading, so the boundary before b is certain
    expect(one(String.raw`print z = "a–b" matches regex @"\bb"`)).toEqual({ z: true });
    // "éb": Kusto's Unicode \b sees no boundary before b, RE2's ASCII \b would see one
    expect(() => json(String.raw`print z = "éb" matches regex @"\bb"`)).toThrow(/^unsupported: \\b .* at 1:11$/);
  });

  it("syntax RE2 would read another way is refused: class set operations, nested classes, \\< \\>", () => {
    // [a-y&&xyz] is an intersection (x or y) to Kusto; RE2 would also match "&"
    expect(() => json(`print m = "&" matches regex @"[a-y&&xyz]"`)).toThrow(/^unsupported: .*&&.* at 1:11$/);
    expect(() => json(`print m = extract(@"[0-9--4]", 0, "5")`)).toThrow(/^unsupported: .*--/);
    expect(() => json(`print m = extract(@"[x[^xyz]]", 0, "a")`)).toThrow(/^unsupported: a nested character class/);
    expect(() => compileKustoRegex(String.raw`\<a`)).toThrow(/^unsupported: .*\\</);
    expect(() => compileKustoRegex(String.raw`\b{start}a`)).toThrow(/^unsupported: \\b\{/);
    // a { must open a counted repetition; RE2 would take "{x}" and "a{,2}" literally
    expect(one(String.raw`print a = extract("a{2}", 0, "aaa"), b = extract(@"\{x\}", 0, "{x}")`)).toEqual({
      a: "aa",
      b: "{x}",
    });
    expect(() => json(`print e = extract("{x}", 0, "{x}")`)).toThrow(/^unsupported: a \{ that is not a repetition/);
    expect(() => compileKustoRegex("a{,2}")).toThrow(/^unsupported: a \{ that is not a repetition/);
    // a POSIX class inside brackets is not nesting: [[:alpha:]]+ in "12ab3" → "ab"
    expect(one(`print p = extract(@"[[:alpha:]]+", 0, "12ab3")`)).toEqual({ p: "ab" });
  });
});

describe("regex_quote (regex-quote-function.md; regex.md's escapes)", () => {
  it("escapes the regex metacharacters and leaves letters, digits, _ and non-ASCII alone", () => {
    // the page's example: (so$me.Te^xt) → \(so\$me\.Te\^xt\)
    expect(one(`print q = regex_quote('(so$me.Te^xt)')`)).toEqual({ q: String.raw`\(so\$me\.Te\^xt\)` });
    // each of [ ] { } | # & - ~ gets one backslash; é, _ and 1 stay
    expect(one(`print q = regex_quote("[]{}|#&-~é_1")`)).toEqual({ q: String.raw`\[\]\{\}\|\#\&\-\~é_1` });
  });

  it("text with other ASCII punctuation or spaces is refused: RE2 and Rust escape it differently", () => {
    expect(() => json(`print q = regex_quote("a b")`)).toThrow(/^unsupported: regex_quote of text with " ".* at 1:11$/);
  });
});

describe("successive regex matches (regex.md's engine; replace-regex-function.md: matches do not overlap)", () => {
  it("an empty match right where the previous match ended is not a match", () => {
    // "a" with a*: "a" at 0..1; the empty match at 1 abuts it and is skipped → one replacement, "-"
    // "baaac": empty at 0, "aaa" at 1..4, (empty at 4 skipped), empty at 5 → "-b-c-"
    expect(
      one(
        `print a = replace_regex("a", "a*", "-"), b = replace_regex("baaac", "a*", "-"), c = replace_regex("abc", "x*", "-")`,
      ),
    ).toEqual({ a: "-", b: "-b-c-", c: "-a-b-c-" });
    // "aaaa" with a*: one match of all four, the abutting empty match at 4 skipped
    expect(one(`print n = countof("aaaa", "a*", "regex")`)).toEqual({ n: 1 });
    // "aab" with (a*): "aa", (empty at 2 skipped), empty at 3 (end of text, not abutting) → ["aa", ""]
    expect(one(`print e = extract_all("(a*)", "aab")`)).toEqual({ e: ["aa", ""] });
  });
});

describe("in and in~ (in-operator-comparison.md)", () => {
  it("nested arrays are flattened: x in (dynamic([1,[2,3]])) is x in (1,2,3)", () => {
    expect(
      one(`print a = 2 in (dynamic([1,[2,3]])), b = "b" in (dynamic(["a",["b"]])), c = 5 !in (dynamic([1,[2,[5]]]))`),
    ).toEqual({ a: true, b: true, c: false });
  });

  it("in considers up to 1,000,000 distinct values: one more is refused", () => {
    // 1000000 is the last of 1..1000000
    expect(one("print a = 1000000 in ((range i from 1 to 1000000 step 1))")).toEqual({ a: true });
    expect(() => json("print a = 1 in ((range i from 1 to 1000001 step 1))")).toThrow(
      /^unsupported: in with more than 1000000 distinct values.* at 1:11$/,
    );
  });

  it("in~ folds ASCII case; a match needing a non-ASCII letter folded is refused", () => {
    // "ÄBC" vs "Äbc": only ASCII B and C differ in case
    expect(one(`print a = "ÄBC" in~ ("Äbc"), b = "abc" in~ ("ABC"), c = "é" !in~ ("x")`)).toEqual({
      a: true,
      b: true,
      c: true,
    });
    expect(() => json(`print b = "Ä" in~ ("ä")`)).toThrow(/^unsupported: in~ .*non-ASCII.* at 1:11$/);
  });
});

describe("has_any and has_all value limits (has-any-operator.md, has-all-operator.md)", () => {
  it("has_all considers up to 256 distinct values: 256 are searched, 257 are refused", () => {
    // 256 rows but only the distinct values "1" and "2", both terms of "1 2"
    expect(one(`print r = "1 2" has_all ((range i from 1 to 256 step 1 | project s = tostring(i % 2 + 1)))`)).toEqual({
      r: true,
    });
    expect(() => json(`print r = "1 2" has_all ((range i from 1 to 257 step 1 | project s = tostring(i)))`)).toThrow(
      /^unsupported: has_all with more than 256 distinct values.* at 1:11$/,
    );
  });

  it("has_any considers up to 10,000 distinct values", () => {
    // "1" is among 1..10000
    expect(one(`print r = "1 2" has_any ((range i from 1 to 10000 step 1 | project s = tostring(i)))`)).toEqual({
      r: true,
    });
    expect(() => json(`print r = "1 2" has_any ((range i from 1 to 10001 step 1 | project s = tostring(i)))`)).toThrow(
      /^unsupported: has_any with more than 10000 distinct values/,
    );
  });
});

describe("punycode decoding failures (punycode-to-string-function.md)", () => {
  it("a string that fails to decode gives an empty result, not null", () => {
    // "mü" is not ASCII, so it is not punycode; "xn--ü" likewise
    expect(one(`print a = punycode_to_string("mü"), b = punycode_domain_from_string("xn--ü.de")`)).toEqual({
      a: "",
      b: "",
    });
  });
});

describe("hash with mod (hash-function.md: the output is between 0 and mod - 1, inclusive)", () => {
  it("stays in [0, mod - 1] even for keys whose hash is negative", () => {
    const row = one(`range i from 1 to 40 step 1 | extend r = hash(strcat("k", i)), h = hash(strcat("k", i), 7)
      | summarize negative = countif(r < 0), outside = countif(h < 0 or h > 6)`);
    // the check means something only if some of the 40 hashes are negative
    expect(row.negative as number).toBeGreaterThan(0);
    expect(row.outside).toBe(0);
  });

  it("a mod of 0 or below, where no result can lie in [0, mod - 1], is refused", () => {
    expect(() => json(`print h = hash("x", 0)`)).toThrow(/^unsupported: hash with a mod of 0.* at 1:11$/);
    expect(() => json(`print h = hash_xxhash64("x", -5)`)).toThrow(/^unsupported: hash with a mod of -5/);
  });
});

describe("strrep multiplier (strrep-function.md: a value from 1 to ...)", () => {
  it("1 gives the value once; 0 and negative multipliers, outside the documented range, are refused", () => {
    expect(one(`print s = strrep("ab", 1, ",")`)).toEqual({ s: "ab" });
    expect(() => json(`print s = strrep("ab", 0)`)).toThrow(/^unsupported: strrep with a multiplier of 0.* at 1:11$/);
    expect(() => json(`print s = strrep("ab", -1)`)).toThrow(/^unsupported: strrep with a multiplier of -1/);
  });
});

describe("indexof and indexof_regex occurrence (indexof-function.md: default 1, null below 0)", () => {
  it("a negative occurrence is null; occurrence 0, which the page does not describe, is refused", () => {
    // "abcabc": the second "c" is at 5
    expect(one(`print a = indexof("abcabc", "c", 0, -1, 2), b = indexof("abc", "b", 0, -1, -1)`)).toEqual({
      a: 5,
      b: null,
    });
    expect(one(`print a = indexof_regex("abcabc", "c", 0, -1, 2), b = indexof_regex("abc", "b", 0, -1, -1)`)).toEqual({
      a: 5,
      b: null,
    });
    expect(() => json(`print i = indexof("abc", "b", 0, -1, 0)`)).toThrow(
      /^unsupported: indexof with occurrence 0.* at 1:11$/,
    );
    expect(() => json(`print i = indexof_regex("abc", "b", 0, -1, 0)`)).toThrow(
      /^unsupported: indexof_regex with occurrence 0/,
    );
  });
});

describe("format_bytes rounding (format-bytes-function.md: rounded to precision digits)", () => {
  it("rounds to the given digits where both ways of rounding a half agree", () => {
    // 20010332 / 1024^2 = 19.0833... MB → 19.08; 1536 = 1.5 KB → 2 either way (2 is even and away from zero)
    expect(one(`print a = format_bytes(20010332, 2), b = format_bytes(1536)`)).toEqual({ a: "19.08 MB", b: "2 KB" });
  });

  it("a half whose rounding away from zero and to even differ is refused", () => {
    // 2560 = 2.5 KB: away from zero 3, to even 2
    expect(() => json(`print b = format_bytes(2560)`)).toThrow(
      /^unsupported: format_bytes of 2560: 2\.5 KB.* at 1:11$/,
    );
  });
});

describe("regex group limits (matches-regex-operator.md, extract-all-function.md: at most 16 groups)", () => {
  const groups = (n: number) => "(a)".repeat(n);
  it("16 groups are accepted; 17 are refused", () => {
    // sixteen (a) groups match sixteen a's
    expect(one(`print m = "${"a".repeat(16)}" matches regex "${groups(16)}"`)).toEqual({ m: true });
    expect(() => json(`print m = "${"a".repeat(17)}" matches regex "${groups(17)}"`)).toThrow(
      /^unsupported: matches regex with 17 groups.* at 1:11$/,
    );
    expect(() => json(`print e = extract_all("${groups(17)}", "${"a".repeat(17)}")`)).toThrow(
      /^extract_all\(\): argument 1 must be a valid regex with \[1\.\.16\] matching groups; .* has 17/,
    );
  });

  it("extract_all needs at least one capture group (between one and 16)", () => {
    // (\d+) on "a1b22": ["1", "22"]; without the group Kusto reports an error
    expect(one(String.raw`print e = extract_all(@"(\d+)", "a1b22")`)).toEqual({ e: ["1", "22"] });
    expect(() => json(String.raw`print e = extract_all(@"\d+", "a1b22")`)).toThrow(/matching groups; "\\\\d\+" has 0/);
  });
});

describe("case-insensitive string operators fold ASCII only (in-operator-comparison.md)", () => {
  it("ASCII letters match either case, also next to non-ASCII text", () => {
    // "ÄBC x" has "Äbc": Ä is the same character on both sides, only B/b and C/c differ in case
    expect(
      one(`print a = "ÄBC x" has "Äbc", b = "Über" endswith "BER", c = "café" startswith "CAF", d = "abc" =~ "ABC",
        e = "North America" hasprefix "ame", f = "x ÄBC" contains "Äb"`),
    ).toEqual({ a: true, b: true, c: true, d: true, e: true, f: true });
  });

  it("the Kelvin sign and the long s are not k and s: only ASCII letters fold", () => {
    // code points 8490 (Kelvin sign), 101, 121 = "Key" with K; 383 (long s), 117, 110 = "ſun"
    expect(
      one(`print k = unicode_codepoints_to_string(dynamic([8490, 101, 121])) has "key",
        s = unicode_codepoints_to_string(dynamic([383, 117, 110])) hasprefix "su",
        a = "KEY" has "key"`),
    ).toEqual({ k: false, s: false, a: true });
  });

  it("an answer that needs a non-ASCII letter folded is refused with its position", () => {
    expect(() => json(`print a = "ÄBC" has "äbc"`)).toThrow(/^unsupported: has "äbc" on "ÄBC" .*non-ASCII.* at 1:11$/);
    expect(() => json(`print a = "Ä" =~ "ä"`)).toThrow(/^unsupported: "Ä" =~ "ä" .* at 1:11$/);
    expect(() => json(`print a = dynamic("Ä") =~ "ä"`)).toThrow(/^unsupported: "Ä" =~ "ä" .* at 1:11$/);
    expect(() => json(`print a = "x ÄBC" !contains "äb"`)).toThrow(/^unsupported: contains "äb" .* at 1:11$/);
    expect(() => json(`print a = "ab ÄBC" has_any ("xyz", "äbc")`)).toThrow(/^unsupported: has "äbc" .* at 1:11$/);
  });
});
