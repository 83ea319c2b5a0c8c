import { describe, expect, it } from "vitest";
import { json } from "./helpers";

// Rules the tabular operators' reference pages state in prose; expected values are worked out from those rules.

const specials = `datatable(x:real)[5.0, real(null), real(nan), real(-inf), 0.0, real(+inf), -5.0]`;
const xs = (rows: Record<string, unknown>[]) => rows.map((r) => r.x);

describe("sort: null and NaN are grouped at the nulls end, null outermost", () => {
  // sort-operator.md "Using special floating-point values" table.
  it("asc nulls first: null, NaN, -inf, -5, 0, 5, +inf", () => {
    expect(xs(json(`${specials} | sort by x asc`))).toEqual([null, "NaN", "-Infinity", -5, 0, 5, "Infinity"]);
  });
  it("asc nulls last: -inf, -5, 0, 5, +inf, NaN, null", () => {
    expect(xs(json(`${specials} | sort by x asc nulls last`))).toEqual(["-Infinity", -5, 0, 5, "Infinity", "NaN", null]);
  });
  it("desc nulls first: null, NaN, +inf, 5, 0, -5, -inf", () => {
    expect(xs(json(`${specials} | sort by x desc nulls first`))).toEqual([null, "NaN", "Infinity", 5, 0, -5, "-Infinity"]);
  });
  it("desc (nulls last by default): +inf, 5, 0, -5, -inf, NaN, null", () => {
    expect(xs(json(`${specials} | order by x`))).toEqual(["Infinity", 5, 0, -5, "-Infinity", "NaN", null]);
  });
  it("top takes the same order: top 3 by x desc nulls first is null, NaN, +inf", () => {
    // top-operator.md: nulls first/last as in sort.
    expect(xs(json(`${specials} | top 3 by x desc nulls first`))).toEqual([null, "NaN", "Infinity"]);
  });
});

describe("window functions need serialized rows", () => {
  // window-functions.md: window functions can only be used on serialized sets; serialize-operator.md lists
  // summarize, distinct, join... as marking their output nonserialized, sort/serialize as serializing.
  const grouped = `datatable(x:long)[3,1,2] | summarize c=count() by x`;
  it("row_number after summarize is an error naming summarize and the fix", () => {
    expect(() => json(`${grouped} | extend rn=row_number()`)).toThrow(/row_number needs serialized rows.*summarize.*serialize/);
  });
  it("prev after distinct, through a where, is an error", () => {
    expect(() => json(`datatable(x:long)[1,1] | distinct x | where x > 0 | extend p=prev(x)`)).toThrow(/prev.*distinct/);
  });
  it("serialize or sort after summarize makes the rows serialized again", () => {
    // sort by x desc: 3, 2, 1 numbered 1, 2, 3.
    expect(json(`${grouped} | sort by x | extend rn=row_number() | project x, rn`)).toEqual([
      { x: 3, rn: 1 },
      { x: 2, rn: 2 },
      { x: 1, rn: 3 },
    ]);
    expect(json(`${grouped} | serialize rn=row_number() | summarize max(rn)`)).toEqual([{ max_rn: 3 }]);
  });
});
