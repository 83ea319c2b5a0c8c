import type { ArmClient } from "./client";
import { tablePath } from "./ids";

// Log Analytics table retention through ARM: read, and PATCH only the two retention fields (never PUT, never DELETE).
// REST: Azure/azure-rest-api-specs operationalinsights stable/2022-10-01 examples TablesGet.json / TablesUpsert.json.
// PATCH leaves unspecified fields as they are, unlike PUT (learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure, REST tab).

export const tablesApiVersion = "2022-10-01";

export interface LiveRetention {
  readonly retentionInDays: number;
  readonly totalRetentionInDays: number;
  /** True when the table follows the workspace's default instead of its own setting. */
  readonly retentionInDaysAsDefault: boolean;
  readonly totalRetentionInDaysAsDefault: boolean;
}

interface TableBody {
  readonly properties?: {
    readonly retentionInDays?: number;
    readonly totalRetentionInDays?: number;
    readonly retentionInDaysAsDefault?: boolean;
    readonly totalRetentionInDaysAsDefault?: boolean;
    readonly provisioningState?: string;
  };
}

function retentionOf(body: unknown, table: string): LiveRetention {
  const p = (body as TableBody | undefined)?.properties;
  if (typeof p?.retentionInDays !== "number" || typeof p.totalRetentionInDays !== "number") {
    throw new Error(`table ${table}: ARM answered without retentionInDays/totalRetentionInDays`);
  }
  return {
    retentionInDays: p.retentionInDays,
    totalRetentionInDays: p.totalRetentionInDays,
    retentionInDaysAsDefault: p.retentionInDaysAsDefault === true,
    totalRetentionInDaysAsDefault: p.totalRetentionInDaysAsDefault === true,
  };
}

/** The table's live retention, or undefined when ARM answers 404. */
export async function readTableRetention(
  client: ArmClient,
  workspaceId: string,
  table: string,
): Promise<LiveRetention | undefined> {
  const res = await client.find({ method: "GET", path: tablePath(workspaceId, table), apiVersion: tablesApiVersion });
  return res ? retentionOf(res.body, table) : undefined;
}

export interface RetentionChange {
  readonly retentionInDays: number;
  readonly totalRetentionInDays: number;
}

/** PATCHes both retention fields; a 202 (accepted, still provisioning) is followed by GETs until the table settles. */
export async function patchTableRetention(
  client: ArmClient,
  workspaceId: string,
  table: string,
  change: RetentionChange,
  pollDelaysMs: readonly number[] = [1000, 2000, 4000, 8000, 15000, 30000],
): Promise<LiveRetention> {
  const path = tablePath(workspaceId, table);
  const res = await client.send({
    method: "PATCH",
    path,
    apiVersion: tablesApiVersion,
    body: { properties: { ...change } },
  });
  if (res.status !== 202) return retentionOf(res.body, table);
  for (const delay of pollDelaysMs) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const now = await client.send({ method: "GET", path, apiVersion: tablesApiVersion });
    const state = (now.body as TableBody | undefined)?.properties?.provisioningState;
    if (state === "Succeeded") return retentionOf(now.body, table);
    if (state !== "InProgress" && state !== "Updating")
      throw new Error(`table ${table}: retention change ended in state ${state ?? "(none)"}`);
  }
  throw new Error(
    `table ${table}: retention change still in progress after ${pollDelaysMs.reduce((a, b) => a + b, 0) / 1000}s; run pulumi up again`,
  );
}
