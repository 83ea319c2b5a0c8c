// What the stack exports, in this order: the component's public outputs, never keys or connection strings.
export const stackOutputKeys = [
  "resourceGroupName",
  "workspaceId",
  "workspaceName",
  "workspaceCustomerId",
  "communicationServiceId",
  "communicationHostName",
  "diagnosticSettingId",
  "savedSearchIds",
  "workbookId",
  "actionGroupId",
  "alertRuleIds",
  "portalLinks",
] as const;

export type StackOutputKey = (typeof stackOutputKeys)[number];
