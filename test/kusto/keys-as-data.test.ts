import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("queries treat every key and column name as data", () => {
  it("a member that a bag does not hold must be null, even one named like a JavaScript method", () => {
    expect(
      json(
        `print a = dynamic({"a": 1}).toString, b = dynamic({"a": 1})["constructor"], c = dynamic({"toString": 2}).toString`,
      ),
    ).toEqual([{ a: null, b: null, c: 2 }]);
  });

  it("bag_merge and bag_keys must keep a toString key and a __proto__ key", () => {
    const [row] = json(
      `print m = bag_merge(dynamic({"toString": 1}), dynamic({"__proto__": {"x": 2}})) | extend k = bag_keys(m)`,
    );
    expect(row.k).toEqual(["toString", "__proto__"]);
    expect(Object.keys(row.m as object)).toEqual(["toString", "__proto__"]);
  });

  it("columns named constructor and toString must appear in the JSON rows", () => {
    expect(json(`datatable(constructor: long, toString: string) [1, "x"]`)).toEqual([
      { constructor: 1, toString: "x" },
    ]);
  });

  it("a column named __proto__ must survive print and extend", () => {
    // (Microsoft's binder itself cannot resolve a later reference to ["__proto__"], so none is made here.)
    const rows = json(`print ["__proto__"] = 1, constructor = 2 | extend toString = 3`);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.values(rows[0])).toEqual([1, 2, 3]);
  });

  it("parse_json text with a __proto__ key must not change any prototype", () => {
    const [row] = json(`print p = parse_json('{"__proto__": {"polluted": 1}}') | extend v = p["__proto__"].polluted`);
    expect(row.v).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a catastrophic-backtracking regex must return at once (RE2), and a lookahead must be refused", () => {
    const started = Date.now();
    expect(json(`print m = strcat_array(pack_array("${"a".repeat(40)}b"), "") matches regex "^(a+)+$"`)).toEqual([
      { m: false },
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(() => json(`print "ab" matches regex "a(?=b)"`)).toThrow(/RE2/);
  });
});
