import type { AlertKey, AlertQueryOptions, AlertRuleDef } from "./types";

// The six recording alerts. Each query bounds itself with ago(window) so a local run with an injected now sees what Azure sees.

// ACSRecordingOperations normalises every spelling (StartRecording, StartCallRecording, ...) to these names, so one list matches them all.
export const recordingOperations = [
  "StartCallRecording",
  "StopCallRecording",
  "PauseCallRecording",
  "ResumeCallRecording",
] as const;

/** Azure accepts log-alert windows from 5 minutes to 2 days. */
export const windowLimits = { min: 5, max: 2880 } as const;

/** Summaries are written once a recording is ready, so starts younger than this are not yet owed a summary. */
export const summaryGraceMinutes = 60;

/** Rejects a window the query text could not carry safely (it is interpolated as a timespan literal). */
export function checkWindow(key: AlertKey, windowMinutes: unknown, min: number = windowLimits.min): number {
  if (
    typeof windowMinutes !== "number" ||
    !Number.isInteger(windowMinutes) ||
    windowMinutes < min ||
    windowMinutes > windowLimits.max
  ) {
    throw new Error(
      `alert "${key}": windowMinutes must be a whole number of minutes from ${min} to ${windowLimits.max} (got ${JSON.stringify(windowMinutes)}); set windowMinutes for "${key}" in the stack config's alerts section`,
    );
  }
  return windowMinutes;
}

const kqlList = (values: readonly string[]) => `dynamic([${values.map((v) => `"${v}"`).join(", ")}])`;

const operationFailures: AlertRuleDef = {
  key: "operation-failures",
  displayName: "Call recording: operation failure rate",
  description:
    "Share of failed Start/Stop/Pause/ResumeCallRecording requests in the window, per operation, in percent. Fires when an operation's failure rate is above the threshold.",
  severity: 2,
  defaults: { enabled: true, threshold: 10, windowMinutes: 60, frequencyMinutes: 15 },
  operator: "GreaterThan",
  timeAggregation: "Maximum",
  metricMeasureColumn: "FailureRatePercent",
  dimensions: ["OperationName"],
  query({ windowMinutes }: AlertQueryOptions): string {
    const w = checkWindow("operation-failures", windowMinutes);
    return [
      `ACSRecordingOperations(ago(${w}m), datetime(null), ${kqlList(recordingOperations)})`,
      `| summarize Requests = count(), Failures = countif(IsFailure) by OperationName`,
      `| extend FailureRatePercent = round(100.0 * Failures / Requests, 2)`,
    ].join("\n");
  },
};

const serverErrors: AlertRuleDef = {
  key: "server-errors",
  displayName: "Call recording: server errors (5xx)",
  description:
    "Requests to the Call Recording API answered with an HTTP 5xx status in the window, per operation. Fires on any.",
  severity: 1,
  defaults: { enabled: true, threshold: 0, windowMinutes: 15, frequencyMinutes: 5 },
  operator: "GreaterThan",
  timeAggregation: "Count",
  dimensions: ["OperationName"],
  query({ windowMinutes }: AlertQueryOptions): string {
    const w = checkWindow("server-errors", windowMinutes);
    return [
      `ACSRecordingOperations(ago(${w}m))`,
      `| where StatusClass == "5xx"`,
      `| project TimeGenerated, OperationName, HttpStatus, CorrelationId`,
    ].join("\n");
  },
};

const abnormalEnds: AlertRuleDef = {
  key: "abnormal-ends",
  displayName: "Call recording: abnormal recording ends",
  description:
    "Share of recordings summarised in the window whose end reason is not a normal one (IsAbnormalEnd of ACSRecordings), in percent. Fires above the threshold.",
  severity: 2,
  defaults: { enabled: true, threshold: 20, windowMinutes: 360, frequencyMinutes: 60 },
  operator: "GreaterThan",
  timeAggregation: "Maximum",
  metricMeasureColumn: "AbnormalEndPercent",
  dimensions: [],
  query({ windowMinutes, normalEndReasons }: AlertQueryOptions): string {
    const w = checkWindow("abnormal-ends", windowMinutes);
    if (normalEndReasons?.some((r) => !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(r))) {
      throw new Error(
        `alert "abnormal-ends": normal end reasons must be RecordingEndReason names (got ${JSON.stringify(normalEndReasons)}); fix recording.normalEndReasons in the stack config`,
      );
    }
    return [
      normalEndReasons
        ? `ACSRecordings(ago(${w}m), normalendreasons = ${kqlList(normalEndReasons)})`
        : `ACSRecordings(ago(${w}m))`,
      `| summarize Recordings = count(), AbnormalEnds = countif(IsAbnormalEnd)`,
      `| where Recordings > 0`,
      `| extend AbnormalEndPercent = round(100.0 * AbnormalEnds / Recordings, 2)`,
    ].join("\n");
  },
};

const silentSummaries: AlertRuleDef = {
  key: "silent-summaries",
  displayName: "Call recording: started recordings but no summaries",
  description: `Successful StartCallRecording calls older than ${summaryGraceMinutes} minutes in the window while no recording summary arrived in the whole window (recordings started, none delivered). Measures the starts left without any summary; fires on any.`,
  severity: 1,
  defaults: { enabled: true, threshold: 0, windowMinutes: 360, frequencyMinutes: 60 },
  operator: "GreaterThan",
  timeAggregation: "Total",
  metricMeasureColumn: "StartsWithoutSummaries",
  dimensions: [],
  query({ windowMinutes }: AlertQueryOptions): string {
    const w = checkWindow("silent-summaries", windowMinutes, minWindowMinutes("silent-summaries"));
    // Starts from a function, not union: Azure refuses log alert queries that begin with union or search (alerts-log-query).
    // summarize without "by" always yields one row, so the inner join on a constant key pairs the two counts.
    return [
      `ACSRecordingOperations(ago(${w}m), ago(${summaryGraceMinutes}m), ${kqlList(["StartCallRecording"])})`,
      `| where not(IsFailure)`,
      `| summarize SuccessfulStarts = count()`,
      `| extend Pair = 1`,
      `| join kind=inner (ACSRecordings(ago(${w}m)) | summarize Summaries = count() | extend Pair = 1) on Pair`,
      `| project SuccessfulStarts, Summaries, StartsWithoutSummaries = iff(Summaries == 0, SuccessfulStarts, tolong(0))`,
    ].join("\n");
  },
};

const silentUsage: AlertRuleDef = {
  key: "silent-usage",
  displayName: "Communication Services: no usage records",
  description:
    "Hourly ACSBillingUsage groups in the window (any usage type); fires when there are none. That means the Usage diagnostic category stopped flowing, or the resource was not used at all: switch it off for environments that can sit idle for a whole window.",
  severity: 2,
  defaults: { enabled: true, threshold: 1, windowMinutes: 1440, frequencyMinutes: 60 },
  operator: "LessThan",
  timeAggregation: "Count",
  dimensions: [],
  query({ windowMinutes }: AlertQueryOptions): string {
    const w = checkWindow("silent-usage", windowMinutes);
    return [
      `ACSRecordingUsage(ago(${w}m), datetime(null), 1h)`,
      `| project TimeGenerated, UsageType, UnitType, Records`,
    ].join("\n");
  },
};

const startLatency: AlertRuleDef = {
  key: "start-latency",
  displayName: "Call recording: slow StartCallRecording (p95)",
  description:
    "95th percentile of StartCallRecording DurationMs in the window, in milliseconds. Fires above the threshold.",
  severity: 3,
  defaults: { enabled: true, threshold: 2000, windowMinutes: 60, frequencyMinutes: 15 },
  operator: "GreaterThan",
  timeAggregation: "Maximum",
  metricMeasureColumn: "P95DurationMs",
  dimensions: [],
  query({ windowMinutes }: AlertQueryOptions): string {
    const w = checkWindow("start-latency", windowMinutes);
    return [
      `ACSRecordingOperations(ago(${w}m), datetime(null), ${kqlList(["StartCallRecording"])})`,
      `| where isnotnull(DurationMs)`,
      `| summarize Requests = count(), P95DurationMs = percentile(DurationMs, 95)`,
      `| where Requests > 0`,
    ].join("\n");
  },
};

export const alertRules: readonly AlertRuleDef[] = [
  operationFailures,
  serverErrors,
  abnormalEnds,
  silentSummaries,
  silentUsage,
  startLatency,
];

/** The shortest window a rule accepts, for config validation (silent-summaries needs room past its grace period). */
export function minWindowMinutes(key: AlertKey): number {
  return key === "silent-summaries" ? 2 * summaryGraceMinutes : windowLimits.min;
}

export function alertRule(key: AlertKey): AlertRuleDef {
  const rule = alertRules.find((r) => r.key === key);
  if (!rule) throw new Error(`unknown alert "${key}"; known alerts: ${alertRules.map((r) => r.key).join(", ")}`);
  return rule;
}
