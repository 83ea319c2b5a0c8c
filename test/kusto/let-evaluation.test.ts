import { describe, expect, it } from "vitest";
import { json } from "./helpers";

// let-statement.md: "The let statement binds a name to a calculation, not to the evaluated value of that calculation ...
// multiple references to the same name can return different values ... If this is not the desired behavior, use
// toscalar() or materialize()." Two rand() draws are equal with probability about 2^-52, so counts below are certain.
describe("a let is evaluated at each reference", () => {
  it("must draw a tabular let's rand() again at each reference", () => {
    // Two references, one row each, two different draws: two distinct values.
    expect(json("let T = print r = rand(); T | union T | distinct r | count")).toEqual([{ Count: 2 }]);
    // A let built on that let is a calculation too: each of its references draws again.
    expect(json("let T = print r = rand(); let U = T | extend s = r; U | union U | distinct s | count")).toEqual([
      { Count: 2 },
    ]);
  });

  it("must keep one value where materialize() or toscalar() asks for it", () => {
    expect(json("let M = materialize(print r = rand()); M | union M | distinct r | count")).toEqual([{ Count: 1 }]);
    // A let over a materialized table reads the same rows at each reference.
    expect(
      json("let M = materialize(print r = rand()); let U = M | extend s = r; U | union U | distinct s | count"),
    ).toEqual([{ Count: 1 }]);
    expect(
      json("let r = toscalar(print rand()); range i from 1 to 3 step 1 | extend v = r | distinct v | count"),
    ).toEqual([{ Count: 1 }]);
  });

  it("must draw a scalar let's rand() at each use, row by row", () => {
    // Three rows, each reading r: three draws.
    expect(json("let r = rand(); range i from 1 to 3 step 1 | extend v = r | distinct v | count")).toEqual([
      { Count: 3 },
    ]);
    expect(json("let g = new_guid(); print a = g, b = g | where a != b | count")).toEqual([{ Count: 1 }]);
  });

  it("must give a let without chance one value at every reference", () => {
    // range's rows are the same at both references: 3 distinct values of x, each twice.
    expect(json("let T = range x from 1 to 3 step 1; T | union T | summarize n = count() by x | distinct n")).toEqual([
      { n: 2 },
    ]);
  });
});
