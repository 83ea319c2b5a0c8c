import { describe, expect, it } from "vitest";
import { call, utc } from "./scalars-helpers";

/** A datetime or timespan value: 100-ns ticks. */
const ticks = (ms: number): bigint => BigInt(ms) * 10_000n;

describe("dynamic functions", () => {
  it("array_length must count elements and be null for non-arrays", () => {
    expect(call("array_length", ["dynamic"], "long", [["mp4", "wav"]])).toBe(2);
    expect(call("array_length", ["dynamic"], "long", [{ a: 1 }])).toBeNull();
  });

  it("bag_keys must list the property names", () => {
    expect(call("bag_keys", ["dynamic"], "dynamic", [{ Scheme: "https", Host: "x" }])).toEqual(["Scheme", "Host"]);
  });

  it("pack and bag_pack must build a property bag with datetimes as ISO text", () => {
    const bag = call("bag_pack", ["string", "long", "string", "datetime"], "dynamic", [
      "n",
      3,
      "at",
      ticks(utc(2024, 1, 1, 8)),
    ]);
    expect(bag).toEqual({ n: 3, at: "2024-01-01T08:00:00.0000000Z" });
    expect(call("pack", ["string", "timespan"], "dynamic", ["d", ticks(90 * 60_000)])).toEqual({ d: "01:30:00" });
  });

  it("pack_array must keep argument order and nulls", () => {
    expect(call("pack_array", ["long", "string", "long"], "dynamic", [1, "a", null])).toEqual([1, "a", null]);
  });

  it("array_concat must join arrays and be null when one is not an array", () => {
    expect(call("array_concat", ["dynamic", "dynamic"], "dynamic", [[1, 2], [3]])).toEqual([1, 2, 3]);
    expect(call("array_concat", ["dynamic", "dynamic"], "dynamic", [[1], "x"])).toBeNull();
  });

  it("set_has_element and array_index_of must compare by value", () => {
    expect(call("set_has_element", ["dynamic", "string"], "bool", [["mp4", "wav"], "wav"])).toBe(true);
    expect(call("set_has_element", ["dynamic", "string"], "bool", [["mp4", "wav"], "WAV"])).toBe(false);
    expect(call("array_index_of", ["dynamic", "long"], "long", [[5, 7, 9], 9])).toBe(2);
    expect(call("array_index_of", ["dynamic", "long"], "long", [[5, 7, 9], 8])).toBe(-1);
  });

  it("set_union, set_intersect and set_difference must dedupe by value in first-seen order", () => {
    expect(
      call("set_union", ["dynamic", "dynamic"], "dynamic", [
        [1, 2, 2],
        [3, 1],
      ]),
    ).toEqual([1, 2, 3]);
    expect(
      call("set_intersect", ["dynamic", "dynamic"], "dynamic", [
        [1, 2, 3],
        [3, 1, 4],
      ]),
    ).toEqual([1, 3]);
    expect(call("set_difference", ["dynamic", "dynamic"], "dynamic", [[1, 2, 3], [3]])).toEqual([1, 2]);
  });

  it("array_slice must include both ends and count negatives from the end", () => {
    expect(call("array_slice", ["dynamic", "long", "long"], "dynamic", [[0, 1, 2, 3, 4], 1, 3])).toEqual([1, 2, 3]);
    expect(call("array_slice", ["dynamic", "long", "long"], "dynamic", [[0, 1, 2, 3, 4], -2, -1])).toEqual([3, 4]);
  });

  it("tostring of dynamic must be compact JSON", () => {
    expect(call("tostring", ["dynamic"], "string", [{ a: [1, 2], b: "x" }])).toBe('{"a":[1,2],"b":"x"}');
    expect(call("tostring", ["dynamic"], "string", ["plain"])).toBe("plain");
    expect(call("tostring", ["dynamic"], "string", [null])).toBe("");
  });

  it("gettype must name scalar types and the kind of a dynamic", () => {
    expect(call("gettype", ["datetime"], "string", [0])).toBe("datetime");
    expect(call("gettype", ["dynamic"], "string", [[1]])).toBe("array");
    expect(call("gettype", ["dynamic"], "string", [{}])).toBe("dictionary");
    expect(call("gettype", ["dynamic"], "string", [1.5])).toBe("real");
    // a whole number in a dynamic is int while it fits 32 bits, long beyond
    expect(call("gettype", ["dynamic"], "string", [2])).toBe("int");
    expect(call("gettype", ["dynamic"], "string", [2147483648])).toBe("long");
    expect(call("gettype", ["dynamic"], "string", [9007199254740993n])).toBe("long");
    expect(call("gettype", ["dynamic"], "string", [null])).toBe("null");
  });

  it("bag_merge must keep the first bag's value for a shared key", () => {
    expect(call("bag_merge", ["dynamic", "dynamic"], "dynamic", [{ a: 1 }, { a: 2, b: 3 }])).toEqual({ a: 1, b: 3 });
  });

  it("strcat_array must join elements with the delimiter", () => {
    expect(call("strcat_array", ["dynamic", "string"], "string", [["a", 1, { b: 2 }], ";"])).toBe('a;1;{"b":2}');
  });

  it("array_sort_asc and array_sort_desc must sort and put nulls last", () => {
    expect(call("array_sort_asc", ["dynamic"], "dynamic", [[3, null, 1, 2]])).toEqual([1, 2, 3, null]);
    expect(call("array_sort_desc", ["dynamic"], "dynamic", [["b", "c", "a"]])).toEqual(["c", "b", "a"]);
  });

  it("range must include the stop value", () => {
    // 1, 1+3, 1+6, 1+9 = 10 ≤ 10
    expect(call("range", ["long", "long", "long"], "dynamic", [1, 10, 3])).toEqual([1, 4, 7, 10]);
    expect(call("range", ["long", "long"], "dynamic", [5, 1])).toEqual([]);
  });

  it("range must stop at 2^20 elements, truncating as the reference says", () => {
    expect(call("range", ["long", "long", "long"], "dynamic", [0, 1e9, 1])).toHaveLength(1_048_576);
  });
});
