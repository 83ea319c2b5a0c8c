import { describe, expect, it } from "vitest";
import { alertRule, alertRules, kqlSources, minWindowMinutes, windowLimits } from "../../src/alerts";

describe("alert definitions", () => {
  it("must define the six recording alerts once each", () => {
    expect(alertRules.map((r) => r.key).sort()).toEqual([
      "abnormal-ends",
      "operation-failures",
      "server-errors",
      "silent-summaries",
      "silent-usage",
      "start-latency",
    ]);
  });

  it("must name a measure column for every aggregation other than Count, and none for Count", () => {
    for (const r of alertRules) {
      if (r.timeAggregation === "Count") expect(r.metricMeasureColumn, r.key).toBeUndefined();
      else expect(r.metricMeasureColumn, r.key).toMatch(/^[A-Za-z]\w*$/);
    }
  });

  it("must use only operators Azure's scheduledQueryRules accept", () => {
    // the REST API spells equality "Equals" (not "Equal"); anything else is refused at deploy time
    const accepted = ["GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual", "Equals"];
    for (const r of alertRules) expect(accepted, r.key).toContain(r.operator);
  });

  it("must evaluate no more often than its window, within Azure's window limits", () => {
    for (const r of alertRules) {
      expect(r.defaults.frequencyMinutes, r.key).toBeLessThanOrEqual(r.defaults.windowMinutes);
      expect(r.defaults.windowMinutes, r.key).toBeGreaterThanOrEqual(windowLimits.min);
      expect(r.defaults.windowMinutes, r.key).toBeLessThanOrEqual(windowLimits.max);
    }
  });

  it("must bound the query by the window it is given", () => {
    for (const r of alertRules) expect(r.query({ windowMinutes: 180 }), r.key).toContain("ago(180m)");
  });

  it("must split operation failures and server errors by OperationName", () => {
    expect(alertRule("operation-failures").dimensions).toEqual(["OperationName"]);
    expect(alertRule("server-errors").dimensions).toEqual(["OperationName"]);
  });

  it.each([0, -5, 4, 2.5, 2881, Number.NaN, "60"])(
    "must refuse windowMinutes %s, naming the field and the allowed range",
    (bad) => {
      expect(() => alertRule("start-latency").query({ windowMinutes: bad as number })).toThrow(
        /alert "start-latency": windowMinutes must be a whole number of minutes from 5 to 2880 .*stack config/,
      );
    },
  );

  it("must refuse a silent-summaries window that leaves no time after the summary grace period", () => {
    // starts are counted up to ago(60m), so a window of 119 minutes or less would be (almost) empty
    expect(() => alertRule("silent-summaries").query({ windowMinutes: 119 })).toThrow(
      /windowMinutes must be a whole number of minutes from 120 to 2880/,
    );
    expect(alertRule("silent-summaries").query({ windowMinutes: 120 })).toContain("ago(120m), ago(60m)");
  });

  it("must hand check one source per alert, with the default window", () => {
    const sources = kqlSources();
    expect(sources.map((s) => s.file)).toEqual(alertRules.map((r) => `alerts:${r.key}`));
    expect(sources.find((s) => s.file === "alerts:silent-usage")?.kql).toContain("ago(1440m)");
  });
});

describe("minWindowMinutes", () => {
  it("must give config validation the same lower bound the query enforces", () => {
    for (const r of alertRules) {
      const min = minWindowMinutes(r.key);
      expect(() => r.query({ windowMinutes: min }), r.key).not.toThrow();
      expect(() => r.query({ windowMinutes: min - 1 }), r.key).toThrow(/windowMinutes/);
    }
  });
});
