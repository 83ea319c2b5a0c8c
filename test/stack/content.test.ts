import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { alertRules } from "../../src/alerts";
import type { ConfigError } from "../../src/config";
import { savedFunctions } from "../../src/functions";
import { stableJson } from "../../src/infra/plan";
import { baseConfig, ofType, one, runStack, types as T } from "./harness";

// Each case runs the whole program under mocks; on a busy 2-core machine that can take seconds.
vi.setConfig({ testTimeout: 60_000 });

describe("saved functions in the workspace", () => {
  it("must deploy one saved search per kql/*.kql file, aliased by the function name", async () => {
    const files = fs
      .readdirSync(path.resolve(__dirname, "../../kql"))
      .filter((f) => f.endsWith(".kql"))
      .map((f) => f.replace(/\.kql$/, ""))
      .sort();
    const plan = await runStack(baseConfig);
    const searches = ofType(plan, T.search);
    expect(searches.map((s) => s.inputs.functionAlias).sort()).toEqual(files);
    for (const s of searches) {
      expect(s.inputs.displayName).toBe(s.inputs.functionAlias);
      expect(s.inputs.category).toBe("ACS Call Recording");
      // Per environment (dev here), so two stacks sharing a workspace never write the same saved search.
      expect(s.inputs.savedSearchId).toBe(`acs-recording-insights-dev-${String(s.inputs.functionAlias).toLowerCase()}`);
    }
  });

  it("must pass ACSRecordings its parameter string and body as written in kql/ACSRecordings.kql", async () => {
    const plan = await runStack(baseConfig);
    const search = ofType(plan, T.search).find((s) => s.inputs.functionAlias === "ACSRecordings")!;
    // From the file's header: eight parameters, name:type=default joined by ", " (normal end reasons at their shipped default).
    expect(search.inputs.functionParameters).toBe(
      "starttime:datetime=datetime(null), endtime:datetime=datetime(null), contenttypes:dynamic=dynamic([]), formattypes:dynamic=dynamic([]), channeltypes:dynamic=dynamic([]), correlationid:string='*', normalendreasons:dynamic=dynamic([\"CallEnded\",\"InitiatorLeft\"]), resourceid:string='*'",
    );
    expect(search.inputs.query).toBe(savedFunctions.find((f) => f.name === "ACSRecordings")!.body);
    expect(search.inputs.query).not.toMatch(/^\/\/ Name:/m);
  });

  it("must deploy recording.normalEndReasons as the normalendreasons default of the four functions that take it", async () => {
    const plan = await runStack({ ...baseConfig, recording: { normalEndReasons: ["CallEnded", "Transferred"] } });
    const params = (alias: string) =>
      String(ofType(plan, T.search).find((s) => s.inputs.functionAlias === alias)!.inputs.functionParameters);
    // The kql/*.kql headers declaring normalendreasons: ACSRecordings, ACSRecordingEndReasons, ACSRecordingOverview, ACSRecordingsPerCall.
    const taking = ofType(plan, T.search)
      .filter((s) => String(s.inputs.functionParameters).includes("normalendreasons:"))
      .map((s) => s.inputs.functionAlias)
      .sort();
    expect(taking).toEqual(["ACSRecordingEndReasons", "ACSRecordingOverview", "ACSRecordings", "ACSRecordingsPerCall"]);
    for (const alias of taking) {
      expect(params(String(alias))).toContain('normalendreasons:dynamic=dynamic(["CallEnded","Transferred"])');
      expect(params(String(alias))).not.toContain("InitiatorLeft");
    }
    // The rest of ACSRecordings' parameter string is unchanged.
    expect(params("ACSRecordings")).toBe(
      "starttime:datetime=datetime(null), endtime:datetime=datetime(null), contenttypes:dynamic=dynamic([]), formattypes:dynamic=dynamic([]), channeltypes:dynamic=dynamic([]), correlationid:string='*', normalendreasons:dynamic=dynamic([\"CallEnded\",\"Transferred\"]), resourceid:string='*'",
    );
  });

  it("must pass a required parameter without a default, and a timespan default, as the headers write them", async () => {
    const plan = await runStack(baseConfig);
    const params = (alias: string) =>
      ofType(plan, T.search).find((s) => s.inputs.functionAlias === alias)!.inputs.functionParameters;
    // kql/ACSRecordingCallTimeline.kql: correlationid without a default, then resourceid.
    expect(params("ACSRecordingCallTimeline")).toBe("correlationid:string, resourceid:string='*'");
    // kql/ACSRecordingOperationHealth.kql: five parameters, timegrain defaulting to 1h.
    expect(params("ACSRecordingOperationHealth")).toBe(
      "starttime:datetime=datetime(null), endtime:datetime=datetime(null), timegrain:timespan=1h, operations:dynamic=dynamic([]), resourceid:string='*'",
    );
  });
});

describe("the workbook", () => {
  const bySource = (plan: Awaited<ReturnType<typeof runStack>>) => {
    const wbs = ofType(plan, T.workbook);
    expect(wbs).toHaveLength(2);
    const workspaceId = String(plan.outputs.workspaceId).toLowerCase();
    const acsId = String(plan.outputs.communicationServiceId).toLowerCase();
    return {
      workspace: wbs.find((w) => w.inputs.sourceId === workspaceId)!,
      acs: wbs.find((w) => w.inputs.sourceId === acsId)!,
    };
  };

  it("must be a shared workbook bound to the workspace, named by a v5 UUID of stack and workbook key", async () => {
    const plan = await runStack(baseConfig);
    const wb = bySource(plan).workspace;
    // Worked out with Python's uuid module: uuid5(uuid5(NAMESPACE_URL, "https://github.com/acs-recording-insights"), "acs-recording-insights/dev/acs-call-recording").
    expect(wb.inputs.resourceName).toBe("0c426b62-dce4-55aa-bdb0-452b0b46a9f6");
    expect(wb.inputs).toMatchObject({ kind: "shared", category: "workbook", version: "Notebook/1.0" });
    expect(wb.inputs.displayName).toBe("ACS call recording insights (dev)");
    expect((wb.inputs.tags as Record<string, string>)["hidden-title"]).toBe(wb.inputs.displayName);
  });

  it("must deploy a twin bound to the ACS resource, with its own stable name and display name and the same content", async () => {
    const plan = await runStack(baseConfig);
    const { workspace, acs } = bySource(plan);
    // uuid5(project namespace, "acs-recording-insights/dev/acs-call-recording/communication"), from Python.
    expect(acs.inputs.resourceName).toBe("4c2b60e4-fc0d-5303-80a6-40a33645a646");
    expect(acs.inputs).toMatchObject({ kind: "shared", category: "workbook", version: "Notebook/1.0" });
    expect(acs.inputs.displayName).toBe("ACS call recording insights (dev) - ACS resource");
    expect(acs.inputs.tags).toMatchObject({
      "hidden-title": acs.inputs.displayName,
      environment: "dev",
      "pulumi-stack": "dev",
    });
    expect(acs.inputs.serializedData).toBe(workspace.inputs.serializedData);
    expect(String(plan.outputs.communicationServiceId)).toMatch(
      /\/Microsoft\.Communication\/communicationServices\/acsri-dev-acs$/,
    );
    // The twin's id is the resource group's id plus Microsoft.Insights/workbooks/<its name>.
    const group = String(plan.outputs.workspaceId).replace(
      /\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+$/,
      "",
    );
    expect((plan.outputs.portalLinks as Record<string, string>).communicationWorkbook).toBe(
      `https://portal.azure.com/#@/resource${group}/providers/Microsoft.Insights/workbooks/4c2b60e4-fc0d-5303-80a6-40a33645a646/workbook`,
    );
  });

  it("must give another stack other workbook names", async () => {
    const plan = await runStack(baseConfig, { stack: "prod" });
    const { workspace, acs } = bySource(plan);
    // uuid5(project namespace, "acs-recording-insights/prod/acs-call-recording") and ".../communication", also from Python.
    expect(workspace.inputs.resourceName).toBe("a86a5b4b-c033-5b4a-bc9d-125c5304f5d3");
    expect(acs.inputs.resourceName).toBe("80eb5e94-b115-591f-bbc2-86ca8e40bb5b");
  });

  it("must default the Workspace parameter to the deployed workspace and the Resource parameter to the ACS resource", async () => {
    const plan = await runStack(baseConfig);
    const data = JSON.parse(String(bySource(plan).workspace.inputs.serializedData));
    const params = parameters(data);
    expect(data.version).toBe("Notebook/1.0");
    expect(data.fallbackResourceIds).toEqual([plan.outputs.workspaceId, plan.outputs.communicationServiceId]);
    expect(params.Workspace.value).toBe(plan.outputs.workspaceId);
    expect(params.Resource.value).toBe(String(plan.outputs.communicationServiceId).toLowerCase());
    // Unset recording.normalEndReasons: the documented pair, as kql/ACSRecordings.kql ships it.
    expect(params.NormalEndReasons.value).toBe("CallEnded, InitiatorLeft");
  });

  it("must bind the twin to a brought ACS resource and default the Resource parameter to it, lower-cased", async () => {
    const acsId =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-calls/providers/Microsoft.Communication/communicationServices/acs-calls";
    const { dataLocation: _onlyWhenCreated, ...rest } = baseConfig;
    const plan = await runStack({ ...rest, communication: { existingResourceId: acsId } });
    const { acs } = bySource(plan);
    expect(acs.inputs.sourceId).toBe(
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-calls/providers/microsoft.communication/communicationservices/acs-calls",
    );
    expect(parameters(JSON.parse(String(acs.inputs.serializedData))).Resource.value).toBe(acs.inputs.sourceId);
  });

  it("must default the NormalEndReasons parameter to the stack setting recording.normalEndReasons", async () => {
    const plan = await runStack({
      ...baseConfig,
      recording: { normalEndReasons: ["CallEnded", "InitiatorLeft", "Transferred"] },
    });
    for (const wb of ofType(plan, T.workbook)) {
      expect(parameters(JSON.parse(String(wb.inputs.serializedData))).NormalEndReasons.value).toBe(
        "CallEnded, InitiatorLeft, Transferred",
      );
    }
  });
});

/** Every parameter of the workbook's parameter items, by name (nested groups included). */
function parameters(data: { items: any[] }): Record<string, any> {
  const found: Record<string, any> = {};
  const walk = (items: any[]) => {
    for (const item of items) {
      if (item.type === 9) for (const p of item.content.parameters) found[p.name] = p;
      if (item.type === 12) walk(item.content.items);
    }
  };
  walk(data.items);
  return found;
}

describe("log alerts", () => {
  it("must declare one LogAlert per shipped rule, scoped to the workspace and sent to the action group", async () => {
    const plan = await runStack(baseConfig);
    const rules = ofType(plan, T.rule);
    expect(rules.map((r) => r.name.replace("acs-recording-insights-alerts-", "")).sort()).toEqual(
      alertRules.map((r) => r.key).sort(),
    );
    const groupId = plan.outputs.actionGroupId;
    for (const r of rules) {
      expect(r.inputs).toMatchObject({
        kind: "LogAlert",
        scopes: [plan.outputs.workspaceId],
        actions: { actionGroups: [groupId] },
        autoMitigate: true,
      });
      const operator = (r.inputs.criteria as any).allOf[0].operator;
      expect(["GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual", "Equals"]).toContain(operator);
    }
  });

  it("must create the alert rules after the saved searches their queries call", async () => {
    const plan = await runStack(baseConfig);
    const searchNames = ofType(plan, T.search).map((s) => s.name);
    for (const r of ofType(plan, T.rule)) expect(r.dependsOn).toEqual(expect.arrayContaining(searchNames));
  });

  it("must apply per-rule config: threshold, window, frequency, severity and enabled", async () => {
    const plan = await runStack({
      ...baseConfig,
      alerts: {
        emails: ["oncall@example.com"],
        rules: {
          "start-latency": { threshold: 3500, windowMinutes: 120, frequencyMinutes: 30, severity: 1 },
          "silent-usage": { enabled: false },
        },
      },
    });
    const latency = ofType(plan, T.rule).find((r) => r.name.endsWith("start-latency"))!;
    expect(latency.inputs).toMatchObject({
      windowSize: "PT2H",
      evaluationFrequency: "PT30M",
      severity: 1,
      enabled: true,
    });
    expect((latency.inputs.criteria as any).allOf[0].threshold).toBe(3500);
    // The query text carries the window too: 120 minutes.
    expect((latency.inputs.criteria as any).allOf[0].query).toContain("ago(120m)");
    expect(ofType(plan, T.rule).find((r) => r.name.endsWith("silent-usage"))!.inputs.enabled).toBe(false);
  });

  it("must pass recording.normalEndReasons to the abnormal-ends query, and leave the function's default when unset", async () => {
    const query = (plan: Awaited<ReturnType<typeof runStack>>) =>
      String(
        (ofType(plan, T.rule).find((r) => r.name.endsWith("abnormal-ends"))!.inputs.criteria as any).allOf[0].query,
      );
    const set = await runStack({ ...baseConfig, recording: { normalEndReasons: ["CallEnded", "Transferred"] } });
    // Default window 360 minutes; the list as a dynamic literal with ", " between the names.
    expect(query(set).split("\n")[0]).toBe(
      'ACSRecordings(ago(360m), normalendreasons = dynamic(["CallEnded", "Transferred"]))',
    );
    expect(query(await runStack(baseConfig)).split("\n")[0]).toBe("ACSRecordings(ago(360m))");
  });

  it("must declare no alerts and no action group when alerts are disabled", async () => {
    const plan = await runStack({ ...baseConfig, alerts: { enabled: false } });
    expect(ofType(plan, T.rule)).toHaveLength(0);
    expect(ofType(plan, T.actionGroup)).toHaveLength(0);
    expect(plan.outputs.alertRuleIds).toEqual({});
  });

  it("must notify the configured e-mails and keep the webhook URL out of the plan", async () => {
    const hook = "https://hooks.example.com/services/T000/B000/very-secret-token";
    const plan = await runStack({
      ...baseConfig,
      alerts: { emails: ["a@example.com", "b@example.com"], webhookUrl: hook },
    });
    const group = one(plan, T.actionGroup);
    expect((group.inputs.emailReceivers as any[]).map((e) => e.emailAddress)).toEqual([
      "a@example.com",
      "b@example.com",
    ]);
    // Pulumi lifts secretness to the enclosing array, so the whole receiver list is redacted.
    expect(group.inputs.webhookReceivers).toBe("[secret]");
    expect(stableJson(plan)).not.toContain("very-secret-token");
    expect(String(group.inputs.groupShortName).length).toBeLessThanOrEqual(12);
  });
});

describe("the retention guard", () => {
  const live = {
    ACSCallRecordingSummary: { retentionInDays: 180, totalRetentionInDays: 365 },
    ACSCallRecordingIncomingOperations: { retentionInDays: 30, totalRetentionInDays: 30 },
    ACSBillingUsage: { retentionInDays: 30, totalRetentionInDays: 30 },
  };

  it("must refuse to lower a live table's retention and name the key and the override", async () => {
    // Config keeps the default 90 days; the live table keeps 180: a decrease of 90 days of logs.
    const error = (await runStack(baseConfig, { liveTables: live }).catch((e: unknown) => e)) as ConfigError;
    expect(error.name).toBe("ConfigError");
    expect(error.issues.map((i) => i.key)).toEqual([
      "acs-recording-insights:tables.ACSCallRecordingSummary.retentionInDays",
    ]);
    expect(error.issues[0].fix).toContain(
      "pulumi config set --path tables.ACSCallRecordingSummary.retentionInDays 180 --stack dev",
    );
    expect(error.issues[0].fix).toContain("allowRetentionDecrease true");
  });

  it("must allow the decrease when allowRetentionDecrease is set", async () => {
    const plan = await runStack({ ...baseConfig, allowRetentionDecrease: "true" }, { liveTables: live });
    const summary = ofType(plan, T.table).find((t) => t.inputs.tableName === "ACSCallRecordingSummary")!;
    expect(summary.inputs.retentionInDays).toBe(90);
  });

  it("must allow keeping or raising the live retention", async () => {
    const plan = await runStack(
      { ...baseConfig, tables: { ACSCallRecordingSummary: { retentionInDays: 180, totalRetentionInDays: 400 } } },
      { liveTables: live },
    );
    expect(ofType(plan, T.table)).toHaveLength(3);
  });

  it("must stop loudly, not pass, when a table of the live workspace cannot be read", async () => {
    const { ACSBillingUsage: _unreadable, ...partial } = live;
    const error = (await runStack(baseConfig, { liveTables: partial }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /retention guard: cannot read table ACSBillingUsage in workspace acsri-dev-law .*the run stops/,
    );
  });

  it("must treat a brought workspace as existing and read its tables, even on the first run", async () => {
    // The mock world holds the brought workspace with Azure's 30-day default; 90 days raises it, so the guard passes.
    const workspaceId =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-shared-logs/providers/Microsoft.OperationalInsights/workspaces/law-shared";
    const plan = await runStack({ ...baseConfig, workspace: { existingResourceId: workspaceId } });
    expect(ofType(plan, T.table)).toHaveLength(3);
  });
});
