import { describe, expect, it } from "vitest";
import { alertRules, kqlSources } from "../../src/alerts";
import { analyze } from "../../src/kusto";
import { acsCatalog } from "../../src/schema/catalog";

describe("alert queries against Microsoft's analyzer", () => {
  it.each(kqlSources().map((s) => [s.file, s.kql]))("must bind %s without errors or warnings", (_file, kql) => {
    expect(analyze(kql, acsCatalog)).toEqual([]);
  });

  it.each(alertRules.map((r) => [r.key, r]))(
    "must bind %s at the shortest and the longest window too",
    (_key, rule) => {
      for (const windowMinutes of [rule.key === "silent-summaries" ? 120 : 5, 2880]) {
        expect(analyze(rule.query({ windowMinutes }), acsCatalog)).toEqual([]);
      }
    },
  );
});
