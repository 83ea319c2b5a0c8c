import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { ConfigError, retentionDecreaseIssues, type LiveTableRetention, type StackConfig } from "../config";
import { tableNames } from "../schema/tables";

// Reads what the live workspace keeps today, before anything is declared, so a shorter retention stops the run instead of deleting logs.

/** Azure's answers when the workspace or its group does not exist yet: nothing to protect. */
const notFound = /ResourceNotFound|ResourceGroupNotFound|WorkspaceNotFound|was not found|could not be found|\b404\b/i;

export async function readLiveRetention(config: StackConfig): Promise<Record<string, LiveTableRetention | undefined>> {
  const resourceGroupName = config.existing.workspace?.resourceGroupName ?? config.names.resourceGroup;
  const workspaceName = config.names.workspace;
  const live: Record<string, LiveTableRetention | undefined> = {};
  for (const tableName of tableNames) {
    try {
      const table = await operationalinsights.getTable({ resourceGroupName, workspaceName, tableName });
      live[tableName] = { retentionInDays: table.retentionInDays ?? undefined, totalRetentionInDays: table.totalRetentionInDays ?? undefined };
    } catch (err) {
      if (!notFound.test(err instanceof Error ? err.message : String(err))) throw err;
      live[tableName] = undefined;
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
