import { projectNamespace, uuidV5 } from "./uuid";

// A deterministic stand-in for Azure under Pulumi mocks: ARM-shaped ids and the computed fields the program reads.

export const mockSubscriptionId = "00000000-0000-0000-0000-000000000000";

const group = (rg: unknown) => `/subscriptions/${mockSubscriptionId}/resourceGroups/${String(rg)}`;

/** The ARM id Azure would give a resource with these inputs; a readable placeholder for types the stack does not use. */
export function mockResourceId(type: string, name: string, inputs: Record<string, any>): string {
  const rg = group(inputs.resourceGroupName);
  switch (type) {
    case "azure-native:resources:ResourceGroup":
      return group(inputs.resourceGroupName);
    case "azure-native:operationalinsights:Workspace":
      return `${rg}/providers/Microsoft.OperationalInsights/workspaces/${inputs.workspaceName}`;
    case "azure-native:operationalinsights:Table":
      return `${rg}/providers/Microsoft.OperationalInsights/workspaces/${inputs.workspaceName}/tables/${inputs.tableName}`;
    case "azure-native:operationalinsights:SavedSearch":
      return `${rg}/providers/Microsoft.OperationalInsights/workspaces/${inputs.workspaceName}/savedSearches/${inputs.savedSearchId}`;
    case "azure-native:communication:CommunicationService":
      return `${rg}/providers/Microsoft.Communication/communicationServices/${inputs.communicationServiceName}`;
    case "azure-native:monitor:DiagnosticSetting":
      return `${inputs.resourceUri}/providers/Microsoft.Insights/diagnosticSettings/${inputs.name}`;
    case "azure-native:applicationinsights:Workbook":
      return `${rg}/providers/Microsoft.Insights/workbooks/${inputs.resourceName}`;
    case "azure-native:monitor:ActionGroup":
      return `${rg}/providers/Microsoft.Insights/actionGroups/${inputs.actionGroupName}`;
    case "azure-native:monitor:ScheduledQueryRule":
      return `${rg}/providers/Microsoft.Insights/scheduledQueryRules/${inputs.ruleName}`;
    case "azure-native:authorization:ManagementLockByScope":
      return `${inputs.scope}/providers/Microsoft.Authorization/locks/${inputs.lockName}`;
    default:
      return `mock:${type}:${name}`;
  }
}

/** Inputs plus what Azure computes: id-derived name, the workspace's customer id, the ACS host name. */
export function mockState(type: string, id: string, inputs: Record<string, any>): Record<string, unknown> {
  const state: Record<string, unknown> = { ...inputs, name: id.split("/").pop() };
  if (type === "azure-native:operationalinsights:Workspace") state.customerId = uuidV5(id.toLowerCase(), projectNamespace);
  if (type === "azure-native:communication:CommunicationService") state.hostName = `${inputs.communicationServiceName}.communication.azure.com`;
  return state;
}

/** The engine reports invoke failures as gRPC errors; Pulumi surfaces only their `details`. */
function engineError(message: string): Error {
  return Object.assign(new Error(message), { details: message });
}

/** Answers the invokes the program makes; getTable says "not found" unless a live retention is supplied. */
export function mockInvoke(
  token: string,
  inputs: Record<string, any>,
  liveTables: Readonly<Record<string, { retentionInDays?: number; totalRetentionInDays?: number }>> = {},
): Record<string, unknown> {
  const rg = group(inputs.resourceGroupName);
  switch (token) {
    case "azure-native:operationalinsights:getTable": {
      const live = liveTables[String(inputs.tableName)];
      if (!live) throw engineError(`ResourceNotFound: table ${inputs.tableName} (offline: no live workspace to compare retention with)`);
      return { name: inputs.tableName, ...live };
    }
    case "azure-native:operationalinsights:getWorkspace": {
      const id = `${rg}/providers/Microsoft.OperationalInsights/workspaces/${inputs.workspaceName}`;
      return { id, name: inputs.workspaceName, customerId: uuidV5(id.toLowerCase(), projectNamespace) };
    }
    case "azure-native:communication:getCommunicationService":
      return { name: inputs.communicationServiceName, hostName: `${inputs.communicationServiceName}.communication.azure.com` };
    default:
      throw engineError(`mock cloud: the program made an invoke it has no answer for: ${token}`);
  }
}
