import { describe, expect, it } from "vitest";
import type { Row, RunContext } from "../../src/kusto/compile/context";
import { expandedRow } from "../../src/kusto/compile/operators/mvexpand";
import { inputKeys } from "../../src/kusto/compile/operators/rows";
import { oneCellRow, rowMapper } from "../../src/kusto/compile/row-mapper";
import { json } from "./helpers";

const ctx = {} as RunContext;

describe("rowMapper (extend/project rows)", () => {
  it("keeps the input columns in place, replaces a reused name there and appends new names after", () => {
    const map = rowMapper(["a", "b"], ["b", "c"], [(r) => (r.a as number) + 1, (r) => (r.b as number) * 10], true);
    const out = map({ a: 1, b: 5 }, ctx);
    expect(Object.keys(out)).toEqual(["a", "b", "c"]);
    // c reads the b just computed (1 + 1 = 2), not the input's 5: later extend expressions see earlier ones.
    expect({ ...out }).toEqual({ a: 1, b: 2, c: 20 });
  });

  it("builds project rows from the named expressions only, each reading the input row", () => {
    const map = rowMapper([], ["x", "y"], [(r) => r.a, (r) => r.x ?? "input has no x"], false);
    expect({ ...map({ a: 7 }, ctx) }).toEqual({ x: 7, y: "input has no x" });
  });

  it("gives rows no inherited keys, so __proto__ and toString are plain columns", () => {
    const map = rowMapper(["__proto__"], ["toString"], [() => 3], true);
    const proto = "__proto__";
    const input: Row = Object.create(null);
    input[proto] = "p";
    const out = map(input, ctx);
    expect(Object.keys(out)).toEqual(["__proto__", "toString"]);
    expect(out[proto]).toBe("p");
    expect(out.toString).toBe(3);
  });

  it("lets a repeated project name take its last expression's value", () => {
    const map = rowMapper([], ["x", "x"], [() => 1, () => 2], false);
    expect({ ...map({}, ctx) }).toEqual({ x: 2 });
  });

  it("leaves the input row untouched", () => {
    const input = { a: 1 };
    rowMapper(["a"], ["a"], [() => 2], true)(input, ctx);
    expect(input).toEqual({ a: 1 });
  });
});

describe("oneCellRow (range rows)", () => {
  it("holds the one column and inherits nothing, so constructor is no column", () => {
    const row = oneCellRow("x")(5);
    expect(Object.keys(row)).toEqual(["x"]);
    expect(row.x).toBe(5);
    expect(row.constructor).toBeUndefined();
  });

  it("keeps a range column named __proto__ as data", () => {
    expect(Object.keys(oneCellRow("__proto__")(1))).toEqual(["__proto__"]);
  });
});

describe("inputKeys", () => {
  it("takes the first row's keys in order, then the table's columns that row lacks", () => {
    const cols = [
      { name: "a", type: "long" as const },
      { name: "b", type: "long" as const },
      { name: "c", type: "string" as const },
    ];
    expect(inputKeys(cols, { b: 1, a: 2 })).toEqual(["b", "a", "c"]);
    expect(inputKeys(cols, undefined)).toEqual(["a", "b", "c"]);
  });
});

describe("expandedRow (mv-expand rows)", () => {
  it("copies the row, puts each target's element in its column and appends a new index column", () => {
    const make = expandedRow(["k", "arr"], ["arr"], "i");
    const out = make({ k: "x", arr: [1, 2] }, [2], 1);
    expect(Object.keys(out)).toEqual(["k", "arr", "i"]);
    expect({ ...out }).toEqual({ k: "x", arr: 2, i: 1 });
  });

  it("keeps a column named __proto__ as a plain column with no inherited keys", () => {
    const proto = "__proto__";
    const input: Row = Object.create(null);
    input[proto] = "p";
    input.arr = [1];
    const out = expandedRow([proto, "arr"], ["arr"])(input, [1], 0);
    expect(Object.keys(out)).toEqual(["__proto__", "arr"]);
    expect(out[proto]).toBe("p");
    expect(out.toString).toBeUndefined();
  });

  it("lets a target named like the index column hold the element", () => {
    const make = expandedRow(["i"], ["i"], "i");
    expect({ ...make({ i: [9] }, [9], 0) }).toEqual({ i: 9 });
  });
});

describe("range() datetimes read back by mv-expand", () => {
  it("expands a 30-minute range over one hour into the three datetimes 00:00, 00:30 and 01:00", () => {
    expect(
      json(
        "print r = range(datetime(2024-01-01), datetime(2024-01-01 01:00), 30m) | mv-expand r to typeof(datetime) | extend t = r + 1s",
      ),
    ).toEqual([
      { r: "2024-01-01T00:00:00.0000000Z", t: "2024-01-01T00:00:01.0000000Z" },
      { r: "2024-01-01T00:30:00.0000000Z", t: "2024-01-01T00:30:01.0000000Z" },
      { r: "2024-01-01T01:00:00.0000000Z", t: "2024-01-01T01:00:01.0000000Z" },
    ]);
  });

  it("pads the shorter of two expanded columns with null beside a datetime range", () => {
    expect(
      json(
        "print r = range(datetime(2024-01-01), datetime(2024-01-01 02:00), 1h), a = dynamic([1, 2]) | mv-expand r to typeof(datetime), a",
      ),
    ).toEqual([
      { r: "2024-01-01T00:00:00.0000000Z", a: 1 },
      { r: "2024-01-01T01:00:00.0000000Z", a: 2 },
      { r: "2024-01-01T02:00:00.0000000Z", a: null },
    ]);
  });

  it("keeps range() elements as datetime text when mv-expand has no target type", () => {
    expect(json("print r = range(datetime(2024-01-01), datetime(2024-01-02), 1d) | mv-expand r")).toEqual([
      { r: "2024-01-01T00:00:00.0000000Z" },
      { r: "2024-01-02T00:00:00.0000000Z" },
    ]);
  });
});
