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

describe("search in (...) lays out its sources' columns as union does", () => {
  // search-operator.md: `search in (T1,T2) "err"` is `union T1,T2 | where * has "err"`; union-operator.md: a column
  // with several types becomes one column per type, suffixed `_type`, and cells an input does not define are null.
  const lets = `let T = datatable(x:long, s:string)[1,"an error"]; let U = datatable(x:string)["error 2"];`;
  it("a name with two types is x_long and x_string, each filled from its own table", () => {
    expect(json(`${lets} search in (T, U) "error"`)).toEqual([
      { $table: "T", x_long: 1, x_string: "", s: "an error" },
      { $table: "U", x_long: null, x_string: "error 2", s: "" },
    ]);
  });
  it("a string column a table lacks is empty, not null (strings have no null)", () => {
    const q = `let T = datatable(x:long)[1]; let U = datatable(y:string)["error"]; search in (T, U) "error" or x == 1`;
    expect(json(q)).toEqual([
      { $table: "T", x: 1, y: "" },
      { $table: "U", x: null, y: "error" },
    ]);
  });
});
