import { describe, expect, it } from "vitest";
import { compileQuery } from "../../src/kusto";
import { json } from "./helpers";

describe("a bare scalar expression as the query", () => {
  it("runs like print: one row, one column named print_0", () => {
    // ~100 in two's complement is -(100 + 1).
    expect(json("binary_not(100)")).toEqual([{ print_0: -101 }]);
    // asin(1/2) = pi/6.
    expect(json("asin(0.5)")[0].print_0).toBeCloseTo(Math.PI / 6, 12);
    expect(json("dayofmonth(datetime(2015-12-14))")).toEqual([{ print_0: 14 }]);
  });

  it("may follow let statements, and its column carries the expression's type", () => {
    expect(json("let x = 3; x * 2")).toEqual([{ print_0: 6 }]);
    expect(compileQuery("binary_xor(1, 2)").columns).toEqual([{ name: "print_0", type: "long" }]);
  });
});
