import { describe, expect, it } from "vitest";
import { json } from "./helpers";

// Rules the tabular operators' reference pages state in prose; expected values are worked out from those rules.

const specials = `datatable(x:real)[5.0, real(null), real(nan), real(-inf), 0.0, real(+inf), -5.0]`;
const xs = (rows: Record<string, unknown>[]) => rows.map((r) => r.x);

describe("sort: null and NaN are grouped at the nulls end, null outermost", () => {
  // sort-operator.md "Using special floating-point values" table.
  it("asc nulls first: null, NaN, -inf, -5, 0, 5, +inf", () => {
    expect(xs(json(`${specials} | sort by x asc`))).toEqual([null, "NaN", "-Infinity", -5, 0, 5, "Infinity"]);
  });
  it("asc nulls last: -inf, -5, 0, 5, +inf, NaN, null", () => {
    expect(xs(json(`${specials} | sort by x asc nulls last`))).toEqual([
      "-Infinity",
      -5,
      0,
      5,
      "Infinity",
      "NaN",
      null,
    ]);
  });
  it("desc nulls first: null, NaN, +inf, 5, 0, -5, -inf", () => {
    expect(xs(json(`${specials} | sort by x desc nulls first`))).toEqual([
      null,
      "NaN",
      "Infinity",
      5,
      0,
      -5,
      "-Infinity",
    ]);
  });
  it("desc (nulls last by default): +inf, 5, 0, -5, -inf, NaN, null", () => {
    expect(xs(json(`${specials} | order by x`))).toEqual(["Infinity", 5, 0, -5, "-Infinity", "NaN", null]);
  });
  it("top over many rows (kept by selection) groups NaN with nulls the same way", () => {
    // x = 1..40 with x = 7 made NaN and x = 9 null: asc nulls last ends ..., 40, NaN, null; top 2 desc nulls first
    // starts null, NaN.
    const q = `range x from 1 to 40 step 1 | extend v = case(x == 7, real(nan), x == 9, real(null), todouble(x))`;
    expect(json(`${q} | top 2 by v desc nulls first | project x`)).toEqual([{ x: 9 }, { x: 7 }]);
    expect(json(`${q} | top 3 by v asc | project x`)).toEqual([{ x: 9 }, { x: 7 }, { x: 1 }]);
    expect(json(`${q} | top 2 by v desc | project x`)).toEqual([{ x: 40 }, { x: 39 }]);
  });
  it("top takes the same order: top 3 by x desc nulls first is null, NaN, +inf", () => {
    // top-operator.md: nulls first/last as in sort.
    expect(xs(json(`${specials} | top 3 by x desc nulls first`))).toEqual([null, "NaN", "Infinity"]);
  });
});

describe("window functions need serialized rows", () => {
  // window-functions.md: window functions can only be used on serialized sets; serialize-operator.md lists
  // summarize, distinct, join... as marking their output nonserialized, sort/serialize as serializing.
  const grouped = `datatable(x:long)[3,1,2] | summarize c=count() by x`;
  it("row_number after summarize is an error naming summarize and the fix", () => {
    expect(() => json(`${grouped} | extend rn=row_number()`)).toThrow(
      /row_number needs serialized rows.*summarize.*serialize/,
    );
  });
  it("prev after distinct, through a where, is an error", () => {
    expect(() => json(`datatable(x:long)[1,1] | distinct x | where x > 0 | extend p=prev(x)`)).toThrow(
      /prev.*distinct/,
    );
  });
  it("serialize or sort after summarize makes the rows serialized again", () => {
    // sort by x desc: 3, 2, 1 numbered 1, 2, 3.
    expect(json(`${grouped} | sort by x | extend rn=row_number() | project x, rn`)).toEqual([
      { x: 3, rn: 1 },
      { x: 2, rn: 2 },
      { x: 1, rn: 3 },
    ]);
    expect(json(`${grouped} | serialize rn=row_number() | summarize max(rn)`)).toEqual([{ max_rn: 3 }]);
  });
});

describe("search in (...) lays out its sources' columns as union does", () => {
  // search-operator.md: `search in (T1,T2) "err"` is `union T1,T2 | where * has "err"`; union-operator.md: a column
  // with several types becomes one column per type, suffixed `_type`, and cells an input does not define are null.
  const lets = `let T = datatable(x:long, s:string)[1,"an error"]; let U = datatable(x:string)["error 2"];`;
  it("a name with two types is x_long and x_string, each filled from its own table", () => {
    expect(json(`${lets} search in (T, U) "error"`)).toEqual([
      { $table: "T", x_long: 1, x_string: "", s: "an error" },
      { $table: "U", x_long: null, x_string: "error 2", s: "" },
    ]);
  });
  it("a string column a table lacks is empty, not null (strings have no null)", () => {
    const q = `let T = datatable(x:long)[1]; let U = datatable(y:string)["error"]; search in (T, U) "error" or x == 1`;
    expect(json(q)).toEqual([
      { $table: "T", x: 1, y: "" },
      { $table: "U", x: null, y: "error" },
    ]);
  });
});

describe("partition strategies", () => {
  // partition-operator.md: without hint.strategy the legacy strategy is used, and it fails on more than 64 values.
  it("the default (legacy) strategy refuses 65 partition values", () => {
    expect(() => json(`range x from 1 to 65 step 1 | partition by x (count)`)).toThrow(/65 distinct key values.*64/);
  });
  it("64 values are allowed, and native has no limit", () => {
    expect(json(`range x from 1 to 64 step 1 | partition by x (count) | count`)).toEqual([{ Count: 64 }]);
    expect(json(`range x from 1 to 65 step 1 | partition hint.strategy=native by x (count) | count`)).toEqual([
      { Count: 65 },
    ]);
  });
  it("native refuses a make-series without both from and to", () => {
    // partition-operator.md: make-series is supported only when both from and to are specified.
    const T = `datatable(k:string, v:long)["a",1,"b",2]`;
    expect(() => json(`${T} | partition hint.strategy=native by k (make-series s=sum(v) on v step 1)`)).toThrow(
      /^unsupported: make-series without from and to/,
    );
    expect(json(`${T} | partition hint.strategy=native by k (make-series s=sum(v) on v from 0 to 3 step 1)`)).toEqual([
      { s: [0, 1, 0], v: [0, 1, 2] },
      { s: [0, 0, 2], v: [0, 1, 2] },
    ]);
  });
});

describe("datatable values hold their column's type", () => {
  // datatable-operator.md: the schema is the declared columns; a value the column type cannot hold is refused,
  // never stored as another type. Whole numbers widen exactly: long to real, int to long.
  it("a real in a long column, a number in a string column, text in a datetime column are refused", () => {
    expect(() => json(`datatable(a:long)[2.5]`)).toThrow(/^unsupported: datatable value of type real in a long column/);
    expect(() => json(`datatable(a:string)[1]`)).toThrow(/^unsupported: datatable value of type long/);
    expect(() => json(`datatable(a:datetime)["2020-01-01"]`)).toThrow(/^unsupported: /);
  });
  it("a long beyond int32 in an int column is refused; one inside it is the int", () => {
    expect(() => json(`datatable(a:int)[5000000000]`)).toThrow(/outside the int range/);
    expect(json(`datatable(a:int)[2147483647]`)).toEqual([{ a: 2147483647 }]);
  });
  it("whole numbers widen to real and a typed null is the column's null", () => {
    expect(json(`datatable(a:real, b:long)[2, real(null)] | extend t = gettype(a)`)).toEqual([
      { a: 2, b: null, t: "real" },
    ]);
  });
});

describe("a name given by `as` labels the rows of union withsource and search", () => {
  // as-operator.md: the name given by as is used in union's withsource= column and search's $table column.
  it("union withsource reports the piped input's as-name, and each leg's", () => {
    const q = `datatable(a:long)[1] | as T | union withsource=S (datatable(a:long)[3] | as U)`;
    expect(json(q)).toEqual([
      { S: "T", a: 1 },
      { S: "U", a: 3 },
    ]);
  });
  it("search after `as T` reports T in $table", () => {
    expect(json(`range x from 1 to 3 step 1 | as T | search "2"`)).toEqual([{ $table: "T", x: 2 }]);
  });
});

describe("render", () => {
  // render-operator.md: render must be the last operator in the query.
  it("an operator after render is an error saying render must be last", () => {
    expect(() => json(`range x from 1 to 3 step 1 | render timechart | where x > 1`)).toThrow(
      /render must be the last/,
    );
  });
  it("a final render passes the rows through", () => {
    expect(json(`range x from 1 to 2 step 1 | render timechart`)).toEqual([{ x: 1 }, { x: 2 }]);
  });
});

describe("union isfuzzy", () => {
  // union-operator.md, isfuzzy: legs that do not resolve are left out; if none resolves, the query returns an error.
  it("no leg resolving is an error", () => {
    expect(() => json(`union isfuzzy=true NoSuch1, NoSuch2`)).toThrow(/none of its tables or views exists/);
  });
  it("one resolving leg is enough", () => {
    expect(json(`union isfuzzy=true NoSuch1, (datatable(a:long)[1])`)).toEqual([{ a: 1 }]);
  });
});

describe("a table's rows are not serialized", () => {
  // window-functions.md: a row set such as a table is serialized by sorting it or by the serialize operator.
  it("row_number straight over a table is an error; after serialize or sort it numbers the rows", () => {
    expect(() => json(`ACSCallRecordingSummary | extend rn=row_number()`)).toThrow(
      /row_number needs serialized rows, but table ACSCallRecordingSummary/,
    );
    expect(json(`ACSCallRecordingSummary | serialize | extend rn=row_number() | count`)).toEqual([{ Count: 0 }]);
    expect(json(`ACSCallRecordingSummary | sort by TimeGenerated | extend p=prev(TimeGenerated) | count`)).toEqual([
      { Count: 0 },
    ]);
  });
});

describe("generated column names follow the identifier rules", () => {
  // bag-unpack-plugin.md: prefixed slot names must be valid entity names; entity-names.md: 1 to 1024 letters,
  // digits, _, space, . and -.
  it("bag_unpack refuses a slot whose column name would hold a colon, or be empty", () => {
    expect(() => json(`datatable(d:dynamic)[dynamic({"a:b":1})] | evaluate bag_unpack(d)`)).toThrow(
      /slot 'a:b'.*character other than/,
    );
    expect(() => json(`datatable(d:dynamic)[dynamic({"":1})] | evaluate bag_unpack(d)`)).toThrow(/empty name/);
  });
  it("bag_unpack keeps spaces, dots, dashes and a prefix that makes an empty slot a name", () => {
    expect(json(`datatable(d:dynamic)[dynamic({"a b.c-d":1})] | evaluate bag_unpack(d)`)).toEqual([{ "a b.c-d": 1 }]);
    expect(json(`datatable(d:dynamic)[dynamic({"":1})] | evaluate bag_unpack(d, "p_")`)).toEqual([{ p_: 1 }]);
  });
  it("pivot refuses a value that is no valid column name (an empty string)", () => {
    const q = `datatable(k:string, p:string)["x","", "x","a"] | evaluate pivot(p)`;
    expect(() => json(q)).toThrow(/^unsupported: pivot value '' of p/);
  });
});

describe("make-series without from/to, by groups", () => {
  // make-series-operator.md: without from, the start is the first bin with data in each series; without to, the end
  // is the last bin with data per each series. One shared axis is exact only when every series spans the same bins.
  const T = `datatable(t:long, v:long, k:string)`;
  it("series spanning the same first and last bins share the axis", () => {
    // a: t=1 (bin 0), t=5 (bin 4); b: t=0 (bin 0), t=4 (bin 4); bins 0, 2, 4.
    expect(json(`${T}[1,10,"a", 5,50,"a", 0,1,"b", 4,2,"b"] | make-series s=sum(v) on t step 2 by k`)).toEqual([
      { k: "a", s: [10, 0, 50], t: [0, 2, 4] },
      { k: "b", s: [1, 0, 2], t: [0, 2, 4] },
    ]);
  });
  it("series starting or ending in different bins are refused", () => {
    expect(() => json(`${T}[1,10,"a", 3,30,"a", 5,50,"b"] | make-series s=sum(v) on t step 2 by k`)).toThrow(
      /^unsupported: make-series by groups whose data start or end in different bins/,
    );
  });
});

describe("typed literals hold only a constant", () => {
  // scalar-data-types/real.md, long.md, bool.md: a literal is a number, nan/inf, true/false or null in the
  // parentheses; the parser also takes real(x) or long(1+2) for literals, which the binder boxes as 0.
  it("real(x), long(1+2) and bool(x) are errors pointing at the to*() conversions", () => {
    expect(() => json(`range x from 1 to 2 step 1 | extend v = real(x)`)).toThrow(
      /invalid real literal real\(x\).*toreal\(\)/,
    );
    expect(() => json(`print long(1+2)`)).toThrow(/invalid long literal/);
    expect(() => json(`print bool(x)`)).toThrow(/invalid bool literal/);
    // bool.md lists no bool(1) literal (the binder boxes it as false): refused.
    expect(() => json(`print bool(1)`)).toThrow(/^unsupported: bool literal bool\(1\)/);
  });
  it("guid(x) and a guid with non-hex digits are errors; a quoted or bare guid is read", () => {
    // scalar-data-types/guid.md: guid(74be27de-1e4e-49d9-b579-fe0b331d3642).
    expect(() => json(`print guid(x)`)).toThrow(/invalid guid literal/);
    expect(() => json(`print guid(zz345678-1234-1234-1234-123456789abc)`)).toThrow(/invalid guid literal/);
    expect(
      json(`print a=guid(74be27de-1e4e-49d9-b579-fe0b331d3642), b=guid("74be27de-1e4e-49d9-b579-fe0b331d3642")`),
    ).toEqual([{ a: "74be27de-1e4e-49d9-b579-fe0b331d3642", b: "74be27de-1e4e-49d9-b579-fe0b331d3642" }]);
  });
  it("aliases read their number: int64(5) is 5, int32(5) is 5, double(2.5) is 2.5", () => {
    expect(json(`print a=int64(5), b=int32(5), c=double(2.5), d=int(-7), e=long(0x1F)`)).toEqual([
      { a: 5, b: 5, c: 2.5, d: -7, e: 31 },
    ]);
  });
  it("an int literal outside 32 bits or with a fraction is refused", () => {
    expect(() => json(`print int(3000000000)`)).toThrow(/^unsupported: int literal int\(3000000000\)/);
    expect(() => json(`print int(2.5)`)).toThrow(/^unsupported: int literal/);
  });
});

describe("partition native/shuffle subqueries use only the listed operators", () => {
  // partition-operator.md: join, union, evaluate... reference another source and aren't compatible with native and
  // shuffle; only the listed operators can be used there. The legacy strategy has no such list.
  const T = `datatable(k:string, v:long)["a",1,"b",2]`;
  const R = `(datatable(k:string, w:long)["a",5])`;
  it("a join inside native is an error naming join and the legacy strategy", () => {
    expect(() => json(`${T} | partition hint.strategy=native by k (join ${R} on k)`)).toThrow(
      /native does not support join.*legacy/,
    );
  });
  it("the same join under the default (legacy) strategy runs", () => {
    expect(json(`${T} | partition by k (join ${R} on k)`)).toEqual([{ k: "a", v: 1, k1: "a", w: 5 }]);
  });
  it("listed operators, nested ones included, run under native", () => {
    const q = `${T} | partition hint.strategy=native by k (summarize s=sum(v) | extend t=s*2)`;
    expect(json(q)).toEqual([
      { s: 1, t: 2 },
      { s: 2, t: 4 },
    ]);
  });
});

describe("a withsource name that a table already has", () => {
  // union-operator.md / find-operator.md name the source column withsource=; neither says what happens when a table
  // has a column of that name (the binder then gives two columns one name, or suffixes both): refused.
  it("union withsource=a over a table with a column a is refused", () => {
    expect(() => json(`union withsource=a (datatable(a:long)[1]), (datatable(b:long)[2])`)).toThrow(
      /^unsupported: union withsource=a, a name one of its tables already has/,
    );
  });
  it("find withsource=x over a table with a column x is refused; without the clash it labels the rows", () => {
    const T = `let T = view() { datatable(x:long, s:string)[1,"a"] };`;
    expect(() => json(`${T} find withsource=x in (T) where s == "a"`)).toThrow(
      /^unsupported: find whose source column x is also a column/,
    );
    expect(json(`${T} find withsource=Src in (T) where s == "a" project s`)).toEqual([{ Src: "T", s: "a" }]);
  });
});

describe("project-rename", () => {
  // project-rename-operator.md: the columns in the same order, each named column renamed; renaming one column to two
  // names is not described (the binder keeps only the first), so it is refused rather than dropping a name.
  it("renames in place", () => {
    expect(json(`datatable(a:long, b:long, c:long)[1,2,3] | project-rename x=a, y=c`)).toEqual([{ x: 1, b: 2, y: 3 }]);
  });
  it("one column renamed twice is refused", () => {
    expect(() => json(`datatable(a:long, b:long)[1,2] | project-rename c=a, d=a`)).toThrow(
      /^unsupported: project-rename of a twice/,
    );
  });
});

describe("distinct over expressions (the binder accepts `distinct a, b = f(x)`)", () => {
  it("computes each named or unnamed expression per row, then keeps distinct tuples", () => {
    // tostring(1), tostring(2), tostring(1): two distinct strings; the unnamed column takes d's name as the binder says.
    expect(json(`datatable(d:long)[1, 2, 1] | distinct tostring(d)`)).toEqual([{ d: "1" }, { d: "2" }]);
    expect(json(`datatable(d:long)[1, 2, 1] | distinct s = tostring(d)`)).toEqual([{ s: "1" }, { s: "2" }]);
    // (1, 2) twice and (2, 3) once.
    expect(json(`datatable(a:long)[1, 1, 2] | distinct a, b = a + 1`)).toEqual([
      { a: 1, b: 2 },
      { a: 2, b: 3 },
    ]);
  });
});

describe("strings are never null (null-values.md)", () => {
  it("a string cell a loaded row never filled comes out as an empty string", () => {
    const tables = {
      T: {
        name: "T",
        columns: [
          { name: "a", type: "long" as const },
          { name: "s", type: "string" as const },
        ],
        rows: [{ a: 1 }],
      },
    };
    expect(json(`T | project s, a`, tables)).toEqual([{ s: "", a: 1 }]);
  });
});
