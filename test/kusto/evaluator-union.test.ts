import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

describe("union", () => {
  it("withsource names a leg by its table, its final `as` name, or union_argN by position", () => {
    const q = `let A = datatable(x:long)[1]; union withsource=T A, (print x = 2 | as Second), (print x = 3)`;
    expect(json(q)).toEqual([
      { T: "A", x: 1 },
      { T: "Second", x: 2 },
      { T: "union_arg2", x: 3 },
    ]);
  });

  it("isfuzzy=true leaves out a leg naming a view that does not exist", () => {
    const q = `let V = view () { print x = 1 }; let W = view () { print x = 2 }; union isfuzzy=true (V | where x > 0), (W | where x > 0), (Missing | where x > 0) | count`;
    expect(json(q)).toEqual([{ Count: 2 }]);
  });

  it("refuses columns of one name with different types (Kusto renames them in a way the binder does not)", () => {
    expect(() => run(`union (print x = 1), (print x = "a")`)).toThrow(/^unsupported: union column/);
  });
});
