import type { ArmClient } from "./client";

// What the caller may do at a scope, from Microsoft.Authorization/permissions (the caller's effective role actions).
// Locks need Microsoft.Authorization/locks/* or /*: "Of the built-in roles, only Owner and User Access Administrator are
// granted those actions" (learn.microsoft.com/rest/api/resources/management-locks).

export const permissionsApiVersion = "2022-04-01";

export interface Permission {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

/** ARM action patterns: case-insensitive, "*" matches any run of characters. */
function matches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );
  return re.test(action);
}

/** True when some permission grants `action` and does not take it back in its notActions. */
export function permits(permissions: readonly Permission[], action: string): boolean {
  return permissions.some(
    (p) => p.actions.some((a) => matches(a, action)) && !p.notActions.some((n) => matches(n, action)),
  );
}

export async function readPermissions(client: ArmClient, scope: string): Promise<Permission[]> {
  const res = await client.send({
    method: "GET",
    path: `${scope}/providers/Microsoft.Authorization/permissions`,
    apiVersion: permissionsApiVersion,
  });
  const value = (res.body as { value?: unknown } | undefined)?.value;
  return (Array.isArray(value) ? value : []).map((p) => ({
    actions: Array.isArray(p?.actions) ? p.actions.map(String) : [],
    notActions: Array.isArray(p?.notActions) ? p.notActions.map(String) : [],
  }));
}
