// Parses and checks Azure Resource Manager ids, so a bring-your-own id is proven to name the right kind of resource.

export interface ArmId {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** Provider namespace and type as written in the id, e.g. "Microsoft.OperationalInsights/workspaces". */
  readonly type: string;
  readonly name: string;
}

const guid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const armIdPattern = new RegExp(
  `^/subscriptions/(${guid})/resourceGroups/([-\\w._()]{1,90})/providers/([A-Za-z][\\w.]*)/([A-Za-z]\\w*)/([-\\w.]{1,260})$`,
  "i",
);

export const workspaceType = "Microsoft.OperationalInsights/workspaces";
export const communicationType = "Microsoft.Communication/communicationServices";

/** Returns the parsed id, or a sentence saying what is wrong with it. */
export function parseArmId(text: string, expectedType: string): ArmId | { error: string } {
  const match = armIdPattern.exec(text.trim());
  if (!match) {
    return {
      error: `is not an Azure resource id (expected /subscriptions/<guid>/resourceGroups/<group>/providers/${expectedType}/<name>)`,
    };
  }
  const [, subscriptionId, resourceGroupName, namespace, kind, name] = match;
  // "." and ".." would walk up the id's path in ARM URLs and portal links; groups may not end with "." (Azure naming rules).
  if (resourceGroupName.endsWith("."))
    return { error: `has the resource group name "${resourceGroupName}", which ends with "."; name the real group` };
  if (/^\.+$/.test(name))
    return { error: `has the resource name "${name}", which is only dots; name the real resource` };
  const type = `${namespace}/${kind}`;
  if (type.toLowerCase() !== expectedType.toLowerCase()) {
    return { error: `points to a ${type}, expected a ${expectedType}` };
  }
  return { id: text.trim(), subscriptionId, resourceGroupName, type, name };
}

export function isArmIdError(value: ArmId | { error: string }): value is { error: string } {
  return "error" in value;
}
