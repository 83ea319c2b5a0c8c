import type { ArmId } from "./armId";
import type { ProviderSubscription } from "./azure";
import { type ConfigIssue, fullKey, setCommand } from "./issues";
import { retentionWindowIssues } from "./retention";
import type { AlertRuleDefaults, StackConfigInput } from "./schema";

// Checks that span several keys; each one explains the relation it enforces and which key to change.

export function crossFieldIssues(
  input: StackConfigInput,
  stack: string,
  provider: ProviderSubscription | undefined,
  existingIds: readonly (ArmId | undefined)[],
  alertRules: readonly AlertRuleDefaults[],
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const creatingAcs = input.communication.existingResourceId === undefined;

  if (creatingAcs && input.dataLocation === undefined) {
    issues.push({
      key: fullKey(["dataLocation"]),
      problem:
        "is required when the stack creates the Communication Services resource (where ACS keeps data at rest; it cannot change later)",
      fix: setCommand(["dataLocation"], "United States", stack),
    });
  }
  if (!creatingAcs && input.communication.name !== undefined) {
    issues.push({
      key: fullKey(["communication", "name"]),
      problem: "names a resource to create, but communication.existingResourceId says to use an existing one",
      fix: `pulumi config rm --path communication.name --stack ${stack}`,
    });
  }

  for (const [table, retention] of Object.entries(input.tables)) {
    if (retention.totalRetentionInDays < retention.retentionInDays) {
      issues.push({
        key: fullKey(["tables", table, "totalRetentionInDays"]),
        problem: `is ${retention.totalRetentionInDays} days, shorter than the interactive retentionInDays of ${retention.retentionInDays} (total retention includes the interactive period)`,
        fix: setCommand(["tables", table, "totalRetentionInDays"], String(retention.retentionInDays), stack),
      });
    }
  }

  const { sku, capacityReservationLevel } = input.workspace;
  if (sku === "CapacityReservation" && capacityReservationLevel === undefined) {
    issues.push({
      key: fullKey(["workspace", "capacityReservationLevel"]),
      problem: "is required with sku CapacityReservation (GB per day you commit to)",
      fix: setCommand(["workspace", "capacityReservationLevel"], "100", stack),
    });
  }
  if (sku !== "CapacityReservation" && capacityReservationLevel !== undefined) {
    issues.push({
      key: fullKey(["workspace", "capacityReservationLevel"]),
      problem: `only applies to sku CapacityReservation, but sku is ${sku}`,
      fix: `pulumi config rm --path workspace.capacityReservationLevel --stack ${stack}`,
    });
  }

  const rules = Object.entries(input.alerts.rules);
  if (
    input.alerts.enabled &&
    rules.some(([, r]) => r.enabled) &&
    input.alerts.emails.length === 0 &&
    input.alerts.webhookUrl === undefined
  ) {
    issues.push({
      key: fullKey(["alerts", "emails"]),
      problem: "alerts are enabled but nobody would be notified: give at least one e-mail address or a webhookUrl",
      fix: setCommand(["alerts", "emails", 0], "oncall@example.com", stack),
    });
  }
  for (const [key, rule] of rules) {
    const minWindow = alertRules.find((r) => r.key === key)?.minWindowMinutes;
    if (minWindow !== undefined && rule.windowMinutes < minWindow) {
      issues.push({
        key: fullKey(["alerts", "rules", key, "windowMinutes"]),
        problem: `is ${rule.windowMinutes} minutes, shorter than the ${minWindow} minutes this alert needs to tell a real gap from normal delay`,
        fix: setCommand(["alerts", "rules", key, "windowMinutes"], String(minWindow), stack),
      });
    }
    // "One-minute frequency is not supported for this query" (MicrosoftDocs/azure-docs#120598, aka.ms/lsa_1m_limits).
    if (rule.frequencyMinutes === 1 && alertRules.find((r) => r.key === key)?.callsFunctions) {
      issues.push({
        key: fullKey(["alerts", "rules", key, "frequencyMinutes"]),
        problem: `is 1 minute, but alert "${key}" queries saved functions, which Azure does not evaluate at a one-minute frequency`,
        fix: setCommand(["alerts", "rules", key, "frequencyMinutes"], "5", stack),
      });
    }
    if (rule.frequencyMinutes > rule.windowMinutes) {
      issues.push({
        key: fullKey(["alerts", "rules", key, "frequencyMinutes"]),
        problem: `is ${rule.frequencyMinutes} minutes, longer than the rule's ${rule.windowMinutes}-minute window, so some data would never be evaluated`,
        fix: setCommand(["alerts", "rules", key, "frequencyMinutes"], String(rule.windowMinutes), stack),
      });
    }
  }
  issues.push(...retentionWindowIssues(input, stack));

  for (const id of existingIds) {
    if (id && provider && id.subscriptionId.toLowerCase() !== provider.id.toLowerCase()) {
      const path = id.type.toLowerCase().includes("workspaces")
        ? ["workspace", "existingResourceId"]
        : ["communication", "existingResourceId"];
      issues.push({
        key: fullKey(path),
        problem: `is in subscription ${id.subscriptionId}, but the provider deploys to subscription ${provider.id} (from ${provider.from}); the diagnostic setting, saved searches and alerts would be looked up in the wrong subscription`,
        fix: `pulumi config set azure-native:subscriptionId ${id.subscriptionId} --stack ${stack}${provider.from === "ARM_SUBSCRIPTION_ID" ? `  # or set ARM_SUBSCRIPTION_ID=${id.subscriptionId} where pulumi runs` : ""}`,
      });
    }
  }
  return issues;
}
