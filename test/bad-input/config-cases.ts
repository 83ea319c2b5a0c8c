import { parseStackConfig } from "../../src/config";
import { shippedAlertDefaults } from "../config/shipped";
import { type BadInputCase, messageOf } from "./case";

// Bad stack config: every case starts from a config that passes and changes one thing.

const p = "acs-recording-insights:";
const valid: Record<string, string> = {
  [`${p}location`]: "westeurope",
  [`${p}dataLocation`]: "United States",
  [`${p}alerts`]: JSON.stringify({ emails: ["oncall@example.com"] }),
};

export function parseWith(change: Record<string, string | undefined>) {
  const raw = { ...valid };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete raw[p + key];
    else raw[p + key] = value;
  }
  return parseStackConfig(raw, "dev", shippedAlertDefaults);
}

const alerts = (rules: object, extra: object = {}) =>
  JSON.stringify({ emails: ["oncall@example.com"], ...extra, rules });

function config(tried: string, change: Record<string, string | undefined>, sees: string[]): BadInputCase {
  return { area: "stack config", tried, sees, attempt: () => messageOf(() => parseWith(change)) };
}

export const configCases: readonly BadInputCase[] = [
  config("location not set", { location: undefined }, [
    "location: is required",
    "fix: pulumi config set location westeurope --stack dev",
  ]),
  config('location "West Europe" (display name)', { location: "West Europe" }, [
    "must be an Azure region name such as westeurope",
    'got "West Europe"',
    "pulumi config set location westeurope",
  ]),
  config('location "global"', { location: "global" }, [
    'must be a real region; only the ACS resource itself lives in "global"',
  ]),
  config('environment "Prod_1"', { environment: "Prod_1" }, [
    "environment: must be 2-12 characters of a-z, 0-9 and '-'",
    'got "Prod_1"',
    "fix: pulumi config set environment",
  ]),
  config("a misspelt top-level key (retentionDays)", { retentionDays: "30" }, [
    "retentionDays: is not a setting this stack knows",
    "known keys: location",
    "fix: pulumi config rm retentionDays --stack dev",
  ]),
  config('workspace set to the text "big"', { workspace: "big" }, [
    'workspace: must be an object (set its fields with --path), got the text "big"',
    "pulumi config rm workspace",
  ]),
  config("workspace.retentionInDays 7", { workspace: JSON.stringify({ retentionInDays: 7 }) }, [
    "workspace.retentionInDays: must be at least 30; got 7",
    "pulumi config set --path workspace.retentionInDays 30",
  ]),
  config(
    "table total retention 800 days (Azure offers 4-730 or whole years)",
    { tables: JSON.stringify({ ACSBillingUsage: { totalRetentionInDays: 800 } }) },
    [
      "tables.ACSBillingUsage.totalRetentionInDays: must be 4-730 days or a whole number of years",
      "nearest: 730 or 1095; got 800",
    ],
  ),
  config(
    "table total retention 2555 days (seven years is 2556)",
    { tables: JSON.stringify({ ACSBillingUsage: { totalRetentionInDays: 2555 } }) },
    ["nearest: 2191 or 2556; got 2555"],
  ),
  config(
    "a one-minute alert frequency on a query that calls saved functions",
    { alerts: alerts({ "server-errors": { frequencyMinutes: 1, windowMinutes: 5 } }) },
    [
      'alerts.rules.server-errors.frequencyMinutes: is 1 minute, but alert "server-errors" queries saved functions',
      "fix: pulumi config set --path alerts.rules.server-errors.frequencyMinutes 5",
    ],
  ),
  config('workspace.sku "Free"', { workspace: JSON.stringify({ sku: "Free" }) }, [
    "workspace.sku: must be one of PerGB2018, CapacityReservation",
    'got "Free"',
  ]),
  config("sku CapacityReservation without a level", { workspace: JSON.stringify({ sku: "CapacityReservation" }) }, [
    "workspace.capacityReservationLevel: is required with sku CapacityReservation",
    "--path workspace.capacityReservationLevel 100",
  ]),
  config("workspace.dailyQuotaGb 0", { workspace: JSON.stringify({ dailyQuotaGb: 0 }) }, [
    "workspace.dailyQuotaGb: must be -1 (no cap) or a positive number of GB; got 0",
  ]),
  config(
    "workspace.existingResourceId not an ARM id",
    { workspace: JSON.stringify({ existingResourceId: "/subscriptions/x/law" }) },
    [
      "workspace.existingResourceId: is not an Azure resource id",
      "providers/Microsoft.OperationalInsights/workspaces/<name>",
    ],
  ),
  config(
    'workspace.existingResourceId with ".." as the resource group',
    {
      workspace: JSON.stringify({
        existingResourceId:
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/../providers/Microsoft.OperationalInsights/workspaces/law",
      }),
    },
    [
      'workspace.existingResourceId: has the resource group name "..", which ends with "."',
      "fix: pulumi config set --path workspace.existingResourceId",
    ],
  ),
  config(
    'communication.existingResourceId with ".." as the name',
    {
      communication: JSON.stringify({
        existingResourceId:
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/..",
      }),
    },
    ['communication.existingResourceId: has the resource name "..", which is only dots'],
  ),
  config(
    'workspace.existingResourceId with "." as the name',
    {
      workspace: JSON.stringify({
        existingResourceId:
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/.",
      }),
    },
    ['workspace.existingResourceId: has the resource name ".", which is only dots'],
  ),
  config(
    "workspace.sku next to an existing workspace",
    {
      workspace: JSON.stringify({
        existingResourceId:
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-shared",
        sku: "PerGB2018",
      }),
    },
    [
      "workspace.sku: only applies when the stack creates the workspace",
      "it would be ignored",
      "fix: pulumi config rm --path workspace.sku --stack dev",
    ],
  ),
  config(
    "table total retention below its interactive retention",
    { tables: JSON.stringify({ ACSBillingUsage: { retentionInDays: 90, totalRetentionInDays: 30 } }) },
    [
      "tables.ACSBillingUsage.totalRetentionInDays: is 30 days, shorter than the interactive retentionInDays of 90",
      "--path tables.ACSBillingUsage.totalRetentionInDays 90",
    ],
  ),
  config('dataLocation "Mars"', { dataLocation: "Mars" }, ['dataLocation: must be one of "Africa"', 'got "Mars"']),
  config("dataLocation not set for a new ACS resource", { dataLocation: undefined }, [
    "dataLocation: is required when the stack creates the Communication Services resource",
    "pulumi config set dataLocation 'United States'",
  ]),
  config('a tag named "a/b"', { tags: JSON.stringify({ "a/b": "x" }) }, [
    'tags.a/b: tag names must be 1-512 characters without < > % & \\ ? /; got the name "a/b"',
    "fix: pulumi config rm --path tags.a/b",
  ]),
  config(
    'alerts.enabled "false" (quoted, so text)',
    { alerts: JSON.stringify({ emails: ["oncall@example.com"], enabled: "false" }) },
    [
      'alerts.enabled: must be true or false; got the text "false" (in quotes); write it without quotes',
      "fix: pulumi config set --path alerts.enabled false --stack dev",
    ],
  ),
  config('protect "yes"', { protect: "yes" }, [
    'protect: must be true or false; got "yes"',
    "pulumi config set protect true --stack dev",
  ]),
  config("alerts on, no e-mail and no webhook", { alerts: JSON.stringify({}) }, [
    "alerts.emails: alerts are enabled but nobody would be notified",
    "'alerts.emails[0]' oncall@example.com",
  ]),
  config('alerts.emails ["not-an-email"]', { alerts: JSON.stringify({ emails: ["not-an-email"] }) }, [
    'alerts.emails[0]: must be an e-mail address; got "not-an-email"',
  ]),
  config("alerts.webhookUrl over plain http", { alerts: alerts({}, { webhookUrl: "http://hooks.example.com/x" }) }, [
    "alerts.webhookUrl: must be an https:// URL",
    "https://example.com/alert-hook",
  ]),
  config("a misspelt alert key (start-latencyy)", { alerts: alerts({ "start-latencyy": { threshold: 1 } }) }, [
    'alerts.rules.start-latencyy: is not a setting this stack knows (did you mean "start-latency"?)',
    "pulumi config rm --path alerts.rules.start-latencyy",
  ]),
  config("alert windowMinutes 7", { alerts: alerts({ "start-latency": { windowMinutes: 7 } }) }, [
    "alerts.rules.start-latency.windowMinutes: must be one of 5, 10, 15, 30, 45, 60",
    "got 7",
    "windowMinutes 60",
  ]),
  config(
    "alert evaluated less often than its window",
    { alerts: alerts({ "server-errors": { frequencyMinutes: 60 } }) },
    [
      "alerts.rules.server-errors.frequencyMinutes: is 60 minutes, longer than the rule's 15-minute window",
      "frequencyMinutes 15",
    ],
  ),
  config(
    "silent-summaries windowMinutes 60 (inside its 60-minute grace period)",
    { alerts: alerts({ "silent-summaries": { windowMinutes: 60 } }) },
    [
      "alerts.rules.silent-summaries.windowMinutes: is 60 minutes, shorter than the 120 minutes this alert needs",
      "--path alerts.rules.silent-summaries.windowMinutes 120",
    ],
  ),
  config("alert severity 5", { alerts: alerts({ "start-latency": { severity: 5 } }) }, [
    "alerts.rules.start-latency.severity: must be at most 4; got 5",
  ]),
  config('alert threshold "fast"', { alerts: alerts({ "start-latency": { threshold: "fast" } }) }, [
    'alerts.rules.start-latency.threshold: must be a number; got "fast"',
  ]),
];
