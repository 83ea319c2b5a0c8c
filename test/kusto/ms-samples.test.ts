import { describe, expect, it } from "vitest";
import { tablesFromRows } from "../../src/data";
import { analyze } from "../../src/kusto";
import { acsTables } from "../../src/schema/catalog";
import { json, run } from "./helpers";

// Microsoft's published sample queries for ACSCallRecordingIncomingOperations (Azure Monitor "Queries for the table" page).
const samples = {
  operations: `ACSCallRecordingIncomingOperations
| distinct OperationName, OperationVersion
| limit 100`,
  percentiles: `ACSCallRecordingIncomingOperations
// where OperationName == "<operation>" // This can be uncommented and specified to calculate only a single operation's duration percentiles
| summarize percentiles(DurationMs, 90, 95, 99) by OperationName, OperationVersion // calculate 90th, 95th, and 99th percentiles of each Operation
| limit 100`,
  topIps: `ACSCallRecordingIncomingOperations
// | where OperationName == "<operation>" // This can be uncommented and specified to calculate only a single operation's count
| top-nested of OperationName by dummy=max(0), // For all the Operations...
top-nested 5 of CallerIpAddress by count() // List the IP address that have called that operation the most
| project-away dummy // Remove dummy line from the result set
| limit 100`,
};

const op = (OperationName: string, OperationVersion: string, CallerIpAddress: string, DurationMs: number) => ({
  TimeGenerated: "2024-03-10T10:00:00Z",
  OperationName,
  OperationVersion,
  CallerIpAddress,
  DurationMs,
});

const tables = tablesFromRows({
  ACSCallRecordingIncomingOperations: [
    op("StartCallRecording", "2023-03-06", "203.0.113.1", 100),
    op("StartCallRecording", "2023-03-06", "203.0.113.1", 120),
    op("StartCallRecording", "2023-03-06", "203.0.113.2", 300),
    op("StopCallRecording", "2023-03-06", "203.0.113.1", 50),
    op("StopCallRecording", "2023-03-06", "203.0.113.3", 80),
    op("StopCallRecording", "2023-03-06", "203.0.113.3", 90),
    op("PauseCallRecording", "2023-06-15", "203.0.113.2", 40),
  ],
});

const byOp = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("Microsoft's sample queries", () => {
  it("must analyze cleanly", () => {
    for (const kql of Object.values(samples)) expect(analyze(kql, { tables: acsTables })).toEqual([]);
  });

  it("must list the distinct operation/version pairs", () => {
    expect(json(samples.operations, tables)).toEqual([
      { OperationName: "StartCallRecording", OperationVersion: "2023-03-06" },
      { OperationName: "StopCallRecording", OperationVersion: "2023-03-06" },
      { OperationName: "PauseCallRecording", OperationVersion: "2023-06-15" },
    ]);
  });

  it("must compute nearest-rank duration percentiles per operation", () => {
    // Start [100, 120, 300]: ranks ceil(0.90*3) = ceil(0.95*3) = ceil(0.99*3) = 3 → 300. Stop [50, 80, 90] → 90. Pause [40] → 40.
    const r = run(samples.percentiles, tables);
    expect(r.columns.map((c) => c.name)).toEqual([
      "OperationName",
      "OperationVersion",
      "percentile_DurationMs_90",
      "percentile_DurationMs_95",
      "percentile_DurationMs_99",
    ]);
    expect(
      r.rows.map((x) => [
        x.OperationName,
        x.percentile_DurationMs_90,
        x.percentile_DurationMs_95,
        x.percentile_DurationMs_99,
      ]),
    ).toEqual([
      ["StartCallRecording", 300, 300, 300],
      ["StopCallRecording", 90, 90, 90],
      ["PauseCallRecording", 40, 40, 40],
    ]);
  });

  it("must rank caller IPs per operation with top-nested", () => {
    // Start: .1 twice, .2 once; Stop: .3 twice, .1 once; Pause: .2 once.
    const r = run(samples.topIps, tables);
    expect(r.columns.map((c) => c.name)).toEqual(["OperationName", "CallerIpAddress", "aggregated_CallerIpAddress"]);
    expect(byOp(json(samples.topIps, tables))).toEqual(
      byOp([
        { OperationName: "StartCallRecording", CallerIpAddress: "203.0.113.1", aggregated_CallerIpAddress: 2 },
        { OperationName: "StartCallRecording", CallerIpAddress: "203.0.113.2", aggregated_CallerIpAddress: 1 },
        { OperationName: "StopCallRecording", CallerIpAddress: "203.0.113.3", aggregated_CallerIpAddress: 2 },
        { OperationName: "StopCallRecording", CallerIpAddress: "203.0.113.1", aggregated_CallerIpAddress: 1 },
        { OperationName: "PauseCallRecording", CallerIpAddress: "203.0.113.2", aggregated_CallerIpAddress: 1 },
      ]),
    );
  });

  it("must keep only the top N per level in rank order", () => {
    // Top 1 operation by row count: Start and Stop tie at 3, Start comes first; its top IP is .1 (2 calls).
    const rows = json(
      "ACSCallRecordingIncomingOperations | top-nested 2 of OperationName by n = count(), top-nested 1 of CallerIpAddress by c = count()",
      tables,
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((x) => x.n)).toEqual([3, 3]);
    expect(rows.find((x) => x.OperationName === "StopCallRecording")).toEqual({
      OperationName: "StopCallRecording",
      n: 3,
      CallerIpAddress: "203.0.113.3",
      c: 2,
    });
  });
});

describe("make-series", () => {
  it("must fill every step bin, with the default where a bin has no rows", () => {
    const t = `datatable(At:datetime, Ms:long, Op:string)[
      datetime(2024-03-10T10:10:00Z), 10, "a",
      datetime(2024-03-10T10:50:00Z), 30, "a",
      datetime(2024-03-10T12:05:00Z), 5, "a",
      datetime(2024-03-10T11:00:00Z), 7, "b"]`;
    const r = run(
      `${t} | make-series n = count(), total = sum(Ms) default = -1 on At from datetime(2024-03-10T10:00:00Z) to datetime(2024-03-10T13:00:00Z) step 1h by Op | order by Op asc`,
    );
    expect(r.columns.map((c) => c.name)).toEqual(["Op", "n", "total", "At"]);
    // a: 10:xx has 2 rows (10 + 30 = 40), 11:xx none, 12:xx one (5). b: only 11:xx (7). Empty bins: count default 0, total default -1.
    expect(
      json(
        `${t} | make-series n = count(), total = sum(Ms) default = -1 on At from datetime(2024-03-10T10:00:00Z) to datetime(2024-03-10T13:00:00Z) step 1h by Op | order by Op asc`,
      ),
    ).toEqual([
      {
        Op: "a",
        n: [2, 0, 1],
        total: [40, -1, 5],
        At: ["2024-03-10T10:00:00.0000000Z", "2024-03-10T11:00:00.0000000Z", "2024-03-10T12:00:00.0000000Z"],
      },
      {
        Op: "b",
        n: [0, 1, 0],
        total: [-1, 7, -1],
        At: ["2024-03-10T10:00:00.0000000Z", "2024-03-10T11:00:00.0000000Z", "2024-03-10T12:00:00.0000000Z"],
      },
    ]);
  });

  it("must span the data's own range when from and to are left out", () => {
    const t = `datatable(At:datetime)[datetime(2024-03-10T10:10:00Z), datetime(2024-03-10T12:05:00Z)]`;
    // Bins start at bin(10:10, 1h) = 10:00 and end with the bin holding 12:05: 10:00, 11:00, 12:00.
    expect(json(`${t} | make-series n = count() on At step 1h`)).toEqual([
      {
        n: [1, 0, 1],
        At: ["2024-03-10T10:00:00.0000000Z", "2024-03-10T11:00:00.0000000Z", "2024-03-10T12:00:00.0000000Z"],
      },
    ]);
  });
});
