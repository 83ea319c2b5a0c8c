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

  it("refuses a renamed column that later operators read (Kusto suffixes the generated name, the binder the other)", () => {
    expect(() => run(`union (print x = 1), (print x = "a", x_long = 2) | project x_long`)).toThrow(
      /^unsupported: union whose columns Kusto names otherwise/,
    );
  });
});

describe("range", () => {
  it("steps a long range past 2^53 exactly, values safe as numbers stay numbers", () => {
    // 2^53 - 2 = 9007199254740990; +2 = 2^53 (not a safe integer, so a bigint); +2 again.
    const rows = run("range x from 9007199254740990 to 9007199254740994 step 2").rows.map((r) => r.x);
    expect(rows).toEqual([9007199254740990, 9007199254740992n, 9007199254740994n]);
  });

  it("is empty when the start is past the end", () => {
    expect(run("range x from 5 to 1 step 1").rows).toEqual([]);
  });

  it("refuses a step that is not positive, even when only the run reveals it", () => {
    // A literal 0 is refused by the binder; a computed one by the engine.
    expect(() => run("let s = toscalar(print 0); range x from 1 to 5 step s")).toThrow(/positive step/);
  });
});

describe("serialize", () => {
  it("computes its columns with the row functions, like extend", () => {
    expect(json("range x from 5 to 7 step 1 | serialize n = row_number(), p = pack_all() | project n, p")).toEqual([
      { n: 1, p: { x: 5 } },
      { n: 2, p: { x: 6 } },
      { n: 3, p: { x: 7 } },
    ]);
  });
});

describe("print", () => {
  it("spreads a call with several result columns over its columns", () => {
    // series_stats of [1, 2, 3]: min 1 at 0, max 3 at 2, avg 2, sample stdev 1, variance 1.
    const r = run("print series_stats(dynamic([1, 2, 3]))");
    expect(r.columns.map((c) => c.name)).toEqual([
      "series_stats__min",
      "series_stats__min_idx",
      "series_stats__max",
      "series_stats__max_idx",
      "series_stats__avg",
      "series_stats__stdev",
      "series_stats__variance",
    ]);
    expect(Object.values(r.rows[0])).toEqual([1, 0, 3, 2, 2, 1, 1]);
  });
});
