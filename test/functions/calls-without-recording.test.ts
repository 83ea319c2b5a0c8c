import { describe, expect, it, vi } from "vitest";
import { tablesFromRows } from "../../src/data";
import { run, W } from "./scenario";

vi.setConfig({ testTimeout: 60_000 });

const start = (t: string, call: string, status: number) => ({
  TimeGenerated: t,
  CorrelationId: call,
  OperationName: "StartCallRecording",
  ResultSignature: status,
  ResultType: status < 400 ? "Succeeded" : "Failed",
  DurationMs: 100,
});
const summary = (t: string, call: string, id: string) => ({
  TimeGenerated: t,
  CorrelationId: call,
  RecordingId: id,
  RecordingLength: 10,
  RecordingEndReason: "CallEnded",
});

// x: two failed starts, no recording; w: a successful start whose recording never arrived;
// y: recorded; z: recorded, its summary landing after the window's end; v: a start before the window.
const tables = tablesFromRows({
  ACSCallRecordingIncomingOperations: [
    start("2024-05-01T08:00:00Z", "call-x", 500),
    start("2024-05-01T08:00:05Z", "call-x", 503),
    start("2024-05-01T09:00:00Z", "call-w", 200),
    start("2024-05-01T10:00:00Z", "call-y", 200),
    start("2024-05-01T23:59:00Z", "call-z", 200),
    start("2024-04-30T23:00:00Z", "call-v", 500),
  ],
  ACSCallRecordingSummary: [
    summary("2024-05-01T10:05:00Z", "call-y", "rec-y"),
    summary("2024-05-02T00:03:00Z", "call-z", "rec-z"),
  ],
});

const rows = (kql: string) => run(kql, tables);

describe("ACSRecordingCallsWithoutRecording", () => {
  it("must list the calls whose start requests produced no recording, first request first", () => {
    expect(
      rows(`ACSRecordingCallsWithoutRecording(${W})`).map((r) => [r.CorrelationId, r.StartRequests, r.FailedStarts]),
    ).toEqual([
      ["call-x", 2, 2],
      ["call-w", 1, 0],
    ]);
  });

  it("must include the start before the window with the defaults", () => {
    expect(rows("ACSRecordingCallsWithoutRecording()").map((r) => r.CorrelationId)).toEqual([
      "call-v",
      "call-x",
      "call-w",
    ]);
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    // [08:00:05, 09:00:00): only call-x's second start (08:00:05) is in; call-w's start at 09:00 is out
    expect(
      rows("ACSRecordingCallsWithoutRecording(datetime(2024-05-01T08:00:05Z), datetime(2024-05-01T09:00:00Z))").map(
        (r) => [r.CorrelationId, r.StartRequests],
      ),
    ).toEqual([["call-x", 1]]);
  });

  it("must find none in the scenario, where every call that asked got a recording", () => {
    // call-g's summary (S9) lands exactly at W's end and still counts: summaries are looked for without an upper bound
    expect(run(`ACSRecordingCallsWithoutRecording(${W})`)).toEqual([]);
  });
});

describe("callsWithoutRecording template", () => {
  it("must return typed rows, and none when the window holds no start", async () => {
    const { callsWithoutRecording, runLocal } = await import("../../src/templates");
    const [x] = await runLocal(
      callsWithoutRecording,
      { startTime: "2024-05-01T00:00:00Z", endTime: "2024-05-01T08:30:00Z" },
      tables,
    );
    expect(x).toEqual({
      CorrelationId: "call-x",
      StartRequests: 2,
      FailedStarts: 2,
      FirstRequest: new Date("2024-05-01T08:00:00Z"),
      LastRequest: new Date("2024-05-01T08:00:05Z"),
      StatusClasses: ["5xx"],
    });
    expect(await runLocal(callsWithoutRecording, { startTime: "2030-01-01T00:00:00Z" }, tables)).toEqual([]);
  });
});
