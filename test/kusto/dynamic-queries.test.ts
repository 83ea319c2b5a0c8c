import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("dynamic functions inside queries", () => {
  it("bag_pack_columns must key each value by its column's name", () => {
    expect(
      json(
        `datatable(CallId: string, Secs: long, Other: long) ["c1", 30, 0] | project b = bag_pack_columns(CallId, Secs)`,
      ),
    ).toEqual([{ b: { CallId: "c1", Secs: 30 } }]);
  });

  it("extract and extract_json must convert to the type given with typeof()", () => {
    // "id=0042" → group 1 "0042" → long 42
    expect(
      json(
        `print a = extract(@"id=(\\d+)", 1, "id=0042", typeof(long)), b = extract_json("$.n", '{"n": 7}', typeof(long))`,
      ),
    ).toEqual([{ a: 42, b: 7 }]);
  });
});

describe("bracketed member after a dot", () => {
  it("x.[expr] must read the member the expression names", () => {
    expect(json(`print d = dynamic({"a b": {"c": 1}}) | extend k = "a b" | project v = d.[k].c`)).toEqual([{ v: 1 }]);
  });
});
