import { describe, expect, it } from "vitest";
import { type QueryResults, type ResultSet, toJsonRows } from "../../src/kusto";
import { run } from "./helpers";

const sets = (kql: string): { name?: string; rows: Record<string, unknown>[] }[] =>
  ((run(kql) as QueryResults).resultSets ?? []).map((s: ResultSet) => ({
    ...(s.name ? { name: s.name } : {}),
    rows: toJsonRows(s),
  }));

const T = `let T = datatable(a:long, b:string)[1, "x", 2, "y", 3, "x"];`;

describe("several result sets (batches, fork, facet)", () => {
  it("each expression statement is a result set, in order; the first is the query's result", () => {
    const result = run(`print a = 1; print b = 2`);
    expect(toJsonRows(result)).toEqual([{ a: 1 }]);
    expect(sets(`print a = 1; print b = 2`)).toEqual([{ rows: [{ a: 1 }] }, { rows: [{ b: 2 }] }]);
  });

  it("a materialized let is computed once for every statement that reads it", () => {
    const [x, y] = sets(`let R = materialize(print r = rand()); R | project x = r; R | project y = r`);
    expect(x.rows[0].x).toBe(y.rows[0].y);
  });

  it("fork runs each leg on the input, named by name= or a final as", () => {
    expect(sets(`${T} T | fork (where a > 1) N = (count) (top 1 by a asc | as Q)`)).toEqual([
      {
        rows: [
          { a: 2, b: "y" },
          { a: 3, b: "x" },
        ],
      },
      { name: "N", rows: [{ Count: 3 }] },
      { name: "Q", rows: [{ a: 1, b: "x" }] },
    ]);
  });

  it("fork keeps the name of its first leg too", () => {
    expect(sets(`${T} T | fork F = (count) (where a > 2 | count)`)).toEqual([
      { name: "F", rows: [{ Count: 3 }] },
      { rows: [{ Count: 1 }] },
    ]);
  });

  it("facet gives the with table first, then each column's values with their counts", () => {
    expect(sets(`${T} T | facet by b with (where a > 1 | project a)`)).toEqual([
      { rows: [{ a: 2 }, { a: 3 }] },
      {
        rows: [
          { b: "x", count_b: 2 },
          { b: "y", count_b: 1 },
        ],
      },
    ]);
  });

  it("facet's with clause may be a single operator", () => {
    // top 1 by a (descending) keeps a = 3; b has x twice and y once.
    expect(sets(`${T} T | facet by b with top 1 by a`)).toEqual([
      { rows: [{ a: 3, b: "x" }] },
      {
        rows: [
          { b: "x", count_b: 2 },
          { b: "y", count_b: 1 },
        ],
      },
    ]);
  });

  it("refuses fork followed by more operators (there is no one table to pass on)", () => {
    expect(() => run(`${T} T | fork (take 1) (take 2) | count`)).toThrow(/^unsupported: fork other than as the last/);
  });
});
