import * as pulumi from "@pulumi/pulumi";
import { shippedAlertDefaults } from "./alertDefaults";
import { parseStackConfig, type StackConfig } from "./parse";
import type { AlertRuleDefaults } from "./schema";

// Reads the running stack's config once; all validation lives in the pure parseStackConfig.

export function loadConfig(alertRules: readonly AlertRuleDefaults[] = shippedAlertDefaults()): StackConfig {
  return parseStackConfig(pulumi.runtime.allConfig(), pulumi.getStack(), alertRules);
}
