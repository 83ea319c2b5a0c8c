import * as path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadDataDir } from "../../src/data";
import {
  callTimeline,
  endReasons,
  lengthStats,
  operationHealth,
  operations,
  overviewKpis,
  recordings,
  recordingsOverTime,
  recordingsPerCall,
  runLocal,
  usage,
} from "../../src/templates";

vi.setConfig({ testTimeout: 60_000 });

// Rows and hand-worked sums: test/fixtures/scenario/README.md. W = [2024-05-01, 2024-05-02).
const dir = path.resolve(__dirname, "..", "fixtures", "scenario");
const tables = loadDataDir(dir);
const W = { startTime: "2024-05-01T00:00:00Z", endTime: "2024-05-02T00:00:00Z" };
const hour = (d: Date | null) => d!.toISOString().slice(11, 16);

describe("recordings template", () => {
  it("must return typed rows, newest start first, up to the limit", async () => {
    const rows = await runLocal(recordings, { limit: 3 }, tables);
    // starts: g1 05-01 23:49, f1 14:00, e1 12:03, d1 12:00, ...
    expect(rows.map((r) => r.RecordingId)).toEqual(["rec-g1", "rec-f1", "rec-e1"]);
    expect(rows[1].RecordingStartTime).toEqual(new Date("2024-05-01T14:00:00Z"));
    expect(rows[1].RecordingEndTime).toEqual(new Date("2024-05-01T14:50:00Z"));
    expect(rows[0].IsAbnormalEnd).toBe(true);
    expect(typeof rows[1].RecordingLength).toBe("number");
  });

  it("must read a data directory path as well as tables", async () => {
    const rows = await runLocal(recordings, W, dir);
    // W holds a1 b1 b2 c1 d1 e1 f1
    expect(rows).toHaveLength(7);
  });

  it("must filter by format, keep the window's bounds and find nothing for a fictitious call", async () => {
    // mp3: e1 (12:03), d1 (12:00), h1 (04-30 23:30)
    expect((await runLocal(recordings, { formatTypes: ["mp3"] }, tables)).map((r) => r.RecordingId)).toEqual([
      "rec-e1",
      "rec-d1",
      "rec-h1",
    ]);
    // [12:02, 12:10): S5 d1 at 12:02 in, S6 e1 at 12:10 out
    expect(
      (await runLocal(recordings, { startTime: "2024-05-01T12:02:00Z", endTime: "2024-05-01T12:10:00Z" }, tables)).map(
        (r) => r.RecordingId,
      ),
    ).toEqual(["rec-d1"]);
    expect(await runLocal(recordings, { correlationId: "nope" }, tables)).toEqual([]);
  });
});

describe("recordingsPerCall template", () => {
  it("must return one typed row per call, latest first start first", async () => {
    const rows = await runLocal(recordingsPerCall, { ...W, limit: 2 }, tables);
    expect(rows.map((r) => r.CorrelationId)).toEqual(["call-f", "call-e"]);
    expect(rows[0]).toMatchObject({
      Recordings: 1,
      RecordedSeconds: 3000,
      Formats: ["mp4"],
      EndReasons: ["CallEnded"],
      AbnormalEnds: 0,
    });
    expect(rows[0].FirstStart).toEqual(new Date("2024-05-01T14:00:00Z"));
  });

  it("must filter by channel and find nothing for a fictitious format", async () => {
    expect(
      (await runLocal(recordingsPerCall, { channelTypes: ["unmixed"] }, tables)).map((r) => r.CorrelationId),
    ).toEqual(["call-c"]);
    expect(await runLocal(recordingsPerCall, { formatTypes: ["ogg"] }, tables)).toEqual([]);
  });
});

describe("recordingsOverTime template", () => {
  it("must count recordings per hour of TimeGenerated in W", async () => {
    const rows = await runLocal(recordingsOverTime, W, tables);
    expect(rows.map((r) => [hour(r.TimeGenerated), r.Recordings, r.RecordedSeconds, r.AbnormalEnds])).toEqual([
      ["00:00", 1, 540, 0], // a1
      ["09:00", 2, 540.5, 0], // b1 300 + b2 240.5
      ["10:00", 1, 1500, 0], // c1
      ["12:00", 2, 405.25, 1], // d1 45.25 (abnormal) + e1 360
      ["15:00", 1, 3000, 0], // f1, its duplicate counted once
    ]);
  });

  it("must bin by the given grain and filter content", async () => {
    // 6h bins: 00:00 a1 540; 06:00 b1 b2 c1 = 2040.5; 12:00 d1 e1 f1 = 45.25 + 360 + 3000 = 3405.25
    expect(
      (await runLocal(recordingsOverTime, { ...W, timeGrain: "6h" }, tables)).map((r) => [
        hour(r.TimeGenerated),
        r.Recordings,
        r.RecordedSeconds,
      ]),
    ).toEqual([
      ["00:00", 1, 540],
      ["06:00", 3, 2040.5],
      ["12:00", 3, 3405.25],
    ]);
    // AudioVideo in W: a1 540 + f1 3000 in one day bin
    expect(
      (await runLocal(recordingsOverTime, { ...W, timeGrain: "1d", contentTypes: ["AudioVideo"] }, tables)).map((r) => [
        r.Recordings,
        r.RecordedSeconds,
      ]),
    ).toEqual([[2, 3540]]);
    expect(await runLocal(recordingsOverTime, { contentTypes: ["Hologram"] }, tables)).toEqual([]);
  });
});

describe("endReasons and lengthStats templates", () => {
  it("must return the reasons of W, and only mp4 ones when filtered", async () => {
    expect(
      (await runLocal(endReasons, W, tables)).map((r) => [r.RecordingEndReason, r.Recordings, r.IsAbnormalEnd]),
    ).toEqual([
      ["CallEnded", 5, false],
      // one each, by name: InitiatorLeft (b1) before RecordingFailed (d1)
      ["InitiatorLeft", 1, false],
      ["RecordingFailed", 1, true],
    ]);
    // mp4 in W: a1 540 + f1 3000, both CallEnded
    expect(await runLocal(endReasons, { ...W, formatTypes: ["mp4"] }, tables)).toEqual([
      { RecordingEndReason: "CallEnded", IsAbnormalEnd: false, Recordings: 2, Calls: 2, RecordedSeconds: 3540 },
    ]);
    expect(await runLocal(endReasons, { formatTypes: ["ogg"] }, tables)).toEqual([]);
  });

  it("must return length statistics typed as numbers", async () => {
    const [mp3] = await runLocal(lengthStats, { ...W, formatTypes: ["mp3"] }, tables);
    // d1 45.25, e1 360: total 405.25, average 202.625
    expect(mp3).toMatchObject({
      ContentType: "Audio",
      FormatType: "mp3",
      Recordings: 2,
      TotalSeconds: 405.25,
      AvgSeconds: 202.625,
      MinSeconds: 45.25,
      MaxSeconds: 360,
    });
    expect(await runLocal(lengthStats, { channelTypes: ["stereo"] }, tables)).toEqual([]);
  });
});

describe("operations and operationHealth templates", () => {
  it("must list the failures of W newest first", async () => {
    const rows = await runLocal(operations, { ...W, failuresOnly: true }, tables);
    // O13 12:09 404, O10 11:59:58 500, O8 10:12 409, O2 00:00 502
    expect(rows.map((r) => [hour(r.TimeGenerated), r.HttpStatus, r.StatusClass])).toEqual([
      ["12:09", 404, "4xx"],
      ["11:59", 500, "5xx"],
      ["10:12", 409, "4xx"],
      ["00:00", 502, "5xx"],
    ]);
    expect(rows.every((r) => r.IsFailure === true)).toBe(true);
  });

  it("must filter by call and operation, and find nothing for fictitious ones", async () => {
    // call-e: O13 stop 12:09, O12 start 12:02:58
    expect((await runLocal(operations, { correlationId: "call-e" }, tables)).map((r) => r.OperationName)).toEqual([
      "StopCallRecording",
      "StartCallRecording",
    ]);
    expect(await runLocal(operations, { operations: ["DeleteCallRecording"] }, tables)).toEqual([]);
  });

  it("must give per-day health of one operation", async () => {
    const rows = await runLocal(operationHealth, { ...W, timeGrain: "1d", operations: ["StartCallRecording"] }, tables);
    // 8 starts in W, one failure (O10): 1/8
    expect(rows).toEqual([
      expect.objectContaining({
        TimeGenerated: new Date("2024-05-01T00:00:00Z"),
        OperationName: "StartCallRecording",
        Requests: 8,
        Failures: 1,
        FailureRate: 0.125,
      }),
    ]);
    expect(await runLocal(operationHealth, { operations: ["Nope"] }, tables)).toEqual([]);
  });
});

describe("usage template", () => {
  it("must sum W's usage per day and filter by usage type", async () => {
    expect((await runLocal(usage, W, tables)).map((r) => [r.UsageType, r.Quantity, r.Records])).toEqual([
      ["CallRecording", 99.75, 7],
      ["CallingAudio", 47, 2],
      ["CallingVideo", 62, 1],
      ["SMS", 3, 1],
    ]);
    expect((await runLocal(usage, { usageTypes: ["sms"] }, tables)).map((r) => [r.UnitType, r.Quantity])).toEqual([
      ["Message", 3],
    ]);
    expect(await runLocal(usage, { usageTypes: ["Fax"] }, tables)).toEqual([]);
  });
});

describe("callTimeline template", () => {
  it("must return the redial's events in order, and nothing for a fictitious call", async () => {
    const rows = await runLocal(callTimeline, { correlationId: "call-e" }, tables);
    // O12 12:02:58, e1 start 12:03, O13 and e1's end both at 12:09 (Operation first)
    expect(rows.map((r) => [r.TimeGenerated!.toISOString().slice(11, 19), r.Event])).toEqual([
      ["12:02:58", "StartCallRecording"],
      ["12:03:00", "RecordingStarted"],
      ["12:09:00", "StopCallRecording"],
      ["12:09:00", "RecordingEnded"],
    ]);
    expect(await runLocal(callTimeline, { correlationId: "no-such-call" }, tables)).toEqual([]);
  });
});

describe("overviewKpis template", () => {
  it("must compare W with the day before", async () => {
    expect(await runLocal(overviewKpis, W, tables)).toEqual([
      {
        Recordings: 7, // a1 b1 b2 c1 d1 e1 f1
        PreviousRecordings: 1, // h1 at 04-30 23:59:59.999
        Calls: 6,
        PreviousCalls: 1,
        RecordedSeconds: 5985.75, // 540 + 300 + 240.5 + 1500 + 45.25 + 360 + 3000
        PreviousRecordedSeconds: 120,
        // nearest rank ceil(0.95 x 7) = 7th of 45.25, 240.5, 300, 360, 540, 1500, 3000; the previous period holds only h1
        P95Seconds: 3000,
        PreviousP95Seconds: 120,
        AbnormalEnds: 1, // d1
        PreviousAbnormalEnds: 0,
        OperationRequests: 17, // O2..O18
        PreviousOperationRequests: 1, // O1
        OperationFailures: 4, // O2 O8 O10 O13
        PreviousOperationFailures: 0,
      },
    ]);
  });

  it("must split at startTime: inclusive for the current period, exclusive for the previous one", async () => {
    // current [12:00, 24:00): d1 e1 f1 = 45.25 + 360 + 3000; previous [00:00, 12:00): a1 b1 b2 c1 = 540 + 300 + 240.5 + 1500
    const [row] = await runLocal(
      overviewKpis,
      { startTime: "2024-05-01T12:00:00Z", endTime: "2024-05-02T00:00:00Z" },
      tables,
    );
    expect(row).toMatchObject({
      Recordings: 3,
      PreviousRecordings: 4,
      RecordedSeconds: 3405.25,
      PreviousRecordedSeconds: 2580.5,
      AbnormalEnds: 1,
      PreviousAbnormalEnds: 0,
    });
    // requests: O12..O18 = 7 (O13 fails) vs O2..O11 = 10 (O2 O8 O10 fail)
    expect(row).toMatchObject({
      OperationRequests: 7,
      OperationFailures: 1,
      PreviousOperationRequests: 10,
      PreviousOperationFailures: 3,
    });
  });

  it("must return zeros, not nothing, for an empty period", async () => {
    const [row] = await runLocal(
      overviewKpis,
      { startTime: "2030-01-01T00:00:00Z", endTime: "2030-01-02T00:00:00Z" },
      tables,
    );
    expect(row).toMatchObject({ Recordings: 0, PreviousRecordings: 0, Calls: 0, OperationRequests: 0 });
  });

  it("must require both bounds", async () => {
    await expect(runLocal(overviewKpis, { startTime: "2024-05-01T00:00:00Z" } as never, tables)).rejects.toThrow(
      /template overviewKpis: parameter endTime: expected an ISO 8601 datetime/,
    );
  });
});

describe("resource scoping in the recordings templates (two-resources fixture)", () => {
  const two = path.join(__dirname, "..", "fixtures", "two-resources");
  const beta =
    "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-acs/providers/Microsoft.Communication/CommunicationServices/acs-beta";

  it("must keep only the named resource's recordings, and every resource by default", async () => {
    // acs-beta: rec-3 and rec-4; all: rec-1..rec-4
    expect((await runLocal(recordings, { resourceId: beta }, two)).map((r) => r.RecordingId).sort()).toEqual([
      "rec-3",
      "rec-4",
    ]);
    expect((await runLocal(recordings, {}, two)).map((r) => r.RecordingId).sort()).toEqual([
      "rec-1",
      "rec-2",
      "rec-3",
      "rec-4",
    ]);
    // rec-3 ended RecordingStopped (abnormal by default), rec-4 CallEnded
    expect(
      (await runLocal(endReasons, { resourceId: beta.toUpperCase() }, two)).map((r) => [
        r.RecordingEndReason,
        r.IsAbnormalEnd,
      ]),
    ).toEqual([
      ["CallEnded", false],
      ["RecordingStopped", true],
    ]);
  });
});
