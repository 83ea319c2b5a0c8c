import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

describe("top-nested with others (top-nested-operator.md)", () => {
  it("adds one row: the others value with the aggregate over every row left out of the top", () => {
    // Sums: x = 1 + 3 = 4, y = 5, z = 2; the top 1 is y, the others are x and z: 4 + 2 = 6.
    const q = `datatable(a:string, b:long)["x", 1, "y", 5, "z", 2, "x", 3] | top-nested 1 of a with others = "rest" by sum(b)`;
    expect(json(q)).toEqual([
      { a: "y", aggregated_a: 5 },
      { a: "rest", aggregated_a: 6 },
    ]);
  });

  it("on the last level, each partition of the level above gets its own others row", () => {
    // G: x 1, y 5, z 2 (sum 8) -> top y, rest 1 + 2 = 3; H: x 3, w 1 (sum 4) -> top x, rest 1.
    const q = `datatable(g:string, a:string, b:long)["G", "x", 1, "G", "y", 5, "G", "z", 2, "H", "x", 3, "H", "w", 1]
      | top-nested of g by sum(b), top-nested 1 of a with others = "rest" by sum(b)`;
    expect(json(q)).toEqual([
      { g: "G", aggregated_g: 8, a: "y", aggregated_a: 5 },
      { g: "G", aggregated_g: 8, a: "rest", aggregated_a: 3 },
      { g: "H", aggregated_g: 4, a: "x", aggregated_a: 3 },
      { g: "H", aggregated_g: 4, a: "rest", aggregated_a: 1 },
    ]);
  });

  it("refuses others above the last level, and a partition where every value made the top", () => {
    expect(() =>
      run(
        `datatable(g:string, a:string, b:long)["G", "x", 1] | top-nested 1 of g with others = "o" by sum(b), top-nested of a by sum(b)`,
      ),
    ).toThrow(/^unsupported: top-nested with others on a level other than the last/);
    expect(() => run(`datatable(a:string, b:long)["x", 1] | top-nested 1 of a with others = "o" by sum(b)`)).toThrow(
      /^unsupported: top-nested with others where no value is left out/,
    );
  });
});
