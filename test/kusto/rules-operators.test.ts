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
