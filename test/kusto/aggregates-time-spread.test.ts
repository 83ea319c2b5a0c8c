import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("stdev and variance take numbers only", () => {
  it("refuse a timespan or datetime argument (the docs give no unit for their result)", () => {
    for (const agg of [
      "stdev(t)",
      "stdevp(t)",
      "variance(t)",
      "variancep(t)",
      "stdevif(t, true)",
      "varianceif(t, true)",
    ])
      expect(() => json(`datatable(t:timespan)[1h, 2h, 3h] | summarize ${agg}`)).toThrow(/unsupported: aggregate/);
    expect(() => json("datatable(t:datetime)[datetime(2020-01-01)] | summarize stdev(t)")).toThrow(/unsupported:/);
  });

  it("still spread numbers: the sample stdev of 1..5 is sqrt(10/4), the population variance 10/5", () => {
    // Deviations from the mean 3 are -2..2; their squares sum to 10.
    const [row] = json("range x from 1 to 5 step 1 | summarize s = stdev(x), vp = variancep(x)");
    expect(row.s).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(row.vp).toBeCloseTo(2, 12);
  });
});
