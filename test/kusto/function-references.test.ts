import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("function references (named-expressions.md)", () => {
  it("a function named without parentheses is called with its defaults", () => {
    // f's default a = 5 gives 5 * 2; f(1) gives 1 * 2.
    expect(json(`let f = (a:long = 5) { a * 2 }; print f, f(1)`)).toEqual([{ print_0: 10, print_1: 2 }]);
  });

  it("a bare reference is evaluated at each use, toscalar() of a closed expression once per query", () => {
    const rows = json(`let x = () { rand() }; let y = () { toscalar(rand()) }; print a = x, b = x, c = y, d = y`);
    expect(rows[0].c).toBe(rows[0].d);
    // Two independent draws of rand() in [0, 1) coincide with probability zero.
    expect(rows[0].a).not.toBe(rows[0].b);
  });

  it("toscalar() of an expression reading a function's parameter is computed per call", () => {
    const q = `let f = (a:long) { toscalar(a * 2) }; range i from 1 to 3 step 1 | extend r = f(i)`;
    expect(json(q)).toEqual([
      { i: 1, r: 2 },
      { i: 2, r: 4 },
      { i: 3, r: 6 },
    ]);
  });
});
