// Overview tab: one tile per headline number, each against the period of the same length just before.
import { markdown, query } from "../items";
import { ItemSize, type Item } from "../types";
import { formatter, kql, operationFilter, recordingFilters, resourceLet } from "./common";

/** Each branch yields Order, Metric, Value, Previous; rates guard against an empty period instead of dividing by zero. */
export const overviewTilesKql = kql(
  "let starttime = {TimeRange:start};",
  "let endtime = {TimeRange:end};",
  "let prevstart = starttime - (endtime - starttime);",
  resourceLet,
  recordingFilters,
  operationFilter,
  "let rec = ACSRecordings(prevstart, endtime, contenttypes, formattypes, channeltypes, normalendreasons = normalendreasons, resourceid = resourceid)",
  "    | extend Current = TimeGenerated >= starttime;",
  "let ops = ACSRecordingOperations(prevstart, endtime, operations, resourceid = resourceid)",
  "    | extend Current = TimeGenerated >= starttime;",
  "union",
  "    (rec",
  "        | summarize Now = countif(Current), Before = countif(not(Current))",
  '        | project Order = 1, Metric = "Recordings", Value = todouble(Now), Previous = todouble(Before)),',
  "    (rec",
  "        | summarize by CorrelationId, Current",
  "        | summarize Now = countif(Current), Before = countif(not(Current))",
  '        | project Order = 2, Metric = "Calls recorded", Value = todouble(Now), Previous = todouble(Before)),',
  "    (rec",
  "        | summarize Now = sumif(RecordingLength, Current), Before = sumif(RecordingLength, not(Current))",
  '        | project Order = 3, Metric = "Recorded hours", Value = Now / 3600.0, Previous = Before / 3600.0),',
  "    (rec",
  "        | summarize Total = sumif(RecordingLength, Current), N = countif(Current), PrevTotal = sumif(RecordingLength, not(Current)), PrevN = countif(not(Current))",
  '        | project Order = 4, Metric = "Average length (s)", Value = iff(N == 0, 0.0, Total / N), Previous = iff(PrevN == 0, 0.0, PrevTotal / PrevN)),',
  "    (rec",
  "        | summarize P95 = percentile(RecordingLength, 95) by Current",
  "        | summarize Now = sumif(P95, Current), Before = sumif(P95, not(Current))",
  '        | project Order = 5, Metric = "P95 length (s)", Value = todouble(Now), Previous = todouble(Before)),',
  "    (rec",
  "        | summarize Hits = countif(Current and IsAbnormalEnd), N = countif(Current), PrevHits = countif(not(Current) and IsAbnormalEnd), PrevN = countif(not(Current))",
  '        | project Order = 6, Metric = "Abnormal end rate (%)", Value = iff(N == 0, 0.0, 100.0 * Hits / N), Previous = iff(PrevN == 0, 0.0, 100.0 * PrevHits / PrevN)),',
  "    (ops",
  "        | summarize Hits = countif(Current and IsFailure), N = countif(Current), PrevHits = countif(not(Current) and IsFailure), PrevN = countif(not(Current))",
  '        | project Order = 7, Metric = "Operation failure rate (%)", Value = iff(N == 0, 0.0, 100.0 * Hits / N), Previous = iff(PrevN == 0, 0.0, 100.0 * PrevHits / PrevN))',
  "| extend Change = iff(Previous == 0,",
  '    "previous period: 0",',
  '    strcat(iff(Value >= Previous, "+", "-"), tostring(round(abs(100.0 * (Value - Previous) / Previous), 1)), "% vs previous period"))',
  "| project Order, Metric, Value = round(Value, 2), Previous = round(Previous, 2), Change",
  "| order by Order asc",
);

export function overviewTab(): Item[] {
  return [
    markdown(
      "overview-help",
      "Headline numbers for the selected time range, each compared with the period of the same length just before it. " +
        "Recording numbers come from **CallRecordingSummary**, the failure rate from **CallRecordingOperational**.",
    ),
    query("overview-tiles", {
      title: "Call recording at a glance",
      kql: overviewTilesKql,
      visualization: "tiles",
      size: ItemSize.Small,
      noDataMessage: "No recording or operation data in this time range or the one before it.",
      tileSettings: {
        titleContent: { columnMatch: "Metric", formatter: formatter.text },
        leftContent: {
          columnMatch: "Value",
          formatter: formatter.bigNumber,
          formatOptions: { palette: "auto" },
          numberFormat: { unit: 17, options: { style: "decimal", maximumFractionDigits: 2 } },
        },
        secondaryContent: { columnMatch: "Change", formatter: formatter.text },
        showBorder: true,
        size: "auto",
      },
    }),
  ];
}
