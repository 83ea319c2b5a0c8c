import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

const views = `let A = view () { datatable(k:string, lvl:string, a_only:long)["k1", "err", 1, "k2", "ok", 2] };
let B = view () { datatable(k:string, lvl:string, b_only:string)["k1", "ok", "x", "k3", "err", "y"] };`;

describe("find (find-operator.md)", () => {
  it("project-smart: source_, the predicate's and the common columns, the rest of each row packed into pack_", () => {
    expect(json(`${views} find in (A, B) where lvl == "err"`)).toEqual([
      { source_: "A", k: "k1", lvl: "err", pack_: { a_only: 1 } },
      { source_: "B", k: "k3", lvl: "err", pack_: { b_only: "y" } },
    ]);
  });

  it("a table lacking every column the predicate reads is left out", () => {
    // Only A has a_only; its columns are all shown, so nothing is left to pack.
    expect(json(`${views} find in (A, B) where a_only > 0`)).toEqual([
      { source_: "A", k: "k1", lvl: "err", a_only: 1 },
      { source_: "A", k: "k2", lvl: "ok", a_only: 2 },
    ]);
  });

  it("with a project list, withsource names the source column and a table's missing columns are empty", () => {
    // A is filtered by a_only == 2 and B by b_only == "x": each table by the disjunct it can evaluate.
    const q = `${views} find withsource=T in (A, B) where a_only == 2 or b_only == "x" project k, a_only, b_only`;
    expect(json(q)).toEqual([
      { T: "A", k: "k2", a_only: 2, b_only: "" },
      { T: "B", k: "k1", a_only: null, b_only: "x" },
    ]);
  });

  it("a bare term searches every column of every table", () => {
    expect(json(`${views} find in (A, B) where "x"`)).toEqual([
      { source_: "B", k: "k1", lvl: "ok", pack_: { b_only: "x" } },
    ]);
  });

  it("without in(...) searches the query's views", () => {
    expect(json(`${views} find a_only == 1`)).toEqual([{ source_: "A", k: "k1", lvl: "err", a_only: 1 }]);
  });

  it("refuses a term over columns a table has only some of (the page does not say how it is read)", () => {
    expect(() => run(`${views} find in (A, B) where a_only == 1 and b_only == "x"`)).toThrow(
      /^unsupported: find predicate with a term over columns a table has only some of/,
    );
  });
});
