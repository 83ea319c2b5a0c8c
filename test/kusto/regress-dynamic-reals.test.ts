import { describe, expect, it } from "vitest";
import { stringifyJson, toJsonRows } from "../../src/kusto";
import { json, run } from "./helpers";

// Answers the boxed whole real (DynamicReal) and the exponent printing of dynamic reals changed by mistake, found by
// running the engine of commit 1c38fd3 and this one side by side on the same queries.
const one = (kql: string) => json(kql)[0];

describe("a non-finite real inside a dynamic prints as JSON has it", () => {
  it("tostring of series_divide by zero is JSON text with null for ±inf and NaN, never the printer's internal marker", () => {
    // series-divide-function.md: 1/0 is +inf, 0/0 NaN, -1/0 -inf; JSON has no literal for them, so each prints null.
    const row = one("print d = series_divide(dynamic([1, 0, -1]), dynamic([0, 0, 0])) | project s = tostring(d)");
    expect(row).toEqual({ s: "[null,null,null]" });
  });

  it("the JSON rows of a dynamic holding -inf next to a tiny real parse back, the tiny real in exponent form", () => {
    // series_log of 0 is -inf (log of 0); 0.00001 below 1E-04 prints as 1E-05 (86e637b's .NET form).
    const text = stringifyJson(toJsonRows(run("print d = series_log(dynamic([0, 1])), e = dynamic([0.00001])")));
    expect(text).not.toContain("\u0000");
    expect(JSON.parse(text)).toEqual([{ d: [null, 0], e: [0.00001] }]);
    expect(text).toContain("1E-05");
  });
});

describe("percentiles_array_tdigest reads a whole real level from a dynamic array as its number", () => {
  it("levels dynamic([50.0, 90]) over 1..10 give the same values as levels 50 and 90", () => {
    // percentiles-array-tdigest-function.md: the levels may be a dynamic array; 50% of 1..10 is 5, 90% is 9 (nearest rank).
    const row = one(
      "range x from 1 to 10 step 1 | summarize t = tdigest(x) | project p = tostring(percentiles_array_tdigest(t, dynamic([50.0, 90]))), q = tostring(percentiles_array_tdigest(t, 50, 90))",
    );
    expect(row).toEqual({ p: "[5,9]", q: "[5,9]" });
  });
});

describe("extract_all reads a whole real group number from a dynamic array as its number", () => {
  it("groups dynamic([1.0, 2]) select groups 1 and 2 of each match", () => {
    // 'abcd' has two matches of (\w)(\w): "ab" and "cd".
    expect(json(`print r = extract_all(@'(\\w)(\\w)', dynamic([1.0, 2]), 'abcd')`)).toEqual([
      {
        r: [
          ["a", "b"],
          ["c", "d"],
        ],
      },
    ]);
  });
});
