// KQL fragments every tab shares: the time window, the grain and the multi-select filters as `let`s.

/** The ACS resource picked in the Resource parameter ('*' = every resource sending to the workspace). */
export const resourceLet = "let resourceid = '{Resource:escape}';";

export const timeWindow = ["let starttime = {TimeRange:start};", "let endtime = {TimeRange:end};", resourceLet].join(
  "\n",
);

/** {TimeGrain} is minutes; 0 means "auto", the picker's own grain for the chosen range. */
export const grain = "let grain = iff({TimeGrain} == 0, {TimeRange:grain}, {TimeGrain}m);";

/** The NormalEndReasons text ("CallEnded, InitiatorLeft") as the list the functions take; spaces dropped, split on commas. */
export const normalEndReasonsLet =
  "let normalendreasons = split(replace_string('{NormalEndReasons:escape}', ' ', ''), ',');";

export const recordingFilters = [
  "let contenttypes = dynamic([{ContentType}]);",
  "let formattypes = dynamic([{FormatType}]);",
  "let channeltypes = dynamic([{ChannelType}]);",
  normalEndReasonsLet,
].join("\n");

export const operationFilter = "let operations = dynamic([{Operation}]);";

export const recordings =
  "ACSRecordings(starttime, endtime, contenttypes, formattypes, channeltypes, normalendreasons = normalendreasons, resourceid = resourceid)";
export const recordingsPerCall =
  "ACSRecordingsPerCall(starttime, endtime, contenttypes, formattypes, channeltypes, normalendreasons = normalendreasons, resourceid = resourceid)";
export const operations = "ACSRecordingOperations(starttime, endtime, operations, resourceid = resourceid)";
export const operationHealth =
  "ACSRecordingOperationHealth(starttime, endtime, grain, operations, resourceid = resourceid)";

/** Lines a split time chart draws at most (the busiest by total). */
export const maxSeries = 10;

/** One measure of a zero-filled time series: its column, aggregate, and the scalar type it is cast back to after expansion. */
export interface SeriesMeasure {
  readonly name: string;
  readonly aggregate: string;
  readonly type: "long" | "real";
}

/**
 * Time bins from starttime to endtime every `grain`, a bin with no rows giving 0 rather than a gap (make-series default = 0),
 * expanded back to one row per bin so both the portal's time chart and a grid read it.
 */
export function zeroFilled(measures: readonly SeriesMeasure[], by?: string): string[] {
  const names = measures.map((m) => m.name).join(", ");
  return [
    `| make-series ${measures.map((m) => `${m.name} = ${m.aggregate}`).join(", ")} default = 0 on TimeGenerated from bin(starttime, grain) to endtime step grain${by ? ` by ${by}` : ""}`,
    // A split chart keeps its busiest series: more lines are unreadable, and expanding thousands would pass Kusto's 500,000-row limit.
    ...(by ? [`| top ${maxSeries} by array_sum(${measures[0].name}) desc`] : []),
    `| mv-expand TimeGenerated, ${names}`,
    `| extend TimeGenerated = todatetime(TimeGenerated), ${measures.map((m) => `${m.name} = to${m.type === "long" ? "long" : "real"}(${m.name})`).join(", ")}`,
    `| project TimeGenerated, ${by ? `${by.replace(/\s*=.*$/, "")}, ` : ""}${names}`,
    `| order by TimeGenerated asc${by ? `, ${by.replace(/\s*=.*$/, "")} asc` : ""}`,
  ];
}

export function kql(...lines: string[]): string {
  return lines.join("\n");
}

export const noRecordings =
  "No recordings in this time range. Check that the CallRecordingSummary diagnostic category is sent to this workspace, widen the time range, or clear the filters.";
export const noOperations =
  "No Call Recording API requests in this time range. Check that the CallRecordingOperational diagnostic category is sent to this workspace, or widen the time range.";
export const noUsage =
  "No recording usage in this time range. Check that the Usage diagnostic category is sent to this workspace.";

/** Grid formatter ids as the portal stores them. */
export const formatter = { automatic: 0, text: 1, bar: 4, hidden: 5, bigNumber: 12 } as const;
