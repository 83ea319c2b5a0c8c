// The definitions alone: src/alerts/index.ts also loads the local KQL evaluator, which a deployment never needs.
import { alertRules, minWindowMinutes } from "../alerts/rules";
import type { AlertRuleDef } from "../alerts/types";
import type { AlertRuleDefaults } from "./schema";

// The config's view of the shipped alert rules: their defaults plus the shortest window each query is meaningful for.

export function alertDefaults(rules: readonly AlertRuleDef[]): AlertRuleDefaults[] {
  return rules.map((r) => ({ key: r.key, severity: r.severity, defaults: r.defaults, minWindowMinutes: minWindowMinutes(r.key) }));
}

export function shippedAlertDefaults(): AlertRuleDefaults[] {
  return alertDefaults(alertRules);
}
