// Queries a Log Analytics workspace through @azure/monitor-query-logs: the one place that talks to the service.
import type { TokenCredential } from "@azure/identity";
import type { LogsQueryClient, QueryTimeInterval } from "@azure/monitor-query-logs";
import { type ColumnInfo, isScalarType, type KType, type QueryResult, type Value } from "../kusto/types";
import { parseTimespan, ticksFromMs } from "../kusto/values/time";

export interface WorkspaceQueryOptions {
  /** Defaults to DefaultAzureCredential. */
  readonly credential?: TokenCredential;
  /** A ready client (tests, other clouds); otherwise one is made from the credential. */
  readonly client?: Pick<LogsQueryClient, "queryWorkspace">;
  /** The API's own TimeGenerated filter; defaults to everything from 2000-01-01 to a day from now, so the KQL's bounds decide. */
  readonly timespan?: QueryTimeInterval;
  readonly serverTimeoutInSeconds?: number;
  /** Only local data has an injectable clock; set, it is an error rather than silently ignored. */
  readonly now?: number;
}

export interface RawWorkspaceResult {
  readonly columns: readonly ColumnInfo[];
  /** Row objects as the client gives them: datetimes as Date, dynamic parsed from JSON. */
  readonly rows: readonly Record<string, unknown>[];
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const everything = (): { startTime: Date; endTime: Date } => ({
  startTime: new Date(Date.UTC(2000, 0, 1)),
  endTime: new Date(Date.now() + 86_400_000),
});

/** Runs KQL on a workspace and returns the first result table as row objects; a partial or failed query is an error. */
export async function queryWorkspaceRaw(
  workspaceId: string,
  kql: string,
  options: WorkspaceQueryOptions = {},
): Promise<RawWorkspaceResult> {
  if (!guid.test(workspaceId ?? "")) {
    throw new Error(
      `workspace id ${JSON.stringify(workspaceId)} is not a GUID; pass the workspace's customer id from its Overview page`,
    );
  }
  if (options.now !== undefined)
    throw new Error("--now sets the clock of local data only; a workspace query uses the service's clock");
  let client = options.client;
  if (!client) {
    const { LogsQueryClient } = await import("@azure/monitor-query-logs");
    const credential = options.credential ?? new (await import("@azure/identity")).DefaultAzureCredential();
    client = new LogsQueryClient(credential);
  }
  const result = await client.queryWorkspace(workspaceId, kql, options.timespan ?? everything(), {
    ...(options.serverTimeoutInSeconds !== undefined ? { serverTimeoutInSeconds: options.serverTimeoutInSeconds } : {}),
  });
  if (result.status !== "Success") {
    const error = "partialError" in result ? result.partialError : undefined;
    throw new Error(`the workspace query did not complete: ${error?.message ?? result.status}`);
  }
  const table = result.tables[0];
  if (!table) throw new Error("the workspace response has no result table");
  const columns = table.columnDescriptors.map((c) => ({
    name: String(c.name),
    type: isScalarType(String(c.type)) ? (c.type as KType) : "dynamic",
  }));
  const rows = table.rows.map((values) => Object.fromEntries(columns.map((c, i) => [c.name, values[i]])));
  return { columns, rows };
}

// The client hands datetimes over as Date (millisecond precision) and timespans as the service's text ([-][d.]hh:mm:ss[.fffffff]).
function toValue(value: unknown, type: KType): Value {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return ticksFromMs(value.getTime());
  if (type === "timespan" && typeof value === "string") return parseTimespan(value) ?? value;
  return value as Value;
}

/** The same query as a QueryResult in the engine's value model (datetimes and timespans as bigint ticks), so the CLI renders both paths alike. */
export async function queryWorkspace(
  workspaceId: string,
  kql: string,
  options: WorkspaceQueryOptions = {},
): Promise<QueryResult> {
  const raw = await queryWorkspaceRaw(workspaceId, kql, options);
  return {
    columns: raw.columns,
    rows: raw.rows.map((row) => Object.fromEntries(raw.columns.map((c) => [c.name, toValue(row[c.name], c.type)]))),
  };
}
