import { describe, expect, it, vi } from "vitest";
import { kqlFunctionDefs } from "../../src/functions";
import { analyze } from "../../src/kusto";
import { acsCatalog, acsCatalogWith } from "../../src/schema/catalog";
import { baseConfig, ofType, runStack, types as T } from "./harness";

// What the stack actually sends to Azure, with the windows tuned by config, must still bind against the schema and functions.

vi.setConfig({ testTimeout: 120_000 });

const literals: Record<string, string> = {
  string: "'x'",
  datetime: "datetime(null)",
  timespan: "1h",
  dynamic: "dynamic([])",
  long: "1",
  int: "1",
  real: "1.0",
  bool: "true",
};

describe("KQL the stack deploys", () => {
  it("every alert query, at tuned windows, must pass the analyzer with the saved functions declared", async () => {
    const plan = await runStack({
      ...baseConfig,
      alerts: {
        emails: ["a@example.com"],
        rules: {
          "operation-failures": { windowMinutes: 240, frequencyMinutes: 60 },
          "silent-summaries": { windowMinutes: 1440 },
        },
      },
    });
    const rules = ofType(plan, "azure-native:monitor:ScheduledQueryRule");
    expect(rules.length).toBe(6);
    for (const rule of rules) {
      const query = String((rule.inputs.criteria as any).allOf[0].query);
      const errors = analyze(query, acsCatalog).filter((d) => d.severity === "error");
      expect(errors, `${rule.name}: ${query}`).toEqual([]);
    }
    const tuned = rules.find((r) => r.name.endsWith("operation-failures"))!;
    expect((tuned.inputs.criteria as any).allOf[0].query).toContain("ago(240m)");
  });

  it("the abnormal-ends query with recording.normalEndReasons set must pass the analyzer", async () => {
    const plan = await runStack({ ...baseConfig, recording: { normalEndReasons: ["CallEnded", "Transferred"] } });
    const rule = ofType(plan, "azure-native:monitor:ScheduledQueryRule").find((r) => r.name.endsWith("abnormal-ends"))!;
    const query = String((rule.inputs.criteria as any).allOf[0].query);
    expect(query).toContain('normalendreasons = dynamic(["CallEnded", "Transferred"])');
    expect(analyze(query, acsCatalog).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("every saved search body must pass the analyzer with the other functions declared", async () => {
    const plan = await runStack(baseConfig);
    const searches = ofType(plan, T.search);
    expect(searches.length).toBeGreaterThan(0);
    for (const search of searches) {
      const params = String(search.inputs.functionParameters);
      // Declare the parameters as a let-bound function and call it with one literal per parameter, so the body binds as the workspace will run it.
      const args = params
        .split(/,\s*(?=\w+:)/)
        .filter(Boolean)
        .map((p) => literals[p.split(":")[1].split("=")[0].trim()]);
      const wrapped = `let __f = (${params}) { ${search.inputs.query} };\n__f(${args.join(", ")})`;
      const others = kqlFunctionDefs.filter((f) => f.name !== search.inputs.functionAlias);
      const errors = analyze(wrapped, acsCatalogWith(others)).filter((d) => d.severity === "error");
      expect(errors, String(search.inputs.functionAlias)).toEqual([]);
    }
  });
});
