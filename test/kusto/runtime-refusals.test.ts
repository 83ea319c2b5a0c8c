import { describe, expect, it } from "vitest";
import { compileQuery } from "../../src/kusto";
import { UnsupportedError } from "../../src/kusto/errors";

// A function that can only tell from its argument values that it cannot answer exactly refuses while the query runs.
describe("a refusal decided by argument values at run time", () => {
  const refusal = (kql: string): unknown => {
    try {
      compileQuery(kql).run({}, { now: 0 });
    } catch (err) {
      return err;
    }
    throw new Error("the query ran without a refusal");
  };

  it("names the position of the scalar call that refused (line 2, column 14: after the 13 characters of '| extend y = ')", () => {
    // series_outliers' normalisation is published for 10/90 and 25/75 only; 5/95 is refused by value.
    const err = refusal(
      'print x = 1\n| extend y = series_outliers(dynamic([1,2,3,4,5,6,7,8,9,10]), "ctukey", 1, 5, 95)',
    );
    expect(err).toBeInstanceOf(UnsupportedError);
    expect((err as UnsupportedError).message).toMatch(/^unsupported: series_outliers percentiles 5\/95: .* at 2:14$/);
    expect([(err as UnsupportedError).line, (err as UnsupportedError).column]).toEqual([2, 14]);
  });

  it("is not wrapped twice when the refusal already carries a position", () => {
    const err = refusal("print todecimal(1) / 3");
    expect((err as Error).message.match(/ at \d+:\d+/g)).toHaveLength(1);
  });
});
