import { describe, expect, it } from "vitest";
import { alertQueryProblems, alertRules, leadingOperator } from "../../src/alerts";
import { alertDefaults } from "../../src/alerts/defaults";
import { savedFunctions } from "../../src/functions";

// What Azure accepts in a log alert query, applied to the shipped rules (alerts-log-query: no leading search/union;
// aka.ms/lsa_1m_limits: no one-minute frequency for queries Azure cannot optimise, such as those calling functions).

const functionNames = savedFunctions.map((f) => f.name);

describe("shipped alert queries as Azure sees them", () => {
  it.each(alertRules.map((r) => [r.key, r] as const))(
    "%s must start from a table or a function, never union or search",
    (_key, rule) => {
      const first = leadingOperator(rule.query({ windowMinutes: rule.defaults.windowMinutes }));
      expect(["union", "search"]).not.toContain(first);
      expect(functionNames).toContain(rule.query({ windowMinutes: rule.defaults.windowMinutes }).split("(")[0]);
    },
  );

  it("every shipped rule must pass Azure's checks at its default frequency", () => {
    for (const r of alertRules) {
      expect(
        alertQueryProblems(
          {
            key: r.key,
            query: r.query({ windowMinutes: r.defaults.windowMinutes }),
            frequencyMinutes: r.defaults.frequencyMinutes,
          },
          functionNames,
        ),
        r.key,
      ).toEqual([]);
    }
  });

  it("every shipped rule calls saved functions, so each must be refused at a one-minute frequency", () => {
    for (const r of alertRules) {
      const problems = alertQueryProblems(
        { key: r.key, query: r.query({ windowMinutes: r.defaults.windowMinutes }), frequencyMinutes: 1 },
        functionNames,
      );
      expect(problems, r.key).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(`alert "${r.key}": frequencyMinutes 1 with a query that calls ACSRecording`),
      );
    }
    expect(alertDefaults(alertRules, functionNames).every((d) => d.callsFunctions)).toBe(true);
  });

  it("must see the leading operator past let statements and comments", () => {
    expect(leadingOperator("// note\nlet w = 5m;\nunion A, B")).toBe("union");
    expect(leadingOperator("let s = 'union';\nACSBillingUsage")).toBe("acsbillingusage");
  });
});
