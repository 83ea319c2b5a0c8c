import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseCsvRecord, parseWindowsCommandLine } from "../../src/kusto/scalars/parse-text";
import { punycodeDecode, punycodeEncode } from "../../src/kusto/scalars/punycode";
import { parsePath, urlDecode, urlEncode } from "../../src/kusto/scalars/url";
import { json } from "./helpers";
import { call, op } from "./scalars-helpers";

const s = "string" as const;
const L = "long" as const;
const d = "dynamic" as const;

describe("code points (strlen counts them, so nothing splits a surrogate pair)", () => {
  // "a😀b": the emoji is U+1F600, two UTF-16 units
  const text = "a\u{1F600}b";

  it("substring must count code points", () => {
    expect(call("substring", [s, L, L], s, [text, 1, 1])).toBe("\u{1F600}");
    expect(call("substring", [s, L], s, [text, 2])).toBe("b");
    expect(call("substring", [s, L, L], s, [text, -2, 5])).toBe("\u{1F600}b");
  });

  it("reverse must keep a surrogate pair together", () => {
    expect(call("reverse", [s], s, [text])).toBe("b\u{1F600}a");
  });

  it("unicode_codepoints_* must round-trip and refuse invalid code points", () => {
    expect(call("unicode_codepoints_from_string", [s], d, [text])).toEqual([97, 0x1f600, 98]);
    expect(call("unicode_codepoints_to_string", [d, L], s, [[97, 0x1f600], 98])).toBe(text);
    // 0xD800 is a surrogate, not a code point
    expect(call("unicode_codepoints_to_string", [L], s, [0xd800])).toBeNull();
  });

  it("isascii must be false for any character above U+007F", () => {
    expect(call("isascii", [s], "bool", ["plain"])).toBe(true);
    expect(call("isascii", [s], "bool", ["café"])).toBe(false);
  });
});

describe("string replacement and search", () => {
  it("replace_strings must let earlier lookups claim text first and never chain replacements", () => {
    // "ab" claims 0-2 first, so "b" only matches the lone b at 3; "x" replaced by "ab" is not replaced again
    expect(call("replace_strings", [s, d, d], s, ["ab_b x", ["ab", "b", "x"], ["1", "2", "ab"]])).toBe("1_2 ab");
    // a non-string rewrite keeps the match as it is, and still claims it
    expect(call("replace_strings", [s, d, d], s, ["ab", ["ab", "b"], [0, "2"]])).toBe("ab");
  });

  it("translate must map characters one to one, repeating the last replacement", () => {
    expect(call("translate", [s, s, s], s, ["abc", "xy", "aabbcc"])).toBe("xxyyyy");
    expect(call("translate", [s, s, s], s, ["-", "", "a-b-c"])).toBe("abc");
  });

  it("indexof_regex must count occurrences without overlap and be null for a negative start", () => {
    // "a.a" matches at 0 (aXa); the next search starts at 3, so the overlapping one at 2 is skipped and the second is at 4
    expect(call("indexof_regex", [s, s, L, L, L], L, ["aXaXaXa", "a.a", 0, -1, 2])).toBe(4);
    expect(call("indexof_regex", [s, s], L, ["xyz", "\\d"])).toBe(-1);
    expect(call("indexof_regex", [s, s, L], L, ["xyz", "y", -1])).toBeNull();
  });

  it("regex_quote must escape every character RE2 could read as syntax", () => {
    expect(call("regex_quote", [s], s, ["a.b*c"])).toBe("a\\.b\\*c");
  });

  it("has_any_index must return the position of the first value found as a term", () => {
    expect(call("has_any_index", [s, d], L, ["call ended normally", ["missing", "ended"]])).toBe(1);
    expect(call("has_any_index", [s, d], L, ["call ended", ["end"]])).toBe(-1);
  });
});

describe("text parsers", () => {
  it("parse_csv must read quoted fields with doubled quotes and stop at the first record", () => {
    expect(parseCsvRecord(`a,"b,""c""",`)).toEqual(["a", 'b,"c"', ""]);
    expect(parseCsvRecord("x,y\nz")).toEqual(["x", "y"]);
  });

  it("parse_command_line must follow CommandLineToArgvW's quote and backslash rules", () => {
    // 2 backslashes + quote → one backslash, quote toggles; 3 backslashes + quote → backslash + literal quote
    expect(parseWindowsCommandLine(`prog "a b" c\\\\"d e" f\\\\\\"g`)).toEqual(["prog", "a b", "c\\d e", 'f\\"g']);
    expect(() => call("parse_command_line", [s, s], d, ["x", "linux"])).toThrow(/"linux".*windows/);
  });

  it("parse_path must split drive, directory, file, extension and stream", () => {
    expect({ ...parsePath("D:\\logs\\app.1.log:meta") }).toEqual({
      Scheme: "",
      RootPath: "D:",
      DirectoryPath: "D:\\logs",
      DirectoryName: "logs",
      Filename: "app.1.log",
      Extension: "log",
      AlternateDataStreamName: "meta",
    });
  });
});

describe("URL encoding (.NET HttpUtility rules)", () => {
  it("url_encode must write lowercase hex and + for a space; url_encode_component %20", () => {
    // "a b/ü": ü is UTF-8 c3 bc
    expect(urlEncode("a b/ü", "+")).toBe("a+b%2f%c3%bc");
    expect(call("url_encode_component", [s], s, ["a b"])).toBe("a%20b");
    // - _ . ! * ( ) stay as they are
    expect(urlEncode("-_.!*()", "+")).toBe("-_.!*()");
  });

  it("url_decode must read + as a space, keep a stray % and be null for bytes that are not UTF-8", () => {
    expect(urlDecode("a+b%2F%c3%bc")).toBe("a b/ü");
    expect(urlDecode("100%")).toBe("100%");
    expect(urlDecode("%ff")).toBeNull();
  });

  it('parse_urlquery must decode parameters under "Query Parameters"', () => {
    expect(call("parse_urlquery", [s], d, ["?a=1&b=x%20y"])).toEqual({ "Query Parameters": { a: "1", b: "x y" } });
  });
});

describe("encodings", () => {
  it("base64 byte arrays and GUIDs must use .NET's byte order", () => {
    // "Hi" = 0x48 0x69 → "SGk="
    expect(call("base64_decode_toarray", [s], d, ["SGk="])).toEqual([72, 105]);
    expect(call("base64_encode_fromarray", [d], s, [[72, 105]])).toBe("SGk=");
    expect(call("base64_encode_fromarray", [d], s, [[256]])).toBeNull();
    // GUID 00112233-4455-6677-8899-aabbccddeeff: .NET bytes 33 22 11 00 55 44 77 66 88 99 aa bb cc dd ee ff
    const b64 = Buffer.from("33221100554477668899aabbccddeeff", "hex").toString("base64");
    expect(call("base64_encode_fromguid", ["guid"], s, ["00112233-4455-6677-8899-aabbccddeeff"])).toBe(b64);
    expect(call("base64_decode_toguid", [s], "guid", [b64])).toBe("00112233-4455-6677-8899-aabbccddeeff");
  });

  it("gzip and zlib must round-trip and give an empty string for input that is not compressed base64", () => {
    const packed = call("gzip_compress_to_base64_string", [s], s, ["recording"]) as string;
    expect(call("gzip_decompress_from_base64_string", [s], s, [packed])).toBe("recording");
    expect(call("gzip_decompress_from_base64_string", [s], s, ["bm90IGd6aXA="])).toBe("");
    const z = call("zlib_compress_to_base64_string", [s], s, ["recording"]) as string;
    expect(call("zlib_decompress_from_base64_string", [s], s, [z])).toBe("recording");
  });

  it("compressed output must be stored deflate blocks with Kusto's header bytes", () => {
    // gzip header 1f 8b 08 00 00000000 00 ff, then a final stored block of 2 bytes: 01 02 00 fd ff
    const bytes = Buffer.from(call("gzip_compress_to_base64_string", [s], s, ["ab"]) as string, "base64");
    expect(bytes.subarray(0, 15).toString("hex")).toBe("1f8b08000000000000ff010200fdff");
  });
});

describe("punycode (RFC 3492)", () => {
  it("must encode and decode a label, basic characters first", () => {
    // "bücher": basic "bcher", then ü (U+00FC) inserted at position 1 → the well-known "bcher-kva"
    expect(punycodeEncode("bücher")).toBe("bcher-kva");
    expect(punycodeDecode("bcher-kva")).toBe("bücher");
    expect(punycodeDecode("bcher-k!a")).toBeNull();
  });

  it("domain functions must convert only non-ASCII labels and accept ideographic full stops", () => {
    expect(call("punycode_domain_to_string", [s], s, ["bücher\u3002example.com"])).toBe("xn--bcher-kva.example.com");
    expect(call("punycode_domain_from_string", [s], s, ["xn--bcher-kva.example.com"])).toBe("bücher.example.com");
  });
});

describe("strrep", () => {
  it("must repeat with the delimiter between and refuse multipliers where the reference contradicts itself", () => {
    expect(call("strrep", [s, L, s], s, ["ab", 3, "-"])).toBe("ab-ab-ab");
    expect(call("strrep", [L, L], s, [7, 2])).toBe("77");
    expect(() => call("strrep", [s, L], s, ["x", 1025])).toThrow(/^unsupported: strrep .*1024/);
    expect(() => json(`print s = strrep("x", 2000)`)).toThrow(/^unsupported: strrep .* at 1:11$/);
  });
});

describe("case mapping (.NET invariant, one code point to one)", () => {
  it("toupper must leave ß alone and tolower must not use the final-sigma form", () => {
    expect(call("toupper", [s], s, ["straße"])).toBe("STRAßE");
    expect(call("tolower", [s], s, ["ΟΔΟΣ"])).toBe("οδοσ");
    expect(call("tolower", [s], s, ["\u0130STANBUL"])).toBe("istanbul");
    expect(call("toupper", [s], s, ["mixed Case 1"])).toBe("MIXED CASE 1");
  });
});

describe("indexof counts code points like substring", () => {
  it("must give a position that substring can use after an emoji", () => {
    // "😀ab": 'b' is code point 2 (UTF-16 unit 3)
    expect(call("indexof", [s, s], L, ["\u{1F600}ab", "b"])).toBe(2);
    expect(call("indexof", [s, s, L, L, L], L, ["\u{1F600}a\u{1F600}a", "\u{1F600}a", 0, -1, 2])).toBe(2);
    expect(call("indexof", [s, s], L, ["abc", "c"])).toBe(2);
  });
});

describe("indexof_regex counts code points", () => {
  it("must report the code point position after an emoji", () => {
    expect(call("indexof_regex", [s, s], L, ["\u{1F600}\u{1F600}x1", "\\d"])).toBe(3);
    expect(call("indexof_regex", [s, s, L], L, ["\u{1F600}1\u{1F600}2", "\\d", 2])).toBe(3);
  });
});

describe("hostile sizes", () => {
  it("decompressing far more than 64 MB must fail with a clear error, not fill memory", () => {
    // 80 MB of zeros compresses to well under 1 MB
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024)).toString("base64");
    expect(() => call("gzip_decompress_from_base64_string", [s], s, [bomb])).toThrow(/larger than 64 MB/);
  });

  it("replace_strings must stay linear with many matches", () => {
    const text = "ab".repeat(200_000);
    const started = Date.now();
    expect(call("replace_strings", [s, d, d], s, [text, ["a", "b"], ["1", "2"]])).toBe("12".repeat(200_000));
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("punycode must handle a long label without spreading it onto the stack", () => {
    const long = "é".repeat(200_000);
    expect(punycodeDecode(punycodeEncode(long))).toBe(long);
  });
});

describe("has: terms are runs of letters and digits of any script", () => {
  it("a non-ASCII letter must join a term, not split it", () => {
    // "café" is one term, so "caf" is not a whole term in it
    expect(op("has", s, s, "bool", "un café noir", "caf")).toBe(false);
    // matching É to é folds a non-ASCII letter, which Kusto does not do (in-operator-comparison.md): refused
    expect(() => op("has", s, s, "bool", "un café noir", "CAFÉ")).toThrow(/^unsupported: has "CAFÉ"/);
    expect(op("has", s, s, "bool", "un CAFé noir", "café")).toBe(true);
    expect(op("has", s, s, "bool", "звонок завершён", "звонок")).toBe(true);
    expect(op("has", s, s, "bool", "звонокзавершён", "звонок")).toBe(false);
  });
});
