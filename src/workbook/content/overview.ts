// Overview tab: one tile per headline number, each against the period of the same length just before.
import { markdown, query } from "../items";
import { type Item, ItemSize } from "../types";
import { formatter, kql, operationFilter, recordingFilters, resourceLet } from "./common";

const tile = (order: number, metric: string, value: string, previous: string) =>
  `    (kpis | project Order = ${order}, Metric = "${metric}", Value = todouble(${value}), Previous = todouble(${previous}))`;

/** The tiles read the one saved function ACSRecordingOverview (the overviewKpis template calls it too); rates guard an empty period. */
export const overviewTilesKql = kql(
  "let starttime = {TimeRange:start};",
  "let endtime = {TimeRange:end};",
  resourceLet,
  recordingFilters,
  operationFilter,
  "let kpis = ACSRecordingOverview(starttime, endtime, contenttypes, formattypes, channeltypes, operations, normalendreasons = normalendreasons, resourceid = resourceid);",
  "union",
  [
    tile(1, "Recordings", "Recordings", "PreviousRecordings"),
    tile(2, "Calls recorded", "Calls", "PreviousCalls"),
    tile(3, "Recorded hours", "RecordedSeconds / 3600.0", "PreviousRecordedSeconds / 3600.0"),
    tile(
      4,
      "Average length (s)",
      "iff(Recordings == 0, 0.0, RecordedSeconds / Recordings)",
      "iff(PreviousRecordings == 0, 0.0, PreviousRecordedSeconds / PreviousRecordings)",
    ),
    tile(5, "P95 length (s)", "P95Seconds", "PreviousP95Seconds"),
    tile(
      6,
      "Abnormal end rate (%)",
      "iff(Recordings == 0, 0.0, 100.0 * AbnormalEnds / Recordings)",
      "iff(PreviousRecordings == 0, 0.0, 100.0 * PreviousAbnormalEnds / PreviousRecordings)",
    ),
    tile(
      7,
      "Operation failure rate (%)",
      "iff(OperationRequests == 0, 0.0, 100.0 * OperationFailures / OperationRequests)",
      "iff(PreviousOperationRequests == 0, 0.0, 100.0 * PreviousOperationFailures / PreviousOperationRequests)",
    ),
  ].join(",\n"),
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
