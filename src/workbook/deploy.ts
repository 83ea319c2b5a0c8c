// The deployed form of the workbook: the stack's workspace, ACS resource and settings become parameter defaults.
import { checkNormalEndReasons } from "../functions";
import { buildWorkbook, portalFallback } from "./build";
import { normalEndReasonsParameter, resourceParameter } from "./content/parameters";
import { stableStringify } from "./serialize";
import type { Item, Parameter } from "./types";

export interface DeployedWorkbookOptions {
  /** The Log Analytics workspace the queries run on, whatever resource the workbook is opened from. */
  readonly workspaceId: string;
  /** The stack's ACS resource: the Resource parameter's default (unset: all resources). */
  readonly communicationId?: string;
  /** The stack setting recording.normalEndReasons: the NormalEndReasons parameter's default. */
  readonly normalEndReasons?: readonly string[];
}

const armId = (what: string, value: unknown, provider: string): string => {
  const id = typeof value === "string" ? value.trim() : "";
  if (
    !/^\/subscriptions\/[^/\s]+\/resourceGroups\/[^/\s]+\/providers\/[^\s]+$/i.test(id) ||
    !id.toLowerCase().includes(provider)
  ) {
    throw new Error(
      `deployedWorkbook: ${what} must be a resource id (/subscriptions/.../providers/${provider}/<name>), got ${JSON.stringify(value)}`,
    );
  }
  return id;
};

function withParameters(items: readonly Item[], change: (p: Parameter) => Parameter): Item[] {
  return items.map((item): Item => {
    if (item.type === 9)
      return { ...item, content: { ...item.content, parameters: item.content.parameters.map(change) } };
    if (item.type === 12)
      return { ...item, content: { ...item.content, items: withParameters(item.content.items, change) } };
    return item;
  });
}

/**
 * The JSON the stack deploys. The Workspace parameter names the workspace outright (not "the first resource in context"),
 * so the same workbook works opened from the workspace or from the ACS resource's Monitoring > Workbooks blade.
 */
export function deployedWorkbook(options: DeployedWorkbookOptions): string {
  const workspaceId = armId("workspaceId", options.workspaceId, "microsoft.operationalinsights/workspaces");
  const communicationId =
    options.communicationId === undefined
      ? undefined
      : armId("communicationId", options.communicationId, "microsoft.communication/communicationservices");
  const reasons =
    options.normalEndReasons === undefined ? undefined : checkNormalEndReasons(options.normalEndReasons).join(", ");
  const workbook = buildWorkbook();
  if (workbook.fallbackResourceIds.join() !== portalFallback)
    throw new Error("deployedWorkbook: the built workbook no longer has the portal fallback to replace");
  const items = withParameters(workbook.items, (p) => {
    if (p.type === 5 && p.name === "Workspace") return { ...p, value: workspaceId };
    // Log Analytics stores _ResourceId in lower case; the saved functions compare it case-insensitively anyway.
    if (p.type === 2 && p.name === resourceParameter && communicationId)
      return { ...p, value: communicationId.toLowerCase() };
    if (p.type === 1 && p.name === normalEndReasonsParameter && reasons !== undefined) return { ...p, value: reasons };
    return p;
  });
  return stableStringify({
    ...workbook,
    items,
    fallbackResourceIds: communicationId ? [workspaceId, communicationId] : [workspaceId],
  });
}

/** The form the stack deployed before it knew its ACS resource: the workspace only. */
export function workbookForWorkspace(
  workspaceId: string,
  options: Omit<DeployedWorkbookOptions, "workspaceId"> = {},
): string {
  if (typeof workspaceId !== "string" || !workspaceId.trim() || /\s/.test(workspaceId.trim())) {
    throw new Error(
      `workbookForWorkspace: workspaceId must be the workspace's resource id (/subscriptions/.../workspaces/<name>), got ${JSON.stringify(workspaceId)}`,
    );
  }
  return deployedWorkbook({ ...options, workspaceId });
}
