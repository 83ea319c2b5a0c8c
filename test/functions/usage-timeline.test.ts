import { describe, expect, it, vi } from "vitest";
import { ms, run, W } from "./scenario";

vi.setConfig({ testTimeout: 60_000 });

describe("ACSRecordingUsage", () => {
  const shape = (rows: Record<string, unknown>[]) =>
    rows.map((r) => [
      new Date(ms(r.TimeGenerated)).toISOString().slice(0, 13),
      r.UsageType,
      r.UnitType,
      r.Quantity,
      r.Records,
    ]);

  it("must sum quantities per day, usage type and unit with the defaults", () => {
    expect(shape(run("ACSRecordingUsage()"))).toEqual([
      // CallRecording: U1 9 + U2 5 + U3 4 + U5 25 + U7 0.75 + U8 6 + U9 50 = 99.75 (7 records)
      ["2024-05-01T00", "CallRecording", "Minute", 99.75, 7],
      // CallingAudio: U4 16 + U6 31 = 47
      ["2024-05-01T00", "CallingAudio", "Minute", 47, 2],
      ["2024-05-01T00", "CallingVideo", "Minute", 62, 1],
      ["2024-05-01T00", "SMS", "Message", 3, 1],
      // U12 exactly at 2024-05-02 falls in the next day's bin
      ["2024-05-02T00", "CallRecording", "Minute", 11, 1],
    ]);
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    // U1 at exactly W's start is in, U12 at exactly W's end is out
    const rows = run(`ACSRecordingUsage(${W})`);
    expect(rows).toHaveLength(4);
    expect(rows.reduce((s, r) => s + (r.Quantity as number), 0)).toBe(99.75 + 47 + 62 + 3);
  });

  it("must bin by the given timegrain and filter by usage type, any case", () => {
    // 12h bins of CallRecording in W: U1 9 + U2 5 + U3 4 + U5 25 = 43; U7 0.75 + U8 6 + U9 50 = 56.75
    expect(shape(run(`ACSRecordingUsage(${W}, 12h, dynamic(["callrecording"]))`))).toEqual([
      ["2024-05-01T00", "CallRecording", "Minute", 43, 4],
      ["2024-05-01T12", "CallRecording", "Minute", 56.75, 3],
    ]);
  });

  it("must return no rows for a fictitious usage type", () => {
    expect(run(`ACSRecordingUsage(${W}, 1d, dynamic(["Fax"]))`)).toEqual([]);
  });
});

describe("ACSRecordingCallTimeline", () => {
  const events = (rows: Record<string, unknown>[]) =>
    rows.map((r) => `${new Date(ms(r.TimeGenerated)).toISOString().slice(11, 19)} ${r.Source} ${r.Event}`);

  it("must interleave a paused call's recording and requests in time order", () => {
    const rows = run("ACSRecordingCallTimeline('call-c')");
    expect(events(rows)).toEqual([
      "09:59:58 Operation StartCallRecording", // O6
      "10:00:00 Recording RecordingStarted", // S4 start
      "10:10:00 Operation PauseCallRecording", // O7
      "10:12:00 Operation PauseCallRecording", // O8 409
      "10:15:00 Operation ResumeCallRecording", // O9
      "10:25:00 Recording RecordingEnded", // 10:00 + 1500 s
    ]);
    expect(rows[1]).toMatchObject({ RecordingId: "rec-c1", Detail: "Audio wav unmixed" });
    expect(rows[3].Detail).toBe("4xx 409 in 30 ms");
    expect(rows[5].Detail).toBe("CallEnded after 1500 s");
  });

  it("must show both recordings of a stop-and-restart call, requests first on a tie", () => {
    expect(events(run("ACSRecordingCallTimeline('call-b')"))).toEqual([
      "08:59:58 Operation StartCallRecording",
      "09:00:00 Recording RecordingStarted",
      "09:05:00 Operation StopCallRecording", // O4 and b1's end share 09:05:00: Operation sorts before Recording
      "09:05:00 Recording RecordingEnded",
      "09:09:58 Operation StartCallRecording",
      "09:10:00 Recording RecordingStarted",
      "09:14:00 Recording RecordingEnded", // 09:10:00 + 240.5 s = 09:14:00.5
    ]);
  });

  it("must keep the redial apart from the dropped call", () => {
    expect(run("ACSRecordingCallTimeline('call-d')").map((r) => r.Event)).toEqual([
      "StartCallRecording",
      "StartCallRecording",
      "RecordingStarted",
      "RecordingEnded",
    ]);
  });

  it("must return no rows for a fictitious call", () => {
    expect(run("ACSRecordingCallTimeline('no-such-call')")).toEqual([]);
  });
});
