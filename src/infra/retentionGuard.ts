import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { ConfigError, type LiveTableRetention, retentionDecreaseIssues, type StackConfig } from "../config";
import { tableNames } from "../schema/tables";

// Reads what the live workspace keeps today, before anything is declared, so a shorter retention stops the run instead of
// deleting logs. The reads go through the azure-native provider, so they use the identity and subscription it deploys with.

/** Azure's answers when the workspace or its group does not exist yet. */
const notFound = /ResourceNotFound|ResourceGroupNotFound|WorkspaceNotFound|was not found|could not be found|\b404\b/i;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Live retention per table. An empty record means the stack's own workspace does not exist yet (first deploy: nothing kept).
 * Anything else that stops a read (no permission, a brought workspace that is missing, a table that cannot be read) throws:
 * the guard must never pass because it could not look.
 */
export async function readLiveRetention(config: StackConfig): Promise<Record<string, LiveTableRetention>> {
  const resourceGroupName = config.existing.workspace?.resourceGroupName ?? config.names.resourceGroup;
  const workspaceName = config.names.workspace;
  const brought = config.existing.workspace !== undefined;
  try {
    await operationalinsights.getWorkspace({ resourceGroupName, workspaceName });
  } catch (err) {
    if (!brought && notFound.test(messageOf(err))) return {};
    throw new Error(
      `retention guard: cannot read workspace ${workspaceName} in ${resourceGroupName} (${messageOf(err)}); the run stops rather than change retention it cannot see`,
    );
  }
  const live: Record<string, LiveTableRetention> = {};
  for (const tableName of tableNames) {
    try {
      const table = await operationalinsights.getTable({ resourceGroupName, workspaceName, tableName });
      live[tableName] = {
        retentionInDays: table.retentionInDays ?? undefined,
        totalRetentionInDays: table.totalRetentionInDays ?? undefined,
      };
    } catch (err) {
      throw new Error(
        `retention guard: cannot read table ${tableName} in workspace ${workspaceName} (${messageOf(err)}); the run stops rather than change retention it cannot see. The identity needs Microsoft.OperationalInsights/workspaces/tables/read`,
      );
    }
  }
  return live;
}

/** Throws ConfigError when the config would shorten a table's retention and allowRetentionDecrease is not set. */
export async function guardRetention(config: StackConfig): Promise<void> {
  if (config.allowRetentionDecrease) return;
  const issues = retentionDecreaseIssues(config, await readLiveRetention(config), config.stack);
  if (issues.length > 0) throw new ConfigError(config.stack, issues);
}
