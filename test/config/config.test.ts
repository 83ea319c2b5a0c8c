import { describe, expect, it } from "vitest";
import { alertRules } from "../../src/alerts/rules";
import { ConfigError, parseStackConfig } from "../../src/config";
import { rawConfig } from "../stack/harness";
import { applyFix } from "./apply-fix";
import { shippedAlertDefaults as rules } from "./shipped";

const parse = (raw: Record<string, string>, stack = "dev") => parseStackConfig(raw, stack, rules);
const good = { location: "westeurope", dataLocation: "Europe", alerts: { emails: ["oncall@example.com"] } };
const sub = "11111111-2222-3333-4444-555555555555";
const lawId = `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-shared`;
const acsId = `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.Communication/communicationServices/acs`;

function rejection(raw: Record<string, string>, stack = "dev", env: Record<string, string> = {}): ConfigError {
  try {
    parseStackConfig(raw, stack, rules, env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected the config to be rejected");
}

interface BadCase {
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly key: string;
  readonly problem: RegExp;
  readonly stack?: string;
  readonly env?: Record<string, string>;
}

const { location: _location, ...withoutLocation } = good;
const { dataLocation: _dataLocation, ...withoutDataLocation } = good;

const badCases: BadCase[] = [
  { name: "missing location", config: withoutLocation, key: "location", problem: /is required/ },
  {
    name: "location as a display name",
    config: { ...good, location: "West Europe" },
    key: "location",
    problem: /lower case, no spaces/,
  },
  { name: "location global", config: { ...good, location: "global" }, key: "location", problem: /real region/ },
  {
    name: "unknown dataLocation",
    config: { ...good, dataLocation: "Mars" },
    key: "dataLocation",
    problem: /must be one of .*"United States"/,
  },
  {
    name: "no dataLocation for a new ACS resource",
    config: withoutDataLocation,
    key: "dataLocation",
    problem: /required when the stack creates/,
  },
  {
    name: "workspace retention 5",
    config: { ...good, workspace: { retentionInDays: 5 } },
    key: "workspace.retentionInDays",
    problem: /at least 30; got 5/,
  },
  {
    name: "workspace retention 1000",
    config: { ...good, workspace: { retentionInDays: 1000 } },
    key: "workspace.retentionInDays",
    problem: /at most 730; got 1000/,
  },
  {
    name: "workspace retention as text",
    config: { ...good, workspace: { retentionInDays: "ninety" } },
    key: "workspace.retentionInDays",
    problem: /must be a number/,
  },
  {
    name: "malformed workspace id",
    config: { ...good, workspace: { existingResourceId: "law-shared" } },
    key: "workspace.existingResourceId",
    problem: /is not an Azure resource id/,
  },
  {
    name: "storage account id as the workspace",
    config: {
      ...good,
      workspace: {
        existingResourceId: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs`,
      },
    },
    key: "workspace.existingResourceId",
    problem: /points to a Microsoft\.Storage\/storageAccounts, expected a Microsoft\.OperationalInsights\/workspaces/,
  },
  {
    name: "workspace id as the ACS resource",
    config: { ...good, communication: { existingResourceId: lawId } },
    key: "communication.existingResourceId",
    problem: /expected a Microsoft\.Communication\/communicationServices/,
  },
  {
    name: "total retention below interactive retention",
    config: { ...good, tables: { ACSBillingUsage: { retentionInDays: 120, totalRetentionInDays: 60 } } },
    key: "tables.ACSBillingUsage.totalRetentionInDays",
    problem: /is 60 days, shorter than the interactive retentionInDays of 120/,
  },
  {
    name: "table retention 2",
    config: { ...good, tables: { ACSCallRecordingSummary: { retentionInDays: 2 } } },
    key: "tables.ACSCallRecordingSummary.retentionInDays",
    problem: /at least 4/,
  },
  {
    name: "table retention fractional",
    config: { ...good, tables: { ACSCallRecordingSummary: { retentionInDays: 30.5 } } },
    key: "tables.ACSCallRecordingSummary.retentionInDays",
    problem: /whole number/,
  },
  {
    name: "unknown table",
    config: { ...good, tables: { AzureDiagnostics: { retentionInDays: 30 } } },
    key: "tables.AzureDiagnostics",
    problem: /not a setting this stack knows/,
  },
  {
    name: "misspelt top-level key",
    config: { ...good, lcation: "westeurope" },
    key: "lcation",
    problem: /did you mean "location"/,
  },
  {
    name: "misspelt nested key",
    config: { ...good, workspace: { retentionDays: 30 } },
    key: "workspace.retentionDays",
    problem: /did you mean "retentionInDays"/,
  },
  { name: "protect yes", config: { ...good, protect: "yes" }, key: "protect", problem: /true or false; got "yes"/ },
  {
    name: "workspace as plain text",
    config: { ...good, workspace: "PerGB2018" },
    key: "workspace",
    problem: /must be an object/,
  },
  {
    name: "tables as a number",
    config: { ...good, tables: 5 },
    key: "tables",
    problem: /must be an object .*got the text "5"/,
  },
  {
    name: "retired workspace SKU",
    config: { ...good, workspace: { sku: "Free" } },
    key: "workspace.sku",
    problem: /PerGB2018, CapacityReservation/,
  },
  {
    name: "capacity reservation without a level",
    config: { ...good, workspace: { sku: "CapacityReservation" } },
    key: "workspace.capacityReservationLevel",
    problem: /required with sku CapacityReservation/,
  },
  {
    name: "daily cap 0",
    config: { ...good, workspace: { dailyQuotaGb: 0 } },
    key: "workspace.dailyQuotaGb",
    problem: /-1 \(no cap\) or a positive/,
  },
  {
    name: "tag name with a slash",
    config: { ...good, tags: { "team/owner": "x" } },
    key: "tags.team/owner",
    problem: /without < > % &/,
  },
  {
    name: "name prefix with capitals",
    config: { ...good, namePrefix: "ACS_Prod" },
    key: "namePrefix",
    problem: /a-z, 0-9 and '-'/,
  },
  {
    name: "stack name unusable as environment",
    config: good,
    stack: "Prod_EU",
    key: "environment",
    problem: /got "Prod_EU"/,
  },
  {
    name: "malformed e-mail",
    config: { ...good, alerts: { emails: ["oncall-at-example"] } },
    key: "alerts.emails[0]",
    problem: /must be an e-mail address/,
  },
  {
    name: "plain http webhook",
    config: { ...good, alerts: { emails: [], webhookUrl: "http://example.com/hook" } },
    key: "alerts.webhookUrl",
    problem: /https:\/\//,
  },
  {
    name: "alerts with nobody to notify",
    config: { ...good, alerts: {} },
    key: "alerts.emails",
    problem: /nobody would be notified/,
  },
  {
    name: "unknown alert rule",
    config: { ...good, alerts: { emails: ["a@example.com"], rules: { "disk-full": {} } } },
    key: "alerts.rules.disk-full",
    problem: /allowed here: .*server-errors/,
  },
  {
    name: "alert window Azure does not offer",
    config: { ...good, alerts: { emails: ["a@example.com"], rules: { "server-errors": { windowMinutes: 7 } } } },
    key: "alerts.rules.server-errors.windowMinutes",
    problem: /must be one of 5, 10, 15/,
  },
  {
    name: "alert frequency longer than its window",
    config: {
      ...good,
      alerts: { emails: ["a@example.com"], rules: { "server-errors": { windowMinutes: 15, frequencyMinutes: 60 } } },
    },
    key: "alerts.rules.server-errors.frequencyMinutes",
    problem: /longer than the rule's 15-minute window/,
  },
  {
    name: "silent-summaries window too short to see a gap",
    config: {
      ...good,
      alerts: { emails: ["a@example.com"], rules: { "silent-summaries": { windowMinutes: 60, frequencyMinutes: 15 } } },
    },
    key: "alerts.rules.silent-summaries.windowMinutes",
    problem: /shorter than the 120 minutes/,
  },
  {
    name: "alert severity 7",
    config: { ...good, alerts: { emails: ["a@example.com"], rules: { "server-errors": { severity: 7 } } } },
    key: "alerts.rules.server-errors.severity",
    problem: /at most 4/,
  },
  {
    name: "existing workspace in another subscription",
    config: {
      ...good,
      workspace: { existingResourceId: lawId },
      "azure-native:subscriptionId": "99999999-2222-3333-4444-555555555555",
    },
    key: "workspace.existingResourceId",
    problem:
      /is in subscription 11111111-.* but the provider deploys to subscription 99999999-.*from azure-native:subscriptionId/,
  },
  {
    name: "existing workspace in another subscription than ARM_SUBSCRIPTION_ID (as CI sets it)",
    config: { ...good, workspace: { existingResourceId: lawId } },
    env: { ARM_SUBSCRIPTION_ID: "99999999-2222-3333-4444-555555555555" },
    key: "workspace.existingResourceId",
    problem: /but the provider deploys to subscription 99999999-.* \(from ARM_SUBSCRIPTION_ID\)/,
  },
  {
    name: "a one-minute frequency for an alert whose query calls saved functions",
    config: { ...good, alerts: { emails: ["a@example.com"], rules: { "server-errors": { frequencyMinutes: 1 } } } },
    key: "alerts.rules.server-errors.frequencyMinutes",
    problem: /is 1 minute, but alert "server-errors" queries saved functions/,
  },
  {
    name: "a total retention between two and three years",
    config: { ...good, tables: { ACSBillingUsage: { retentionInDays: 90, totalRetentionInDays: 1000 } } },
    key: "tables.ACSBillingUsage.totalRetentionInDays",
    problem: /must be 4-730 days or a whole number of years .*nearest: 730 or 1095/,
  },
  {
    name: "a total retention of 7 x 365 days (Azure wants 2556)",
    config: { ...good, tables: { ACSBillingUsage: { retentionInDays: 90, totalRetentionInDays: 2555 } } },
    key: "tables.ACSBillingUsage.totalRetentionInDays",
    problem: /nearest: 2191 or 2556/,
  },
  {
    name: "a client secret in the stack config, which our own ARM calls would not see",
    config: { ...good, "azure-native:clientSecret": "s3cret" },
    key: "azure-native:clientSecret",
    problem: /read secrets from the environment only/,
  },
  {
    name: "a name for an ACS resource that is brought",
    config: {
      ...good,
      communication: {
        existingResourceId: acsId,
        name: "acs-new",
      },
    },
    key: "communication.name",
    problem: /existingResourceId says to use an existing one/,
  },
  {
    name: "a retention for a brought workspace",
    config: { ...good, workspace: { existingResourceId: lawId, retentionInDays: 60 } },
    key: "workspace.retentionInDays",
    problem: /only applies when the stack creates the workspace/,
  },
  {
    name: "a lock on a brought workspace",
    config: { ...good, lock: "true", workspace: { existingResourceId: lawId } },
    key: "lock",
    problem: /workspace\.existingResourceId brings an existing one/,
  },
  {
    name: "a data location for a brought ACS resource",
    config: {
      ...good,
      communication: {
        existingResourceId: acsId,
      },
    },
    key: "dataLocation",
    problem: /only applies when the stack creates the ACS resource/,
  },
];

describe("stack config rejections", () => {
  it("must cover at least 30 kinds of bad config", () => {
    expect(badCases.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of badCases) {
    it(`must reject ${c.name}, naming ${c.key} and a pulumi config command`, () => {
      const stack = c.stack ?? "dev";
      const error = rejection(rawConfig(c.config), stack, c.env);
      const key = c.key.includes(":") ? c.key : `acs-recording-insights:${c.key}`;
      const issue = error.issues.find((i) => i.key === key);
      expect(issue, error.message).toBeDefined();
      expect(issue!.problem).toMatch(c.problem);
      expect(issue!.fix).toMatch(new RegExp(`^pulumi config (set|rm) .* --stack ${stack}\\b`));
      expect(error.message).toContain(key);
      expect(error.message).toContain("nothing was declared");
    });

    it(`must clear the ${c.name} issue once its fix command is applied`, () => {
      const stack = c.stack ?? "dev";
      const raw = rawConfig(c.config);
      const key = c.key.includes(":") ? c.key : `acs-recording-insights:${c.key}`;
      const issue = rejection(raw, stack, c.env).issues.find((i) => i.key === key)!;
      const fixed = applyFix(raw, issue.fix);
      let remaining: string[] = [];
      try {
        parseStackConfig(fixed, stack, rules, c.env);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        remaining = e.issues.map((i) => i.key);
      }
      expect(remaining).not.toContain(key);
    });
  }
});

describe("stack config defaults", () => {
  it("must default to protected resources, a keyless workspace, 90/365-day tables and every shipped alert", () => {
    const config = parse(rawConfig(good));
    expect(config.protect).toBe(true);
    expect(config.lock).toBe(false);
    expect(config.workspace).toMatchObject({
      sku: "PerGB2018",
      retentionInDays: 90,
      dailyQuotaGb: -1,
      disableLocalAuth: true,
    });
    expect(config.tables.ACSCallRecordingSummary).toEqual({ retentionInDays: 90, totalRetentionInDays: 365 });
    expect(Object.keys(config.alerts.rules).sort()).toEqual(alertRules.map((r) => r.key).sort());
    expect(config.alerts.rules["server-errors"]).toMatchObject({
      enabled: true,
      windowMinutes: 15,
      frequencyMinutes: 5,
      severity: 1,
    });
  });

  it("must derive the environment from the stack and names from the environment", () => {
    const config = parse(rawConfig(good), "staging");
    expect(config.environment).toBe("staging");
    expect(config.names).toMatchObject({
      resourceGroup: "acsri-staging-rg",
      workspace: "acsri-staging-law",
      communication: "acsri-staging-acs",
    });
    // "acsrec-staging" is 14 characters; Azure allows 12 for an action group's short name.
    expect(config.names.actionGroupShortName).toBe("acsrec-stagi");
  });

  it("must take the location from azure-native:location when the project key is unset", () => {
    const config = parse({ ...rawConfig(withoutLocation), "azure-native:location": "West Europe" });
    expect(config.location).toBe("westeurope");
  });

  it("must read a brought workspace's group and name from its id", () => {
    const config = parse(rawConfig({ ...good, workspace: { existingResourceId: lawId } }));
    expect(config.existing.workspace).toMatchObject({
      subscriptionId: sub,
      resourceGroupName: "rg-logs",
      name: "law-shared",
    });
    expect(config.names.workspace).toBe("law-shared");
  });

  it("must be pure: the same input gives the same config", () => {
    expect(parse(rawConfig(good))).toEqual(parse(rawConfig(good)));
  });
});
