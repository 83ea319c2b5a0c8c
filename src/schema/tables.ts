import { z } from "zod";
import type { KType } from "../kusto/types";
import { clampNull, msFromTicks, parseDatetime, parseTimespan, ticksFromMs } from "../kusto/values/time";

// The one declaration of the three resource-specific tables: TS row types, zod validators, the Kusto schema and the docs all derive from it.

/** The column types ACS tables use: the engine's scalar types without decimal and guid. */
export type KustoType = Exclude<KType, "decimal" | "guid">;

export interface ColumnDef {
  readonly name: string;
  readonly type: KustoType;
  readonly description: string;
}

export interface TableDef {
  readonly name: string;
  /** The diagnostic-setting log category that feeds this table. */
  readonly category: string;
  readonly description: string;
  readonly columns: readonly ColumnDef[];
}

// Generic so the literal column names and types survive into RowOf.
const col = <N extends string, T extends KustoType>(name: N, type: T, description: string) =>
  ({ name, type, description }) as const;

const standardColumns = {
  billedSize: col("_BilledSize", "real", "The record size in bytes."),
  isBillable: col("_IsBillable", "string", "Whether ingesting the record is billable."),
  resourceId: col("_ResourceId", "string", "The resource the record is associated with."),
  sourceSystem: col("SourceSystem", "string", "The type of agent the event was collected by."),
  subscriptionId: col("_SubscriptionId", "string", "The subscription the record is associated with."),
  tenantId: col("TenantId", "string", "The Log Analytics workspace ID."),
  timeGenerated: col("TimeGenerated", "datetime", "When the log was generated (UTC)."),
  type: col("Type", "string", "The name of the table."),
  correlationId: col("CorrelationId", "string", "The ID used to correlate events between tables (the call)."),
  operationName: col("OperationName", "string", "The operation associated with the record."),
  operationVersion: col(
    "OperationVersion",
    "string",
    "The API version of the operation, or the operation's own version.",
  ),
  level: col("Level", "string", "Severity level of the operation."),
  resultType: col("ResultType", "string", "Status of the operation."),
};

export const ACSCallRecordingSummary = {
  name: "ACSCallRecordingSummary",
  category: "CallRecordingSummary",
  description:
    "One record per recording once it is ready to download: length, content, format, channels and why it ended.",
  columns: [
    col("AudioChannelsCount", "int", "Total number of audio channels in the recording."),
    standardColumns.billedSize,
    col("ChannelType", "string", "Channel type of the recording, such as mixed or unmixed."),
    col("ChunkCount", "int", "Total number of chunks created for the recording."),
    col("ContentType", "string", "Content of the recording, such as audio only, audio/video, or transcription."),
    standardColumns.correlationId,
    col("FormatType", "string", "File format of the recording (mp4, wav, mp3)."),
    standardColumns.isBillable,
    standardColumns.level,
    standardColumns.operationName,
    col("RecordingEndReason", "string", "Reason why the recording ended."),
    col("RecordingId", "string", "ID of the recording this record refers to."),
    col("RecordingLength", "real", "Duration of the recording in seconds."),
    col("RecordingStartTime", "datetime", "Time that the recording started."),
    standardColumns.resourceId,
    standardColumns.resultType,
    standardColumns.sourceSystem,
    standardColumns.subscriptionId,
    standardColumns.tenantId,
    standardColumns.timeGenerated,
    standardColumns.type,
  ],
} as const satisfies TableDef;

export const ACSCallRecordingIncomingOperations = {
  name: "ACSCallRecordingIncomingOperations",
  category: "CallRecordingOperational",
  description: "One record per request to the Call Recording APIs (start, stop, pause, resume, ...).",
  columns: [
    standardColumns.billedSize,
    col("CallConnectionId", "string", "The ID of the call connection (leg), if available."),
    col("CallerIpAddress", "string", "The caller IP address, for API calls from a public address."),
    standardColumns.correlationId,
    col("DurationMs", "int", "Duration of the operation in milliseconds."),
    standardColumns.isBillable,
    standardColumns.level,
    standardColumns.operationName,
    standardColumns.operationVersion,
    standardColumns.resourceId,
    col("ResultSignature", "int", "Sub status of the operation: the HTTP status code of the REST call."),
    standardColumns.resultType,
    col("SdkType", "string", "The SDK type used in the request."),
    col("SdkVersion", "string", "The SDK version."),
    col("ServerCallId", "string", "The server call ID."),
    standardColumns.sourceSystem,
    standardColumns.subscriptionId,
    standardColumns.tenantId,
    standardColumns.timeGenerated,
    standardColumns.type,
    col("URI", "string", "The URI of the request."),
  ],
} as const satisfies TableDef;

export const ACSBillingUsage = {
  name: "ACSBillingUsage",
  category: "Usage",
  description: "One record per billed usage of a Communication Services offering (recording minutes among them).",
  columns: [
    standardColumns.billedSize,
    col("Category", "string", "The log category of the event."),
    standardColumns.correlationId,
    col("EndTime", "datetime", "End of the usage period."),
    standardColumns.isBillable,
    standardColumns.operationName,
    standardColumns.operationVersion,
    col("ParticipantId", "string", "The participant the usage belongs to."),
    col("Quantity", "real", "The number of units used or consumed for this record."),
    col("RecordId", "string", "The unique ID of the usage record."),
    standardColumns.resourceId,
    standardColumns.sourceSystem,
    col("StartTime", "datetime", "Start of the usage period."),
    standardColumns.subscriptionId,
    standardColumns.tenantId,
    standardColumns.timeGenerated,
    standardColumns.type,
    col("UnitType", "string", "The unit the usage is counted in (minutes, messages, ...)."),
    col("UsageType", "string", "The mode of usage (for example Chat, PSTN, Recording)."),
    col("UserIdA", "string", "The first user of the usage, if any."),
    col("UserIdB", "string", "The second user of the usage, if any."),
  ],
} as const satisfies TableDef;

export const tables = [ACSCallRecordingSummary, ACSCallRecordingIncomingOperations, ACSBillingUsage] as const;

export type TableName = (typeof tables)[number]["name"];
export const tableNames: readonly TableName[] = tables.map((t) => t.name);

export function tableByName(name: string): (typeof tables)[number] | undefined {
  return tables.find((t) => t.name === name);
}

/** The in-memory value of a column: datetimes are epoch milliseconds (fractional ms keep sub-ms precision). */
export interface TsTypeOf {
  string: string;
  int: number;
  long: number;
  real: number;
  bool: boolean;
  datetime: number;
  timespan: number;
  dynamic: unknown;
}

type TableByName<N extends TableName> = Extract<(typeof tables)[number], { name: N }>;

export type RowOf<N extends TableName> = {
  [C in TableByName<N>["columns"][number] as C["name"]]: TsTypeOf[C["type"]] | null;
};

export type SummaryRow = RowOf<"ACSCallRecordingSummary">;
export type IncomingOperationRow = RowOf<"ACSCallRecordingIncomingOperations">;
export type BillingUsageRow = RowOf<"ACSBillingUsage">;

/** Kusto schema text, as `TableSymbol` accepts it: "(Col:type, ...)". */
export function kustoSchema(table: TableDef): string {
  return `(${table.columns.map((c) => `${c.name}:${c.type}`).join(", ")})`;
}

/**
 * Epoch ms of a datetime text through the project's one strict parser (src/kusto/values/time.ts); NaN when it is not a
 * real instant (2026-02-30 is NaN, never March 2). Sub-millisecond ticks survive only as far as a double holds them.
 */
export function parseDateTime(text: string): number {
  const ticks = parseDatetime(text);
  return ticks === null ? Number.NaN : msFromTicks(ticks);
}

const emptyToNull = (v: unknown) => (v === undefined || v === "" ? null : v);

function numberValue(integer: boolean) {
  return z.preprocess((v) => {
    const value = emptyToNull(v);
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return value;
  }, (integer ? z.number().int() : z.number()).nullable());
}

const columnValidators: Record<KustoType, z.ZodType> = {
  string: z.preprocess(
    (v) => (v === undefined ? null : typeof v === "number" || typeof v === "boolean" ? String(v) : v),
    z.string().nullable(),
  ),
  int: numberValue(true),
  long: numberValue(true),
  real: numberValue(false),
  bool: z.preprocess((v) => {
    const value = emptyToNull(v);
    if (value === "true" || value === "True" || value === 1) return true;
    if (value === "false" || value === "False" || value === 0) return false;
    return value;
  }, z.boolean().nullable()),
  // Engine datetimes are bigint ticks; epoch-ms numbers and Dates (in-memory fixtures) are converted once here.
  datetime: z.preprocess((v) => {
    const value = emptyToNull(v);
    if (typeof value === "string") return parseDatetime(value) ?? value;
    if (value instanceof Date) return Number.isFinite(value.getTime()) ? ticksFromMs(value.getTime()) : value;
    if (typeof value === "number" && Number.isFinite(value)) return clampNull(ticksFromMs(value)) ?? value;
    return value;
  }, z.bigint({ message: "expected an ISO 8601 datetime such as 2022-08-17T23:18:26.4332392Z" }).nullable()),
  // Timespans are bigint ticks: Kusto text ("01:30:00", "90m") or, from in-memory fixtures, a number of milliseconds.
  timespan: z.preprocess((v) => {
    const value = emptyToNull(v);
    if (typeof value === "string") return parseTimespan(value) ?? value;
    if (typeof value === "number" && Number.isFinite(value)) return ticksFromMs(value);
    return value;
  }, z.bigint({ message: "expected a timespan such as 01:30:00 or 90m" }).nullable()),
  dynamic: z.preprocess((v) => (v === undefined ? null : v), z.unknown()),
};

/** A zod validator that coerces one raw row (JSON or CSV values) to typed column values; unknown keys are rejected. */
export function rowValidator<N extends TableName>(name: N): z.ZodType<RowOf<N>> {
  const table = tableByName(name);
  if (!table) throw new Error(`unknown table ${name}`);
  const shape: Record<string, z.ZodType> = {};
  for (const c of table.columns) shape[c.name] = columnValidators[c.type];
  return z.strictObject(shape) as unknown as z.ZodType<RowOf<N>>;
}

/** Markdown docs of the three tables, for README and `acs-insights` help. */
export function tablesMarkdown(): string {
  return tables
    .map((t) =>
      [
        `### ${t.name}`,
        "",
        `Diagnostic category \`${t.category}\`. ${t.description}`,
        "",
        "| Column | Type | Description |",
        "| --- | --- | --- |",
        ...t.columns.map((c) => `| ${c.name} | ${c.type} | ${c.description} |`),
      ].join("\n"),
    )
    .join("\n\n");
}
