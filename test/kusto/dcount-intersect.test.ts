import { describe, expect, it } from "vitest";
import { compileQuery } from "../../src/kusto";
import { json } from "./helpers";

// Over 1..12: multiples of 2 = {2,4,6,8,10,12}, of 3 = {3,6,9,12}, of 4 = {4,8,12}; null (iif's else) is not counted.
const sketches = `range x from 1 to 12 step 1
| summarize by2 = hll(iif(x % 2 == 0, x, long(null))), by3 = hll(iif(x % 3 == 0, x, long(null))),
            by4 = hll(iif(x % 4 == 0, x, long(null)))`;

describe("evaluate dcount_intersect", () => {
  it("gives s0..s(n-1): |S1|, |S1∩S2|, |S1∩S2∩S3| (exact: this engine's hll keeps every key)", () => {
    // S1∩S2 = {6,12}; S1∩S2∩S3 = {12}.
    const counts = "project s0, s1, s2";
    expect(json(`${sketches} | evaluate dcount_intersect(by2, by3, by4) | ${counts}`)).toEqual([
      { s0: 6, s1: 2, s2: 1 },
    ]);
    // Order matters: S3 = {4,8,12} first, then ∩ {2,4,...,12} keeps all three, then ∩ multiples of 3 keeps {12}.
    expect(json(`${sketches} | evaluate dcount_intersect(by4, by2, by3) | ${counts}`)).toEqual([
      { s0: 3, s1: 3, s2: 1 },
    ]);
  });

  it("works row by row, keeping the input's columns (a null sketch is the empty set)", () => {
    // x <= 6: evens {2,4,6}, multiples of 3 {3,6} -> 3 and {6}; x > 6: {8,10,12} and {9,12} -> 3 and {12}.
    const q = `range x from 1 to 12 step 1 | summarize e = hll(iif(x % 2 == 0, x, long(null))),
                 t = hll(iif(x % 3 == 0, x, long(null))) by late = x > 6
               | evaluate dcount_intersect(e, t) | project late, s0, s1 | order by late asc`;
    expect(json(q)).toEqual([
      { late: false, s0: 3, s1: 1 },
      { late: true, s0: 3, s1: 1 },
    ]);
    const empty = "print a = dynamic(null), b = dynamic(null) | evaluate dcount_intersect(a, b)";
    expect(json(empty)).toEqual([{ a: null, b: null, s0: 0, s1: 0 }]);
  });

  it("types its counts as long", () => {
    const q = compileQuery(`${sketches} | evaluate dcount_intersect(by2, by3)`);
    expect(q.columns.slice(-2)).toEqual([
      { name: "s0", type: "long" },
      { name: "s1", type: "long" },
    ]);
    expect(q.run({}, { now: 0 }).columns.map((c) => c.name)).toEqual(["by2", "by3", "by4", "s0", "s1"]);
  });
});
