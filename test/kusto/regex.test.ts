import { describe, expect, it } from "vitest";
import { compileKustoRegex, parseRewrite } from "../../src/kusto/scalars/regex";
import { call, op } from "./scalars-helpers";

describe("Kusto regular expressions (RE2)", () => {
  it("must match a catastrophic-backtracking pattern in linear time", () => {
    const started = Date.now();
    // ^(a+)+$ against 40 a's and a b: a backtracking engine tries 2^40 splits; RE2 answers at once
    expect(compileKustoRegex("^(a+)+$").test(`${"a".repeat(40)}b`)).toBe(false);
    expect(compileKustoRegex("^(a+)+$").test("a".repeat(40))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("must refuse backreferences and lookarounds with a message naming RE2", () => {
    expect(() => compileKustoRegex("(a)\\1")).toThrow(/invalid regular expression "\(a\)\\\\1".*RE2/);
    expect(() => compileKustoRegex("a(?=b)")).toThrow(/RE2/);
    expect(() => compileKustoRegex("(?<=a)b")).toThrow(/RE2/);
  });

  it("must honour the (?U) flag: quantifiers become lazy", () => {
    // a+ under U takes as few as possible: "a" of "aaa"
    expect(compileKustoRegex("(?U)a+").exec("aaa")?.groups[0]).toBe("a");
    expect(compileKustoRegex("a+", "U").exec("aaa")?.groups[0]).toBe("a");
  });

  it("must read (?P<name>) and (?<name>) groups and report their numbers", () => {
    const re = compileKustoRegex("(?P<key>\\w+)=(?<value>\\d+)");
    expect(re.groupNames).toEqual([undefined, "key", "value"]);
    expect(re.exec("x k=12 y")?.groups).toEqual(["k=12", "k", "12"]);
  });

  it("$ must match only at the end of the text without the m flag (RE2, not Perl)", () => {
    expect(compileKustoRegex("a$").test("a\n")).toBe(false);
    expect(compileKustoRegex("a$", "m").test("a\n")).toBe(true);
  });

  it("must refuse flag letters RE2 does not have", () => {
    expect(() => compileKustoRegex("a", "g")).toThrow(/flags "g"/);
  });

  it("a rewrite must read \\0..\\9 as groups and \\\\ as one backslash", () => {
    expect(parseRewrite("<\\1>\\\\", 1)).toEqual(["<", 1, ">\\"]);
    expect(() => parseRewrite("\\2", 1)).toThrow(/group \\2/);
  });

  it("matches regex must use RE2 (a lookahead is an error, not a match)", () => {
    expect(op("matches regex", "string", "string", "bool", "2024-01-01", "^\\d{4}-\\d{2}")).toBe(true);
    expect(() => op("matches regex", "string", "string", "bool", "ab", "a(?=b)")).toThrow(/RE2/);
  });

  it("replace_regex must substitute groups for \\1 and leave a literal $ alone", () => {
    // "id=7 id=42" with (\d+) → "<7>" and "<42>", and "$1" stays literal text
    expect(call("replace_regex", ["string", "string", "string"], "string", ["id=7 id=42", "(\\d+)", "<\\1>$1"])).toBe(
      "id=<7>$1 id=<42>$1",
    );
  });

  it("extract_all must accept group names and numbers as selectors", () => {
    // two matches of (?P<k>[a-z])(\d): "a1" and "b2"; selecting [2, "k"] gives digit then letter
    expect(
      call("extract_all", ["string", "dynamic", "string"], "dynamic", ["(?P<k>[a-z])(\\d)", [2, "k"], "a1 b2"]),
    ).toEqual([
      ["1", "a"],
      ["2", "b"],
    ]);
    expect(() => call("extract_all", ["string", "dynamic", "string"], "dynamic", ["(a)", ["nope"], "a"])).toThrow(
      /nope/,
    );
  });

  it("countof in regex mode must count non-overlapping matches", () => {
    // "aaaa" with aa as a regex: positions 0 and 2 → 2 (plain search counts overlaps: 3)
    expect(call("countof", ["string", "string", "string"], "long", ["aaaa", "aa", "regex"])).toBe(2);
    expect(call("countof", ["string", "string"], "long", ["aaaa", "aa"])).toBe(3);
  });
});
