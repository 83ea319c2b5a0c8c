import { describe, expect, it } from "vitest";
import { parseDynamicLiteral } from "../../src/kusto/compile/dynamic-literal";
import { bagGet, MAX_DYNAMIC_DEPTH, newBag } from "../../src/kusto/scalars/bag-object";
import { parseJsonText } from "../../src/kusto/scalars/json-text";
import { parseJsonPath } from "../../src/kusto/scalars/jsonpath";
import { call } from "./scalars-helpers";

const d = "dynamic" as const;

describe("property bags hold any key as data", () => {
  it("a bag must inherit no keys, so JavaScript names are not keys and __proto__ is one", () => {
    const bag = newBag();
    expect(bagGet(bag, "toString")).toBeUndefined();
    // biome-ignore lint/suspicious/noProto: the test is that __proto__ is an ordinary key in a bag.
    bag.__proto__ = 1;
    expect(Object.keys(bag)).toEqual(["__proto__"]);
  });

  it("bag_merge must keep toString, constructor and __proto__ keys", () => {
    const left = parseDynamicLiteral(`{"toString": 1, "__proto__": {"x": 2}}`);
    const right = parseDynamicLiteral(`{"constructor": 3, "toString": 9}`);
    const merged = call("bag_merge", [d, d], d, [left, right]) as Record<string, unknown>;
    // the left bag wins toString; all three names are ordinary keys
    expect(Object.keys(merged).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(merged.toString).toBe(1);
  });

  it("bag_keys and bag_has_key must see only the bag's own keys", () => {
    const bag = parseDynamicLiteral(`{"a": 1}`);
    expect(call("bag_keys", [d], d, [bag])).toEqual(["a"]);
    expect(call("bag_has_key", [d, "string"], "bool", [bag, "toString"])).toBe(false);
    expect(call("bag_has_key", [d, "string"], "bool", [bag, "a"])).toBe(true);
  });

  it("parse_json must keep __proto__ as a key and refuse nesting deeper than the limit with a clear error", () => {
    const parsed = parseJsonText(`{"__proto__": {"polluted": true}}`) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(() => parseJsonText(deep)).toThrow(/too deeply nested/);
    const ok = "[".repeat(MAX_DYNAMIC_DEPTH) + "]".repeat(MAX_DYNAMIC_DEPTH);
    expect(parseJsonText(ok)).toBeTruthy();
  });

  it("parse_json must keep longs beyond 2^53 exact", () => {
    // 2^53 + 1 = 9007199254740993 cannot be a double
    expect(parseJsonText(`{"id": 9007199254740993}`)).toEqual({ id: 9007199254740993n });
    expect(parseJsonText("not json")).toBeUndefined();
    expect(parseJsonText("  ")).toBeNull();
  });
});

describe("bag functions", () => {
  it("bag_has_key must follow a JSONPath into nested bags and refuse array indexing", () => {
    const bag = parseDynamicLiteral(`{"call": {"media": {"kind": "audio"}}}`);
    expect(call("bag_has_key", [d, "string"], "bool", [bag, "$.call.media.kind"])).toBe(true);
    expect(call("bag_has_key", [d, "string"], "bool", [bag, "$['call']['video']"])).toBe(false);
    expect(() => call("bag_has_key", [d, "string"], "bool", [bag, "$.call[0]"])).toThrow(/array indexing/);
  });

  it("bag_remove_keys must drop top-level and nested keys and leave the input alone", () => {
    const bag = parseDynamicLiteral(`{"a": 1, "b": {"c": 2, "d": 3}}`);
    expect(call("bag_remove_keys", [d, d], d, [bag, ["a", "$.b.c", "zz"]])).toEqual({ b: { d: 3 } });
    expect(bag).toEqual({ a: 1, b: { c: 2, d: 3 } });
  });

  it("bag_set_key must create the bags along a path and be null for a non-bag", () => {
    expect(call("bag_set_key", [d, "string", "long"], d, [parseDynamicLiteral(`{"a": 1}`), "$.x.y", 5])).toEqual({
      a: 1,
      x: { y: 5 },
    });
    expect(call("bag_set_key", [d, "string", "long"], d, [[1], "a", 5])).toBeNull();
  });

  it("bag_zip must pair string keys with values, null-filling and ignoring extras", () => {
    // key 7 is not a string: skipped with its value "y"
    expect(
      call("bag_zip", [d, d], d, [
        ["k", 7, "m", "n"],
        ["x", "y", "z"],
      ]),
    ).toEqual({ k: "x", m: "z", n: null });
    expect(call("bag_zip", [d, d], d, ["k", ["x"]])).toBeNull();
  });

  it("treepath must list every key path with arrays as [0]", () => {
    const bag = parseDynamicLiteral(`{"a": {"b": 1}, "l": [1, {"c": 2}]}`);
    expect(call("treepath", [d], d, [bag])).toEqual(["['a']", "['a']['b']", "['l']", "['l'][0]", "['l'][0]['c']"]);
  });

  it("dynamic_to_json must sort keys ordinally at every level", () => {
    const bag = parseDynamicLiteral(`{"b": [2, {"z": 1, "Z": 0}], "a": null}`);
    // "Z" (0x5A) sorts before "z" (0x7A)
    expect(call("dynamic_to_json", [d], "string", [bag])).toBe(`{"a":null,"b":[2,{"Z":0,"z":1}]}`);
  });

  it("extract_json must read a JSONPath, array indexes included, and convert to the asked type", () => {
    const text = `{"calls": [{"id": "c1", "secs": 30}, {"id": "c2", "secs": 45}]}`;
    expect(call("extract_json", ["string", "string"], "string", ["$.calls[1].id", text])).toBe("c2");
    expect(call("extract_json", ["string", "string", "string"], "long", ["$.calls[0].secs", text, "long"])).toBe(30);
    expect(call("extract_json", ["string", "string"], "string", ["$.nope", text])).toBeNull();
  });

  it("a JSONPath must read dotted and bracketed names", () => {
    expect(parseJsonPath(`$.a['b c']["d"][2]`)).toEqual(["a", "b c", "d", 2]);
    expect(parseJsonPath("plain key")).toEqual(["plain key"]);
    expect(() => parseJsonPath("$..a")).toThrow(/JSONPath/);
  });
});

describe("JSONPath reading stays linear", () => {
  it("an unterminated quoted name full of backslashes must fail at once", () => {
    const started = Date.now();
    expect(() => parseJsonPath(`$['${"\\".repeat(60)}x`)).toThrow(/JSONPath/);
    expect(Date.now() - started).toBeLessThan(500);
    expect(parseJsonPath(`$['a\\'b']`)).toEqual(["a'b"]);
  });
});
