// The stack config: one schema, parsed once, passed down typed.
export { alertDefaults, shippedAlertDefaults } from "./alertDefaults";
export { communicationType, parseArmId, workspaceType, type ArmId } from "./armId";
export { ConfigError, projectName, type ConfigIssue } from "./issues";
export { loadConfig } from "./load";
export { parseStackConfig, type StackConfig } from "./parse";
export { retentionDecreaseIssues, retentionWindowIssues, type LiveTableRetention } from "./retention";
export {
  alertFrequencyMinutes,
  alertWindowMinutes,
  dataLocations,
  stackConfigSchema,
  workspaceSkus,
  type AlertRuleDefaults,
  type AlertRuleSettings,
  type DataLocation,
  type TableRetention,
} from "./schema";
