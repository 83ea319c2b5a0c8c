import { describe, expect, it } from "vitest";
import { retentionDecreaseIssues, retentionWindowIssues } from "../../src/config";

const tables = (days: number, total = 365) => ({
  ACSCallRecordingSummary: { retentionInDays: days, totalRetentionInDays: total },
  ACSBillingUsage: { retentionInDays: 90, totalRetentionInDays: 365 },
});

describe("retention against alert windows", () => {
  // Azure's own bounds (tables >= 4 days, windows <= 2 days) keep real configs clear of this; the rule still has to hold if they change.
  it("must refuse a table that keeps fewer days than the longest enabled alert window", () => {
    const issues = retentionWindowIssues(
      {
        workspace: { retentionInDays: 30 },
        tables: tables(1),
        alerts: {
          enabled: true,
          rules: {
            "silent-usage": { enabled: true, windowMinutes: 2880 },
            "server-errors": { enabled: true, windowMinutes: 15 },
          },
        },
      },
      "dev",
    );
    // 1 day = 1440 minutes < 2880: the summary table is short by one day; ceil(2880 / 1440) = 2 days fixes it.
    expect(issues.map((i) => i.key)).toEqual(["acs-recording-insights:tables.ACSCallRecordingSummary.retentionInDays"]);
    expect(issues[0].problem).toContain('alert "silent-usage"');
    expect(issues[0].fix).toBe("pulumi config set --path tables.ACSCallRecordingSummary.retentionInDays 2 --stack dev");
  });

  it("must ignore disabled alerts when measuring the longest window", () => {
    const issues = retentionWindowIssues(
      {
        workspace: { retentionInDays: 30 },
        tables: tables(1),
        alerts: {
          enabled: true,
          rules: { "silent-usage": { enabled: false, windowMinutes: 2880 }, x: { enabled: true, windowMinutes: 1440 } },
        },
      },
      "dev",
    );
    // 1 day = 1440 minutes, exactly the longest enabled window: enough.
    expect(issues).toEqual([]);
  });
});

describe("retention decreases", () => {
  it("must refuse lowering interactive or total retention below the live table's", () => {
    const issues = retentionDecreaseIssues(
      { allowRetentionDecrease: false, tables: tables(30, 90) },
      {
        ACSCallRecordingSummary: { retentionInDays: 60, totalRetentionInDays: 90 },
        ACSBillingUsage: { retentionInDays: 90, totalRetentionInDays: 730 },
      },
      "prod",
    );
    // Summary: 30 < 60 interactive; total 90 = 90 is fine. Usage: total 365 < 730.
    expect(issues.map((i) => i.key)).toEqual([
      "acs-recording-insights:tables.ACSCallRecordingSummary.retentionInDays",
      "acs-recording-insights:tables.ACSBillingUsage.totalRetentionInDays",
    ]);
    expect(issues[1].problem).toContain("from 730 to 365 days");
  });

  it("must accept tables that do not exist yet or report the workspace default (-1)", () => {
    const issues = retentionDecreaseIssues(
      { allowRetentionDecrease: false, tables: tables(30) },
      { ACSCallRecordingSummary: { retentionInDays: -1 } },
      "dev",
    );
    expect(issues).toEqual([]);
  });

  it("must let allowRetentionDecrease through", () => {
    const issues = retentionDecreaseIssues(
      { allowRetentionDecrease: true, tables: tables(30) },
      { ACSCallRecordingSummary: { retentionInDays: 365 } },
      "dev",
    );
    expect(issues).toEqual([]);
  });
});
