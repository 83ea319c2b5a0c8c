import { afterEach, describe, expect, it } from "vitest";
import { createArmClient } from "../../src/arm/client";
import { permits } from "../../src/arm/permissions";
import { type Finding, type PreflightTarget, runPreflight } from "../../src/arm/preflight";
import { acsId, type FakeAcs, type FakeArm, startFakeArm, subscriptionId, workspaceId } from "./fakeArm";

// Each preflight finding against the fake ARM: a clean subscription passes, and each thing Azure would refuse on
// `pulumi up` (or that would lose logs) is reported as blocking, with what to do. Every call preflight makes is a GET.

let arm: FakeArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

const categories = ["Usage", "CallRecordingSummary", "CallRecordingOperational"];

const target = (over: Partial<PreflightTarget> = {}): PreflightTarget => ({
  stack: "dev",
  location: "westeurope",
  workspaceId,
  workspaceBrought: true,
  communicationId: acsId,
  communicationBrought: true,
  resourceGroupId: `/subscriptions/${subscriptionId}/resourceGroups/rg-logs`,
  diagnosticSettingName: "acs-recording-insights-dev",
  deployDiagnostics: true,
  categories,
  tables: {
    ACSCallRecordingSummary: { retentionInDays: 90, totalRetentionInDays: 365 },
    ACSCallRecordingIncomingOperations: { retentionInDays: 90, totalRetentionInDays: 365 },
    ACSBillingUsage: { retentionInDays: 90, totalRetentionInDays: 365 },
  },
  allowRetentionDecrease: false,
  deployFunctions: true,
  functionNames: ["ACSRecordings", "ACSRecordingOperations"],
  savedSearchNames: {
    ACSRecordings: "acs-recording-insights-dev-acsrecordings",
    ACSRecordingOperations: "acs-recording-insights-dev-acsrecordingoperations",
  },
  lock: true,
  ...over,
});

const acs = (
  settings: Record<
    string,
    { workspaceId?: string; logs: { category?: string; categoryGroup?: string; enabled: boolean }[] }
  > = {},
): FakeAcs => ({
  location: "global",
  diagnosticSettings: new Map(Object.entries(settings).map(([n, s]) => [n, { ...s, metrics: [] }])),
});

async function preflight(
  over: Partial<PreflightTarget> = {},
  setup: (a: FakeArm) => void = () => {},
): Promise<Finding[]> {
  arm = await startFakeArm({ acs: { [acsId]: acs() } });
  setup(arm);
  const client = createArmClient({ endpoint: arm.url, token: async () => "t", retryDelaysMs: [] });
  const findings = await runPreflight(client, target(over));
  expect(arm.calls.every((c) => c.method === "GET")).toBe(true);
  return findings;
}

const blocking = (findings: readonly Finding[]) => findings.filter((f) => f.severity === "block");
const ws = (a: FakeArm) => a.state.workspaces.get(workspaceId.toLowerCase())!;

describe("preflight", () => {
  it("must find nothing blocking in a workspace with the built-in tables at their defaults", async () => {
    const findings = await preflight();
    expect(blocking(findings)).toEqual([]);
    expect(findings.map((f) => f.check)).toEqual([
      "workspace-region",
      "table-retention",
      "table-retention",
      "table-retention",
      "functions",
      "diagnostic-settings",
      "lock-permission",
    ]);
    expect(findings.find((f) => f.message.startsWith("ACSBillingUsage"))!.message).toBe(
      "ACSBillingUsage keeps 30/30 days (workspace default); the stack sets 90/365",
    );
  });

  it("must block a retention the config would lower, naming the key to keep", async () => {
    const findings = await preflight({}, (a) =>
      Object.assign(ws(a).tables.get("ACSBillingUsage")!, { retentionInDays: 180, retentionInDaysAsDefault: false }),
    );
    expect(blocking(findings)).toEqual([
      {
        check: "table-retention",
        severity: "block",
        message:
          "ACSBillingUsage keeps 180/30 days; the config would lower retentionInDays to 90, and Azure removes the older logs",
        action:
          "pulumi config set --path tables.ACSBillingUsage.retentionInDays 180 --stack dev  # or allowRetentionDecrease true for one run",
      },
    ]);
  });

  it("must block a missing built-in table", async () => {
    const findings = await preflight({}, (a) => ws(a).tables.delete("ACSCallRecordingSummary"));
    expect(blocking(findings).map((f) => f.message)).toEqual([
      "table ACSCallRecordingSummary was not found in the workspace",
    ]);
  });

  it("must block a workspace in another region than location", async () => {
    const findings = await preflight({}, (a) => (ws(a).location = "northeurope"));
    expect(blocking(findings)).toMatchObject([
      { check: "workspace-region", action: "pulumi config set location northeurope --stack dev" },
    ]);
  });

  it("must block a brought workspace that is not there (here: another subscription answers 404)", async () => {
    const other = workspaceId.replace(subscriptionId, "99999999-2222-3333-4444-555555555555");
    const findings = await preflight({ workspaceId: other });
    expect(blocking(findings)[0]).toMatchObject({ check: "workspace", message: `workspace ${other} was not found` });
  });

  it("must block an older diagnostic setting that already sends a category to this workspace", async () => {
    const findings = await preflight({}, (a) =>
      a.state.acs.set(
        acsId.toLowerCase(),
        acs({
          legacy: {
            workspaceId,
            logs: [
              { category: "CallRecordingSummary", enabled: true },
              { category: "Usage", enabled: false },
            ],
          },
        }),
      ),
    );
    expect(blocking(findings)).toMatchObject([
      {
        check: "diagnostic-settings-duplicate",
        message:
          "diagnostic setting legacy already sends CallRecordingSummary to this workspace; a category may go to one workspace once, so creating acs-recording-insights-dev would fail",
      },
    ]);
  });

  it("must count a setting with the allLogs category group as sending every category", async () => {
    const findings = await preflight({}, (a) =>
      a.state.acs.set(
        acsId.toLowerCase(),
        acs({ everything: { workspaceId, logs: [{ categoryGroup: "allLogs", enabled: true }] } }),
      ),
    );
    expect(blocking(findings).map((f) => f.message)).toEqual([
      "diagnostic setting everything already sends Usage, CallRecordingSummary, CallRecordingOperational to this workspace; a category may go to one workspace once, so creating acs-recording-insights-dev would fail",
    ]);
  });

  it("must not mind a setting that sends the categories to another workspace", async () => {
    const findings = await preflight({}, (a) =>
      a.state.acs.set(
        acsId.toLowerCase(),
        acs({
          other: { workspaceId: `${workspaceId}-2`, logs: [{ category: "CallRecordingSummary", enabled: true }] },
        }),
      ),
    );
    expect(blocking(findings)).toEqual([]);
  });

  it("must block when the ACS resource already has five diagnostic settings", async () => {
    const five = Object.fromEntries(
      [1, 2, 3, 4, 5].map((i) => [`s${i}`, { workspaceId: `${workspaceId}-${i}`, logs: [] }]),
    );
    const findings = await preflight({}, (a) => a.state.acs.set(acsId.toLowerCase(), acs(five)));
    expect(blocking(findings)).toMatchObject([
      {
        check: "diagnostic-settings-limit",
        message: expect.stringContaining("already has 5 diagnostic settings (s1, s2, s3, s4, s5); Azure allows 5"),
      },
    ]);
  });

  it("must block a function alias another stack's saved search already defines, pointing at functions.deploy", async () => {
    const findings = await preflight({}, (a) =>
      ws(a).savedSearches.set("acs-recording-insights-prod-acsrecordings", {
        etag: "e",
        properties: { functionAlias: "ACSRecordings", tags: [{ name: "pulumi-stack", value: "prod" }] },
      }),
    );
    expect(blocking(findings)).toMatchObject([
      {
        check: "function-alias",
        message:
          "function alias ACSRecordings is already defined by acs-recording-insights-prod-acsrecordings (owner: prod)",
        action: expect.stringContaining("functions.deploy false"),
      },
    ]);
  });

  it("must accept this stack's own saved searches from an earlier run", async () => {
    const findings = await preflight({}, (a) =>
      ws(a).savedSearches.set("acs-recording-insights-dev-acsrecordings", {
        etag: "e",
        properties: { functionAlias: "ACSRecordings", tags: [{ name: "pulumi-stack", value: "dev" }] },
      }),
    );
    expect(blocking(findings)).toEqual([]);
  });

  it("with functions.deploy false, must block when the functions the alerts call are missing", async () => {
    const findings = await preflight({ deployFunctions: false });
    expect(blocking(findings).map((f) => f.check)).toEqual(["function-missing", "function-missing"]);
  });

  it("must pass lock: true for an Owner (actions *), asking at the workspace's scope", async () => {
    const findings = await preflight();
    expect(findings.find((f) => f.check === "lock-permission")!.severity).toBe("ok");
    expect(arm!.calls.map((c) => c.path)).toContain(`${workspaceId}/providers/Microsoft.Authorization/permissions`);
  });

  it("must block lock: true for a Contributor, whose notActions take Microsoft.Authorization writes back", async () => {
    arm = await startFakeArm({ acs: { [acsId]: acs() } });
    // Contributor: actions ["*"], notActions include "Microsoft.Authorization/*/Write" and "/*/Delete".
    arm.state.actions = ["*"];
    const client = createArmClient({ endpoint: arm.url, token: async () => "t", retryDelaysMs: [] });
    const original = client.send;
    const contributor = {
      ...client,
      send: async (req: Parameters<typeof original>[0]) => {
        const res = await original(req);
        if (req.path.endsWith("/providers/Microsoft.Authorization/permissions")) {
          return {
            ...res,
            body: {
              value: [
                { actions: ["*"], notActions: ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write"] },
              ],
            },
          };
        }
        return res;
      },
    };
    const findings = await runPreflight(contributor, target());
    expect(blocking(findings)).toMatchObject([
      { check: "lock-permission", message: expect.stringContaining("only Owner and User Access Administrator") },
    ]);
  });
});

describe("permissions", () => {
  it("must read ARM's wildcards and notActions as Azure does", () => {
    expect(permits([{ actions: ["*"], notActions: [] }], "Microsoft.Authorization/locks/write")).toBe(true);
    expect(
      permits(
        [{ actions: ["*"], notActions: ["Microsoft.Authorization/*/Write"] }],
        "Microsoft.Authorization/locks/write",
      ),
    ).toBe(false);
    expect(
      permits(
        [{ actions: ["Microsoft.Authorization/locks/*"], notActions: [] }],
        "Microsoft.Authorization/locks/write",
      ),
    ).toBe(true);
    expect(
      permits(
        [{ actions: ["Microsoft.OperationalInsights/*"], notActions: [] }],
        "Microsoft.Authorization/locks/write",
      ),
    ).toBe(false);
  });
});
