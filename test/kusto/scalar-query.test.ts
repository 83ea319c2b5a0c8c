import { describe, expect, it } from "vitest";
import { compileQuery } from "../../src/kusto";

describe("a bare scalar expression as the whole query", () => {
  it("is refused with the position and the print form to use, since Kusto documents no column name for it", () => {
    expect(() => compileQuery("binary_not(100)")).toThrow(
      /^unsupported: a bare scalar expression as the query .*write print <expression>.* at 1:1/,
    );
  });

  it("runs when written with print", () => {
    const result = compileQuery("print binary_not(100)").run({}, { now: 0 });
    // binary_not(100) = ~100 = -101 in two's complement.
    expect(result.rows.map((r) => r.print_0)).toEqual([-101]);
  });
});
