// Template for the overview tiles: the one saved function ACSRecordingOverview, which the workbook's tiles read too.
import { z } from "zod";
import { kqlDateTime } from "./kql-literals";
import { dateTimeParam } from "./params";
import { endAfterStart } from "./recordings";
import { longColumn, realColumn } from "./rows";
import { defineTemplate } from "./template";

export const overviewKpis = defineTemplate({
  name: "overviewKpis",
  description:
    "Recordings, calls, seconds recorded, p95 length, abnormal ends, API requests and failures in [startTime, endTime) and in the period of equal length before it.",
  params: z.strictObject({ startTime: dateTimeParam, endTime: dateTimeParam }).superRefine(endAfterStart),
  row: z.strictObject({
    Recordings: longColumn,
    PreviousRecordings: longColumn,
    Calls: longColumn,
    PreviousCalls: longColumn,
    RecordedSeconds: realColumn,
    PreviousRecordedSeconds: realColumn,
    P95Seconds: realColumn,
    PreviousP95Seconds: realColumn,
    AbnormalEnds: longColumn,
    PreviousAbnormalEnds: longColumn,
    OperationRequests: longColumn,
    PreviousOperationRequests: longColumn,
    OperationFailures: longColumn,
    PreviousOperationFailures: longColumn,
  }),
  example: { startTime: "2024-05-01T00:00:00Z", endTime: "2024-05-02T00:00:00Z" },
  kql: (p) => `ACSRecordingOverview(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)})`,
  timeRange: (p) => ({ start: p.startTime - (p.endTime - p.startTime), end: p.endTime }),
});
