// Paths of the ARM resources our own code reads and writes, built from a workspace or ACS resource id.

const workspaceIdPattern =
  /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([-\w]+)$/i;

export interface WorkspacePath {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly workspaceName: string;
}

export function workspacePath(workspaceId: string): WorkspacePath {
  const m = workspaceIdPattern.exec(workspaceId);
  if (!m) throw new Error(`not a Log Analytics workspace id: ${JSON.stringify(workspaceId)}`);
  return { id: workspaceId, subscriptionId: m[1], resourceGroupName: m[2], workspaceName: m[3] };
}

const segment = (name: string, what: string) => {
  if (!/^[-\w.]+$/.test(name) || name.includes(".."))
    throw new Error(`not a valid ${what} name: ${JSON.stringify(name)}`);
  return name;
};

export const tablePath = (workspaceId: string, table: string) =>
  `${workspacePath(workspaceId).id}/tables/${segment(table, "table")}`;
export const savedSearchPath = (workspaceId: string, name: string) =>
  `${workspacePath(workspaceId).id}/savedSearches/${segment(name, "saved search")}`;
