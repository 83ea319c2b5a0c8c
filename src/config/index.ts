// The stack config: one schema, parsed once, passed down typed.
export { type ArmId, communicationType, parseArmId, workspaceType } from "./armId";
export { forwardedAzureConfig, type ProviderSubscription, providerSubscription } from "./azure";
export { ConfigError, type ConfigIssue, projectName } from "./issues";
export { loadConfig } from "./load";
export { parseStackConfig, type StackConfig } from "./parse";
export {
  isAllowedTotalRetention,
  type LiveTableRetention,
  nearestTotalRetention,
  retentionDecreaseIssues,
  retentionWindowIssues,
  totalRetentionYears,
} from "./retention";
export {
  type AlertRuleDefaults,
  type AlertRuleSettings,
  alertFrequencyMinutes,
  alertWindowMinutes,
  type DataLocation,
  dataLocations,
  stackConfigSchema,
  type TableRetention,
  workspaceSkus,
} from "./schema";
