import { describe, expect, it, vi } from "vitest";
import { ms, run, sortedSet, W } from "./scenario";

vi.setConfig({ testTimeout: 60_000 });

const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.RecordingId).sort();

describe("ACSRecordings", () => {
  it("must return one row per recording with the defaults, the later duplicate winning", () => {
    const rows = run("ACSRecordings()");
    // S1..S10 are 10 rows; S7 and S8 are the same recording rec-f1, so 9 recordings
    expect(ids(rows)).toEqual([
      "rec-a1",
      "rec-b1",
      "rec-b2",
      "rec-c1",
      "rec-d1",
      "rec-e1",
      "rec-f1",
      "rec-g1",
      "rec-h1",
    ]);
    expect(ms(rows.find((r) => r.RecordingId === "rec-f1")!.TimeGenerated)).toBe(Date.UTC(2024, 4, 1, 15, 5));
  });

  it("must normalise content, format and channel, type the length and compute the end time", () => {
    const byId = Object.fromEntries(run("ACSRecordings()").map((r) => [r.RecordingId, r]));
    expect(byId["rec-a1"]).toMatchObject({ ContentType: "AudioVideo", FormatType: "mp4", RecordingLength: 540 });
    expect(byId["rec-c1"]).toMatchObject({
      ContentType: "Audio",
      FormatType: "wav",
      ChannelType: "unmixed",
      AudioChannelsCount: 4,
    });
    expect(byId["rec-e1"].ContentType).toBe("Audio");
    // rec-b2: 09:10:00 + 240.5 s = 09:14:00.5
    expect(ms(byId["rec-b2"].RecordingEndTime)).toBe(Date.UTC(2024, 4, 1, 9, 14, 0, 500));
    // rec-a1: 2024-04-30T23:50:00 + 540 s = 23:59:00
    expect(ms(byId["rec-a1"].RecordingEndTime)).toBe(Date.UTC(2024, 3, 30, 23, 59));
  });

  it("must flag abnormal ends: everything but the documented CallEnded and InitiatorLeft", () => {
    const abnormal = run("ACSRecordings() | where IsAbnormalEnd | project RecordingId");
    // d1 RecordingFailed, g1 ServiceError; b1 InitiatorLeft is normal
    expect(ids(abnormal)).toEqual(["rec-d1", "rec-g1"]);
  });

  it("must judge end reasons by the normalendreasons parameter, any case", () => {
    // only CallEnded normal: b1 (InitiatorLeft) joins d1 and g1
    expect(ids(run('ACSRecordings(normalendreasons = dynamic(["CallEnded"])) | where IsAbnormalEnd'))).toEqual([
      "rec-b1",
      "rec-d1",
      "rec-g1",
    ]);
    // every reason listed, in another case: nothing is abnormal
    expect(
      run(
        'ACSRecordings(normalendreasons = dynamic(["callended", "INITIATORLEFT", "recordingfailed", "serviceerror"])) | where IsAbnormalEnd',
      ),
    ).toEqual([]);
    // the per-call and per-reason functions pass the list on: call-b's b1 becomes its abnormal end
    expect(
      run(`ACSRecordingsPerCall(${W}, normalendreasons = dynamic(["CallEnded"])) | where CorrelationId == "call-b"`)[0],
    ).toMatchObject({ AbnormalEnds: 1 });
    expect(
      run(
        `ACSRecordingEndReasons(${W}, normalendreasons = dynamic(["CallEnded"])) | where RecordingEndReason == "InitiatorLeft"`,
      )[0],
    ).toMatchObject({ IsAbnormalEnd: true });
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    // S1 at exactly 00:00 is in, S9 at exactly 2024-05-02 00:00 is out, S10 at 23:59:59.999 the day before is out
    expect(ids(run(`ACSRecordings(${W})`))).toEqual([
      "rec-a1",
      "rec-b1",
      "rec-b2",
      "rec-c1",
      "rec-d1",
      "rec-e1",
      "rec-f1",
    ]);
  });

  it("must filter on format, content, channel and call, case-insensitively", () => {
    // wav: b1, b2, c1 ("WAV"), g1
    expect(ids(run('ACSRecordings(formattypes = dynamic(["WAV"]))'))).toEqual(["rec-b1", "rec-b2", "rec-c1", "rec-g1"]);
    expect(ids(run('ACSRecordings(contenttypes = dynamic(["audiovideo"]))'))).toEqual(["rec-a1", "rec-f1"]);
    expect(ids(run('ACSRecordings(channeltypes = dynamic(["unmixed"]))'))).toEqual(["rec-c1"]);
    expect(ids(run("ACSRecordings(correlationid = 'call-b')"))).toEqual(["rec-b1", "rec-b2"]);
  });

  it("must return no rows for a fictitious filter value", () => {
    expect(run('ACSRecordings(formattypes = dynamic(["ogg"]))')).toEqual([]);
    expect(run("ACSRecordings(correlationid = 'no-such-call')")).toEqual([]);
  });
});

describe("ACSRecordingsPerCall", () => {
  it("must return one row per call with the defaults (a redial is its own call)", () => {
    expect(
      run("ACSRecordingsPerCall()")
        .map((r) => r.CorrelationId)
        .sort(),
    ).toEqual(["call-a", "call-b", "call-c", "call-d", "call-e", "call-f", "call-g", "call-h"]);
  });

  it("must sum a stop-and-restart call's recordings", () => {
    const b = run(`ACSRecordingsPerCall(${W})`).find((r) => r.CorrelationId === "call-b")!;
    // b1 300 s + b2 240.5 s = 540.5 s; first start 09:00:00, last end 09:14:00.5
    expect(b).toMatchObject({ Recordings: 2, RecordedSeconds: 540.5, AbnormalEnds: 0 });
    expect(ms(b.FirstStart)).toBe(Date.UTC(2024, 4, 1, 9));
    expect(ms(b.LastEnd)).toBe(Date.UTC(2024, 4, 1, 9, 14, 0, 500));
    expect(sortedSet(b.Formats)).toEqual(["wav"]);
    expect(sortedSet(b.EndReasons)).toEqual(["CallEnded", "InitiatorLeft"]);
  });

  it("must count the dropped call's abnormal end and not its redial's", () => {
    const rows = Object.fromEntries(run(`ACSRecordingsPerCall(${W})`).map((r) => [r.CorrelationId, r]));
    expect(Object.keys(rows).sort()).toEqual(["call-a", "call-b", "call-c", "call-d", "call-e", "call-f"]);
    expect(rows["call-d"]).toMatchObject({ Recordings: 1, RecordedSeconds: 45.25, AbnormalEnds: 1 });
    expect(rows["call-e"]).toMatchObject({ Recordings: 1, RecordedSeconds: 360, AbnormalEnds: 0 });
    // the duplicated rec-f1 counts once
    expect(rows["call-f"]).toMatchObject({ Recordings: 1, RecordedSeconds: 3000 });
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    // [09:16, 12:02): S3 (b2, 09:16) in, S4 (c1, 10:31) in, S5 (d1, 12:02) out
    const rows = run("ACSRecordingsPerCall(datetime(2024-05-01T09:16:00Z), datetime(2024-05-01T12:02:00Z))");
    expect(rows.map((r) => [r.CorrelationId, r.Recordings, r.RecordedSeconds]).sort()).toEqual([
      ["call-b", 1, 240.5],
      ["call-c", 1, 1500],
    ]);
  });

  it("must filter by format and return nothing for a fictitious one", () => {
    // mp3: d1, e1, h1
    expect(
      run('ACSRecordingsPerCall(formattypes = dynamic(["mp3"]))')
        .map((r) => r.CorrelationId)
        .sort(),
    ).toEqual(["call-d", "call-e", "call-h"]);
    expect(run('ACSRecordingsPerCall(formattypes = dynamic(["flac"]))')).toEqual([]);
  });
});

describe("ACSRecordingEndReasons", () => {
  it("must count recordings, calls and seconds per reason in W, most frequent first", () => {
    expect(run(`ACSRecordingEndReasons(${W})`)).toEqual([
      // CallEnded: a1 540 + b2 240.5 + c1 1500 + e1 360 + f1 3000 = 5640.5 s, calls a b c e f
      { RecordingEndReason: "CallEnded", IsAbnormalEnd: false, Recordings: 5, Calls: 5, RecordedSeconds: 5640.5 },
      // one recording each: ordered by name, InitiatorLeft (b1) before RecordingFailed (d1)
      { RecordingEndReason: "InitiatorLeft", IsAbnormalEnd: false, Recordings: 1, Calls: 1, RecordedSeconds: 300 },
      { RecordingEndReason: "RecordingFailed", IsAbnormalEnd: true, Recordings: 1, Calls: 1, RecordedSeconds: 45.25 },
    ]);
  });

  it("must include the rows outside W with the defaults", () => {
    const rows = Object.fromEntries(run("ACSRecordingEndReasons()").map((r) => [r.RecordingEndReason, r]));
    // + h1 (CallEnded, 120 s): 5640.5 + 120 = 5760.5; + g1 ServiceError 660 s
    expect(rows.CallEnded).toMatchObject({ Recordings: 6, Calls: 6, RecordedSeconds: 5760.5 });
    expect(rows.ServiceError).toMatchObject({ Recordings: 1, IsAbnormalEnd: true, RecordedSeconds: 660 });
  });

  it("must filter by format and return nothing for a fictitious one", () => {
    // mp3 in W: d1 RecordingFailed 45.25, e1 CallEnded 360
    expect(
      run(`ACSRecordingEndReasons(${W}, formattypes = dynamic(["mp3"]))`).map((r) => [
        r.RecordingEndReason,
        r.RecordedSeconds,
      ]),
    ).toEqual([
      ["CallEnded", 360],
      ["RecordingFailed", 45.25],
    ]);
    expect(run(`ACSRecordingEndReasons(${W}, contenttypes = dynamic(["Hologram"]))`)).toEqual([]);
  });
});

describe("ACSRecordingLengthStats", () => {
  it("must give length statistics per content type and format in W", () => {
    const rows = run(`ACSRecordingLengthStats(${W})`);
    expect(
      rows.map((r) => [r.ContentType, r.FormatType, r.Recordings, r.TotalSeconds, r.MinSeconds, r.MaxSeconds]),
    ).toEqual([
      // Audio/mp3: d1 45.25, e1 360 -> total 405.25
      ["Audio", "mp3", 2, 405.25, 45.25, 360],
      // Audio/wav: b1 300, b2 240.5, c1 1500 -> total 2040.5
      ["Audio", "wav", 3, 2040.5, 240.5, 1500],
      // AudioVideo/mp4: a1 540, f1 3000 -> total 3540
      ["AudioVideo", "mp4", 2, 3540, 540, 3000],
    ]);
    // averages: 405.25 / 2 = 202.625; 2040.5 / 3 = 680.1666...; 3540 / 2 = 1770
    expect(rows.map((r) => r.AvgSeconds as number)).toEqual([202.625, expect.closeTo(680.1667, 3), 1770]);
    // nearest-rank median of [240.5, 300, 1500] is the 2nd value; p95 rank ceil(0.95 * 3) = 3
    expect([rows[1].P50Seconds, rows[1].P95Seconds]).toEqual([300, 1500]);
  });

  it("must keep starttime inclusive and endtime exclusive", () => {
    // [2024-05-01T15:05, 2024-05-02T00:00): only S8 (rec-f1 at 15:05); S9 at the end is out
    expect(
      run("ACSRecordingLengthStats(datetime(2024-05-01T15:05:00Z), datetime(2024-05-02T00:00:00Z))").map((r) => [
        r.ContentType,
        r.Recordings,
        r.TotalSeconds,
      ]),
    ).toEqual([["AudioVideo", 1, 3000]]);
  });

  it("must filter by channel and return nothing for a fictitious one", () => {
    expect(
      run('ACSRecordingLengthStats(channeltypes = dynamic(["UNMIXED"]))').map((r) => [
        r.FormatType,
        r.Recordings,
        r.TotalSeconds,
      ]),
    ).toEqual([["wav", 1, 1500]]);
    expect(run('ACSRecordingLengthStats(channeltypes = dynamic(["stereo"]))')).toEqual([]);
  });
});
