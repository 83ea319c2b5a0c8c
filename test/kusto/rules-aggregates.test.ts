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

describe("percentile levels (percentiles-aggregation-function.md)", () => {
  it("percentiles and percentilesw with one level give that level's value in its one column, not an array", () => {
    // Nearest rank of 50% over 1, 2, 3: rank ceil(0.5 * 3) = 2, the value 2; weights of 1 change nothing.
    const [row] = json(
      "datatable(x:long, w:long)[1, 1, 2, 1, 3, 1] | summarize p = percentiles(x, 50), pw = percentilesw(x, w, 50)",
    );
    expect(row).toEqual({ p: 2, pw: 2 });
  });

  it("a level read from a column is not 'a constant' and is refused", () => {
    expect(() => json("datatable(x:long)[1, 2, 3] | summarize percentile(x, x)")).toThrow(
      /unsupported: percentile level that is not a constant at 1:54/,
    );
  });

  it("percentiles_array takes a constant array of levels that is not a literal", () => {
    const [row] = json(
      "let lv = dynamic([10, 50]); datatable(x:long)[1, 2, 3] | summarize a = percentiles_array(x, lv)",
    );
    // 10%: rank ceil(0.3) = 1 -> 1; 50%: rank 2 -> 2
    expect(row).toEqual({ a: [1, 2] });
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

  it("take_any(*) over a one-column input returns that column", () => {
    // The record is arbitrary: any of the three rows' i.
    const rows = json("range i from 1 to 3 step 1 | summarize take_any(*)");
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(["i"]);
    expect([1, 2, 3]).toContain(rows[0].i);
  });

  it("take_any(*) without by returns every column of one row", () => {
    const [row] = json('datatable(x:long, y:string)[7, "q"] | summarize take_any(*)');
    expect(row).toEqual({ x: 7, y: "q" });
  });
});

describe("summarize groups by value (summarize-operator.md: one row per distinct combination of by values)", () => {
  it("equal decimals form one group, however they are written", () => {
    // 1.5, 1.5 and 1.50 are one decimal value: one group of 3.
    const rows = json("datatable(d:decimal)[decimal(1.5), decimal(1.5), decimal(1.50)] | summarize c = count() by d");
    expect(rows.map((r) => r.c)).toEqual([3]);
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

describe("rules the engine already kept, pinned (each page's prose)", () => {
  it("summarize of no rows: one row of defaults without by, no row with by (summarize-operator.md)", () => {
    expect(json("datatable(x:long)[] | summarize c = count(), s = sum(x), l = make_list(x), d = dcount(x)")).toEqual([
      { c: 0, s: 0, l: [], d: 0 },
    ]);
    expect(json("datatable(x:long)[] | summarize c = count() by bin(x, 10)")).toEqual([]);
  });

  it("make_bag skips values that are not property bags (make-bag-aggregation-function.md)", () => {
    // Rows: {"a":1}, [1,2], "s", null, {"b":2} -> only the two bags contribute.
    const [row] = json(
      'datatable(d:dynamic)[dynamic({"a":1}), dynamic([1,2]), dynamic("s"), dynamic(null), dynamic({"b":2})] | summarize m = make_bag(d)',
    );
    expect(row).toEqual({ m: { a: 1, b: 2 } });
  });

  it("arg_min over a group whose expression is null on every row still returns a row (arg-min-aggregation-function.md)", () => {
    const [row] = json('datatable(x:long, y:string)[long(null), "only"] | summarize arg_min(x, y)');
    expect(row).toEqual({ x: null, y: "only" });
  });

  it("bag_zip fills missing values with null and ignores extra values and non-string keys (bag-zip.md)", () => {
    const [row] = json(
      'print a = bag_zip(dynamic(["k1", "k2", "k3"]), dynamic([1, 2])), b = bag_zip(dynamic(["k1", 5, "k3"]), dynamic([1, 2, 3, 4]))',
    );
    expect(row).toEqual({ a: { k1: 1, k2: 2, k3: null }, b: { k1: 1, k3: 3 } });
  });

  it("repeat gives [] for count 0 and null for a negative count (repeat-function.md)", () => {
    const [row] = json('print z = repeat("a", 0), n = repeat("a", -1), t = repeat(7, 3)');
    expect(row).toEqual({ z: [], n: null, t: [7, 7, 7] });
  });

  it("array_iff: numbers are true unless 0, other conditions give null, short branches give null (array-iff-function.md)", () => {
    const [row] = json('print r = array_iff(dynamic([true, 0, 2, "x"]), dynamic([1, 2, 3, 4]), dynamic([-1]))');
    // index 0 true -> 1; index 1 is 0 -> when_false[1], missing -> null; index 2 -> 3; index 3 "x" -> null
    expect(row).toEqual({ r: [1, null, 3, null] });
  });

  it("range stops at 1,048,576 values (range-function.md)", () => {
    const [row] = json("print n = array_length(range(1, 2000000))");
    expect(row).toEqual({ n: 1_048_576 });
  });

  it("mv-expand: a null gives one null row, an empty array none, parallel arrays pad with null (mv-expand-operator.md)", () => {
    expect(json("print k = 1, a = dynamic(null) | mv-expand a")).toEqual([{ k: 1, a: null }]);
    expect(json("print k = 1, a = dynamic([]) | mv-expand a")).toEqual([]);
    expect(json('print a = dynamic([1, 2]), b = dynamic(["x"]) | mv-expand a, b')).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: null },
    ]);
  });
});

describe("mv-expand to typeof() is cast-only (mv-expand-operator.md)", () => {
  it("a long beyond 2^53 conforms to long; other elements become null", () => {
    expect(json('print a = dynamic([9007199254740993, "x"]) | mv-expand a to typeof(long)')).toEqual([
      { a: "9007199254740993" },
      { a: null },
    ]);
  });

  it("an int column cannot hold a number beyond int32: refused, as the page does not say it becomes null", () => {
    expect(json("print a = dynamic([1, -2, 2147483647]) | mv-expand a to typeof(int)")).toEqual([
      { a: 1 },
      { a: -2 },
      { a: 2147483647 },
    ]);
    expect(() => json("print a = dynamic([3000000000]) | mv-expand a to typeof(int)")).toThrow(
      /unsupported: mv-expand\/mv-apply to typeof\(int\) of a number beyond int32 at 1:/,
    );
  });

  it("to typeof(guid) or typeof(decimal), whose conforming elements a dynamic here cannot tell, is refused", () => {
    expect(() => json("print a = dynamic([1.5]) | mv-expand a to typeof(decimal)")).toThrow(
      /unsupported: mv-expand\/mv-apply to typeof\(decimal\) at 1:/,
    );
  });

  it("a non-string element in a string column is empty, as strings hold no null (null-values.md)", () => {
    expect(json('print a = dynamic(["s", 1]) | mv-expand a to typeof(string)')).toEqual([{ a: "s" }, { a: "" }]);
  });
});
