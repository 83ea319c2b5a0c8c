import { describe, expect, it, vi } from "vitest";
import { ms, run, W } from "./scenario";

vi.setConfig({ testTimeout: 60_000 });

describe("ACSRecordingOperations", () => {
  it("must return every request with the defaults, classified by HTTP status", () => {
    const rows = run("ACSRecordingOperations()");
    expect(rows).toHaveLength(19);
    const at = (iso: string) => rows.find((r) => ms(r.TimeGenerated) === Date.parse(iso))!;
    // O2 502, O8 409, O15 without a status (Succeeded), O4 204
    expect(at("2024-05-01T00:00:00Z")).toMatchObject({
      OperationName: "StopCallRecording",
      HttpStatus: 502,
      StatusClass: "5xx",
      IsFailure: true,
    });
    expect(at("2024-05-01T10:12:00Z")).toMatchObject({
      OperationName: "PauseCallRecording",
      HttpStatus: 409,
      StatusClass: "4xx",
      IsFailure: true,
    });
    expect(at("2024-05-01T14:20:00Z")).toMatchObject({ HttpStatus: null, StatusClass: "unknown", IsFailure: false });
    expect(at("2024-05-01T09:05:00Z")).toMatchObject({
      HttpStatus: 204,
      StatusClass: "2xx",
      IsFailure: false,
      DurationMs: 80,
      SdkType: "java",
      CallConnectionId: "conn-b",
      ServerCallId: "server-b",
    });
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    const rows = run(`ACSRecordingOperations(${W})`);
    // O2 (exactly 00:00) .. O18 = 17 rows; O1 before, O19 exactly at the end: out
    expect(rows).toHaveLength(17);
    expect(Math.min(...rows.map((r) => ms(r.TimeGenerated)))).toBe(Date.UTC(2024, 4, 1));
    // failures O2, O8, O10, O13
    expect(
      rows
        .filter((r) => r.IsFailure)
        .map((r) => r.HttpStatus)
        .sort(),
    ).toEqual([404, 409, 500, 502]);
  });

  it("must filter by operation (any case) and by call", () => {
    // pauses: O7 202, O8 409, O15 no status
    expect(
      run('ACSRecordingOperations(operations = dynamic(["pausecallrecording"]))')
        .map((r) => r.StatusClass)
        .sort(),
    ).toEqual(["2xx", "4xx", "unknown"]);
    // call-c: O6 start, O7 pause, O8 pause, O9 resume
    expect(
      run("ACSRecordingOperations(correlationid = 'call-c')")
        .map((r) => r.OperationName)
        .sort(),
    ).toEqual(["PauseCallRecording", "PauseCallRecording", "ResumeCallRecording", "StartCallRecording"]);
  });

  it("must return no rows for a fictitious operation or call", () => {
    expect(run('ACSRecordingOperations(operations = dynamic(["DeleteCallRecording"]))')).toEqual([]);
    expect(run("ACSRecordingOperations(correlationid = 'call-z')")).toEqual([]);
  });
});

describe("ACSRecordingOperationHealth", () => {
  const key = (r: Record<string, unknown>) =>
    `${new Date(ms(r.TimeGenerated)).toISOString().slice(11, 16)} ${r.OperationName}`;

  it("must count requests and failures per hour and operation in W", () => {
    const rows = run(`ACSRecordingOperationHealth(${W})`);
    expect(rows.map((r) => [key(r), r.Requests, r.Failures])).toEqual([
      ["00:00 StopCallRecording", 1, 1], // O2 502
      ["08:00 StartCallRecording", 1, 0], // O3
      ["09:00 StartCallRecording", 2, 0], // O5 09:09:58, O6 09:59:58
      ["09:00 StopCallRecording", 1, 0], // O4
      ["10:00 PauseCallRecording", 2, 1], // O7 202, O8 409
      ["10:00 ResumeCallRecording", 1, 0], // O9
      ["11:00 StartCallRecording", 2, 1], // O10 500, O11 200
      ["12:00 StartCallRecording", 1, 0], // O12
      ["12:00 StopCallRecording", 1, 1], // O13 404
      ["13:00 StartCallRecording", 1, 0], // O14
      ["14:00 PauseCallRecording", 1, 0], // O15 no status, Succeeded
      ["14:00 ResumeCallRecording", 1, 0], // O16
      ["14:00 StopCallRecording", 1, 0], // O17
      ["23:00 StartCallRecording", 1, 0], // O18
    ]);
    const paused = rows.find((r) => key(r) === "10:00 PauseCallRecording")!;
    // 1 failure / 2 requests = 0.5; durations [30, 60]: nearest-rank p50 = 1st = 30, p95 = 2nd = 60
    expect([paused.FailureRate, paused.P50DurationMs, paused.P95DurationMs, paused.P99DurationMs]).toEqual([
      0.5, 30, 60, 60,
    ]);
  });

  it("must bin by the given timegrain", () => {
    const rows = run(`ACSRecordingOperationHealth(${W}, 1d)`);
    const byOp = Object.fromEntries(rows.map((r) => [r.OperationName, r]));
    // starts O3 O5 O6 O10 O11 O12 O14 O18 = 8, one failure (O10): 1/8 = 0.125
    expect(byOp.StartCallRecording).toMatchObject({ Requests: 8, Failures: 1, FailureRate: 0.125 });
    // durations sorted [90, 100, 100, 120, 130, 140, 150, 2500]: p50 rank 4 = 120, p95 rank ceil(7.6) = 8 = 2500
    expect([byOp.StartCallRecording.P50DurationMs, byOp.StartCallRecording.P95DurationMs]).toEqual([120, 2500]);
    // stops O2 O4 O13 O17 = 4, failures O2 O13: 2/4
    expect(byOp.StopCallRecording).toMatchObject({ Requests: 4, Failures: 2, FailureRate: 0.5 });
    // pauses O7 O8 O15 = 3, one failure: 1/3
    expect(byOp.PauseCallRecording.FailureRate).toBeCloseTo(1 / 3, 10);
    expect(byOp.ResumeCallRecording).toMatchObject({ Requests: 2, Failures: 0, FailureRate: 0 });
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    // [10:12, 11:59:59): O8 (10:12) in, O9 10:15 in, O10 11:59:58 in, O11 at 11:59:59 out
    const rows = run("ACSRecordingOperationHealth(datetime(2024-05-01T10:12:00Z), datetime(2024-05-01T11:59:59Z))");
    expect(rows.map((r) => [key(r), r.Requests, r.Failures])).toEqual([
      ["10:00 PauseCallRecording", 1, 1],
      ["10:00 ResumeCallRecording", 1, 0],
      ["11:00 StartCallRecording", 1, 1],
    ]);
  });

  it("must filter by operation and return nothing for a fictitious one", () => {
    expect(
      run(`ACSRecordingOperationHealth(${W}, 1d, dynamic(["StopCallRecording"]))`).map((r) => [
        r.OperationName,
        r.Requests,
      ]),
    ).toEqual([["StopCallRecording", 4]]);
    expect(run(`ACSRecordingOperationHealth(${W}, 1d, dynamic(["TeleportCallRecording"]))`)).toEqual([]);
  });
});
