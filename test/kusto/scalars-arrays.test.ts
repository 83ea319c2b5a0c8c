import { describe, expect, it } from "vitest";
import { call } from "./scalars-helpers";

const d = "dynamic" as const;
const L = "long" as const;

describe("array functions", () => {
  it("array_index_of must honour start, length and occurrence", () => {
    const a = ["x", "y", "x", "y", "x"];
    // x at 0, 2, 4
    expect(call("array_index_of", [d, "string"], L, [a, "x"])).toBe(0);
    expect(call("array_index_of", [d, "string", L], L, [a, "x", 1])).toBe(2);
    // from 3, only 1 element examined (index 3 = "y") → not found
    expect(call("array_index_of", [d, "string", L, L], L, [a, "x", 3, 1])).toBe(-1);
    // second occurrence from index 0 → 2; fourth does not exist → -1
    expect(call("array_index_of", [d, "string", L, L, L], L, [a, "x", 0, -1, 2])).toBe(2);
    expect(call("array_index_of", [d, "string", L, L, L], L, [a, "x", 0, -1, 4])).toBe(-1);
    // start -2 looks at the last two elements (3, 4)
    expect(call("array_index_of", [d, "string", L], L, [a, "x", -2])).toBe(4);
    expect(call("array_index_of", [d, "string", L, L], L, [a, "x", 0, -2])).toBeNull();
  });

  it("array_sort_asc must put nulls last by default and first when nulls_last is false", () => {
    expect(call("array_sort_asc", [d], d, [[3, null, 1]])).toEqual([1, 3, null]);
    expect(call("array_sort_asc", [d, "bool"], d, [[3, null, 1], false])).toEqual([null, 1, 3]);
    expect(call("array_sort_desc", [d], d, [["b", null, "c", "a"]])).toEqual(["c", "b", "a", null]);
  });

  it("array_sort_asc must order numbers before strings before other values", () => {
    expect(call("array_sort_asc", [d], d, [["b", true, 2, "a", 1]])).toEqual([1, 2, "a", "b", true]);
  });

  it("array_rotate_* must wrap around and a negative count must turn the other way", () => {
    expect(call("array_rotate_left", [d, L], d, [[1, 2, 3, 4], 1])).toEqual([2, 3, 4, 1]);
    expect(call("array_rotate_right", [d, L], d, [[1, 2, 3, 4], 5])).toEqual([4, 1, 2, 3]);
    expect(call("array_rotate_left", [d, L], d, [[1, 2, 3, 4], -1])).toEqual([4, 1, 2, 3]);
  });

  it("array_shift_* must fill vacated slots with the default or null", () => {
    expect(call("array_shift_left", [d, L], d, [[1, 2, 3], 1])).toEqual([2, 3, null]);
    expect(call("array_shift_right", [d, L, L], d, [[1, 2, 3], 2, 0])).toEqual([0, 0, 1]);
    expect(call("array_shift_left", [d, L], d, [[1, 2, 3], -1])).toEqual([null, 1, 2]);
  });

  it("array_slice must include both ends and clip out-of-range ends", () => {
    expect(call("array_slice", [d, L, L], d, [[0, 1, 2, 3], 1, 10])).toEqual([1, 2, 3]);
    expect(call("array_slice", [d, L, L], d, [[0, 1, 2, 3], -3, -2])).toEqual([1, 2]);
    expect(call("array_slice", [d, L, L], d, [[0, 1, 2, 3], 3, 1])).toEqual([]);
  });

  it("array_split must cut at each index, negative indexes counted from the end", () => {
    expect(call("array_split", [d, L], d, [[1, 2, 3, 4], -1])).toEqual([[1, 2, 3], [4]]);
    expect(
      call("array_split", [d, d], d, [
        [1, 2, 3, 4],
        [1, 2],
      ]),
    ).toEqual([[1], [2], [3, 4]]);
  });

  it("array_iff must choose per element, repeat scalars and null what is no condition", () => {
    expect(call("array_iff", [d, d, "string"], d, [[true, 0, "x", 2], [1, 2, 3], "no"])).toEqual([1, "no", null, null]);
  });

  it("array_sum must be null when an element is not a number", () => {
    expect(call("array_sum", [d], "real", [[1, 2.5]])).toBe(3.5);
    expect(call("array_sum", [d], "real", [[1, "2"]])).toBeNull();
  });

  it("zip must pair elements up to the longest array, padding with null", () => {
    expect(call("zip", [d, d], d, [[1, 2], ["a"]])).toEqual([
      [1, "a"],
      [2, null],
    ]);
  });

  it("jaccard_index must divide distinct shared values by distinct values in either", () => {
    // {1,2,3} and {2,3,4}: 2 shared of 4 → 0.5; duplicates count once
    expect(
      call("jaccard_index", [d, d], "real", [
        [1, 2, 2, 3],
        [2, 3, 4],
      ]),
    ).toBe(0.5);
  });

  it("set_difference must keep distinct values of the first array found in no other", () => {
    expect(call("set_difference", [d, d, d], d, [[1, 2, 2, 3, 4], [2], [4, 5]])).toEqual([1, 3]);
  });

  it("range must step datetimes by one hour by default and truncate at 2^20 elements", () => {
    // 00:00 .. 02:00 by 1h: three ISO datetimes
    const start = BigInt(Date.UTC(2024, 0, 1)) * 10_000n;
    const end = start + 2n * 36_000_000_000n;
    expect(call("range", ["datetime", "datetime"], d, [start, end])).toEqual([
      "2024-01-01T00:00:00.0000000Z",
      "2024-01-01T01:00:00.0000000Z",
      "2024-01-01T02:00:00.0000000Z",
    ]);
    expect(call("range", [L, L, L], d, [10, 1, -4])).toEqual([10, 6, 2]);
  });
});

describe("JSON text of nested values keeps longs exact", () => {
  it("strcat_array must print a nested long beyond 2^53 with all its digits", () => {
    expect(call("strcat_array", [d, "string"], "string", [[[9007199254740993n], "x"], "|"])).toBe(
      "[9007199254740993]|x",
    );
  });
});
