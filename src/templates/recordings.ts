// Templates over ACSRecordings: the recordings themselves, per call, over time, end reasons and length statistics.
import { z } from "zod";
import { kqlDateTime, kqlLong, kqlString, kqlStringArray, kqlTimespan } from "./kql-literals";
import { boundParam, filterList, idOrAll, limitParam, timespanParam } from "./params";
import { boolColumn, datetimeColumn, longColumn, realColumn, stringColumn, stringSetColumn } from "./rows";
import { defineTemplate } from "./template";

/** The filters every ACSRecordings-based template takes. */
export const recordingFilters = {
  startTime: boundParam.default(null),
  endTime: boundParam.default(null),
  contentTypes: filterList,
  formatTypes: filterList,
  channelTypes: filterList,
  /** The ACS resource (_ResourceId) to keep; '*' keeps every resource sending to the workspace. */
  resourceId: idOrAll,
};

type Bounds = { startTime: number | null; endTime: number | null };

export function endAfterStart(p: Bounds, ctx: z.RefinementCtx): void {
  if (p.startTime !== null && p.endTime !== null && p.endTime <= p.startTime) {
    ctx.addIssue({
      code: "custom",
      path: ["endTime"],
      message: "endTime must be after startTime (endTime is exclusive)",
    });
  }
}

export const bounds = (p: Bounds) => ({ start: p.startTime, end: p.endTime });

/** `ACSRecordings(...)` with every argument given, so the call never depends on defaults. */
export function recordingsCall(
  p: Bounds & { contentTypes: string[]; formatTypes: string[]; channelTypes: string[]; resourceId: string },
  correlationId = "*",
): string {
  return `ACSRecordings(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlStringArray(p.contentTypes)}, ${kqlStringArray(p.formatTypes)}, ${kqlStringArray(p.channelTypes)}, ${kqlString(correlationId)}, resourceid = ${kqlString(p.resourceId)})`;
}

export const recordings = defineTemplate({
  name: "recordings",
  description:
    "One row per recording (duplicates folded), newest first, filtered by time, content, format, channel and call.",
  params: z.strictObject({ ...recordingFilters, correlationId: idOrAll, limit: limitParam }).superRefine(endAfterStart),
  row: z.strictObject({
    TimeGenerated: datetimeColumn,
    RecordingId: stringColumn,
    CorrelationId: stringColumn,
    RecordingStartTime: datetimeColumn,
    RecordingEndTime: datetimeColumn,
    RecordingLength: realColumn,
    ContentType: stringColumn,
    FormatType: stringColumn,
    ChannelType: stringColumn,
    AudioChannelsCount: longColumn,
    ChunkCount: longColumn,
    RecordingEndReason: stringColumn,
    IsAbnormalEnd: boolColumn,
    ResultType: stringColumn,
    Level: stringColumn,
    _ResourceId: stringColumn,
  }),
  example: {},
  kql: (p) =>
    `${recordingsCall(p, p.correlationId)}\n| order by RecordingStartTime desc, RecordingId asc\n| take ${kqlLong(p.limit)}`,
  timeRange: bounds,
});

export const recordingsPerCall = defineTemplate({
  name: "recordingsPerCall",
  description:
    "One row per call: recordings, seconds recorded, first start, last end, formats and end reasons, abnormal ends.",
  params: z.strictObject({ ...recordingFilters, limit: limitParam }).superRefine(endAfterStart),
  row: z.strictObject({
    CorrelationId: stringColumn,
    Recordings: longColumn,
    RecordedSeconds: realColumn,
    FirstStart: datetimeColumn,
    LastEnd: datetimeColumn,
    Formats: stringSetColumn,
    EndReasons: stringSetColumn,
    AbnormalEnds: longColumn,
  }),
  example: {},
  kql: (p) =>
    `ACSRecordingsPerCall(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlStringArray(p.contentTypes)}, ${kqlStringArray(p.formatTypes)}, ${kqlStringArray(p.channelTypes)}, resourceid = ${kqlString(p.resourceId)})\n| order by FirstStart desc, CorrelationId asc\n| take ${kqlLong(p.limit)}`,
  timeRange: bounds,
});

export const recordingsOverTime = defineTemplate({
  name: "recordingsOverTime",
  description: "Recordings, seconds recorded and abnormal ends per time bin of TimeGenerated.",
  params: z.strictObject({ ...recordingFilters, timeGrain: timespanParam.prefault("1h") }).superRefine(endAfterStart),
  row: z.strictObject({
    TimeGenerated: datetimeColumn,
    Recordings: longColumn,
    RecordedSeconds: realColumn,
    AbnormalEnds: longColumn,
  }),
  example: {},
  kql: (p) =>
    `${recordingsCall(p)}\n| summarize Recordings = count(), RecordedSeconds = sum(RecordingLength), AbnormalEnds = countif(IsAbnormalEnd) by TimeGenerated = bin(TimeGenerated, ${kqlTimespan(p.timeGrain)})\n| order by TimeGenerated asc`,
  timeRange: bounds,
});

export const endReasons = defineTemplate({
  name: "endReasons",
  description: "Recordings, calls and seconds per RecordingEndReason, abnormal ones flagged.",
  params: z.strictObject(recordingFilters).superRefine(endAfterStart),
  row: z.strictObject({
    RecordingEndReason: stringColumn,
    IsAbnormalEnd: boolColumn,
    Recordings: longColumn,
    Calls: longColumn,
    RecordedSeconds: realColumn,
  }),
  example: {},
  kql: (p) =>
    `ACSRecordingEndReasons(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlStringArray(p.contentTypes)}, ${kqlStringArray(p.formatTypes)}, ${kqlStringArray(p.channelTypes)}, resourceid = ${kqlString(p.resourceId)})`,
  timeRange: bounds,
});

export const lengthStats = defineTemplate({
  name: "lengthStats",
  description: "Recording length statistics in seconds per content type and format.",
  params: z.strictObject(recordingFilters).superRefine(endAfterStart),
  row: z.strictObject({
    ContentType: stringColumn,
    FormatType: stringColumn,
    Recordings: longColumn,
    TotalSeconds: realColumn,
    AvgSeconds: realColumn,
    MinSeconds: realColumn,
    P50Seconds: realColumn,
    P95Seconds: realColumn,
    MaxSeconds: realColumn,
  }),
  example: {},
  kql: (p) =>
    `ACSRecordingLengthStats(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlStringArray(p.contentTypes)}, ${kqlStringArray(p.formatTypes)}, ${kqlStringArray(p.channelTypes)}, resourceid = ${kqlString(p.resourceId)})`,
  timeRange: bounds,
});
