import { describe, expect, it } from "vitest";
import { groupedAggregate } from "../../src/kusto/compile/grouped-aggregates";
import { aggregateFactory } from "../../src/kusto/scalars";
import type { KType, Value } from "../../src/kusto/types";
import { json } from "./helpers";

/** Feeds rows of arguments to groups (group number per row) and returns each group's result. */
function grouped(name: string, argTypes: KType[], resultType: KType, rows: [number, Value[]][]): Value[] {
  const factory = aggregateFactory(
    name,
    argTypes,
    resultType,
    argTypes.map(() => undefined),
  );
  if (!factory) throw new Error(`no aggregate ${name}`);
  const agg = groupedAggregate(name, argTypes, factory)();
  const groups = Math.max(...rows.map(([g]) => g)) + 1;
  for (let g = 0; g < groups; g++) agg.open();
  rows.forEach(([g, args], i) => agg.add(g, args, i));
  return Array.from({ length: groups }, (_, g) => agg.result(g));
}

describe("grouped aggregators (summarize's state per group number)", () => {
  it("must keep make_set's items in first-seen order, once each, skipping nulls", () => {
    // Group 0: b, a, b, null, c → [b, a, c]; group 1: one x → [x]; group 2: only null → [].
    const rows: [number, Value[]][] = [
      [0, ["b"]],
      [1, ["x"]],
      [0, ["a"]],
      [0, ["b"]],
      [2, [null]],
      [0, [null]],
      [1, ["x"]],
      [0, ["c"]],
    ];
    expect(grouped("make_set", ["string"], "dynamic", rows)).toEqual([["b", "a", "c"], ["x"], []]);
  });

  it("must collect a dynamic array's elements into make_set, and count NaN once", () => {
    const arrays: [number, Value[]][] = [
      [0, ["p"]],
      [0, [["q", "p", "r"]]],
      [1, [["s", "s"]]],
    ];
    // Group 0: p, then q and r from the array (p again is a duplicate); group 1: s once.
    expect(grouped("make_set", ["dynamic"], "dynamic", arrays)).toEqual([["p", "q", "r"], ["s"]]);
    // NaN !== NaN, yet make_set keeps one (as hashKey, which equates NaN with NaN); reals print NaN as text in dynamic.
    expect(
      grouped("make_set", ["real"], "dynamic", [
        [0, [Number.NaN]],
        [0, [Number.NaN]],
      ]),
    ).toEqual([["NaN"]]);
  });

  it("must print datetimes in make_set as ISO text, as a per-group make_set does", () => {
    // 0 ticks is 1970-01-01T00:00:00Z.
    expect(
      grouped("make_set", ["datetime"], "dynamic", [
        [0, [0n]],
        [0, [0n]],
      ]),
    ).toEqual([["1970-01-01T00:00:00.0000000Z"]]);
  });

  it("must apply make_set_if's and dcountif's predicate", () => {
    const rows: [number, Value[]][] = [
      [0, ["a", false]],
      [0, ["b", true]],
      [0, ["c", null]],
      [0, ["b", true]],
    ];
    // Only b passes the predicate.
    expect(grouped("make_set_if", ["string", "bool"], "dynamic", rows)).toEqual([["b"]]);
    expect(grouped("dcountif", ["string", "bool"], "long", rows)).toEqual([1]);
  });

  it("must count distinct non-null values per group with dcount, exactly", () => {
    // Group 0: x, y, x, null → 2; group 1: 1 and the long 1 are one value → 1; group 2: null only → 0.
    const rows: [number, Value[]][] = [
      [0, ["x"]],
      [1, [1]],
      [0, ["y"]],
      [0, ["x"]],
      [1, [1]],
      [2, [null]],
      [0, [null]],
    ];
    expect(grouped("dcount", ["string"], "long", rows)).toEqual([2, 1, 0]);
  });

  it("must count rows with count() and rows whose predicate is true with countif()", () => {
    const rows: [number, Value[]][] = [
      [0, [true]],
      [1, [false]],
      [0, [null]],
      [0, [true]],
    ];
    expect(grouped("countif", ["bool"], "long", rows)).toEqual([2, 0]);
    expect(grouped("count", [], "long", rows)).toEqual([3, 1]);
  });

  it("must give every other aggregate its per-group result (sum ignores nulls)", () => {
    const rows: [number, Value[]][] = [
      [0, [2]],
      [1, [5]],
      [0, [null]],
      [0, [3]],
    ];
    expect(grouped("sum", ["long"], "long", rows)).toEqual([5, 5]);
  });

  it("must give summarize the same sets and counts by a key with many groups", () => {
    // 3 calls: c1 has mp4 twice and wav, reasons A, A, C; c2 one webm; c3 one mp4.
    const t = `datatable(C:string, F:string, R:string)["c1", "mp4", "A", "c2", "webm", "B", "c1", "wav", "A", "c1", "mp4", "C", "c3", "mp4", "B"]`;
    expect(json(`${t} | summarize n = count(), fs = make_set(F), rs = dcount(R) by C | order by C asc`)).toEqual([
      { C: "c1", n: 3, fs: ["mp4", "wav"], rs: 2 },
      { C: "c2", n: 1, fs: ["webm"], rs: 1 },
      { C: "c3", n: 1, fs: ["mp4"], rs: 1 },
    ]);
  });
});
