import { describe, expect, it } from "vitest";
import { undocumentedPlugins } from "../../src/kusto/compile/operators/evaluate";
import { knownDifferences } from "../../src/kusto/differences";
import { aggregateFunctionNames, scalarFunctionNames } from "../../src/kusto/scalars";
import { refusedFunctions } from "../../src/kusto/scalars/refused";
import { run } from "./helpers";

const implemented = new Set([...scalarFunctionNames, ...aggregateFunctionNames]);

describe("the stated differences and refusals (the README's lists)", () => {
  it("name only functions the engine implements", () => {
    const named = knownDifferences.flatMap((d) => d.functions);
    expect(named.filter((f) => !implemented.has(f))).toEqual([]);
  });

  it("list only functions the engine does not implement", () => {
    expect(refusedFunctions.map(([name]) => name).filter((f) => implemented.has(f))).toEqual([]);
  });

  it("are the reasons a query sees", () => {
    expect(() => run("print hash_combine(1, 2)")).toThrow(
      /^unsupported: hash_combine\(\): Kusto does not document how hash_combine mixes its hashes .* at 1:7$/,
    );
    expect(() =>
      run(
        "datatable(id:long, t:datetime)[1, datetime(2024-01-01)] | evaluate session_count(id, t, datetime(2024-01-01), datetime(2024-01-02), 1h, 1h)",
      ),
    ).toThrow(`unsupported: evaluate session_count (${undocumentedPlugins.session_count})`);
  });
});
