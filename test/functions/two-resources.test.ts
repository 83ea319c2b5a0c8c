import { describe, expect, it, vi } from "vitest";
import { resourceA, resourceB, runTwo, X } from "./two-resources";

vi.setConfig({ testTimeout: 60_000 });

describe("failures without an HTTP status (two-resources fixture)", () => {
  it("must count ResultType Failure or Failed as a failure when there is no status, and Succeeded as none", () => {
    const rows = runTwo(
      `ACSRecordingOperations(${X}) | where isnull(HttpStatus) | project ResultType, IsFailure, StatusClass`,
    );
    // P2 Failure, P6 Succeeded, P8 Failed
    expect(rows).toEqual([
      { ResultType: "Failure", IsFailure: true, StatusClass: "unknown" },
      { ResultType: "Succeeded", IsFailure: false, StatusClass: "unknown" },
      { ResultType: "Failed", IsFailure: true, StatusClass: "unknown" },
    ]);
  });

  it("must count all three failures of X: P2 and P8 by ResultType, P7 by its 500", () => {
    expect(
      runTwo(`ACSRecordingOperations(${X}) | summarize Requests = count(), Failures = countif(IsFailure)`),
    ).toEqual([{ Requests: 9, Failures: 3 }]);
  });
});

describe("operation names (two-resources fixture)", () => {
  it("must give every documented spelling one normalised name and keep the logged one", () => {
    const rows = runTwo(
      `ACSRecordingOperations(${X}) | summarize Requests = count(), Failures = countif(IsFailure), Spellings = make_set(RawOperationName) by OperationName | order by OperationName asc`,
    );
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
    expect(runTwo(`ACSRecordingOperations(${X}, dynamic(["Start_Call_Recording", "resume recording"]))`)).toHaveLength(
      7,
    );
    expect(runTwo(`ACSRecordingOperations(${X}, dynamic(["StopRecording"]))`).map((r) => r.RawOperationName)).toEqual([
      "StopRecording",
    ]);
  });

  it("must find the call whose starts, in either spelling, got no recording", () => {
    // call-5: P7 StartCallRecording 500 and P8 StartRecording Failed; call-3 started as StartRecording and has rec-3
    expect(
      runTwo(`ACSRecordingCallsWithoutRecording(${X}) | project CorrelationId, StartRequests, FailedStarts`),
    ).toEqual([{ CorrelationId: "call-5", StartRequests: 2, FailedStarts: 2 }]);
  });

  it("must feed the health function with normalised names", () => {
    expect(
      runTwo(`ACSRecordingOperationHealth(${X}, timegrain = 1d) | project OperationName, Requests, Failures`),
    ).toEqual([
      { OperationName: "PauseCallRecording", Requests: 1, Failures: 1 },
      { OperationName: "ResumeCallRecording", Requests: 1, Failures: 0 },
      { OperationName: "StartCallRecording", Requests: 6, Failures: 2 },
      { OperationName: "StopCallRecording", Requests: 1, Failures: 0 },
    ]);
  });
});

describe("resource scoping (two-resources fixture)", () => {
  const a = resourceA.toLowerCase();

  it("must keep every resource with '*' and only the named one otherwise, matching the id in any case", () => {
    const count = (kql: string) => runTwo(`${kql} | count`)[0].Count;
    // recordings A rec-1, rec-2; B rec-3, rec-4
    expect(count(`ACSRecordings(${X})`)).toBe(4);
    expect(count(`ACSRecordings(${X}, resourceid = '${a}')`)).toBe(2);
    expect(count(`ACSRecordings(${X}, resourceid = '${resourceB}')`)).toBe(2);
    // requests A P1-P5, B P6-P9
    expect(count(`ACSRecordingOperations(${X}, resourceid = '${a}')`)).toBe(5);
    expect(count(`ACSRecordingOperations(${X}, resourceid = '${resourceB}')`)).toBe(4);
    expect(
      count(
        `ACSRecordings(${X}, resourceid = '/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/CommunicationServices/none')`,
      ),
    ).toBe(0);
  });

  it("must carry the resource through every function that builds on another", () => {
    // A: rec-1 600 s + rec-2 300 s = 900 s over calls 1 and 2, no abnormal end; B: rec-3 (abnormal) and rec-4
    expect(
      runTwo(
        `ACSRecordingsPerCall(${X}, resourceid = '${a}') | summarize Calls = count(), Seconds = sum(RecordedSeconds), Abnormal = sum(AbnormalEnds)`,
      ),
    ).toEqual([{ Calls: 2, Seconds: 900, Abnormal: 0 }]);
    expect(
      runTwo(`ACSRecordingEndReasons(${X}, resourceid = '${resourceB}') | project RecordingEndReason, IsAbnormalEnd`),
    ).toEqual([
      { RecordingEndReason: "CallEnded", IsAbnormalEnd: false },
      { RecordingEndReason: "RecordingStopped", IsAbnormalEnd: true },
    ]);
    expect(
      runTwo(
        `ACSRecordingLengthStats(${X}, resourceid = '${resourceB}') | project ContentType, FormatType, TotalSeconds`,
      ),
    ).toEqual([
      { ContentType: "Audio", FormatType: "mp3", TotalSeconds: 120 },
      { ContentType: "Audio", FormatType: "wav", TotalSeconds: 900 },
    ]);
    // A's starts P1, P4 and B's P6-P9: B has the two failures
    expect(
      runTwo(
        `ACSRecordingOperationHealth(${X}, 1d, dynamic(["StartRecording"]), resourceid = '${resourceB}') | project Requests, Failures`,
      ),
    ).toEqual([{ Requests: 4, Failures: 2 }]);
    // call-5 is B's; A has no call without a recording
    expect(runTwo(`ACSRecordingCallsWithoutRecording(${X}, resourceid = '${a}')`)).toEqual([]);
    expect(
      runTwo(`ACSRecordingCallsWithoutRecording(${X}, resourceid = '${resourceB}') | project CorrelationId`),
    ).toEqual([{ CorrelationId: "call-5" }]);
    // call-1 lives in A: its recording start/end and three requests; nothing of it in B
    expect(runTwo(`ACSRecordingCallTimeline('call-1', resourceid = '${a}') | count`)[0].Count).toBe(5);
    expect(runTwo(`ACSRecordingCallTimeline('call-1', resourceid = '${resourceB}')`)).toEqual([]);
  });

  it("must scope usage to the resource", () => {
    // A: U1-U4; B: U5, U6 = 15 + 2 minutes of CallRecording
    expect(
      runTwo(`ACSRecordingUsage(${X}, 1d, dynamic([]), resourceid = '${resourceB}') | project UsageType, Quantity`),
    ).toEqual([{ UsageType: "CallRecording", Quantity: 17 }]);
  });
});

describe("usage records (two-resources fixture)", () => {
  it("must sum quantities over rows but count distinct RecordIds, per bin or over the whole range with 0s", () => {
    // CallRecording: U1 10 + U2 10 (U1 again) + U3 5 + U5 15 + U6 2 = 42 over u-1, u-2, u-4, u-5 = 4 records (5 rows)
    expect(runTwo(`ACSRecordingUsage(${X}, 0s) | project UsageType, Quantity, Records`)).toEqual([
      { UsageType: "CallRecording", Quantity: 42, Records: 4 },
      { UsageType: "CallingAudio", Quantity: 12, Records: 1 },
    ]);
    // hourly: 01:00 holds U1, U2 (one record) and U3
    expect(
      runTwo(
        `ACSRecordingUsage(${X}, 1h, dynamic(["callrecording"])) | project Hour = datetime_part("hour", TimeGenerated), Quantity, Records`,
      ),
    ).toEqual([
      { Hour: 1, Quantity: 25, Records: 2 },
      { Hour: 2, Quantity: 15, Records: 1 },
      { Hour: 5, Quantity: 2, Records: 1 },
    ]);
  });
});

describe("ACSRecordingOverview (two-resources fixture)", () => {
  it("must give one row of both periods' KPIs, scoped to a resource", () => {
    // B in X: rec-3 900 s (RecordingStopped, abnormal) and rec-4 120 s; p95 nearest rank ceil(1.9) = 2nd = 900; requests P6-P9, failures P7 P8.
    // The previous period [05-31, 06-01) is empty: zeros.
    expect(runTwo(`ACSRecordingOverview(${X}, resourceid = '${resourceB}')`)).toEqual([
      {
        Recordings: 2,
        PreviousRecordings: 0,
        Calls: 2,
        PreviousCalls: 0,
        RecordedSeconds: 1020,
        PreviousRecordedSeconds: 0,
        P95Seconds: 900,
        PreviousP95Seconds: 0,
        AbnormalEnds: 1,
        PreviousAbnormalEnds: 0,
        OperationRequests: 4,
        PreviousOperationRequests: 0,
        OperationFailures: 2,
        PreviousOperationFailures: 0,
      },
    ]);
  });
});
