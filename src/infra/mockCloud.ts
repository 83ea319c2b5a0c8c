import { alertQueryProblems } from "../alerts/validate";
import { projectNamespace, uuidV5 } from "./uuid";

// A deterministic stand-in for Azure under Pulumi mocks: ARM-shaped ids, the computed fields the program reads, and the
// refusals Azure and the azure-native provider would answer, so `synth` and the stack tests fail where `pulumi up` would.

export const mockSubscriptionId = "00000000-0000-0000-0000-000000000000";

const group = (rg: unknown) => `/subscriptions/${mockSubscriptionId}/resourceGroups/${String(rg)}`;

export const dynamicTypes = {
  tableRetention: "pulumi-nodejs:dynamic/acs-recording-insights:TableRetention",
  savedFunction: "pulumi-nodejs:dynamic/acs-recording-insights:SavedFunction",
} as const;

/** Retention Azure gives a table that follows the workspace default (30 days: data-retention-configure). */
export const defaultTableRetention = { retentionInDays: 30, totalRetentionInDays: 30 } as const;

/** The ARM id Azure would give a resource with these inputs; a readable placeholder for types the stack does not use. */
export function mockResourceId(type: string, name: string, inputs: Record<string, any>): string {
  const rg = group(inputs.resourceGroupName);
  switch (type) {
    case "azure-native:resources:ResourceGroup":
      return group(inputs.resourceGroupName);
    case "azure-native:operationalinsights:Workspace":
      return `${rg}/providers/Microsoft.OperationalInsights/workspaces/${inputs.workspaceName}`;
    case dynamicTypes.tableRetention:
      return `${inputs.workspaceId}/tables/${inputs.tableName}`;
    case dynamicTypes.savedFunction:
      return `${inputs.workspaceId}/savedSearches/${inputs.savedSearchId}`;
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

/** Inputs plus what Azure computes: id-derived name, the workspace's customer id, the ACS host name, a table's prior retention. */
export function mockState(type: string, id: string, inputs: Record<string, any>): Record<string, unknown> {
  const state: Record<string, unknown> = { ...inputs, name: id.split("/").pop() };
  if (type === "azure-native:operationalinsights:Workspace")
    state.customerId = uuidV5(id.toLowerCase(), projectNamespace);
  if (type === "azure-native:communication:CommunicationService")
    state.hostName = `${inputs.communicationServiceName}.communication.azure.com`;
  if (type === dynamicTypes.tableRetention) state.previous = { ...defaultTableRetention };
  return state;
}

/** Custom tables end in _CL (search results _SRCH, restores _RST); every other table is Azure's and exists in every workspace. */
export function isBuiltInTable(tableName: string): boolean {
  return !/_(CL|SRCH|RST)$/.test(tableName);
}

const minutesOf = (iso: unknown): number => {
  const m = /^PT?(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?$/.exec(String(iso));
  return m ? Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : Number.NaN;
};

/**
 * What Azure or azure-native would refuse about declaring this resource; undefined when it would be accepted.
 * `functionNames` are the saved functions an alert query may call.
 */
export function mockRefusal(
  type: string,
  name: string,
  inputs: Record<string, any>,
  functionNames: readonly string[],
): string | undefined {
  if (type === "azure-native:operationalinsights:Table" && isBuiltInTable(String(inputs.tableName))) {
    // azure-native reads before it creates and has no default state for tables (defaultResourcesState.go lists none).
    return `${name}: cannot create already existing resource: table ${inputs.tableName} is built into every workspace; update its retention instead of declaring it`;
  }
  if (type === "azure-native:operationalinsights:SavedSearch") {
    // Its etag is an output only in azure-native v3, so the update PUT meets 409 Conflict once the saved search exists.
    return `${name}: azure-native's SavedSearch cannot update an existing saved search (etag is output-only, Azure answers 409 without etag "*"); declare a SavedFunction`;
  }
  if (
    type === "azure-native:monitor:DiagnosticSetting" &&
    /\/Microsoft\.Communication\/communicationServices\//i.test(String(inputs.resourceUri))
  ) {
    // ACS publishes its platform metrics under the category Traffic only (supported-metrics reference for the resource type).
    const wrong = ((inputs.metrics ?? []) as { category?: string }[])
      .filter((m) => m.category !== "Traffic")
      .map((m) => m.category);
    if (wrong.length > 0)
      return `${name}: metric category ${wrong.join(", ")} does not exist for Communication Services; its metrics are in "Traffic"`;
  }
  if (type === "azure-native:monitor:ScheduledQueryRule") {
    const criteria = (inputs.criteria?.allOf ?? []) as { query?: string }[];
    const problems = criteria.flatMap((c) =>
      alertQueryProblems(
        {
          key: String(inputs.ruleName ?? name),
          query: String(c.query ?? ""),
          frequencyMinutes: minutesOf(inputs.evaluationFrequency),
        },
        functionNames,
      ),
    );
    if (problems.length > 0) return `${name}: ${problems.join("; ")}`;
  }
  return undefined;
}

/**
 * Refusals that depend on what else the run declared, remembered in `declared`: Azure refuses a second workbook with the
 * display name of another ("A Workbook with the same name already exists", MicrosoftDocs/azure-docs#52844), whatever its name.
 */
export function mockClash(
  type: string,
  name: string,
  inputs: Record<string, any>,
  declared: Map<string, string>,
): string | undefined {
  if (type !== "azure-native:applicationinsights:Workbook") return undefined;
  const key = `workbook\n${String(inputs.resourceGroupName).toLowerCase()}\n${String(inputs.displayName).toLowerCase()}`;
  const other = declared.get(key);
  if (other !== undefined && other !== name)
    return `${name}: workbook display name ${JSON.stringify(inputs.displayName)} is already taken by ${other} in resource group ${inputs.resourceGroupName}; give each workbook its own display name`;
  declared.set(key, name);
  return undefined;
}

/** The engine reports invoke failures as gRPC errors; Pulumi surfaces only their `details`. */
function engineError(message: string): Error {
  return Object.assign(new Error(message), { details: message });
}

export type LiveTables = Readonly<Record<string, { retentionInDays?: number; totalRetentionInDays?: number }>>;

/** What exists before the run: with liveTables every workspace exists with those tables; without, only a brought workspace does. */
export interface MockWorld {
  readonly liveTables?: LiveTables;
  /** Name of the workspace the stack brings (workspace.existingResourceId), which exists with Azure's default retention. */
  readonly broughtWorkspace?: string;
}

function workspaceExists(world: MockWorld, workspaceName: unknown): boolean {
  return (
    world.liveTables !== undefined || (world.broughtWorkspace !== undefined && world.broughtWorkspace === workspaceName)
  );
}

/** Answers the invokes the program makes, from the world as it is before the run. */
export function mockInvoke(token: string, inputs: Record<string, any>, world: MockWorld = {}): Record<string, unknown> {
  const rg = group(inputs.resourceGroupName);
  switch (token) {
    case "azure-native:operationalinsights:getTable": {
      if (!workspaceExists(world, inputs.workspaceName)) {
        throw engineError(
          `ResourceNotFound: workspace ${inputs.workspaceName} was not found (offline: it does not exist before the first deploy)`,
        );
      }
      const live = world.liveTables ? world.liveTables[String(inputs.tableName)] : defaultTableRetention;
      if (!live)
        throw engineError(
          `ResourceNotFound: table ${inputs.tableName} was not found in workspace ${inputs.workspaceName}`,
        );
      return { name: inputs.tableName, ...live };
    }
    case "azure-native:operationalinsights:getWorkspace": {
      if (!workspaceExists(world, inputs.workspaceName)) {
        throw engineError(
          `ResourceNotFound: workspace ${inputs.workspaceName} was not found (offline: it does not exist before the first deploy)`,
        );
      }
      const id = `${rg}/providers/Microsoft.OperationalInsights/workspaces/${inputs.workspaceName}`;
      return { id, name: inputs.workspaceName, customerId: uuidV5(id.toLowerCase(), projectNamespace) };
    }
    case "azure-native:communication:getCommunicationService":
      return {
        name: inputs.communicationServiceName,
        hostName: `${inputs.communicationServiceName}.communication.azure.com`,
      };
    default:
      throw engineError(`mock cloud: the program made an invoke it has no answer for: ${token}`);
  }
}
