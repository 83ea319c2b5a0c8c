// Template for the overview tiles: recording and API KPIs of a period next to the same-length period before it.
import { z } from "zod";
import { kqlDateTime } from "./kql-literals";
import { dateTimeParam } from "./params";
import { endAfterStart } from "./recordings";
import { longColumn, realColumn } from "./rows";
import { defineTemplate } from "./template";

const all = "dynamic([]), dynamic([]), dynamic([])";

export const overviewKpis = defineTemplate({
  name: "overviewKpis",
  description: "Recordings, calls, seconds recorded, abnormal ends, API requests and failures in [startTime, endTime) and in the period of equal length before it.",
  params: z.strictObject({ startTime: dateTimeParam, endTime: dateTimeParam }).superRefine(endAfterStart),
  row: z.strictObject({
    Recordings: longColumn,
    PreviousRecordings: longColumn,
    Calls: longColumn,
    PreviousCalls: longColumn,
    RecordedSeconds: realColumn,
    PreviousRecordedSeconds: realColumn,
    AbnormalEnds: longColumn,
    PreviousAbnormalEnds: longColumn,
    OperationRequests: longColumn,
    PreviousOperationRequests: longColumn,
    OperationFailures: longColumn,
    PreviousOperationFailures: longColumn,
  }),
  example: { startTime: "2024-05-01T00:00:00Z", endTime: "2024-05-02T00:00:00Z" },
  kql: (p) =>
    [
      `let starttime = ${kqlDateTime(p.startTime)};`,
      `let endtime = ${kqlDateTime(p.endTime)};`,
      "let previousstart = starttime - (endtime - starttime);",
      "union",
      `    (ACSRecordings(starttime, endtime, ${all}, '*') | project Period = "current", Kind = "recording", CorrelationId, Seconds = RecordingLength, Bad = IsAbnormalEnd),`,
      `    (ACSRecordings(previousstart, starttime, ${all}, '*') | project Period = "previous", Kind = "recording", CorrelationId, Seconds = RecordingLength, Bad = IsAbnormalEnd),`,
      `    (ACSRecordingOperations(starttime, endtime, dynamic([]), '*') | project Period = "current", Kind = "operation", CorrelationId, Seconds = 0.0, Bad = IsFailure),`,
      `    (ACSRecordingOperations(previousstart, starttime, dynamic([]), '*') | project Period = "previous", Kind = "operation", CorrelationId, Seconds = 0.0, Bad = IsFailure)`,
      "| summarize",
      '    Recordings = countif(Kind == "recording" and Period == "current"), PreviousRecordings = countif(Kind == "recording" and Period == "previous"),',
      '    Calls = dcountif(CorrelationId, Kind == "recording" and Period == "current"), PreviousCalls = dcountif(CorrelationId, Kind == "recording" and Period == "previous"),',
      '    RecordedSeconds = sum(iff(Period == "current", Seconds, 0.0)), PreviousRecordedSeconds = sum(iff(Period == "previous", Seconds, 0.0)),',
      '    AbnormalEnds = countif(Kind == "recording" and Period == "current" and Bad), PreviousAbnormalEnds = countif(Kind == "recording" and Period == "previous" and Bad),',
      '    OperationRequests = countif(Kind == "operation" and Period == "current"), PreviousOperationRequests = countif(Kind == "operation" and Period == "previous"),',
      '    OperationFailures = countif(Kind == "operation" and Period == "current" and Bad), PreviousOperationFailures = countif(Kind == "operation" and Period == "previous" and Bad)',
    ].join("\n"),
  timeRange: (p) => ({ start: p.startTime - (p.endTime - p.startTime), end: p.endTime }),
});
