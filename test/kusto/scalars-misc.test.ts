import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("around(value, center, delta)", () => {
  it("is true on both ends of [center - delta, center + delta] and false just outside", () => {
    const [row] = json("print a = around(4, 5, 1), b = around(6, 5, 1), c = around(7, 5, 1), d = around(2.5, 3, 0.25)");
    expect(row).toEqual({ a: true, b: true, c: false, d: false });
  });

  it("takes datetimes with a timespan delta, exact to the tick", () => {
    const [row] = json(
      "print inside = around(datetime(2021-01-01 01:31), datetime(2021-01-01 01:30), 1min)," +
        " outside = around(datetime(2021-01-01 01:31:00.0000001), datetime(2021-01-01 01:30), 1min)",
    );
    expect(row).toEqual({ inside: true, outside: false });
  });

  it("is null when an argument is null", () => {
    expect(json("print r = around(long(null), 1, 1)")).toEqual([{ r: null }]);
  });
});

describe("repeat(value, count)", () => {
  it("gives count copies, an empty array for 0 and null for a negative count", () => {
    const [row] = json("print a = repeat('x', 3), b = repeat(1.5, 0), c = repeat(true, -1)");
    expect(row).toEqual({ a: ["x", "x", "x"], b: [], c: null });
  });

  it("puts a timespan in the array as its text", () => {
    expect(json("print r = repeat(1h, 2)")).toEqual([{ r: ["01:00:00", "01:00:00"] }]);
  });

  it("refuses more elements than the engine's array limit, at the call's line:col", () => {
    expect(() => json("print r = repeat(1, 1048577)")).toThrow(
      /^unsupported: repeat\(\) of 1048577 elements.* at 1:11$/,
    );
  });
});

describe("count_distinctif(expr, predicate)", () => {
  it("counts distinct non-null values of the rows where the predicate holds", () => {
    // Rows with k == 'a' hold x = 1, 1, 2, null: two distinct values.
    const rows = json(
      "datatable(k:string, x:long)['a',1,'a',1,'a',2,'b',3,'a',long(null)] | summarize n = count_distinctif(x, k == 'a')",
    );
    expect(rows).toEqual([{ n: 2 }]);
  });
});

describe("estimate_data_size", () => {
  it("adds the documented sizes: long 8, int 4, datetime 8, a string its length", () => {
    // 8 (long) + 2 ("xy") + 4 (int) + 8 (datetime) = 22.
    const [row] = json(
      "print a = 1, b = 'xy', c = toint(3), d = datetime(2020-01-01) | project n = estimate_data_size(*)",
    );
    expect(row).toEqual({ n: 22 });
  });

  it("takes listed columns: 8 + 3 = 11", () => {
    expect(json("print a = 1, b = 'abc', c = 2.5 | project n = estimate_data_size(a, b)")).toEqual([{ n: 11 }]);
  });

  it("refuses a type whose size is not documented", () => {
    expect(() => json("print c = 2.5 | project estimate_data_size(c)")).toThrow(
      /unsupported: estimate_data_size of a real/,
    );
  });
});

describe("array_sort_asc/desc of several arrays", () => {
  it("sorts the first array and puts the others in the same order, one column each", () => {
    // The binder names the columns after the arguments: array1_sorted, array2_sorted.
    const rows = json(
      "let array1 = dynamic([3, 1, 2]); let array2 = dynamic(['c', 'a', 'b']); print array_sort_asc(array1, array2)",
    );
    expect(rows).toEqual([{ array1_sorted: [1, 2, 3], array2_sorted: ["a", "b", "c"] }]);
  });

  it("gives null for an array whose length differs from the first", () => {
    const [row] = json("print (a, b) = array_sort_desc(dynamic([1, 2]), dynamic(['x']))");
    expect(row).toEqual({ a: [2, 1], b: null });
  });

  it("lets [i] pick one of the sorted arrays; nulls_last = false puts the null first", () => {
    const [row] = json("print r = array_sort_asc(dynamic([2, null, 1]), dynamic(['b', 'n', 'a']), false)[1]");
    expect(row).toEqual({ r: ["n", "a", "b"] });
  });
});

describe("functions refused on purpose say why", () => {
  it("names the missing principal, cluster or undocumented rule", () => {
    expect(() => json("print current_principal()")).toThrow(
      /unsupported: current_principal\(\): .*principal .* at 1:7/,
    );
    expect(() => json("print current_database()")).toThrow(/unsupported: current_database\(\): .*no cluster/);
    expect(() => json("print hash_combine(1, 2)")).toThrow(/unsupported: hash_combine\(\): .*not document/);
    expect(() => json("print hash_many('a', 'b')")).toThrow(/unsupported: hash_many\(\)/);
  });
});

describe("assert(condition, message)", () => {
  const fn = "let atLeast = (len:long, s:string) { assert(len > 0, 'len must be positive') and strlen(s) >= len };";

  it("is true when its constant condition holds, so the filter still runs", () => {
    expect(json(`${fn} datatable(s:string)['ab', 'abc'] | where atLeast(3, s)`)).toEqual([{ s: "abc" }]);
  });

  it("fails the query with its message when false, even when no row reaches it", () => {
    expect(() => json(`${fn} datatable(s:string)['ab'] | where atLeast(0, s)`)).toThrow(
      "assert() has failed with message: 'len must be positive'",
    );
    expect(() => json("let b = false; print x = 1 | where b | where assert(b, 'no rows either')")).toThrow(
      /no rows either/,
    );
  });

  it("is refused when its condition depends on the row (Kusto requires a constant)", () => {
    expect(() => json("print x = 1 | where assert(x > 0, 'm')")).toThrow(/unsupported: assert\(\) whose condition/);
  });
});

describe("bin_auto(value) with set query_bin_auto_size / query_bin_auto_at", () => {
  it("bins by the set size from the set fixed point: 1h bins from 00:05 put 00:05..01:04 in one bin", () => {
    const rows = json(
      "set query_bin_auto_size=1h; set query_bin_auto_at=datetime(2017-01-01 00:05);" +
        " print t = bin_auto(datetime(2017-01-01 01:04:59)), u = bin_auto(datetime(2017-01-01 01:05))",
    );
    expect(rows).toEqual([{ t: "2017-01-01T00:05:00.0000000Z", u: "2017-01-01T01:05:00.0000000Z" }]);
  });

  it("defaults the fixed point to 0: size 10 puts 8 in bin 0 and 22 in bin 20", () => {
    expect(json("set query_bin_auto_size=10; print a = bin_auto(8), b = bin_auto(22)")).toEqual([{ a: 0, b: 20 }]);
  });

  it("says which set statement is missing", () => {
    expect(() => json("print bin_auto(3)")).toThrow(/set query_bin_auto_size=/);
  });
});

describe("base64_decode_toarray", () => {
  it("gives the bytes of UTF-8 text: 'S3VzdG8=' is K u s t o = [75, 117, 115, 116, 111]", () => {
    expect(json("print b = base64_decode_toarray('S3VzdG8=')")).toEqual([{ b: [75, 117, 115, 116, 111] }]);
  });

  it("gives null for bytes that are not UTF-8, as the fromarray page documents ('/w==' is the lone byte 0xFF)", () => {
    expect(json("print b = base64_decode_toarray('/w==')")).toEqual([{ b: null }]);
  });
});

describe("column_ifexists(name, default)", () => {
  it("reads the column when the rows have it and the default otherwise", () => {
    const rows = json("print a = 1.5 | extend y = column_ifexists('a', 0.0), z = column_ifexists('b', 7)");
    expect(rows).toEqual([{ a: 1.5, y: 1.5, z: 7 }]);
  });

  it("refuses a column whose type differs from the default's, which would change the result type", () => {
    expect(() => json("print a = 1.5 | extend y = column_ifexists('a', 0)")).toThrow(
      /unsupported: column_ifexists of a \(real\) with a default of type long/,
    );
  });
});

describe("weighted percentiles of timespans and datetimes", () => {
  it("pick the first value whose cumulative weight reaches p% of the total, exact to the tick", () => {
    // Weights 8, 6, 3, 1 (total 18): 50% is 9, first reached at 2h (8 + 6 = 14); 99.9% is 17.982, reached at 4h.
    const rows = json(
      "datatable(t:timespan, w:long)[1h, 8, 2h, 6, 3h, 3, 4h, 1] | summarize a = percentilew(t, w, 50), b = percentilew(t, w, 99.9)",
    );
    expect(rows).toEqual([{ a: "02:00:00", b: "04:00:00" }]);
  });

  it("sort datetimes before weighing: 5 of 7 weight on Jan 1 makes it the median", () => {
    const rows = json(
      "datatable(d:datetime, w:long)[datetime(2020-01-03), 1, datetime(2020-01-01), 5, datetime(2020-01-02), 1] | summarize m = percentilew(d, w, 50)",
    );
    expect(rows).toEqual([{ m: "2020-01-01T00:00:00.0000000Z" }]);
  });
});

describe("user function arguments", () => {
  const f = "let f = (a:long, b:long, c:long = 100) { a * 100 + b * 10 + c };";

  it("bind a positional argument to the parameter at its own position, after named ones too", () => {
    // f(a=1, 2): 2 is the call's second argument, so b = 2; c keeps its default: 100 + 20 + 100.
    const [row] = json(`${f} print x = f(a = 1, 2), y = f(1, c = 3, b = 2), z = f(b = 2, a = 1)`);
    expect(row).toEqual({ x: 220, y: 123, z: 220 });
  });
});
