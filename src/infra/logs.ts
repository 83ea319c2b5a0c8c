import * as authorization from "@pulumi/azure-native/authorization";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";
import { tables } from "../schema/tables";
import type { DeployContext } from "./context";
import { TableRetention } from "./tableRetention";

// The Log Analytics side: the workspace (or an existing one), the three ACS tables' retention, and the optional delete lock.

export interface WorkspaceRef {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly customerId: pulumi.Output<string>;
  readonly resourceGroupName: pulumi.Output<string>;
  readonly tableRetention: readonly TableRetention[];
}

export function declareWorkspace(ctx: DeployContext): WorkspaceRef {
  const { config, parent } = ctx;
  const existing = config.existing.workspace;
  let ref: Omit<WorkspaceRef, "tableRetention">;
  if (existing) {
    // Bring-your-own: read it, never declare it, so this stack can neither change nor delete it.
    const found = operationalinsights.getWorkspaceOutput(
      { resourceGroupName: existing.resourceGroupName, workspaceName: existing.name },
      { parent },
    );
    ref = {
      id: pulumi.output(existing.id),
      name: pulumi.output(existing.name),
      customerId: found.customerId,
      resourceGroupName: pulumi.output(existing.resourceGroupName),
    };
  } else {
    const ws = config.workspace;
    const workspace = new operationalinsights.Workspace(
      `${ctx.name}-workspace`,
      {
        resourceGroupName: ctx.resourceGroupName,
        workspaceName: config.names.workspace,
        location: config.location,
        sku: {
          name: ws.sku,
          ...(ws.capacityReservationLevel !== undefined
            ? { capacityReservationLevel: ws.capacityReservationLevel }
            : {}),
        },
        retentionInDays: ws.retentionInDays,
        workspaceCapping: { dailyQuotaGb: ws.dailyQuotaGb },
        features: { disableLocalAuth: ws.disableLocalAuth, enableLogAccessUsingOnlyResourcePermissions: true },
        tags: ctx.tags,
      },
      { parent, protect: config.protect },
    );
    ref = {
      id: workspace.id,
      name: workspace.name,
      customerId: workspace.customerId,
      resourceGroupName: pulumi.output(ctx.resourceGroupName),
    };
  }
  // Built-in tables: updated in place, never created or deleted (see tableRetention.ts).
  const tableRetention = tables.map(
    (t) =>
      new TableRetention(
        `${ctx.name}-table-${t.name}`,
        {
          workspaceId: ref.id,
          tableName: t.name,
          retentionInDays: config.tables[t.name].retentionInDays,
          totalRetentionInDays: config.tables[t.name].totalRetentionInDays,
          allowRetentionDecrease: config.allowRetentionDecrease,
          armConfig: config.azure.forwarded,
        },
        { parent },
      ),
  );
  return { ...ref, tableRetention };
}

/**
 * The CanNotDelete lock, declared after everything it would block: a lock on the workspace is inherited by its saved searches,
 * so it must be created last and, on destroy, removed first (Pulumi deletes dependents before what they depend on).
 */
export function declareWorkspaceLock(
  ctx: DeployContext,
  workspaceId: pulumi.Input<string>,
  after: pulumi.Resource[],
): authorization.ManagementLockByScope | undefined {
  if (!ctx.config.lock || ctx.config.existing.workspace) return undefined;
  return new authorization.ManagementLockByScope(
    `${ctx.name}-workspace-lock`,
    {
      scope: workspaceId,
      lockName: ctx.config.names.lock,
      level: "CanNotDelete",
      notes: "Keeps the call-recording logs: remove this lock (lock=false) before deleting the workspace on purpose.",
    },
    { parent: ctx.parent, dependsOn: after },
  );
}
