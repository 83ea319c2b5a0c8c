// Recordings tab: what Microsoft's built-in Recording insights show, plus end reasons, lengths and a drill-down into one call.
import { markdown, query } from "../items";
import { type Item, ItemSize } from "../types";
import {
  formatter,
  grain,
  kql,
  noRecordings,
  recordingFilters,
  recordings,
  recordingsPerCall,
  resourceLet,
  timeWindow,
  zeroFilled,
} from "./common";
import { type DrillSpec, drillGrid } from "./drill";

const prelude = kql(timeWindow, recordingFilters);

export const selectedCallParameter = "SelectedCallId";

const recordSource = [prelude, grain, recordings];

/** Each chart of the tab that opens records on a click, and the grid it opens (Microsoft's tab drills from bins, formats and channels). */
export const recordingDrills: readonly DrillSpec[] = [
  {
    grid: "recordings-in-bin",
    charts: [
      { item: "recordings-per-bin", exports: [{ field: "x", parameter: "ClickedBin" }] },
      { item: "recorded-hours-per-bin", exports: [{ field: "x", parameter: "ClickedBin" }] },
    ],
    filters: [{ parameter: "ClickedBin", column: "TimeGenerated", match: "timeBin" }],
  },
  {
    grid: "recordings-of-format",
    charts: [{ item: "recordings-by-format", exports: [{ field: "series", parameter: "ClickedFormat" }] }],
    filters: [{ parameter: "ClickedFormat", column: "FormatType", match: "equals" }],
  },
  {
    grid: "recordings-of-channel",
    charts: [{ item: "recordings-by-channel", exports: [{ field: "series", parameter: "ClickedChannel" }] }],
    filters: [{ parameter: "ClickedChannel", column: "ChannelType", match: "equals" }],
  },
  {
    grid: "recordings-of-content",
    charts: [{ item: "recordings-by-content", exports: [{ field: "series", parameter: "ClickedContent" }] }],
    filters: [{ parameter: "ClickedContent", column: "ContentType", match: "equals" }],
  },
  {
    grid: "recordings-of-end-reason",
    charts: [{ item: "recording-end-reasons", exports: [{ field: "x", parameter: "ClickedEndReason" }] }],
    filters: [{ parameter: "ClickedEndReason", column: "RecordingEndReason", match: "equals" }],
  },
];

const exportsOf = (item: string) =>
  recordingDrills.flatMap((d) => d.charts.filter((c) => c.item === item).flatMap((c) => c.exports));

const drill = (name: string, title: string) =>
  drillGrid({
    name,
    title,
    source: recordSource,
    filters: recordingDrills.find((d) => d.grid === name)!.filters,
    noDataMessage: "No recordings match the clicked value.",
  });

export function recordingsTab(): Item[] {
  return [
    markdown(
      "recordings-help",
      "One row per recording from **CallRecordingSummary**, published once the recording is ready to download. " +
        "If this tab is empty, send that diagnostic category to the workspace; recordings appear only after their calls end.\n\n" +
        "**Why these numbers can be lower than Microsoft's ACS Insights Recording tab:** a summary can be delivered more than once, " +
        "so this workbook counts each RecordingId once (its latest summary), while Microsoft's tab counts summary rows. " +
        "It also shows one ACS resource (the Resource parameter) where Microsoft's shows the resource it is opened from, and it bins by " +
        "TimeGenerated from the range start with empty bins as zeros.",
    ),
    query("recordings-per-bin", {
      title: "Recordings per time bin (UTC)",
      kql: kql(prelude, grain, recordings, ...zeroFilled([{ name: "Recordings", aggregate: "count()", type: "long" }])),
      visualization: "timechart",
      width: 50,
      exports: exportsOf("recordings-per-bin"),
      noDataMessage: noRecordings,
    }),
    query("recorded-hours-per-bin", {
      title: "Recorded hours per time bin (UTC)",
      kql: kql(
        prelude,
        grain,
        recordings,
        ...zeroFilled([{ name: "RecordedSeconds", aggregate: "sum(RecordingLength)", type: "real" }]),
        "| project TimeGenerated, RecordedHours = round(RecordedSeconds / 3600.0, 3)",
      ),
      visualization: "timechart",
      width: 50,
      exports: exportsOf("recorded-hours-per-bin"),
      noDataMessage: noRecordings,
    }),
    drill("recordings-in-bin", "Recordings in the bin starting {ClickedBin} (UTC)"),
    query("recordings-by-format", {
      title: "By format",
      kql: kql(
        prelude,
        recordings,
        "| summarize Recordings = count(), RecordedHours = round(sum(RecordingLength) / 3600.0, 3) by FormatType",
        "| order by Recordings desc",
      ),
      visualization: "piechart",
      width: 33,
      exports: exportsOf("recordings-by-format"),
      noDataMessage: noRecordings,
    }),
    query("recordings-by-channel", {
      title: "By channel type",
      kql: kql(
        prelude,
        recordings,
        "| summarize Recordings = count(), RecordedHours = round(sum(RecordingLength) / 3600.0, 3) by ChannelType",
        "| order by Recordings desc",
      ),
      visualization: "piechart",
      width: 33,
      exports: exportsOf("recordings-by-channel"),
      noDataMessage: noRecordings,
    }),
    query("recordings-by-content", {
      title: "By content type",
      kql: kql(
        prelude,
        recordings,
        "| summarize Recordings = count(), RecordedHours = round(sum(RecordingLength) / 3600.0, 3) by ContentType",
        "| order by Recordings desc",
      ),
      visualization: "piechart",
      width: 33,
      exports: exportsOf("recordings-by-content"),
      noDataMessage: noRecordings,
    }),
    drill("recordings-of-format", "Recordings in format {ClickedFormat}"),
    drill("recordings-of-channel", "Recordings with channel type {ClickedChannel}"),
    drill("recordings-of-content", "Recordings with content type {ClickedContent}"),
    query("recording-end-reasons", {
      title: "End reasons",
      kql: kql(
        prelude,
        recordings,
        "| summarize Recordings = count(), Abnormal = countif(IsAbnormalEnd) by RecordingEndReason",
        "| order by Recordings desc",
      ),
      visualization: "barchart",
      width: 50,
      exports: exportsOf("recording-end-reasons"),
      noDataMessage: noRecordings,
    }),
    drill("recordings-of-end-reason", "Recordings that ended with {ClickedEndReason}"),
    query("recording-end-reasons-raw", {
      title: "End reasons as logged, and how they are judged",
      kql: kql(
        prelude,
        recordings,
        '| extend Judged = case(isempty(RecordingEndReason), "no reason (not judged)", IsAbnormalEnd, "abnormal", "normal (in Normal end reasons)")',
        "| summarize Recordings = count(), Calls = dcount(CorrelationId), RecordedHours = round(sum(RecordingLength) / 3600.0, 3) by RecordingEndReason, Judged",
        "| order by Recordings desc, RecordingEndReason asc",
      ),
      visualization: "table",
      width: 50,
      noDataMessage: noRecordings,
      gridSettings: {
        formatters: [{ columnMatch: "Recordings", formatter: formatter.bar, formatOptions: { palette: "blue" } }],
      },
    }),
    query("recording-length-histogram", {
      title: "Recording length",
      kql: kql(
        prelude,
        recordings,
        "| where isnotnull(RecordingLength)",
        "| extend Bucket = case(RecordingLength < 60, 1, RecordingLength < 300, 2, RecordingLength < 900, 3, RecordingLength < 1800, 4, RecordingLength < 3600, 5, 6)",
        "| summarize Recordings = count() by Bucket",
        '| extend Length = case(Bucket == 1, "< 1 min", Bucket == 2, "1-5 min", Bucket == 3, "5-15 min", Bucket == 4, "15-30 min", Bucket == 5, "30-60 min", ">= 60 min")',
        "| order by Bucket asc",
        "| project Length, Recordings",
      ),
      visualization: "barchart",
      width: 50,
      noDataMessage: noRecordings,
    }),
    query("recording-length-percentiles", {
      title: "Recording length percentiles (seconds)",
      kql: kql(
        prelude,
        recordings,
        "| where isnotnull(RecordingLength)",
        "| summarize Recordings = count(), Average = round(avg(RecordingLength), 1), P50 = percentile(RecordingLength, 50), P90 = percentile(RecordingLength, 90), P95 = percentile(RecordingLength, 95), P99 = percentile(RecordingLength, 99), Longest = max(RecordingLength)",
      ),
      visualization: "table",
      size: ItemSize.Tiny,
      noDataMessage: noRecordings,
    }),
    query("recordings-per-call", {
      title: "Recordings per call",
      kql: kql(
        prelude,
        recordingsPerCall,
        "| summarize Calls = count() by RecordingsPerCall = Recordings",
        "| order by RecordingsPerCall asc",
      ),
      visualization: "barchart",
      width: 40,
      noDataMessage: noRecordings,
    }),
    query("calls-grid", {
      title: "Calls with recordings (times in UTC)",
      kql: kql(
        prelude,
        recordingsPerCall,
        "| project CorrelationId, Recordings, RecordedMinutes = round(RecordedSeconds / 60.0, 1), AbnormalEnds, FirstStart, LastEnd, Formats, EndReasons",
        "| order by FirstStart desc",
        "| take 200",
      ),
      visualization: "table",
      width: 60,
      noDataMessage: noRecordings,
      gridSettings: {
        formatters: [{ columnMatch: "RecordedMinutes", formatter: formatter.bar, formatOptions: { palette: "blue" } }],
        filter: true,
      },
    }),
    query("recordings-grid", {
      title: "Recordings, times in UTC (select one to see its call's timeline)",
      kql: kql(
        prelude,
        recordings,
        "| project TimeGenerated, CorrelationId, RecordingId, RecordingStartTime, LengthSeconds = RecordingLength, ContentType, FormatType, ChannelType, RecordingEndReason, IsAbnormalEnd",
        "| order by TimeGenerated desc",
        "| take 500",
      ),
      visualization: "table",
      size: ItemSize.Large,
      noDataMessage: noRecordings,
      exportParameter: { field: "CorrelationId", parameter: selectedCallParameter, defaultValue: "" },
      gridSettings: {
        formatters: [{ columnMatch: "LengthSeconds", formatter: formatter.bar, formatOptions: { palette: "blue" } }],
        filter: true,
      },
    }),
    markdown("call-timeline-hint", "Select a recording in the grid above to see the timeline of its call.", {
      visibleWhen: { parameterName: selectedCallParameter, comparison: "isEqualTo", value: "" },
    }),
    query("call-timeline", {
      title: "Call timeline: {SelectedCallId}",
      kql: kql(
        resourceLet,
        "ACSRecordingCallTimeline('{SelectedCallId:escape}', resourceid = resourceid)",
        "| project TimeGenerated, Source, Event, Detail, OperationName, ResultType, RecordingId",
      ),
      visualization: "table",
      noDataMessage: "No recording or operation records for this call.",
      visibleWhen: { parameterName: selectedCallParameter, comparison: "isNotEqualTo", value: "" },
    }),
  ];
}
