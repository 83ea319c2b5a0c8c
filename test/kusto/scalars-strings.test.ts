import { describe, expect, it } from "vitest";
import type { KType } from "../../src/kusto/types";
import { call } from "./scalars-helpers";

describe("string functions", () => {
  it("strcat must join the tostring text of each argument, null as empty", () => {
    // "rec-" + "" (null string) + "42" (int) = "rec-42"
    expect(call("strcat", ["string", "string", "int"], "string", ["rec-", null, 42])).toBe("rec-42");
  });

  it("strcat must print datetimes in Kusto's format", () => {
    // datetime values are 100-ns ticks; tostring prints seven fraction digits
    expect(call("strcat", ["string", "datetime"], "string", ["at ", BigInt(Date.UTC(2024, 0, 1)) * 10_000n])).toBe(
      "at 2024-01-01T00:00:00.0000000Z",
    );
  });

  it("strcat_delim must put the delimiter between arguments only", () => {
    expect(call("strcat_delim", ["string", "string", "string", "string"], "string", ["|", "a", "b", "c"])).toBe(
      "a|b|c",
    );
  });

  it("tolower, toupper and strlen must treat null as empty", () => {
    expect(call("tolower", ["string"], "string", ["MiXeD"])).toBe("mixed");
    expect(call("toupper", ["string"], "string", [null])).toBe("");
    expect(call("strlen", ["string"], "long", [null])).toBe(0);
    expect(call("strlen", ["string"], "long", ["mp4"])).toBe(3);
    // "a🎙b": the microphone emoji is one code point stored as two UTF-16 units → 3
    expect(call("strlen", ["string"], "long", ["a\u{1F399}b"])).toBe(3);
  });

  it("substring must take start and optional length", () => {
    expect(call("substring", ["string", "long", "long"], "string", ["ABCDEF", 1, 3])).toBe("BCD");
    expect(call("substring", ["string", "long"], "string", ["ABCDEF", 4])).toBe("EF");
    // length past the end is clipped: "EF"
    expect(call("substring", ["string", "long", "long"], "string", ["ABCDEF", 4, 10])).toBe("EF");
    // a negative start counts from the end: "123456", -2 → "56"
    expect(call("substring", ["string", "long", "long"], "string", ["123456", -2, 2])).toBe("56");
  });

  it("split must return an array, and with an index an array of that one part", () => {
    expect(call("split", ["string", "string"], "dynamic", ["a,b,,c", ","])).toEqual(["a", "b", "", "c"]);
    expect(call("split", ["string", "string", "int"], "dynamic", ["a,b,c", ",", 1])).toEqual(["b"]);
    expect(call("split", ["string", "string", "int"], "dynamic", ["a,b,c", ",", 5])).toEqual([]);
  });

  it("extract must return the group, or null when nothing matches", () => {
    const uri = "https://x.communication.azure.com/calling/recordings/abc123:resume?api-version=2023-03-06";
    expect(call("extract", ["string", "int", "string"], "string", ["recordings/([^:]+):(\\w+)", 2, uri])).toBe(
      "resume",
    );
    expect(call("extract", ["string", "int", "string"], "string", ["recordings/([^:]+)", 1, uri])).toBe("abc123");
    expect(call("extract", ["string", "int", "string"], "string", ["pause", 0, uri])).toBeNull();
  });

  it("extract must accept RE2 syntax: (?i), (?P<name>) and \\A", () => {
    expect(call("extract", ["string", "int", "string"], "string", ["(?i)failed", 0, "Call FAILED"])).toBe("FAILED");
    expect(call("extract", ["string", "int", "string"], "string", ["(?P<code>\\d{3})", 1, "HTTP 503"])).toBe("503");
    expect(call("extract", ["string", "int", "string"], "string", ["\\Ab", 0, "ab"])).toBeNull();
  });

  it("extract with a type must convert the group", () => {
    expect(call("extract", ["string", "int", "string", "dynamic"], "long", ["code=(\\d+)", 1, "code=503"])).toBe(503);
  });

  it("extract_all must list every match, one array per match with several groups", () => {
    expect(call("extract_all", ["string", "string"], "dynamic", ["(\\d+)", "a1b22c333"])).toEqual(["1", "22", "333"]);
    expect(call("extract_all", ["string", "string"], "dynamic", ["(\\w)=(\\d)", "a=1,b=2"])).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    expect(call("extract_all", ["string", "string"], "dynamic", ["(z)", "abc"])).toBeNull();
  });

  it("replace_string must replace every occurrence literally", () => {
    expect(call("replace_string", ["string", "string", "string"], "string", ["a.b.c", ".", "::"])).toBe("a::b::c");
  });

  it("replace_regex must understand \\1 back-references", () => {
    // "2023-05-09" → swap to "09/05/2023"
    expect(
      call("replace_regex", ["string", "string", "string"], "string", [
        "2023-05-09",
        "(\\d+)-(\\d+)-(\\d+)",
        "\\3/\\2/\\1",
      ]),
    ).toBe("09/05/2023");
    expect(call("replace_regex", ["string", "string", "string"], "string", ["a1b2", "\\d", "$"])).toBe("a$b$");
  });

  it("trim, trim_start and trim_end must remove regex matches at the ends", () => {
    expect(call("trim", ["string", "string"], "string", ["-+", "--ab-c--"])).toBe("ab-c");
    expect(call("trim_start", ["string", "string"], "string", ["\\s", "  ab  "])).toBe("ab  ");
    expect(call("trim_end", ["string", "string"], "string", ["\\s", "  ab  "])).toBe("  ab");
  });

  it("indexof must give the position or -1", () => {
    expect(call("indexof", ["string", "string"], "long", ["abcabc", "c"])).toBe(2);
    expect(call("indexof", ["string", "string", "long"], "long", ["abcabc", "c", 3])).toBe(5);
    expect(call("indexof", ["string", "string"], "long", ["abc", "x"])).toBe(-1);
    // second occurrence of "b": positions 1 and 4 → 4
    expect(call("indexof", ["string", "string", "long", "long", "long"], "long", ["abcabc", "b", 0, -1, 2])).toBe(4);
  });

  it("indexof must honour start, length and occurrence as Kusto's examples do", () => {
    const idx = (...args: (string | number)[]) =>
      call("indexof", (["string", "string", "long", "long", "long"] as KType[]).slice(0, args.length), "long", args);
    expect(idx("abcdefg", "cde", 1, 4)).toBe(2); // window 1..4 holds "cde" at 2..4
    expect(idx("abcdefg", "cde", 1, 2)).toBe(-1); // window 1..2 is too short
    expect(idx("abcdefg", "cde", 3, 4)).toBe(-1); // starts after the match
    expect(idx("abcdefg", "cde", -5)).toBe(2); // 7 - 5 = 2
    expect(idx("abcdefgabcdefg", "cde", 1, 10, 2)).toBe(9); // first at 2, then the window restarts at 3: 3..12 holds 9..11
    expect(idx("abcdefgabcdefg", "cde", 1, -1, 3)).toBe(-1); // only two occurrences
  });

  it("countof must count overlapping plain matches and non-overlapping regex matches", () => {
    // "aaaa": "aa" at 0, 1, 2 → 3; regex "aa" consumes 0-1 then 2-3 → 2
    expect(call("countof", ["string", "string"], "long", ["aaaa", "aa"])).toBe(3);
    expect(call("countof", ["string", "string", "string"], "long", ["aaaa", "aa", "regex"])).toBe(2);
  });

  it("isempty must be true for null and empty string only", () => {
    expect(call("isempty", ["string"], "bool", [""])).toBe(true);
    expect(call("isempty", ["string"], "bool", [null])).toBe(true);
    expect(call("isempty", ["string"], "bool", [" "])).toBe(false);
    expect(call("isempty", ["int"], "bool", [0])).toBe(false);
    expect(call("isnotempty", ["string"], "bool", ["x"])).toBe(true);
  });

  it("isnull must be false for strings, which are never null in Kusto", () => {
    expect(call("isnull", ["string"], "bool", [null])).toBe(false);
    expect(call("isnull", ["int"], "bool", [null])).toBe(true);
    expect(call("isnotnull", ["datetime"], "bool", [0])).toBe(true);
  });

  it("coalesce must skip nulls, and empty strings for string results", () => {
    expect(call("coalesce", ["int", "int", "int"], "int", [null, 0, 5])).toBe(0);
    expect(call("coalesce", ["string", "string"], "string", ["", "fallback"])).toBe("fallback");
    expect(call("coalesce", ["long", "long"], "long", [null, null])).toBeNull();
  });

  it("has_any must match any term as a whole term", () => {
    const text = "StopRecording returned 404";
    expect(call("has_any", ["string", "dynamic"], "bool", [text, ["500", "404"]])).toBe(true);
    expect(call("has_any", ["string", "string", "string"], "bool", [text, "40", "Stop"])).toBe(false);
  });

  it("has_all must need every term", () => {
    const text = "StopRecording returned 404";
    expect(call("has_all", ["string", "dynamic"], "bool", [text, ["returned", "404"]])).toBe(true);
    expect(call("has_all", ["string", "dynamic"], "bool", [text, ["returned", "500"]])).toBe(false);
  });

  it("reverse must reverse the characters", () => {
    expect(call("reverse", ["string"], "string", ["mp4"])).toBe("4pm");
  });

  it("url_decode must decode percent escapes and give null on broken ones", () => {
    expect(call("url_decode", ["string"], "string", ["a%20b%2Fc"])).toBe("a b/c");
    expect(call("url_decode", ["string"], "string", ["%E0%A4%A"])).toBeNull();
  });

  it("parse_url must split a URL into Kusto's property bag", () => {
    const bag = call("parse_url", ["string"], "dynamic", [
      "https://acs.communication.azure.com:443/calling/recordings?api-version=2023-03-06#f",
    ]);
    expect(bag).toMatchObject({
      Scheme: "https",
      Host: "acs.communication.azure.com",
      Port: "443",
      Path: "/calling/recordings",
      "Query Parameters": { "api-version": "2023-03-06" },
      Fragment: "f",
    });
  });

  it("parse_url must match Kusto's documented example, custom scheme and credentials included", () => {
    const bag = call("parse_url", ["string"], "dynamic", [
      "scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment",
    ]);
    expect(bag).toEqual({
      Scheme: "scheme",
      Host: "host",
      Port: "1234",
      Path: "/this/is/a/path",
      Username: "username",
      Password: "password",
      "Query Parameters": { k1: "v1", k2: "v2" },
      Fragment: "fragment",
    });
  });

  it("an invalid regex must fail with a message naming the pattern", () => {
    expect(() => call("extract", ["string", "int", "string"], "string", ["(", 1, "x"])).toThrow(
      /invalid regular expression "\("/,
    );
  });

  it("an unknown function must be unsupported (undefined)", () => {
    expect(() => call("no_such_fn", ["string"], "string", ["x"])).toThrow(/unsupported/);
  });
});
