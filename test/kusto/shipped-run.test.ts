import { describe, expect, it } from "vitest";
import { shippedSources } from "../../src/cli/check";
import { loadDataDir, sampleDataDir } from "../../src/data";
import { kqlFunctionDefs } from "../../src/functions";
import { runQuery } from "../../src/kusto";
import "./helpers";

describe("the shipped KQL on the bundled sample", () => {
  it("must run every function, template, workbook and alert query without an unsupported construct", () => {
    const tables = loadDataDir(sampleDataDir);
    const failures: string[] = [];
    for (const source of shippedSources()) {
      try {
        const result = runQuery(source.kql, tables, {
          functions: kqlFunctionDefs,
          now: Date.parse("2026-11-20T00:00:00Z"),
        });
        expect(result.columns.length).toBeGreaterThan(0);
      } catch (err) {
        failures.push(`${source.file}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
