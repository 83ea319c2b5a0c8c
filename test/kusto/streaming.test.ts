import { describe, expect, it } from "vitest";
import { json } from "./helpers";

// Row-wise operators after range or a let run row by row (src/kusto/compile/streaming.ts): same rows, same order.
describe("row-by-row chains", () => {
  it("must give a where/extend/project/mv-expand chain over range the rows each operator gives alone", () => {
    // x = 1..6; odd x kept: 1, 3, 5; y = x * 10; a = [x, y] expands to x then y; project keeps v.
    expect(
      json(
        "range x from 1 to 6 step 1 | where x % 2 == 1 | extend y = x * 10 | project a = pack_array(x, y) | mv-expand v = a to typeof(long) | project v",
      ),
    ).toEqual([{ v: 1 }, { v: 10 }, { v: 3 }, { v: 30 }, { v: 5 }, { v: 50 }]);
  });

  it("must keep window functions on the operator's whole input", () => {
    // row_number counts the rows where passed (2, 4, 6 → 1, 2, 3); prev reads the previous input row of extend.
    expect(
      json("range x from 1 to 6 step 1 | where x % 2 == 0 | extend n = row_number(), p = prev(x) | project x, n, p"),
    ).toEqual([
      { x: 2, n: 1, p: null },
      { x: 4, n: 2, p: 2 },
      { x: 6, n: 3, p: 4 },
    ]);
  });

  it("must cap mv-expand's rows per input row with limit while streaming", () => {
    // Each of the 2 rows holds [x, x, x]; limit 2 keeps two copies per row.
    expect(
      json(
        "range x from 1 to 2 step 1 | extend a = pack_array(x, x, x) | mv-expand a to typeof(long) limit 2 | project a",
      ),
    ).toEqual([{ a: 1 }, { a: 1 }, { a: 2 }, { a: 2 }]);
  });

  it("must evaluate a random let again for each reference that streams from it", () => {
    // 1,000 rows, each referenced twice with its own draw: r equals r1 with probability about 1000 * 2^-52.
    expect(
      json(
        "let T = range x from 1 to 1000 step 1 | extend r = rand(); T | where r >= 0 | join kind=inner (T | where r >= 0) on x | where r != r1 | count",
      ),
    ).toEqual([{ Count: 1000 }]);
    // A kept let streams from its one table: both references read the same draws.
    expect(
      json(
        "let T = materialize(range x from 1 to 1000 step 1 | extend r = rand()); T | where r >= 0 | join kind=inner (T | where r >= 0) on x | where r != r1 | count",
      ),
    ).toEqual([{ Count: 0 }]);
  });
});
