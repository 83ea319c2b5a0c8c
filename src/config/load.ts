import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig, type StackConfig } from "./parse";
import type { AlertRuleDefaults } from "./schema";

// Reads the running stack's config once; all validation lives in the pure parseStackConfig. The alert defaults come from the
// caller, so config never depends on the alerts layer above it.

export function loadConfig(alertRules: readonly AlertRuleDefaults[]): StackConfig {
  return parseStackConfig(pulumi.runtime.allConfig(), pulumi.getStack(), alertRules, process.env);
}
