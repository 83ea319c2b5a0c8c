import { describe, expect, it } from "vitest";
import { parseAndAnalyze } from "../../src/kusto/analyzer";
import { columnsReadAfter } from "../../src/kusto/compile/columns-read";
import { kindOf } from "../../src/kusto/compile/context";
import "./helpers";

const T = `datatable(K:string, L:long)["a", 1]`;
const U = `datatable(K:string, V:string)["a", "x"]`;

/** columnsReadAfter of the query's only join, as a sorted list (undefined stays undefined). */
function readAfterJoin(rest: string): string[] | undefined {
  const code = parseAndAnalyze(`${T} | join kind=inner (${U}) on K${rest}`);
  const pending: any[] = [code.Syntax];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node.GetChild !== "function") continue;
    if (kindOf(node) === "JoinOperator") {
      const names = columnsReadAfter(node);
      return names && [...names].sort();
    }
    for (let i = node.ChildCount - 1; i >= 0; i--) pending.push(node.GetChild(i));
  }
  throw new Error("no join in the query");
}

describe("columnsReadAfter", () => {
  it("must list the names read up to the first operator that builds its own columns", () => {
    // where reads L, summarize reads V; the names of functions and outputs (count, n) may come along, never K1.
    const names = readAfterJoin(" | where L > 0 | summarize n = count() by V | where n > 1");
    expect(names).toContain("L");
    expect(names).toContain("V");
    expect(names).not.toContain("K1");
    expect(readAfterJoin(" | project L")).toEqual(["L"]);
    expect(readAfterJoin(" | count")).toEqual([]);
  });

  it("must give no list when the join's rows are the result or may be read without names", () => {
    expect(readAfterJoin("")).toBeUndefined();
    expect(readAfterJoin(" | where L > 0")).toBeUndefined();
    expect(readAfterJoin(" | project-away K1")).toBeUndefined();
    expect(readAfterJoin(" | extend b = pack_all() | project b")).toBeUndefined();
    expect(readAfterJoin(` | project c = column_ifexists("V", "")`)).toBeUndefined();
    expect(readAfterJoin(" | summarize take_any(*)")).toBeUndefined();
    expect(readAfterJoin(" | distinct *")).toBeUndefined();
    expect(readAfterJoin(" | summarize arg_max(L, *)")).toBeUndefined();
    expect(readAfterJoin(" | as J | project L")).toBeUndefined();
  });
});
