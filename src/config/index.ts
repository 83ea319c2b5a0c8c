// The stack config: one schema, parsed once, passed down typed.
export { communicationType, parseArmId, workspaceType, type ArmId } from "./armId";
export { ConfigError, projectName, type ConfigIssue } from "./issues";
export { loadConfig } from "./load";
export { parseStackConfig, type StackConfig } from "./parse";
export { forwardedAzureConfig, providerSubscription, type ProviderSubscription } from "./azure";
export {
  isAllowedTotalRetention,
  nearestTotalRetention,
  retentionDecreaseIssues,
  retentionWindowIssues,
  totalRetentionYears,
  type LiveTableRetention,
} from "./retention";
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
