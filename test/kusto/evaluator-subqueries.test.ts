import { describe, expect, it } from "vitest";
import { compileQuery, toJsonRows } from "../../src/kusto";
import { json, run } from "./helpers";

const Arr = `datatable(id:long, xs:dynamic)[1, dynamic([3, 9, 4]), 2, dynamic([7])]`;

describe("mv-apply", () => {
  it("must run the subquery on each row's expanded elements and join the results back to the row", () => {
    // Row 1: top 2 of 3, 9, 4 → 9, 4; row 2: just 7.
    expect(
      json(
        `${Arr} | mv-apply x = xs to typeof(long) on (top 2 by x | summarize best = make_list(x)) | project id, best`,
      ),
    ).toEqual([
      { id: 1, best: [9, 4] },
      { id: 2, best: [7] },
    ]);
  });

  it("must number elements with with_itemindex and stop at the row limit", () => {
    expect(json(`${Arr} | mv-apply with_itemindex = i x = xs limit 2 on (where i >= 0) | project id, i, x`)).toEqual([
      { id: 1, i: 0, x: 3 },
      { id: 1, i: 1, x: 9 },
      { id: 2, i: 0, x: 7 },
    ]);
  });

  it("must give each row's subquery its own toscalar()", () => {
    // Per row: the element minus that row's own minimum (3 for row 1, 7 for row 2).
    expect(
      json(
        `${Arr} | mv-apply x = xs to typeof(long) on (as E | extend d = x - toscalar(E | summarize min(x))) | project id, d`,
      ),
    ).toEqual([
      { id: 1, d: 0 },
      { id: 1, d: 6 },
      { id: 1, d: 1 },
      { id: 2, d: 0 },
    ]);
  });
});

describe("partition", () => {
  const T = `datatable(g:string, v:long)["a", 1, "b", 5, "a", 3, "b", 2]`;

  it("must run the subquery once per value of the column and union the results", () => {
    expect(json(`${T} | partition by g (top 1 by v)`)).toEqual([
      { g: "a", v: 3 },
      { g: "b", v: 5 },
    ]);
  });

  it("must let `as` name the partition for the subquery's own toscalar()", () => {
    // Shares within each partition: a: 1/4, 3/4; b: 5/7, 2/7 (as percentages rounded to whole numbers).
    const q = `${T} | partition by g (as P | extend pct = round(100.0 * v / toscalar(P | summarize sum(v)))) | project g, v, pct`;
    expect(json(q)).toEqual([
      { g: "a", v: 1, pct: 25 },
      { g: "a", v: 3, pct: 75 },
      { g: "b", v: 5, pct: 71 },
      { g: "b", v: 2, pct: 29 },
    ]);
  });
});

describe("search", () => {
  const A = `let A = datatable(s:string, n:long)["Green apple", 1, "blue sky", 2, "evergreen", 3];`;

  it("must match bare terms by the position of their wildcards, in any column, ignoring case", () => {
    // "green": has → only "Green apple" (evergreen has no term green); "*green": hassuffix → both.
    expect(json(`${A} A | search "green" | project s`)).toEqual([{ s: "Green apple" }]);
    expect(json(`${A} A | search "*green" | project s`)).toEqual([{ s: "Green apple" }, { s: "evergreen" }]);
    // A number column is searched as text: "2" is the term of row 2's n.
    expect(json(`${A} A | search "2" | project s`)).toEqual([{ s: "blue sky" }]);
  });

  it("must respect kind=case_sensitive, Column:term and ordinary comparisons", () => {
    expect(json(`${A} A | search kind=case_sensitive "green" | project s`)).toEqual([]);
    expect(json(`${A} A | search s:"sky" or n == 3 | project s`)).toEqual([{ s: "blue sky" }, { s: "evergreen" }]);
  });

  it("must label rows with their source table in $table", () => {
    const q = `${A} let B = datatable(s:string)["green tea"]; search in (A, B) "green" | project ['$table'], s`;
    expect(json(q)).toEqual([
      { $table: "A", s: "Green apple" },
      { $table: "B", s: "green tea" },
    ]);
  });
});

describe("row-shaping operators", () => {
  const P = `datatable(Name:string, Age:long, City:string, Country:string)["ann", 30, "Oslo", "NO"]`;

  it("project-by-names keeps the named, listed and wildcard-matched columns in that order", () => {
    expect(json(`${P} | project-by-names "C*", dynamic(["Name"])`)).toEqual([
      { City: "Oslo", Country: "NO", Name: "ann" },
    ]);
  });

  it("pack_all packs the operator's input columns, optionally without null or empty values", () => {
    expect(
      json(
        `datatable(a:long, b:string, c:long)[1, "", long(null)] | extend p = pack_all(), q = pack_all(true) | project p, q`,
      ),
    ).toEqual([{ p: { a: 1, b: "", c: null }, q: { a: 1 } }]);
  });

  it("mv-expand kind=array expands a bag into [key, value] pairs", () => {
    expect(json(`print d = dynamic({"k": 1, "j": "x"}) | mv-expand kind=array d`)).toEqual([
      { d: ["k", 1] },
      { d: ["j", "x"] },
    ]);
  });

  it("top-hitters ranks values by count, or by the sum of the by-expression", () => {
    const H = `datatable(k:string, w:long)["a", 1, "b", 10, "a", 1, "c", 2]`;
    expect(json(`${H} | top-hitters 1 of k`)).toEqual([{ k: "a", approximate_count_k: 2 }]);
    expect(json(`${H} | top-hitters 2 of k by w`)).toEqual([
      { k: "b", approximate_sum_w: 10 },
      { k: "a", approximate_sum_w: 2 },
    ]);
  });

  it("sample and sample-distinct return the asked number of input rows and distinct values", () => {
    const s = run(`range x from 1 to 10 step 1 | sample 3`).rows.map((r) => r.x as number);
    expect(s).toHaveLength(3);
    expect(new Set(s).size).toBe(3);
    for (const x of s) expect(x >= 1 && x <= 10).toBe(true);
    const d = run(`range x from 1 to 10 step 1 | extend m = x % 3 | sample-distinct 5 of m`).rows.map((r) => r.m);
    // x % 3 has only the values 0, 1, 2.
    expect([...d].sort()).toEqual([0, 1, 2]);
  });

  it("consume returns no rows", () => {
    expect(run(`range x from 1 to 3 step 1 | consume`).rows).toEqual([]);
  });
});

describe("declare pattern", () => {
  const P = `declare pattern P = (k:string)[part:string] { ("x").["Data"] = { print v = 1 }; ("y").["Data"] = { print v = 2 }; };`;

  it("must run the body of the case its constant arguments and path name", () => {
    expect(json(`${P} union P("y").Data, P("x").Data`)).toEqual([{ v: 2 }, { v: 1 }]);
  });

  it("must fail a reference no case matches", () => {
    // Microsoft's binder already refuses it.
    expect(() => run(`${P} P("z").Data`)).toThrow(/does not analyze: .*No pattern/);
  });
});

describe("search over the whole database", () => {
  it("must search the query's views (not its other functions), labelling rows with the view's name", () => {
    const q = `let F = () { range n from 1 to 3 step 1 }; let V = view () { range n from 1 to 3 step 1 }; let W = view () { range n from 2 to 4 step 1 }; search n == 3`;
    // No catalog: the database holds no tables, only the query's views.
    expect(toJsonRows(compileQuery(q).run({}))).toEqual([
      { $table: "V", n: 3 },
      { $table: "W", n: 3 },
    ]);
  });
});
