import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { tables } from "../schema/tables";
import type { DeployContext } from "./context";

// The Log Analytics side: the workspace (or an existing one), the three ACS tables' retention, and the optional delete lock.

export interface WorkspaceRef {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly customerId: pulumi.Output<string>;
  readonly resourceGroupName: pulumi.Output<string>;
  readonly tables: readonly operationalinsights.Table[];
}

export function declareWorkspace(ctx: DeployContext): WorkspaceRef {
  const { config, parent } = ctx;
  const existing = config.existing.workspace;
  let ref: Omit<WorkspaceRef, "tables">;
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
        sku: { name: ws.sku, ...(ws.capacityReservationLevel !== undefined ? { capacityReservationLevel: ws.capacityReservationLevel } : {}) },
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
    if (config.lock) {
      new authorization.ManagementLockByScope(
        `${ctx.name}-workspace-lock`,
        {
          scope: workspace.id,
          lockName: config.names.lock,
          level: "CanNotDelete",
          notes: "Keeps the call-recording logs: remove this lock (lock=false) before deleting the workspace on purpose.",
        },
        { parent },
      );
    }
  }
  const declared = tables.map(
    (t) =>
      new operationalinsights.Table(
        `${ctx.name}-table-${t.name}`,
        {
          resourceGroupName: ref.resourceGroupName,
          workspaceName: ref.name,
          tableName: t.name,
          plan: "Analytics",
          retentionInDays: config.tables[t.name].retentionInDays,
          totalRetentionInDays: config.tables[t.name].totalRetentionInDays,
        },
        // Azure owns these tables; removing them from the stack must leave the table and its data alone.
        { parent, retainOnDelete: true },
      ),
  );
  return { ...ref, tables: declared };
}
