import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { describe, expect, it, vi } from "vitest";
import { isBuiltInTable, mockClash, mockRefusal } from "../../src/infra/mockCloud";
import { recordPlan } from "../../src/infra/plan";

// The mock cloud behind synth and the stack tests refuses what azure-native and Azure refuse, so a program that would fail
// on `pulumi up` fails offline too. Each refusal is proven here, first as a pure rule, then through a recorded plan.

vi.setConfig({ testTimeout: 60_000 });

const fns = ["ACSRecordings", "ACSRecordingOperations"];
const rule = (query: string, evaluationFrequency = "PT5M") => ({
  ruleName: "r",
  evaluationFrequency,
  criteria: { allOf: [{ query }] },
});

describe("mock cloud refusals (pure)", () => {
  it("must refuse to create a built-in table, as azure-native does (it exists in every workspace)", () => {
    expect(mockRefusal("azure-native:operationalinsights:Table", "t", { tableName: "ACSBillingUsage" }, fns)).toMatch(
      /cannot create already existing resource: table ACSBillingUsage is built into every workspace/,
    );
  });

  it("must let a custom _CL table be created", () => {
    expect(isBuiltInTable("MyEvents_CL")).toBe(false);
    expect(
      mockRefusal("azure-native:operationalinsights:Table", "t", { tableName: "MyEvents_CL" }, fns),
    ).toBeUndefined();
  });

  it("must refuse azure-native's SavedSearch, whose update would meet 409 for want of etag *", () => {
    expect(mockRefusal("azure-native:operationalinsights:SavedSearch", "s", { savedSearchId: "x" }, fns)).toMatch(
      /etag is output-only.*declare a SavedFunction/,
    );
  });

  it("must refuse a metric category ACS does not publish (AllMetrics), and accept Traffic", () => {
    const resourceUri =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs";
    const setting = (category: string) => ({ resourceUri, metrics: [{ category, enabled: true }] });
    expect(mockRefusal("azure-native:monitor:DiagnosticSetting", "d", setting("AllMetrics"), fns)).toMatch(
      /metric category AllMetrics does not exist for Communication Services/,
    );
    expect(mockRefusal("azure-native:monitor:DiagnosticSetting", "d", setting("Traffic"), fns)).toBeUndefined();
  });

  it.each([
    ["union", "union ACSBillingUsage, ACSCallRecordingSummary | count"],
    ["search", 'search "CallEnded"'],
    ["union", "let w = 1h;\nunion withsource=T (ACSRecordings(ago(w)))"],
  ])("must refuse an alert query that starts with %s", (op, query) => {
    expect(mockRefusal("azure-native:monitor:ScheduledQueryRule", "a", rule(query), fns)).toContain(
      `the query starts with ${op}`,
    );
  });

  it("must accept union across resources, the documented exception", () => {
    const query = "union workspace('law-a').ACSBillingUsage, workspace('law-b').ACSBillingUsage | count";
    expect(mockRefusal("azure-native:monitor:ScheduledQueryRule", "a", rule(query), fns)).toBeUndefined();
  });

  it("must not mistake union inside a string or comment for the leading operator", () => {
    const query = '// union of both\nACSBillingUsage | where UsageType == "union"';
    expect(mockRefusal("azure-native:monitor:ScheduledQueryRule", "a", rule(query), fns)).toBeUndefined();
  });

  it("must refuse a one-minute frequency for a query that calls a saved function, and accept five minutes", () => {
    const query = "ACSRecordings(ago(5m)) | count";
    expect(mockRefusal("azure-native:monitor:ScheduledQueryRule", "a", rule(query, "PT1M"), fns)).toMatch(
      /frequencyMinutes 1 with a query that calls ACSRecordings/,
    );
    expect(mockRefusal("azure-native:monitor:ScheduledQueryRule", "a", rule(query, "PT5M"), fns)).toBeUndefined();
    expect(
      mockRefusal("azure-native:monitor:ScheduledQueryRule", "a", rule("ACSBillingUsage | count", "PT1M"), fns),
    ).toBeUndefined();
  });
});

describe("mock cloud refusals across resources (pure)", () => {
  const wb = "azure-native:applicationinsights:Workbook";
  it("must refuse a second workbook with the display name of another in the same resource group, any case", () => {
    const declared = new Map<string, string>();
    expect(mockClash(wb, "a", { resourceGroupName: "rg", displayName: "Insights (dev)" }, declared)).toBeUndefined();
    expect(mockClash(wb, "b", { resourceGroupName: "RG", displayName: "insights (DEV)" }, declared)).toMatch(
      /^b: workbook display name "insights \(DEV\)" is already taken by a in resource group RG/,
    );
  });

  it("must accept distinct display names, another resource group, and resources that are not workbooks", () => {
    const declared = new Map<string, string>();
    expect(mockClash(wb, "a", { resourceGroupName: "rg", displayName: "X" }, declared)).toBeUndefined();
    expect(mockClash(wb, "b", { resourceGroupName: "rg", displayName: "X - ACS resource" }, declared)).toBeUndefined();
    expect(mockClash(wb, "c", { resourceGroupName: "rg2", displayName: "X" }, declared)).toBeUndefined();
    expect(
      mockClash("azure-native:monitor:ActionGroup", "d", { resourceGroupName: "rg", displayName: "X" }, declared),
    ).toBeUndefined();
  });
});

describe("mock cloud refusals (through a recorded plan)", () => {
  const record = (program: () => Promise<Record<string, unknown>>) =>
    recordPlan({ project: "acs-recording-insights", stack: "dev", config: {}, functionNames: fns }, program);

  it("must fail the plan that declares a built-in table with azure-native", async () => {
    const error = await record(async () => {
      new operationalinsights.Table("t", {
        resourceGroupName: "rg",
        workspaceName: "law",
        tableName: "ACSCallRecordingSummary",
        retentionInDays: 90,
      });
      return {};
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/mock cloud refused.*\n.*t: cannot create already existing resource/);
  });

  it("must fail the plan that declares two workbooks with one display name", async () => {
    const error = await record(async () => {
      for (const n of ["w1", "w2"])
        new applicationinsights.Workbook(n, {
          resourceGroupName: "rg",
          category: "workbook",
          kind: "shared",
          displayName: "Same",
          serializedData: "{}",
        });
      return {};
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('w2: workbook display name "Same" is already taken by w1');
  });

  it("must fail the plan that declares a union alert and a one-minute function alert, listing both", async () => {
    const error = await record(async () => {
      const base = {
        resourceGroupName: "rg",
        location: "westeurope",
        scopes: ["/x"],
        windowSize: "PT5M",
        severity: 2,
        enabled: true,
        kind: "LogAlert",
      };
      new monitor.ScheduledQueryRule("u", {
        ...base,
        ruleName: "u",
        evaluationFrequency: "PT5M",
        criteria: { allOf: [{ query: "union A, B", timeAggregation: "Count", operator: "GreaterThan", threshold: 0 }] },
      });
      new monitor.ScheduledQueryRule("f", {
        ...base,
        ruleName: "f",
        evaluationFrequency: "PT1M",
        criteria: {
          allOf: [
            {
              query: "ACSRecordingOperations() | count",
              timeAggregation: "Count",
              operator: "GreaterThan",
              threshold: 0,
            },
          ],
        },
      });
      return {};
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain(
      'f: alert "f": frequencyMinutes 1 with a query that calls ACSRecordingOperations',
    );
    expect((error as Error).message).toContain('u: alert "u": the query starts with union');
  });
});
