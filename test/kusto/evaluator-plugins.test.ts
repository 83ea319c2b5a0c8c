import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

const Bags = `datatable(Name:string, d:dynamic)[
  "ann", dynamic({"b": 1, "a": "x"}),
  "bob", dynamic({"b": 2.5}),
  "cy", dynamic(null)]`;

describe("evaluate bag_unpack", () => {
  it("must turn each slot into a column named in ordinal order and typed by its values (mixed types are dynamic)", () => {
    // Slots a (strings only) and b (1 is long, 2.5 is real: mixed → dynamic); d itself is removed; cy has no bag.
    const r = run(`${Bags} | evaluate bag_unpack(d)`);
    expect(r.columns).toEqual([
      { name: "Name", type: "string" },
      { name: "a", type: "string" },
      { name: "b", type: "dynamic" },
    ]);
    // A slot a row lacks is "" in a string column (Kusto strings have no null) and null otherwise.
    expect(json(`${Bags} | evaluate bag_unpack(d)`)).toEqual([
      { Name: "ann", a: "x", b: 1 },
      { Name: "bob", a: "", b: 2.5 },
      { Name: "cy", a: "", b: null },
    ]);
  });

  it("must prefix the column names", () => {
    expect(json(`${Bags} | evaluate bag_unpack(d, "p_") | project Name, p_a`)).toEqual([
      { Name: "ann", p_a: "x" },
      { Name: "bob", p_a: "" },
      { Name: "cy", p_a: "" },
    ]);

  });

  it("must refuse a slot that collides with an input column unless told how to resolve it", () => {
    const clash = `datatable(a:string, d:dynamic)["keep", dynamic({"a": "new"})]`;
    expect(() => run(`${clash} | evaluate bag_unpack(d)`)).toThrow(/columnsConflict/);
    expect(json(`${clash} | evaluate bag_unpack(d, columnsConflict="replace_source")`)).toEqual([{ a: "new" }]);
    expect(json(`${clash} | evaluate bag_unpack(d, columnsConflict="keep_source")`)).toEqual([{ a: "keep" }]);
  });

  it("must let later operators use the unpacked columns", () => {
    // Only ann has a = "x".
    expect(json(`${Bags} | evaluate bag_unpack(d) | where a == "x" | project Name`)).toEqual([{ Name: "ann" }]);
  });

  it("must cast to an output schema, keeping the input columns with *", () => {
    const r = run(`${Bags} | evaluate bag_unpack(d) : (*, b:real)`);
    expect(r.columns).toEqual([
      { name: "Name", type: "string" },
      { name: "b", type: "real" },
    ]);
    expect(r.rows.map((x) => x.b)).toEqual([1, 2.5, null]);
  });
});

describe("evaluate narrow", () => {
  it("must give one row per cell: the 0-based row, the column name and the value as text", () => {
    expect(json(`datatable(k:string, n:long)["a", 1, "b", 20] | evaluate narrow()`)).toEqual([
      { Row: 0, Column: "k", Value: "a" },
      { Row: 0, Column: "n", Value: "1" },
      { Row: 1, Column: "k", Value: "b" },
      { Row: 1, Column: "n", Value: "20" },
    ]);
  });
});

describe("evaluate pivot", () => {
  const Sales = `datatable(Region:string, Product:string, Qty:long)[
    "east", "pen", 2, "west", "pen", 5, "east", "ink", 1, "east", "pen", 4]`;

  it("must count rows per pivot value by default, grouping by the other columns", () => {
    // Groups by Product and Qty (all other columns); each (Product, Qty) row is one group here.
    expect(json(`${Sales} | project Region, Product | evaluate pivot(Region)`)).toEqual([
      { Product: "pen", east: 2, west: 1 },
      { Product: "ink", east: 1, west: 0 },
    ]);
  });

  it("must aggregate with the given function, absent combinations taking the aggregate of no rows", () => {
    // pen: east 2+4 = 6, west 5; ink: east 1, west sum of nothing = 0.
    expect(json(`${Sales} | evaluate pivot(Region, sum(Qty))`)).toEqual([
      { Product: "pen", east: 6, west: 5 },
      { Product: "ink", east: 1, west: 0 },
    ]);
  });
});

describe("evaluate of plugins out of scope", () => {
  it("must refuse them as unsupported, naming the plugin", () => {
    expect(() => run(`print x=1 | evaluate python(typeof(*), "result = df")`)).toThrow(/unsupported: evaluate python at 1:/);
  });
});
