import { describe, expect, it } from "vitest";
import { toJsonRows } from "../../src/kusto";
import { asDouble, DynamicReal, dynamicReal, isDynamicRealValue, unboxReal } from "../../src/kusto/values/dynamic-real";
import { dynamicRealText } from "../../src/kusto/values/real-text";
import { json, run } from "./helpers";

// A dynamic keeps long and real apart, so a whole real inside one stays a real. Expected values are worked out from
// the rules the reference pages (MicrosoftDocs/dataexplorer-docs, data-explorer/kusto/query/) show:
// summarize-operator.md (make_set of real 5 prints [5.0]), bag-remove-keys-function.md (dynamic 42.0 stays 42.0),
// series-ceiling-function.md ([-1.5,1,2.5] -> [-1.0,1.0,3.0]), series-add-function.md (longs stay longs: [5,4,5]),
// series-fill-const-function.md ([111,0.0,36,...]), series-fill-linear-function.md (73 between longs, 73.5 between
// reals), gettype-function.md (gettype(parse_json('1')) is "int"), mv-expand-operator.md (typeof is cast-only).
const one = (kql: string) => json(kql)[0];

describe("whole reals inside a dynamic print and type as reals", () => {
  it("make_set of a real column prints the whole real with its .0", () => {
    // rows y = null, 5.0: the set holds the one real 5.0
    const row = one(
      "range x from 1 to 2 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize s = make_set(y) | project t = tostring(s)",
    );
    expect(row).toEqual({ t: "[5.0]" });
  });

  it("percentiles_array of a real column holds reals; its levels may be given as reals", () => {
    // reals 1.0..4.0: nearest rank 50% is 2.0, 100% is 4.0; longs 1..4 at 50% give the long 2
    const row = one(
      "range x from 1 to 4 step 1 | extend r = todouble(x) | summarize a = percentiles_array(r, 50, 100), b = percentiles_array(x, dynamic([50.0])) | project ta = tostring(a), tb = tostring(b)",
    );
    expect(row).toEqual({ ta: "[2.0,4.0]", tb: "[2]" });
  });

  it("make_list and pack_array of reals keep them real, longs stay long", () => {
    const row = one(
      "print a = pack_array(2.0, 2, 2.5) | project t = tostring(a), g0 = gettype(a[0]), g1 = gettype(a[1])",
    );
    expect(row).toEqual({ t: "[2.0,2,2.5]", g0: "real", g1: "int" });
  });

  it("a dynamic literal keeps 42.0 a real next to the long 123", () => {
    const row = one(
      "print d = dynamic({'i': 123, 'r': 42.0}) | project s = tostring(d), gi = gettype(d.i), gr = gettype(d.r)",
    );
    expect(row).toEqual({ s: '{"i":123,"r":42.0}', gi: "int", gr: "real" });
  });

  it("parse_json reads a number written with a fraction or an exponent as a real", () => {
    // 7.0 and 1e3 are reals (1000.0), 1.5 a real, 2 an int; text inside a string ("v1.0") is not a number
    const row = one(
      `print d = parse_json('{"a":[7.0,1e3,1.5,2],"s":"v1.0"}') | project t = tostring(d.a), g0 = gettype(d.a[0]), g1 = gettype(d.a[1]), g3 = gettype(d.a[3]), s = gettype(d.s)`,
    );
    expect(row).toEqual({ t: "[7.0,1000.0,1.5,2]", g0: "real", g1: "real", g3: "int", s: "string" });
  });

  it("a real placed in a dynamic datatable column stays a real", () => {
    const rows = json("datatable(d: dynamic)[5.0, 5] | project g = gettype(d), t = tostring(pack_array(d))");
    expect(rows).toEqual([
      { g: "real", t: "[5.0]" },
      { g: "int", t: "[5]" },
    ]);
  });

  it("a real passed to a function's dynamic parameter stays a real", () => {
    const row = one(
      "let f = (d: dynamic) { strcat(gettype(d), ' ', tostring(pack_array(d))) }; print a = f(5.0), b = f(5)",
    );
    expect(row).toEqual({ a: "real [5.0]", b: "int [5]" });
  });

  it("an iff typed real takes a dynamic branch's whole real as its plain number", () => {
    const result = run("print x = iff(true, dynamic(5.0), 1.5)");
    expect(result.columns).toEqual([{ name: "x", type: "real" }]);
    expect(result.rows[0].x).toBe(5);
  });

  it("an integer JSON number is still an int", () => {
    expect(one("print g = gettype(parse_json('1')), h = gettype(parse_json('[5]')[0])")).toEqual({
      g: "int",
      h: "int",
    });
  });

  it("a whole real beyond 1E+15 prints in .NET's exponent form, without an added .0", () => {
    expect(one("print t = tostring(pack_array(1e20, 123456789012345.0))")).toEqual({ t: "[1E+20,123456789012345.0]" });
  });

  it("the JSON result holds a whole real as the JSON number (JSON has one number type)", () => {
    expect(one("print d = pack_array(5.0, 1.5), r = dynamic(7.0)")).toEqual({ d: [5, 1.5], r: 7 });
  });
});

describe("whole reals inside a dynamic read as their number", () => {
  it("todouble, toreal, tolong and toint take the number", () => {
    const row = one(
      "print b = pack_array(7.0) | project r = todouble(b[0]), r2 = toreal(b[0]), l = tolong(b[0]), i = toint(b[0])",
    );
    expect(row).toEqual({ r: 7, r2: 7, l: 7, i: 7 });
  });

  it("a boxed 5.0 equals the long 5 and the real 5, as numbers compare by value", () => {
    const row = one(
      "print d = dynamic(5.0) | project a = d == dynamic(5), b = d == 5, c = d == 5.0, e = d != 5, f = d > 4, g = d < 5",
    );
    expect(row).toEqual({ a: true, b: true, c: true, e: false, f: true, g: false });
  });

  it("in finds a long or a real in a dynamic list holding the whole real of the same value", () => {
    expect(one("print a = 5 in (dynamic([5.0])), b = 5.0 in (dynamic([2, 5.0])), c = 6 in (dynamic([5.0]))")).toEqual({
      a: true,
      b: true,
      c: false,
    });
  });

  it("arithmetic typed real uses the number; a dynamic result of a real stays real", () => {
    // 7.0 * 1.5 = 10.5; dynamic(5.0) + dynamic(1) is the real 6.0; -dynamic(5.0) is the real -5.0
    const row = one(
      "print b = bag_pack('a', 7.0) | project m = b.a * 1.5, s = tostring(pack_array(dynamic(5.0) + dynamic(1), -dynamic(5.0))), g = gettype(-dynamic(5.0))",
    );
    expect(row).toEqual({ m: 10.5, s: "[6.0,-5.0]", g: "real" });
  });

  it("refuses a real inside a dynamic where the binder types the result long, rather than guess a conversion", () => {
    expect(() => json("print b = bag_pack('a', 7.0) | project d = b.a / 2")).toThrow(
      /^unsupported: '\/' on a real inside a dynamic.* at 1:44$/,
    );
    // the documented way: convert first (numerical-operators.md), 7.0 / 2 = 3.5
    expect(one("print b = bag_pack('a', 7.0) | project d = todouble(b.a) / 2")).toEqual({ d: 3.5 });
  });

  it("array_sort_asc orders a whole real among longs by value and keeps it real", () => {
    expect(one("print t = tostring(array_sort_asc(dynamic([3.0, 1, 2.5])))")).toEqual({ t: "[1,2.5,3.0]" });
  });

  it("array_sum and series_sum add a boxed real as its number", () => {
    expect(one("print a = array_sum(dynamic([1.0, 2, 0.5])), s = series_sum(dynamic([1.0, 2]))")).toEqual({
      a: 3.5,
      s: 3,
    });
  });

  it("mv-expand to typeof(real) gives the number; typeof(long) is cast-only, so a real becomes null", () => {
    const rows = json("print a = dynamic([5.0, 2]) | mv-expand r = a to typeof(real), l = a to typeof(long)");
    // rows pair the elements by position: (5.0 -> r 5, l null), (2 -> r 2, l 2)
    expect(rows).toEqual([
      { a: [5, 2], r: 5, l: null },
      { a: [5, 2], r: 2, l: 2 },
    ]);
  });

  it("mv-expand into a dynamic column keeps the element a real", () => {
    const rows = json("print a = dynamic([5.0, 5]) | mv-expand e = a | project g = gettype(e)");
    expect(rows).toEqual([{ g: "real" }, { g: "int" }]);
  });

  it("a boxed real has no members: d.value is null", () => {
    expect(one("print d = dynamic(5.0) | project v = isnull(d.value)")).toEqual({ v: true });
  });

  it("bag_unpack types a slot of reals as real", () => {
    const result = run("print d = dynamic({'x': 5.0}) | evaluate bag_unpack(d)");
    expect(result.columns).toEqual([{ name: "x", type: "real" }]);
    expect(toJsonRows(result)).toEqual([{ x: 5 }]);
  });
});

describe("series functions type their results as the pages print them", () => {
  it("series_ceiling returns reals, printed with .0", () => {
    expect(one("print t = tostring(series_ceiling(dynamic([-1.5, 1, 2.5])))")).toEqual({ t: "[-1.0,1.0,3.0]" });
  });

  it("series_add of longs stays long; with a real element or a real scalar it is real", () => {
    const row = one(
      "print a = tostring(series_add(dynamic([1, 2, 4]), dynamic([4, 2, 1]))), b = tostring(series_add(dynamic([1.0, 2]), dynamic([1, 1]))), c = tostring(series_add(dynamic([1, 2]), 1.0))",
    );
    expect(row).toEqual({ a: "[5,4,5]", b: "[2.0,3]", c: "[2.0,3.0]" });
  });

  it("series_divide of longs is real (0.25, 1.0, 4.0)", () => {
    expect(one("print t = tostring(series_divide(dynamic([1, 2, 4]), dynamic([4, 2, 1])))")).toEqual({
      t: "[0.25,1.0,4.0]",
    });
  });

  it("series_fill_const fills a real constant as a real and a long as a long, beside the longs kept", () => {
    const row = one(
      "print a = dynamic([111, null, 36]) | project r = tostring(series_fill_const(a, 0.0)), l = tostring(series_fill_const(a, -1))",
    );
    expect(row).toEqual({ r: "[111,0.0,36]", l: "[111,-1,36]" });
  });

  it("series_fill_linear truncates between longs and stays real between reals", () => {
    // halfway between 111 and 36 is 73.5: 73 between longs, 73.5 between reals; 4.0 between 3.0 and 5.0 stays 4.0
    const row = one(
      "print l = tostring(series_fill_linear(dynamic([111, null, 36]))), r = tostring(series_fill_linear(dynamic([111.0, null, 36.0]))), w = tostring(series_fill_linear(dynamic([3.0, null, 5.0]))), z = tostring(series_fill_linear(dynamic([null, null])))",
    );
    expect(row).toEqual({ l: "[111,73,36]", r: "[111.0,73.5,36.0]", w: "[3.0,4.0,5.0]", z: "[0.0,0.0]" });
  });

  it("range with a real bound gives reals", () => {
    // real + long is real (numerical-operators.md), so every element of range(1.0, 3) is a real
    expect(one("print t = tostring(range(1.0, 3, 1)), l = tostring(range(1, 3, 1))")).toEqual({
      t: "[1.0,2.0,3.0]",
      l: "[1,2,3]",
    });
  });

  it("make-series of avg holds reals, its default 0 included", () => {
    // day 1: avg(2, 4) = 3.0; day 2: no rows, default 0 as the real 0.0 (make-series-operator.md prints 0.0)
    const row = one(
      "datatable(t: datetime, x: long)[datetime(2020-01-01), 2, datetime(2020-01-01), 4] | make-series a = avg(x) default = 0 on t from datetime(2020-01-01) to datetime(2020-01-03) step 1d | project s = tostring(a)",
    );
    expect(row).toEqual({ s: "[3.0,0.0]" });
  });
});

describe("the dynamic-real helpers", () => {
  it("box only whole finite reals: 1.5, NaN and Infinity are plain numbers no long can be", () => {
    expect(dynamicReal(5)).toBeInstanceOf(DynamicReal);
    expect(dynamicReal(-0)).toBeInstanceOf(DynamicReal);
    expect([dynamicReal(1.5), dynamicReal(Number.NaN), dynamicReal(Infinity)]).toEqual([1.5, Number.NaN, Infinity]);
  });

  it("tell a real inside a dynamic from a long, and read either as a double", () => {
    expect([
      isDynamicRealValue(dynamicReal(5)),
      isDynamicRealValue(1.5),
      isDynamicRealValue(5),
      isDynamicRealValue(5n),
    ]).toEqual([true, true, false, false]);
    expect([asDouble(dynamicReal(5)), asDouble(5n), asDouble(1.5), asDouble("5")]).toEqual([5, 5, 1.5, "5"]);
    expect([unboxReal(dynamicReal(5)), unboxReal("x")]).toEqual([5, "x"]);
  });

  it("print a real inside a dynamic as .NET's round-trip text, with .0 when it has no fraction or exponent", () => {
    expect([5, -2, 0, 1.5, 1e20, 1e-7].map(dynamicRealText)).toEqual(["5.0", "-2.0", "0.0", "1.5", "1E+20", "1E-07"]);
  });
});
