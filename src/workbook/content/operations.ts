// Operations tab: health of the Call Recording API requests (volume, failures, latency, clients).
import { markdown, query } from "../items";
import type { Item } from "../types";
import {
  formatter,
  grain,
  kql,
  noOperations,
  operationFilter,
  operationHealth,
  operations,
  timeWindow,
  zeroFilled,
} from "./common";
import { type DrillSpec, drillGrid } from "./drill";

const prelude = kql(timeWindow, operationFilter);

// The status label the failures chart shows, so a click on its bar can be matched against each request.
const statusLabel = 'strcat(iff(isnull(HttpStatus), "none", tostring(HttpStatus)), " (", StatusClass, ")")';

/** Each chart of the tab that opens requests on a click, and the grid it opens. */
export const operationDrills: readonly DrillSpec[] = [
  {
    grid: "requests-in-bin",
    charts: [
      {
        item: "requests-by-operation",
        exports: [
          { field: "x", parameter: "ClickedRequestBin" },
          { field: "series", parameter: "ClickedOperation" },
        ],
      },
      {
        item: "latency-p95-over-time",
        exports: [
          { field: "x", parameter: "ClickedRequestBin" },
          { field: "series", parameter: "ClickedOperation" },
        ],
      },
    ],
    filters: [
      { parameter: "ClickedRequestBin", column: "TimeGenerated", match: "timeBin" },
      { parameter: "ClickedOperation", column: "OperationName", match: "equals" },
    ],
  },
  {
    grid: "failures-in-bin",
    charts: [{ item: "failure-rate", exports: [{ field: "x", parameter: "ClickedFailureBin" }] }],
    filters: [{ parameter: "ClickedFailureBin", column: "TimeGenerated", match: "timeBin" }],
  },
  {
    grid: "failures-of-status",
    charts: [
      {
        item: "failures-by-status",
        exports: [
          { field: "x", parameter: "ClickedStatus" },
          { field: "series", parameter: "ClickedFailedOperation" },
        ],
      },
    ],
    filters: [
      { parameter: "ClickedStatus", column: "Status", match: "equals" },
      { parameter: "ClickedFailedOperation", column: "OperationName", match: "equals" },
    ],
  },
];

const exportsOf = (item: string) =>
  operationDrills.flatMap((d) => d.charts.filter((c) => c.item === item).flatMap((c) => c.exports));
const filtersOf = (grid: string) => operationDrills.find((d) => d.grid === grid)!.filters;

export function operationsTab(): Item[] {
  return [
    markdown(
      "operations-help",
      "One row per request to the Call Recording APIs (start, stop, pause, resume, ...) from **CallRecordingOperational**. " +
        "If this tab is empty, send that diagnostic category to the workspace, or no client called the APIs in the time range.",
    ),
    query("requests-by-operation", {
      title: "Requests by operation per time bin (UTC), busiest 10",
      kql: kql(
        prelude,
        grain,
        operations,
        ...zeroFilled([{ name: "Requests", aggregate: "count()", type: "long" }], "OperationName"),
      ),
      visualization: "timechart",
      width: 50,
      exports: exportsOf("requests-by-operation"),
      noDataMessage: noOperations,
    }),
    query("failure-rate", {
      title: "Failure rate (%) per time bin (UTC)",
      kql: kql(
        prelude,
        grain,
        operations,
        ...zeroFilled([
          { name: "Requests", aggregate: "count()", type: "long" },
          { name: "Failures", aggregate: "countif(IsFailure)", type: "long" },
        ]),
        // A bin without requests has no failures: 0 %, so a silent hour reads as zero like the other charts.
        "| project TimeGenerated, FailureRatePct = iff(Requests == 0, 0.0, round(100.0 * Failures / Requests, 2))",
      ),
      visualization: "timechart",
      width: 50,
      exports: exportsOf("failure-rate"),
      noDataMessage: noOperations,
    }),
    query("latency-p95-over-time", {
      title: "Latency p95 (ms) by operation per time bin (UTC)",
      // Not zero-filled on purpose: a bin without requests has no latency, and 0 ms would read as fast.
      kql: kql(
        prelude,
        grain,
        operationHealth,
        "| project TimeGenerated, OperationName, P95DurationMs",
        "| order by TimeGenerated asc",
      ),
      visualization: "timechart",
      width: 50,
      exports: exportsOf("latency-p95-over-time"),
      noDataMessage: noOperations,
    }),
    drillGrid({
      name: "requests-in-bin",
      title: "{ClickedOperation} requests in the bin starting {ClickedRequestBin} (UTC)",
      source: [prelude, grain, operations],
      filters: filtersOf("requests-in-bin"),
      noDataMessage: "No requests match the clicked point.",
    }),
    drillGrid({
      name: "failures-in-bin",
      title: "Failed requests in the bin starting {ClickedFailureBin} (UTC)",
      source: [prelude, grain, operations, "| where IsFailure"],
      filters: filtersOf("failures-in-bin"),
      noDataMessage: "No failed requests in the clicked bin.",
    }),
    query("latency-by-operation", {
      title: "Latency and failures by operation",
      kql: kql(
        prelude,
        operations,
        "| summarize Requests = count(), Failures = countif(IsFailure), P50 = percentile(DurationMs, 50), P95 = percentile(DurationMs, 95), P99 = percentile(DurationMs, 99) by OperationName",
        "| extend FailureRatePct = round(100.0 * Failures / Requests, 2)",
        "| order by Requests desc",
      ),
      visualization: "table",
      width: 50,
      noDataMessage: noOperations,
      gridSettings: {
        formatters: [
          { columnMatch: "FailureRatePct", formatter: formatter.bar, formatOptions: { palette: "redBright" } },
        ],
      },
    }),
    query("failures-by-status", {
      title: "Failures by HTTP status",
      kql: kql(
        prelude,
        operations,
        "| where IsFailure",
        `| summarize Failures = count() by Status = ${statusLabel}, OperationName`,
        "| order by Failures desc",
      ),
      visualization: "barchart",
      width: 50,
      exports: exportsOf("failures-by-status"),
      noDataMessage: "No failed requests in this time range.",
    }),
    drillGrid({
      name: "failures-of-status",
      title: "Failed {ClickedFailedOperation} requests with status {ClickedStatus}",
      source: [prelude, operations, "| where IsFailure", `| extend Status = ${statusLabel}`],
      filters: filtersOf("failures-of-status"),
      noDataMessage: "No failed requests match the clicked bar.",
    }),
    query("latest-errors", {
      title: "Latest failed requests (times in UTC)",
      kql: kql(
        prelude,
        operations,
        "| where IsFailure",
        "| project TimeGenerated, OperationName, HttpStatus, ResultType, DurationMs, CorrelationId, CallConnectionId, SdkType, SdkVersion, CallerIpAddress, URI",
        "| order by TimeGenerated desc",
        "| take 50",
      ),
      visualization: "table",
      width: 50,
      noDataMessage: "No failed requests in this time range.",
    }),
    query("sdk-breakdown", {
      title: "SDK type and version",
      kql: kql(
        prelude,
        operations,
        "| summarize Requests = count(), Failures = countif(IsFailure) by SdkType, SdkVersion",
        "| order by Requests desc",
      ),
      visualization: "table",
      width: 50,
      noDataMessage: noOperations,
    }),
    query("caller-ips", {
      title: "Top 5 caller IPs per operation",
      // Rank by counting the busier IPs of the same operation (ties broken by address): top-nested without needing it.
      kql: kql(
        prelude,
        `let perIp = ${operations}`,
        "    | summarize Requests = count(), Failures = countif(IsFailure), LastSeen = max(TimeGenerated) by OperationName, CallerIpAddress;",
        "perIp",
        "| join kind=inner (perIp | project OperationName, OtherIp = CallerIpAddress, OtherRequests = Requests) on OperationName",
        "| summarize Busier = countif(OtherRequests > Requests or (OtherRequests == Requests and strcmp(OtherIp, CallerIpAddress) < 0)) by OperationName, CallerIpAddress, Requests, Failures, LastSeen",
        "| where Busier < 5",
        "| project OperationName, Rank = Busier + 1, CallerIpAddress, Requests, Failures, LastSeen",
        "| order by OperationName asc, Rank asc",
      ),
      visualization: "table",
      width: 50,
      noDataMessage: noOperations,
      gridSettings: {
        formatters: [{ columnMatch: "Requests", formatter: formatter.bar, formatOptions: { palette: "blue" } }],
        filter: true,
      },
    }),
  ];
}
