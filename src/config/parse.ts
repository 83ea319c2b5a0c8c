import { type ArmId, communicationType, isArmIdError, parseArmId, workspaceType } from "./armId";
import { azureSecretIssues, forwardedAzureConfig, type ProviderSubscription, providerSubscription } from "./azure";
import { issueFromZod } from "./fixes";
import { ConfigError, type ConfigIssue, closest, fullKey, projectName, rmCommand, setCommand } from "./issues";
import { crossFieldIssues } from "./rules";
import {
  type AlertRuleDefaults,
  booleanKeys,
  objectKeys,
  type StackConfigInput,
  scalarKeys,
  stackConfigSchema,
} from "./schema";

// The one entry point that turns Pulumi's flat "project:key" strings into a typed, checked StackConfig, or throws ConfigError.

export interface StackConfig extends Omit<StackConfigInput, "namePrefix"> {
  readonly stack: string;
  readonly project: string;
  readonly namePrefix: string;
  /** Physical resource names, derived once so every module and test agrees on them. */
  readonly names: {
    readonly resourceGroup: string;
    readonly workspace: string;
    readonly communication: string;
    readonly diagnosticSetting: string;
    readonly actionGroup: string;
    readonly actionGroupShortName: string;
    readonly lock: string;
    /** Prefix of this stack's saved search names; per environment so two stacks in one workspace never share one. */
    readonly savedSearchPrefix: string;
  };
  /** Non-secret azure-native settings, forwarded to this package's own ARM calls so they sign in as the provider does. */
  readonly azure: {
    readonly forwarded: Readonly<Record<string, string>>;
    readonly subscription?: ProviderSubscription;
  };
  readonly existing: {
    readonly workspace?: ArmId;
    readonly communication?: ArmId;
    /** True when resourceGroupName was given: the group is used, not declared. */
    readonly resourceGroup: boolean;
  };
}

const knownKeys: readonly string[] = [...scalarKeys, ...objectKeys];

/** Decodes Pulumi's flat strings: objects arrive as JSON text, top-level booleans as "true"/"false". */
function decodeRaw(raw: Record<string, string>, stack: string, issues: ConfigIssue[]): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [fullName, text] of Object.entries(raw)) {
    if (!fullName.startsWith(`${projectName}:`)) continue;
    const key = fullName.slice(projectName.length + 1);
    if (!knownKeys.includes(key)) {
      const hint = closest(key, knownKeys);
      issues.push({
        key: fullName,
        problem: `is not a setting this stack knows${hint ? ` (did you mean "${hint}"?)` : ""}; known keys: ${knownKeys.join(", ")}`,
        fix: rmCommand([key], stack) + (hint ? `  # then set "${hint}" instead` : ""),
      });
      continue;
    }
    if ((objectKeys as readonly string[]).includes(key)) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        decoded[key] = value;
      } else {
        issues.push({
          key: fullName,
          problem: `must be an object (set its fields with --path), got the text ${JSON.stringify(text)}`,
          fix: `${rmCommand([key], stack)}  # then set its fields one by one: pulumi config set --path ${key}.<field> <value>`,
        });
      }
    } else if ((booleanKeys as readonly string[]).includes(key)) {
      decoded[key] = text === "true" ? true : text === "false" ? false : text;
    } else {
      decoded[key] = text;
    }
  }
  return decoded;
}

function armIdFor(
  value: string | undefined,
  path: [string, string],
  type: string,
  stack: string,
  issues: ConfigIssue[],
): ArmId | undefined {
  if (value === undefined) return undefined;
  const parsed = parseArmId(value, type);
  if (!isArmIdError(parsed)) return parsed;
  issues.push({
    key: fullKey(path),
    problem: `${parsed.error}; got ${JSON.stringify(value)}`,
    fix: `${setCommand(path, `/subscriptions/<subscription-id>/resourceGroups/<group>/providers/${type}/<name>`, stack)}  # or ${rmCommand(path, stack)} to create a new one`,
  });
  return undefined;
}

/** Settings that only shape a resource the stack creates; with a brought resource they would be silently ignored. */
const createOnly: readonly {
  readonly when: [string, string];
  readonly keys: readonly (readonly string[])[];
  readonly what: string;
}[] = [
  {
    when: ["workspace", "existingResourceId"],
    keys: [
      ["workspace", "sku"],
      ["workspace", "capacityReservationLevel"],
      ["workspace", "retentionInDays"],
      ["workspace", "dailyQuotaGb"],
      ["workspace", "disableLocalAuth"],
      ["lock"],
    ],
    what: "the workspace",
  },
  {
    when: ["communication", "existingResourceId"],
    keys: [["communication", "disableLocalAuth"], ["dataLocation"]],
    what: "the ACS resource",
  },
];

function ignoredSettingIssues(decoded: Record<string, unknown>, stack: string): ConfigIssue[] {
  const at = (path: readonly string[]): unknown =>
    path.reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      decoded,
    );
  const issues: ConfigIssue[] = [];
  for (const rule of createOnly) {
    if (at(rule.when) === undefined) continue;
    for (const key of rule.keys) {
      // lock=false is the default, and saying so does no harm.
      if (at(key) === undefined || (key[0] === "lock" && at(key) === false)) continue;
      issues.push({
        key: fullKey([...key]),
        problem: `only applies when the stack creates ${rule.what}, but ${rule.when.join(".")} brings an existing one; it would be ignored`,
        fix: rmCommand([...key], stack),
      });
    }
  }
  return issues;
}

/**
 * Parses the stack config as Pulumi hands it over (`project:key` → string, objects JSON-encoded).
 * Pure: the same input always gives the same config or the same ConfigError.
 */
export function parseStackConfig(
  raw: Record<string, string>,
  stack: string,
  alertRules: readonly AlertRuleDefaults[],
  env: Readonly<Record<string, string | undefined>> = {},
): StackConfig {
  const issues: ConfigIssue[] = [];
  const decoded = decodeRaw(raw, stack, issues);
  if (decoded.location === undefined && raw["azure-native:location"] !== undefined) {
    decoded.location = raw["azure-native:location"].toLowerCase().replace(/\s+/g, "");
  }
  if (decoded.environment === undefined) decoded.environment = stack;

  const schema = stackConfigSchema(alertRules);
  const result = schema.safeParse(decoded, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) issues.push(...issueFromZod(issue, schema, stack));
    throw new ConfigError(stack, issues);
  }
  const input = result.data;
  const existingWorkspace = armIdFor(
    input.workspace.existingResourceId,
    ["workspace", "existingResourceId"],
    workspaceType,
    stack,
    issues,
  );
  const existingCommunication = armIdFor(
    input.communication.existingResourceId,
    ["communication", "existingResourceId"],
    communicationType,
    stack,
    issues,
  );
  const subscription = providerSubscription(raw, env);
  issues.push(...crossFieldIssues(input, stack, subscription, [existingWorkspace, existingCommunication], alertRules));
  issues.push(...ignoredSettingIssues(decoded, stack));
  issues.push(...azureSecretIssues(raw, stack));
  if (issues.length > 0) throw new ConfigError(stack, issues);

  const namePrefix = input.namePrefix ?? `acsri-${input.environment}`;
  return {
    ...input,
    stack,
    project: projectName,
    namePrefix,
    names: {
      resourceGroup: input.resourceGroupName ?? `${namePrefix}-rg`,
      workspace: existingWorkspace?.name ?? `${namePrefix}-law`,
      communication: existingCommunication?.name ?? input.communication.name ?? `${namePrefix}-acs`,
      // Per environment: two stacks may each send one ACS resource's logs to their own workspace.
      diagnosticSetting: `acs-recording-insights-${input.environment}`,
      actionGroup: `${namePrefix}-recording-alerts`,
      // Azure caps the short name at 12 characters; it prefixes every SMS and e-mail subject.
      actionGroupShortName: `acsrec-${input.environment}`.slice(0, 12),
      lock: "acs-recording-insights-keep-logs",
      savedSearchPrefix: `acs-recording-insights-${input.environment}`,
    },
    azure: { forwarded: forwardedAzureConfig(raw), ...(subscription ? { subscription } : {}) },
    existing: {
      workspace: existingWorkspace,
      communication: existingCommunication,
      resourceGroup: input.resourceGroupName !== undefined,
    },
  };
}
