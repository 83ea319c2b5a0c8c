import { describe, expect, it } from "vitest";
import { unionColumns } from "../../src/kusto/compile/operators/union";
import { json, run } from "./helpers";

describe("union columns (union-operator.md: kind)", () => {
  it("outer gives a name seen with several types one column per type, named name_type", () => {
    expect(json(`union (print x = 1, y = "a"), (print x = "b")`)).toEqual([
      { x_long: 1, x_string: "", y: "a" },
      { x_long: null, x_string: "b", y: "" },
    ]);
    expect(run(`union (print x = 1, y = "a"), (print x = "b")`).columns).toEqual([
      { name: "x_long", type: "long" },
      { name: "x_string", type: "string" },
      { name: "y", type: "string" },
    ]);
  });

  it("a generated name another result column already has takes the suffix 1, the existing column keeps its name", () => {
    const legs = [
      [{ name: "x", type: "long" as const }],
      [{ name: "x", type: "int" as const }],
      [{ name: "x_long", type: "long" as const }],
    ];
    const names = unionColumns(legs, false);
    expect(typeof names === "string" ? names : names.map((c) => c.name)).toEqual(["x_long1", "x_int", "x_long"]);
  });

  it("withsource comes first and labels the rows of renamed columns by their leg", () => {
    const q = `let A = view () { print v = 1 }; let B = view () { print v = 2.5 }; union withsource=Src A, B`;
    expect(json(q)).toEqual([
      { Src: "A", v_long: 1, v_real: null },
      { Src: "B", v_long: null, v_real: 2.5 },
    ]);
  });

  it("operators after the union read the suffixed columns where Kusto and the binder name them alike", () => {
    expect(json(`union (print x = 1), (print x = "s") | where isnotnull(x_long) | project x_long`)).toEqual([
      { x_long: 1 },
    ]);
  });

  it("inner keeps only the columns every leg has", () => {
    expect(json(`union kind=inner (print a = 1, b = 2), (print a = 3)`)).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it("inner refuses a common name of differing types (the docs do not say which survives)", () => {
    expect(() => run(`union kind=inner (print a = 1), (print a = "s")`)).toThrow(
      /^unsupported: union kind=inner column a/,
    );
  });
});
