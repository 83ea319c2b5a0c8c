// Rules the aggregation and dynamic reference pages state in prose (no published example shows them); expected values
// are worked out by hand from the rule each test cites.
import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("summarize defaults on no values (summarize-operator.md, Default values of aggregations)", () => {
  it("variancep, stdevp and covariance are among 'all others' and give null, variance and stdev give 0", () => {
    const [row] = json(
      "datatable(x:long)[] | summarize vp = variancep(x), sp = stdevp(x), cv = covariance(x, x), cp = covariancep(x, x), v = variance(x), s = stdev(x)",
    );
    expect(row).toEqual({ vp: null, sp: null, cv: null, cp: null, v: 0, s: 0 });
  });

  it("a group whose values are all null has no value: variancep is null there, variance 0", () => {
    // Group b holds only a null x; nulls are ignored (null-values.md), so b aggregates no value at all.
    const rows = json(
      'datatable(x:long, k:string)[1, "a", long(null), "b"] | summarize vp = variancep(x), v = variance(x) by k | order by k asc',
    );
    expect(rows).toEqual([
      { k: "a", vp: 0, v: 0 },
      { k: "b", vp: null, v: 0 },
    ]);
  });
});

describe("percentiles_array defaults to null (summarize-operator.md: all others are null)", () => {
  it("percentiles_array and percentilesw_array over no value are null, not an array of nulls", () => {
    const [row] = json(
      "datatable(x:long, w:long)[] | summarize a = percentiles_array(x, 10, 50), b = percentilesw_array(x, w, 50)",
    );
    expect(row).toEqual({ a: null, b: null });
  });
});

describe("sketch merges default to null (summarize-operator.md: all others are null)", () => {
  it("hll_merge over no sketch is null, as hll over no value", () => {
    const [row] = json("datatable(x:long, k:long)[] | summarize h = hll(x) by k | summarize m = hll_merge(h)");
    expect(row).toEqual({ m: null });
  });
});

describe("take_any (take-any-aggregation-function.md)", () => {
  it("with one column it returns a non-empty value when the group has one", () => {
    const [row] = json('datatable(x:string)["", "a", ""] | summarize t = take_any(x), ti = take_anyif(x, true)');
    expect(row).toEqual({ t: "a", ti: "a" });
  });

  it("take_any(*) by some columns returns the other columns' values from one row, not a row number", () => {
    const rows = json(
      'datatable(x:long, y:string, z:real)[1, "a", 1.5, 2, "b", 2.5] | summarize take_any(*) by x, y | order by x asc',
    );
    expect(rows).toEqual([
      { x: 1, y: "a", z: 1.5 },
      { x: 2, y: "b", z: 2.5 },
    ]);
  });

  it("take_any with several expressions calculates them all over a single record", () => {
    // Each group has one row, so its values must come together: (1, "a", 1.5) and (2, "b", 2.5).
    const rows = json(
      'datatable(x:long, y:string, z:real)[1, "a", 1.5, 2, "b", 2.5] | summarize take_any(z, y) by x | order by x asc',
    );
    expect(rows).toEqual([
      { x: 1, z: 1.5, y: "a" },
      { x: 2, z: 2.5, y: "b" },
    ]);
  });

  it("take_any(*) without by returns every column of one row", () => {
    const [row] = json('datatable(x:long, y:string)[7, "q"] | summarize take_any(*)');
    expect(row).toEqual({ x: 7, y: "q" });
  });
});

describe("strings have no null (null-values.md)", () => {
  it("a string aggregate over no passing row is the empty string", () => {
    // take_anyif: "If the predicate doesn't return 'true', a null value is produced", which a string column holds as "".
    const [row] = json('datatable(y:string, x:long)["a", 1] | summarize t = take_anyif(y, x > 5), m = minif(y, x > 5)');
    expect(row).toEqual({ t: "", m: "" });
  });
});

describe("sum (sum-aggregation-function.md)", () => {
  it("a sum of datetimes, which the analyzer accepts but no page defines, is refused rather than printed as 0", () => {
    expect(() => json("datatable(x:datetime)[datetime(2020-01-01)] | summarize sum(x)")).toThrow(
      /unsupported: aggregate sum\(datetime\)/,
    );
  });
});

describe("make_list / make_set / make_bag maxSize (make-list-aggregation-function.md)", () => {
  it("a maxSize that is not a literal number is refused rather than ignored", () => {
    expect(() => json("datatable(x:long)[1, 2, 3] | summarize make_list(x, 1 + 1)")).toThrow(
      /unsupported: make_list maxSize that is not a literal number at 1:53/,
    );
  });
});

describe("array_shift default (array-shift-left-function.md: null or an empty string by the elements' type)", () => {
  it("a shifted string array fills with empty strings, a number array with nulls", () => {
    const [row] = json(
      'print s = array_shift_left(dynamic(["a", "b", "c"]), 1), r = array_shift_right(dynamic(["a", "b"]), 1), n = array_shift_left(dynamic([1, 2]), 1)',
    );
    expect(row).toEqual({ s: ["b", "c", ""], r: ["", "a"], n: [2, null] });
  });

  it("an array mixing strings and numbers has no documented default and is refused", () => {
    expect(() => json('print s = array_shift_left(dynamic(["a", 1]), 1)')).toThrow(/unsupported: array_shift/);
  });
});

describe("dynamic_to_json (dynamic-to-json-function.md)", () => {
  it("sorts bag keys by name and prints a whole real inside as a real, as tostring does", () => {
    // Reals keep 5.0 inside dynamics (summarize-operator.md: make_set of real 5 is [5.0]).
    const [row] = json('print j = dynamic_to_json(dynamic({"b": [1.0, 2], "a": {"d": 1, "c": 2.5}}))');
    expect(row).toEqual({ j: '{"a":{"c":2.5,"d":1},"b":[1.0,2]}' });
  });
});
