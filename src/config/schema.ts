import { z } from "zod";
import { type TableName, tableNames } from "../schema/tables";
import { isAllowedTotalRetention, nearestTotalRetention } from "./retention";

// The whole stack config as one zod schema; Azure's own limits are written here so a bad value fails before `pulumi up`.

/** The data locations Microsoft.Communication/communicationServices accepts for `dataLocation`. */
export const dataLocations = [
  "Africa",
  "Asia Pacific",
  "Australia",
  "Brazil",
  "Canada",
  "Europe",
  "France",
  "Germany",
  "India",
  "Japan",
  "Korea",
  "Norway",
  "Switzerland",
  "UAE",
  "UK",
  "United States",
] as const;
export type DataLocation = (typeof dataLocations)[number];

/** SKUs a new workspace can be created with; the legacy tiers are closed to new workspaces. */
export const workspaceSkus = ["PerGB2018", "CapacityReservation"] as const;
export const capacityReservationLevels = [100, 200, 300, 400, 500, 1000, 2000, 5000, 10000, 25000, 50000] as const;

/** Log alert windows and frequencies Azure Monitor accepts, in minutes. */
export const alertWindowMinutes = [5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880] as const;
export const alertFrequencyMinutes = [1, 5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440] as const;

/** What the config needs to know about one shipped alert rule (a structural subset of src/alerts' AlertRuleDef). */
export interface AlertRuleDefaults {
  readonly key: string;
  readonly severity: 0 | 1 | 2 | 3 | 4;
  readonly defaults: {
    readonly enabled: boolean;
    readonly threshold: number;
    readonly windowMinutes: number;
    readonly frequencyMinutes: number;
  };
  /** The shortest window the rule's query is meaningful for, when longer than Azure's minimum. */
  readonly minWindowMinutes?: number;
  /** The query calls saved functions, which Azure does not run at a one-minute frequency. */
  readonly callsFunctions?: boolean;
}

const bool = (fallback: boolean) => z.boolean({ error: "must be true or false" }).default(fallback);

const int = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const oneOf = (values: readonly number[], what: string) =>
  z.number({ error: "must be a number" }).refine((n) => values.includes(n), {
    error: `must be one of ${values.join(", ")} (${what})`,
  });

const azureRegion = z
  .string({ error: "is required: the Azure region for the workspace, alerts and workbook" })
  .regex(/^[a-z][a-z0-9]{2,30}$/, {
    error: "must be an Azure region name such as westeurope or eastus (lower case, no spaces)",
  })
  .refine((v) => v !== "global", { error: 'must be a real region; only the ACS resource itself lives in "global"' });

/** Lower-case, starts with a letter, hyphens inside: valid in every resource name this stack derives from it. */
const nameToken = (max: number) =>
  z.string({ error: "must be a string" }).regex(new RegExp(`^[a-z][a-z0-9-]{0,${max - 2}}[a-z0-9]$`), {
    error: `must be 2-${max} characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'`,
  });

const totalRetention = int(4, 4383).refine(isAllowedTotalRetention, {
  error: (issue) =>
    `must be 4-730 days or a whole number of years Azure offers (1095, 1460, 1826, 2191, 2556, 2922, 3288, 3653, 4018, 4383); nearest: ${nearestTotalRetention(Number(issue.input)).join(" or ")}`,
});

const tableRetention = z
  .strictObject({
    retentionInDays: int(4, 730).default(90),
    totalRetentionInDays: totalRetention.default(365),
  })
  .prefault({});

function alertRuleSchema(rule: AlertRuleDefaults) {
  return z
    .strictObject({
      enabled: bool(rule.defaults.enabled),
      threshold: z.number({ error: "must be a number" }).default(rule.defaults.threshold),
      windowMinutes: oneOf(alertWindowMinutes, "Azure's log alert windows").default(rule.defaults.windowMinutes),
      frequencyMinutes: oneOf(alertFrequencyMinutes, "Azure's log alert frequencies").default(
        rule.defaults.frequencyMinutes,
      ),
      severity: int(0, 4).default(rule.severity),
    })
    .prefault({});
}

export function stackConfigSchema(rules: readonly AlertRuleDefaults[]) {
  const ruleShape = Object.fromEntries(rules.map((r) => [r.key, alertRuleSchema(r)]));
  const tableShape = Object.fromEntries(tableNames.map((t) => [t, tableRetention])) as Record<
    TableName,
    typeof tableRetention
  >;
  return z.strictObject({
    location: azureRegion,
    environment: nameToken(12),
    namePrefix: nameToken(24).optional(),
    resourceGroupName: z
      .string({ error: "must be a string" })
      .regex(/^[-\w._()]{1,89}[-\w_()]$/, {
        error: "must be a resource group name (1-90 letters, digits, '-', '_', '.', '(', ')')",
      })
      .optional(),
    dataLocation: z
      .enum(dataLocations, { error: `must be one of ${dataLocations.map((d) => `"${d}"`).join(", ")}` })
      .optional(),
    communication: z
      .strictObject({
        existingResourceId: z.string({ error: "must be a string" }).optional(),
        name: z
          .string({ error: "must be a string" })
          .regex(/^[a-zA-Z0-9][-a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/, {
            error: "must be 2-63 letters, digits and '-' (it becomes <name>.communication.azure.com)",
          })
          .optional(),
        disableLocalAuth: bool(false),
      })
      .prefault({}),
    workspace: z
      .strictObject({
        existingResourceId: z.string({ error: "must be a string" }).optional(),
        sku: z.enum(workspaceSkus, { error: `must be one of ${workspaceSkus.join(", ")}` }).default("PerGB2018"),
        capacityReservationLevel: oneOf(capacityReservationLevels, "GB per day").optional(),
        retentionInDays: int(30, 730).default(90),
        dailyQuotaGb: z
          .number({ error: "must be a number" })
          .refine((n) => n === -1 || n > 0, { error: "must be -1 (no cap) or a positive number of GB" })
          .default(-1),
        disableLocalAuth: bool(true),
      })
      .prefault({}),
    tables: z.strictObject(tableShape).prefault({}),
    // deploy false: another stack already sends these categories from this ACS resource to this workspace (Azure allows one).
    diagnostics: z.strictObject({ deploy: bool(true), metrics: bool(true) }).prefault({}),
    // deploy false: another stack sharing the workspace owns the saved functions (aliases are one per workspace).
    functions: z.strictObject({ deploy: bool(true) }).prefault({}),
    // The RecordingEndReason values that are normal ends; unset keeps the saved functions' default (CallEnded, InitiatorLeft).
    recording: z
      .strictObject({
        normalEndReasons: z
          .array(
            z.string({ error: "must be a string" }).regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, {
              error: "must be a RecordingEndReason name such as CallEnded (letters, digits, '_', '.', '-')",
            }),
            {
              error: "must be a list of RecordingEndReason names",
            },
          )
          .min(1, {
            error: "must list at least one end reason (leave it unset for the default CallEnded, InitiatorLeft)",
          })
          .optional(),
      })
      .prefault({}),
    tags: z
      .record(
        z
          .string()
          .regex(/^[^<>%&\\?/]{1,512}$/, { error: "tag names must be 1-512 characters without < > % & \\ ? /" }),
        z
          .string({ error: "tag values must be strings" })
          .max(256, { error: "tag values must be at most 256 characters" }),
      )
      .default({}),
    protect: bool(true),
    lock: bool(false),
    allowRetentionDecrease: bool(false),
    alerts: z
      .strictObject({
        enabled: bool(true),
        emails: z
          .array(z.email({ error: "must be an e-mail address" }), { error: "must be a list of e-mail addresses" })
          .default([]),
        webhookUrl: z.url({ protocol: /^https$/, error: "must be an https:// URL" }).optional(),
        rules: z.strictObject(ruleShape).prefault({}),
      })
      .prefault({}),
  });
}

export type StackConfigInput = z.output<ReturnType<typeof stackConfigSchema>>;
export type AlertRuleSettings = StackConfigInput["alerts"]["rules"][string];
export type TableRetention = StackConfigInput["tables"][TableName];

/** Keys whose value Pulumi hands over as a JSON string. */
export const objectKeys = [
  "communication",
  "workspace",
  "tables",
  "diagnostics",
  "functions",
  "recording",
  "tags",
  "alerts",
] as const;
/** Top-level keys Pulumi hands over as the strings "true"/"false". */
export const booleanKeys = ["protect", "lock", "allowRetentionDecrease"] as const;
export const scalarKeys = [
  "location",
  "environment",
  "namePrefix",
  "resourceGroupName",
  "dataLocation",
  ...booleanKeys,
] as const;
