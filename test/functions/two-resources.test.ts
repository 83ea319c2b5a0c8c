import { describe, expect, it, vi } from "vitest";
import { X, runTwo } from "./two-resources";

vi.setConfig({ testTimeout: 60_000 });

describe("failures without an HTTP status (two-resources fixture)", () => {
  it("must count ResultType Failure or Failed as a failure when there is no status, and Succeeded as none", () => {
    const rows = runTwo(`ACSRecordingOperations(${X}) | where isnull(HttpStatus) | project ResultType, IsFailure, StatusClass`);
    // P2 Failure, P6 Succeeded, P8 Failed
    expect(rows).toEqual([
      { ResultType: "Failure", IsFailure: true, StatusClass: "unknown" },
      { ResultType: "Succeeded", IsFailure: false, StatusClass: "unknown" },
      { ResultType: "Failed", IsFailure: true, StatusClass: "unknown" },
    ]);
  });

  it("must count all three failures of X: P2 and P8 by ResultType, P7 by its 500", () => {
    expect(runTwo(`ACSRecordingOperations(${X}) | summarize Requests = count(), Failures = countif(IsFailure)`)).toEqual([{ Requests: 9, Failures: 3 }]);
  });
});

describe("operation names (two-resources fixture)", () => {
  it("must give every documented spelling one normalised name and keep the logged one", () => {
    const rows = runTwo(`ACSRecordingOperations(${X}) | summarize Requests = count(), Failures = countif(IsFailure), Spellings = make_set(RawOperationName) by OperationName | order by OperationName asc`);
    // Start: P1, P4, P6, P7, P8, P9 (failed P7, P8); Pause P2 (failed, ResultType Failure); Resume P3; Stop P5
    expect(rows.map((r) => [r.OperationName, r.Requests, r.Failures, [...(r.Spellings as string[])].sort()])).toEqual([
      ["PauseCallRecording", 1, 1, ["PauseRecording"]],
      ["ResumeCallRecording", 1, 0, ["ResumeCallRecording"]],
      ["StartCallRecording", 6, 2, ["StartCallRecording", "StartRecording"]],
      ["StopCallRecording", 1, 0, ["StopRecording"]],
    ]);
  });

  it("must filter by either spelling, any case", () => {
    // any spelling of start finds all six starts (P1, P4, P6-P9), whichever spelling each was logged with
    expect(runTwo(`ACSRecordingOperations(${X}, dynamic(["startcallrecording"]))`)).toHaveLength(6);
    expect(runTwo(`ACSRecordingOperations(${X}, dynamic(["STARTRECORDING"]))`)).toHaveLength(6);
    expect(runTwo(`ACSRecordingOperations(${X}, dynamic(["Start_Call_Recording", "resume recording"]))`)).toHaveLength(7);
    expect(runTwo(`ACSRecordingOperations(${X}, dynamic(["StopRecording"]))`).map((r) => r.RawOperationName)).toEqual(["StopRecording"]);
  });

  it("must find the call whose starts, in either spelling, got no recording", () => {
    // call-5: P7 StartCallRecording 500 and P8 StartRecording Failed; call-3 started as StartRecording and has rec-3
    expect(runTwo(`ACSRecordingCallsWithoutRecording(${X}) | project CorrelationId, StartRequests, FailedStarts`)).toEqual([{ CorrelationId: "call-5", StartRequests: 2, FailedStarts: 2 }]);
  });

  it("must feed the health function with normalised names", () => {
    expect(runTwo(`ACSRecordingOperationHealth(${X}, timegrain = 1d) | project OperationName, Requests, Failures`)).toEqual([
      { OperationName: "PauseCallRecording", Requests: 1, Failures: 1 },
      { OperationName: "ResumeCallRecording", Requests: 1, Failures: 0 },
      { OperationName: "StartCallRecording", Requests: 6, Failures: 2 },
      { OperationName: "StopCallRecording", Requests: 1, Failures: 0 },
    ]);
  });
});
