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
