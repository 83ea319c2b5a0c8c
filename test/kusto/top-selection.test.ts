import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("top over many rows (kept by selection, not a full sort)", () => {
  it("keeps the first n rows of the stable sort: ties in input order", () => {
    // v = x % 10 is 9 for x = 9, 19, ..., 99; the first three of them in input order.
    expect(json(`range x from 1 to 100 step 1 | extend v = x % 10 | top 3 by v | project x`)).toEqual([
      { x: 9 },
      { x: 19 },
      { x: 29 },
    ]);
  });

  it("ascending puts nulls first, as sort does", () => {
    const q = `range x from 1 to 20 step 1 | extend v = iff(x == 15, long(null), x) | top 2 by v asc`;
    expect(json(q)).toEqual([
      { x: 15, v: null },
      { x: 1, v: 1 },
    ]);
  });
});
