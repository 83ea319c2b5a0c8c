import type { AlertRuleDefaults } from "../config/schema";
import { minWindowMinutes } from "./rules";
import type { AlertRuleDef } from "./types";
import { calledFunctions } from "./validate";

// What the config layer needs to know about the shipped rules, handed down by the program (config never imports alerts).

/** The saved function names the alert queries may call; the program passes the shipped list. */
export function alertDefaults(rules: readonly AlertRuleDef[], functionNames: readonly string[]): AlertRuleDefaults[] {
  return rules.map((r) => ({
    key: r.key,
    severity: r.severity,
    defaults: r.defaults,
    minWindowMinutes: minWindowMinutes(r.key),
    callsFunctions: calledFunctions(r.query({ windowMinutes: r.defaults.windowMinutes }), functionNames).length > 0,
  }));
}
