// Templates over the Call Recording API requests: the requests themselves and their health per bin.
import { z } from "zod";
import { kqlDateTime, kqlLong, kqlString, kqlStringArray, kqlTimespan } from "./kql-literals";
import { boundParam, filterList, idOrAll, limitParam, timespanParam } from "./params";
import { bounds, endAfterStart } from "./recordings";
import { boolColumn, datetimeColumn, longColumn, realColumn, stringColumn, stringSetColumn } from "./rows";
import { defineTemplate } from "./template";

export const operations = defineTemplate({
  name: "operations",
  description:
    "Call Recording API requests with HTTP status class and failure flag, newest first; optionally failures only.",
  params: z
    .strictObject({
      startTime: boundParam.default(null),
      endTime: boundParam.default(null),
      operations: filterList,
      correlationId: idOrAll,
      failuresOnly: z.boolean().default(false),
      limit: limitParam,
    })
    .superRefine(endAfterStart),
  row: z.strictObject({
    TimeGenerated: datetimeColumn,
    OperationName: stringColumn,
    RawOperationName: stringColumn,
    OperationVersion: stringColumn,
    ResultType: stringColumn,
    HttpStatus: longColumn,
    StatusClass: stringColumn,
    IsFailure: boolColumn,
    DurationMs: longColumn,
    SdkType: stringColumn,
    SdkVersion: stringColumn,
    CallConnectionId: stringColumn,
    ServerCallId: stringColumn,
    CorrelationId: stringColumn,
    CallerIpAddress: stringColumn,
    URI: stringColumn,
    _ResourceId: stringColumn,
  }),
  example: {},
  kql: (p) =>
    [
      `ACSRecordingOperations(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlStringArray(p.operations)}, ${kqlString(p.correlationId)})`,
      ...(p.failuresOnly ? ["| where IsFailure"] : []),
      "| order by TimeGenerated desc, OperationName asc",
      `| take ${kqlLong(p.limit)}`,
    ].join("\n"),
  timeRange: bounds,
});

export const operationHealth = defineTemplate({
  name: "operationHealth",
  description: "Per operation and time bin: requests, failures, failure rate and p50/p95/p99 duration.",
  params: z
    .strictObject({
      startTime: boundParam.default(null),
      endTime: boundParam.default(null),
      timeGrain: timespanParam.prefault("1h"),
      operations: filterList,
    })
    .superRefine(endAfterStart),
  row: z.strictObject({
    TimeGenerated: datetimeColumn,
    OperationName: stringColumn,
    Requests: longColumn,
    Failures: longColumn,
    FailureRate: realColumn,
    P50DurationMs: realColumn,
    P95DurationMs: realColumn,
    P99DurationMs: realColumn,
  }),
  example: {},
  kql: (p) =>
    `ACSRecordingOperationHealth(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlTimespan(p.timeGrain)}, ${kqlStringArray(p.operations)})`,
  timeRange: bounds,
});

export const callsWithoutRecording = defineTemplate({
  name: "callsWithoutRecording",
  description:
    "Calls that asked to start recording in the range but never got a recording: failed starts and lost recordings.",
  params: z
    .strictObject({ startTime: boundParam.default(null), endTime: boundParam.default(null) })
    .superRefine(endAfterStart),
  row: z.strictObject({
    CorrelationId: stringColumn,
    StartRequests: longColumn,
    FailedStarts: longColumn,
    FirstRequest: datetimeColumn,
    LastRequest: datetimeColumn,
    StatusClasses: stringSetColumn,
  }),
  example: {},
  kql: (p) => `ACSRecordingCallsWithoutRecording(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)})`,
  // Recordings are looked for after startTime with no upper bound, so the API must not cut at endTime.
  timeRange: (p) => ({ start: p.startTime, end: null }),
});
