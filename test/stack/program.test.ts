import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, vi } from "vitest";
import type { ConfigError } from "../../src/config";
import { tables } from "../../src/schema/tables";
import { baseConfig, ofType, one, rawConfig, runStack, types as T } from "./harness";

// Each case runs the whole program under mocks; on a busy 2-core machine that can take seconds.
vi.setConfig({ testTimeout: 60_000 });

const workspaceId =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-shared-logs/providers/Microsoft.OperationalInsights/workspaces/law-shared";
const acsId =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-comms/providers/Microsoft.Communication/communicationServices/acs-existing";

describe("the stack program", () => {
  it("must send Usage, CallRecordingSummary and CallRecordingOperational to the workspace", async () => {
    const plan = await runStack(baseConfig);
    const diag = one(plan, T.diag);
    const logs = diag.inputs.logs as { category: string; enabled: boolean }[];
    expect(logs.map((l) => l.category).sort()).toEqual(["CallRecordingOperational", "CallRecordingSummary", "Usage"]);
    expect(logs.every((l) => l.enabled)).toBe(true);
    expect(diag.inputs.workspaceId).toBe(plan.outputs.workspaceId);
    expect(diag.inputs.resourceUri).toBe(plan.outputs.communicationServiceId);
    expect(diag.inputs.metrics).toEqual([{ category: "Traffic", enabled: true }]);
  });

  it("must leave the platform metrics out when diagnostics.metrics is false", async () => {
    const plan = await runStack({ ...baseConfig, diagnostics: { metrics: false } });
    expect(one(plan, T.diag).inputs.metrics).toEqual([]);
  });

  it("must use resource-specific tables", async () => {
    const plan = await runStack(baseConfig);
    expect(one(plan, T.diag).inputs.logAnalyticsDestinationType).toBe("Dedicated");
  });

  it("must set each table's retention and total retention from config", async () => {
    const plan = await runStack({
      ...baseConfig,
      tables: {
        ACSCallRecordingSummary: { retentionInDays: 120, totalRetentionInDays: 730 },
        ACSBillingUsage: { retentionInDays: 45 },
      },
    });
    const byName = Object.fromEntries(ofType(plan, T.table).map((t) => [t.inputs.tableName, t.inputs]));
    expect(Object.keys(byName).sort()).toEqual(tables.map((t) => t.name).sort());
    expect(byName.ACSCallRecordingSummary).toMatchObject({ retentionInDays: 120, totalRetentionInDays: 730 });
    // Unset fields fall back to the defaults: 90 interactive, 365 total.
    expect(byName.ACSBillingUsage).toMatchObject({ retentionInDays: 45, totalRetentionInDays: 365 });
    expect(byName.ACSCallRecordingIncomingOperations).toMatchObject({ retentionInDays: 90, totalRetentionInDays: 365 });
  });

  it("must create ACS in the global location with the configured data location", async () => {
    const plan = await runStack(baseConfig);
    expect(one(plan, T.acs).inputs).toMatchObject({
      location: "global",
      dataLocation: "Europe",
      disableLocalAuth: false,
    });
  });

  it("must protect the workspace, the ACS resource and the resource group by default", async () => {
    const plan = await runStack(baseConfig);
    expect(one(plan, T.workspace).protect).toBe(true);
    expect(one(plan, T.acs).protect).toBe(true);
    expect(one(plan, T.rg).protect).toBe(true);
  });

  it("must lift protection only when protect is false", async () => {
    const plan = await runStack({ ...baseConfig, protect: "false" });
    expect([one(plan, T.workspace).protect, one(plan, T.acs).protect, one(plan, T.rg).protect]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("must update the built-in tables' retention in place and never declare them as azure-native Tables", async () => {
    const plan = await runStack(baseConfig);
    // azure-native would refuse to create a table that exists in every workspace; TableRetention PATCHes the live one.
    expect(ofType(plan, T.azureTable)).toHaveLength(0);
    expect(ofType(plan, T.table).map((t) => t.inputs.workspaceId)).toEqual([
      plan.outputs.workspaceId,
      plan.outputs.workspaceId,
      plan.outputs.workspaceId,
    ]);
  });

  it("must disable the workspace's local auth by default", async () => {
    const plan = await runStack(baseConfig);
    expect(one(plan, T.workspace).inputs.features).toMatchObject({ disableLocalAuth: true });
  });

  it("must lock the workspace against deletion only when lock is true", async () => {
    expect(ofType(await runStack(baseConfig), T.lock)).toHaveLength(0);
    const plan = await runStack({ ...baseConfig, lock: "true" });
    const lock = one(plan, T.lock);
    expect(lock.inputs).toMatchObject({ level: "CanNotDelete", scope: plan.outputs.workspaceId });
  });

  it("must not export keys or connection strings", async () => {
    const plan = await runStack(baseConfig);
    for (const [key, value] of Object.entries(plan.outputs)) {
      expect(key).not.toMatch(/key|connection|secret|password|token/i);
      expect(JSON.stringify(value)).not.toMatch(/accesskey|endpoint=|primaryKey|secondaryKey/i);
    }
    expect(Object.keys(plan.outputs).sort()).toEqual(
      [
        "actionGroupId",
        "alertRuleIds",
        "communicationHostName",
        "communicationServiceId",
        "diagnosticSettingId",
        "portalLinks",
        "resourceGroupName",
        "savedSearchIds",
        "workbookId",
        "workspaceCustomerId",
        "workspaceId",
        "workspaceName",
      ].sort(),
    );
  });

  it("must export the workspace, ACS, diagnostic setting and workbook ids and portal links", async () => {
    const plan = await runStack(baseConfig);
    const o = plan.outputs as Record<string, any>;
    expect(o.workspaceId).toMatch(/\/providers\/Microsoft\.OperationalInsights\/workspaces\/acsri-dev-law$/);
    expect(o.workspaceCustomerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(o.communicationHostName).toBe("acsri-dev-acs.communication.azure.com");
    expect(o.diagnosticSettingId).toBe(
      `${o.communicationServiceId}/providers/Microsoft.Insights/diagnosticSettings/acs-recording-insights-dev`,
    );
    expect(o.portalLinks.workspace).toBe(`https://portal.azure.com/#@/resource${o.workspaceId}`);
    expect(o.portalLinks.workbook).toBe(`https://portal.azure.com/#@/resource${o.workbookId}/workbook`);
  });

  it("must spread the shared tags into every taggable resource", async () => {
    const plan = await runStack({ ...baseConfig, tags: { owner: "platform" } });
    const tagged = plan.resources.filter((r) => r.inputs.tags !== undefined && !Array.isArray(r.inputs.tags));
    expect(tagged.map((r) => r.type).sort()).toEqual(
      [T.workbook, T.workbook, T.acs, T.actionGroup, ...Array(6).fill(T.rule), T.workspace, T.rg].sort(),
    );
    for (const r of tagged) {
      expect(r.inputs.tags).toMatchObject({
        owner: "platform",
        environment: "dev",
        "managed-by": "pulumi",
        "pulumi-stack": "dev",
      });
    }
  });

  it("must parent every resource to the component", async () => {
    const plan = await runStack(baseConfig);
    const root = one(plan, "acs-recording-insights:index:AcsRecordingInsights");
    expect(root.parent).toBeNull();
    const alerts = one(plan, "acs-recording-insights:monitoring:Alerts");
    for (const r of plan.resources.filter((x) => x !== root)) {
      expect(r.parent, r.name).toBe(r.type === T.rule || r.type === T.actionGroup ? alerts.name : root.name);
    }
  });

  it("bring-your-own workspace must declare no workspace and put tables and functions into the existing one", async () => {
    const plan = await runStack({ ...baseConfig, workspace: { existingResourceId: workspaceId } });
    expect(ofType(plan, T.workspace)).toHaveLength(0);
    expect(plan.outputs.workspaceId).toBe(workspaceId);
    for (const r of [...ofType(plan, T.table), ...ofType(plan, T.search)])
      expect(r.inputs.workspaceId, r.name).toBe(workspaceId);
    expect(one(plan, T.diag).inputs.workspaceId).toBe(workspaceId);
  });

  it("bring-your-own ACS must declare no ACS resource and attach the diagnostic setting to the existing one", async () => {
    const config = { ...baseConfig, communication: { existingResourceId: acsId } };
    delete (config as Record<string, unknown>).dataLocation;
    const plan = await runStack(config);
    expect(ofType(plan, T.acs)).toHaveLength(0);
    expect(one(plan, T.diag).inputs.resourceUri).toBe(acsId);
    expect(plan.outputs.communicationHostName).toBe("acs-existing.communication.azure.com");
  });

  it("an existing resource group must be used, not declared", async () => {
    const plan = await runStack({ ...baseConfig, resourceGroupName: "rg-team" });
    expect(ofType(plan, T.rg)).toHaveLength(0);
    expect(one(plan, T.workspace).inputs.resourceGroupName).toBe("rg-team");
  });

  it("must register no resource at all with the engine when the config is invalid", async () => {
    const registered: string[] = [];
    pulumi.runtime.setAllConfig(rawConfig({ ...baseConfig, dataLocation: "Atlantis" }));
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => (registered.push(args.type), { id: `${args.name}-id`, state: args.inputs }),
        call: () => ({}),
      },
      "acs-recording-insights",
      "dev",
    );
    vi.resetModules();
    // Imported after the mocks, so the program runs against this mocked engine.
    const program = await import("../../src/index");
    await expect(program.workspaceId).rejects.toThrow(/acs-recording-insights:dataLocation/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(registered).toEqual([]);
  });

  it("must declare nothing when the config is invalid", async () => {
    const error = await runStack({ ...baseConfig, workspace: { retentionInDays: 5 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ConfigError");
    expect((error as ConfigError).issues.map((i) => i.key)).toEqual([
      "acs-recording-insights:workspace.retentionInDays",
    ]);
  });
});
