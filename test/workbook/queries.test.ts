import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataDir, tablesFromRows } from "../../src/data";
import { analyze, runQuery, toJsonRows } from "../../src/kusto";
import { acsCatalog } from "../../src/schema/catalog";
import {
  buildWorkbook,
  defaultParameterValues,
  drillSpecs,
  kqlSources,
  type ParameterValue,
  substituteParameters,
} from "../../src/workbook";
import { declaredParameters, queryItems } from "../../src/workbook/walk";

// The scenario fixture's window W = [2024-05-01, 2024-05-02) as a custom range, binned every 6 hours (see test/fixtures/scenario/README.md).
const tables = loadDataDir(join(__dirname, "..", "fixtures", "scenario"));
// The two-resources fixture (test/fixtures/two-resources/README.md), loaded once for the three blocks that read it.
const two = loadDataDir(join(__dirname, "..", "fixtures", "two-resources"));
const workbook = buildWorkbook();
const start = Date.UTC(2024, 4, 1);
const end = Date.UTC(2024, 4, 2);
const sixHours = 6 * 3_600_000;
const W: ParameterValue = { kind: "timeRange", startMs: start, endMs: end, grainMs: sixHours };

function values(overrides: Record<string, ParameterValue> = {}): Record<string, ParameterValue> {
  return defaultParameterValues(workbook, { nowMs: end, workspace: "ws", overrides: { TimeRange: W, ...overrides } });
}

/** A multi-select picked as a user would, keeping the parameter's own quote and delimiter. */
function picked(name: string, selected: string[]): ParameterValue {
  const base = values()[name];
  if (base.kind !== "multi") throw new Error(`${name} is not a multi-select`);
  return { ...base, selected };
}

function kqlOf(name: string, overrides: Record<string, ParameterValue> = {}): string {
  const item = queryItems(workbook).find((i) => i.name === name);
  if (!item) throw new Error(`no query item ${name}`);
  return substituteParameters(item.content.query, values(overrides));
}

function rows(name: string, overrides: Record<string, ParameterValue> = {}, data = tables): Record<string, unknown>[] {
  return toJsonRows(runQuery(kqlOf(name, overrides), data, { ...acsCatalog, now: end }));
}

// toJsonRows writes datetimes with 7 fraction digits.
const iso = (h: number) => `2024-05-01T${String(h).padStart(2, "0")}:00:00.0000000Z`;
const byKey = (list: Record<string, unknown>[], key: string) =>
  [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

describe("every workbook query", () => {
  it("must pass Microsoft's analyzer with the saved functions declared", () => {
    for (const source of kqlSources()) {
      const errors = analyze(source.kql, acsCatalog).filter((d) => d.severity === "error");
      expect(errors, source.file).toEqual([]);
    }
  }, 60_000);

  it("must run through the local evaluator on the scenario fixture", () => {
    for (const item of queryItems(workbook)) {
      const kql = substituteParameters(
        item.content.query,
        values({ SelectedCallId: { kind: "text", value: "call-b" } }),
      );
      expect(() => runQuery(kql, tables, { ...acsCatalog, now: end }), item.name).not.toThrow();
    }
  }, 60_000);

  it("must list the filter values found in W in the multi-select dropdowns", () => {
    const options = Object.fromEntries(
      declaredParameters(workbook).flatMap((p) =>
        p.type === 2 && p.query
          ? [
              [
                p.name,
                toJsonRows(runQuery(substituteParameters(p.query, values()), tables, acsCatalog)).map(
                  (r) => Object.values(r)[0],
                ),
              ],
            ]
          : [],
      ),
    );
    // S4 "Unmixed"/"WAV" normalise to lower case; S1/S7 "Audio - Video" to AudioVideo, S6 "Audio Only" to Audio
    expect(options).toEqual({
      // All, then each resource seen in W, lower-cased as Log Analytics stores _ResourceId
      Resource: [
        "*",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-acs/providers/microsoft.communication/communicationservices/acs-scenario",
      ],
      ContentType: ["Audio", "AudioVideo"],
      FormatType: ["mp3", "mp4", "wav"],
      ChannelType: ["mixed", "unmixed"],
      Operation: ["PauseCallRecording", "ResumeCallRecording", "StartCallRecording", "StopCallRecording"],
      // U1-U11 in W (U12 is at W's end)
      UsageType: ["CallRecording", "CallingAudio", "CallingVideo", "SMS"],
    });
  });
});

describe("overview tiles", () => {
  it("must compare W with the day before it", () => {
    const tiles = rows("overview-tiles");
    // Previous period [Apr 30, May 1): recordings S10 only (120 s, CallEnded, call-h); operations O1 only (succeeded).
    // Recordings 7 vs 1: (7-1)/1 = +600%. Calls a-f = 6 vs h = 1: +500%.
    // Hours 5985.75/3600 = 1.6627 vs 120/3600 = 0.0333: (5985.75-120)/120 = +4888.1%.
    // Average 5985.75/7 = 855.107 vs 120: (855.107-120)/120 = +612.6%.
    // P95 of [45.25, 240.5, 300, 360, 540, 1500, 3000]: rank ceil(0.95*7) = 7 -> 3000 vs 120: +2400%.
    // Abnormal: S5 RecordingFailed, 1/7 = 14.29% vs 0/1. Failures O2, O8, O10, O13: 4/17 = 23.53% vs 0/1.
    expect(tiles).toEqual([
      { Order: 1, Metric: "Recordings", Value: 7, Previous: 1, Change: "+600% vs previous period" },
      { Order: 2, Metric: "Calls recorded", Value: 6, Previous: 1, Change: "+500% vs previous period" },
      { Order: 3, Metric: "Recorded hours", Value: 1.66, Previous: 0.03, Change: "+4888.1% vs previous period" },
      { Order: 4, Metric: "Average length (s)", Value: 855.11, Previous: 120, Change: "+612.6% vs previous period" },
      { Order: 5, Metric: "P95 length (s)", Value: 3000, Previous: 120, Change: "+2400% vs previous period" },
      { Order: 6, Metric: "Abnormal end rate (%)", Value: 14.29, Previous: 0, Change: "previous period: 0" },
      { Order: 7, Metric: "Operation failure rate (%)", Value: 23.53, Previous: 0, Change: "previous period: 0" },
    ]);
  });
});

describe("recordings tab", () => {
  it("must count recordings and recorded hours per 6-hour bin, an empty bin as zero", () => {
    // 00h: a1 (S1 at 00:00); 06h: b1 09:06, b2 09:16, c1 10:31; 12h: d1 12:02, e1 12:10, f1 (S8 15:05, its S7 duplicate dropped);
    // 18h: none (S9 at exactly 24:00 is outside W), shown as 0
    expect(rows("recordings-per-bin")).toEqual([
      { TimeGenerated: iso(0), Recordings: 1 },
      { TimeGenerated: iso(6), Recordings: 3 },
      { TimeGenerated: iso(12), Recordings: 3 },
      { TimeGenerated: iso(18), Recordings: 0 },
    ]);
    // 540/3600 = 0.15; (300 + 240.5 + 1500)/3600 = 0.5668; (45.25 + 360 + 3000)/3600 = 0.9459
    expect(rows("recorded-hours-per-bin")).toEqual([
      { TimeGenerated: iso(0), RecordedHours: 0.15 },
      { TimeGenerated: iso(6), RecordedHours: 0.567 },
      { TimeGenerated: iso(12), RecordedHours: 0.946 },
      { TimeGenerated: iso(18), RecordedHours: 0 },
    ]);
  });

  it("must split recordings by format, channel type and content type", () => {
    // mp4: a1 540 + f1 3000 = 3540 s = 0.983 h; wav: b1, b2, c1 = 2040.5 s = 0.567 h; mp3: d1, e1 = 405.25 s = 0.113 h
    expect(byKey(rows("recordings-by-format"), "FormatType")).toEqual([
      { FormatType: "mp3", Recordings: 2, RecordedHours: 0.113 },
      { FormatType: "mp4", Recordings: 2, RecordedHours: 0.983 },
      { FormatType: "wav", Recordings: 3, RecordedHours: 0.567 },
    ]);
    // unmixed: c1 1500 s = 0.417 h; mixed: the other six, 5985.75 - 1500 = 4485.75 s = 1.246 h
    expect(byKey(rows("recordings-by-channel"), "ChannelType")).toEqual([
      { ChannelType: "mixed", Recordings: 6, RecordedHours: 1.246 },
      { ChannelType: "unmixed", Recordings: 1, RecordedHours: 0.417 },
    ]);
    // AudioVideo: a1, f1 = 3540 s; Audio: b1, b2, c1, d1, e1 = 2445.75 s = 0.679 h
    expect(byKey(rows("recordings-by-content"), "ContentType")).toEqual([
      { ContentType: "Audio", Recordings: 5, RecordedHours: 0.679 },
      { ContentType: "AudioVideo", Recordings: 2, RecordedHours: 0.983 },
    ]);
  });

  it("must count end reasons and flag the abnormal ones", () => {
    // CallEnded: a1, b2, c1, e1, f1; InitiatorLeft: b1; RecordingFailed: d1 (abnormal). S9's ServiceError is outside W.
    expect(byKey(rows("recording-end-reasons"), "RecordingEndReason")).toEqual([
      { RecordingEndReason: "CallEnded", Recordings: 5, Abnormal: 0 },
      { RecordingEndReason: "InitiatorLeft", Recordings: 1, Abnormal: 0 },
      { RecordingEndReason: "RecordingFailed", Recordings: 1, Abnormal: 1 },
    ]);
  });

  it("must show every end reason as logged with how it is judged, and follow the NormalEndReasons parameter", () => {
    expect(rows("recording-end-reasons-raw")).toEqual([
      // CallEnded a1 540 + b2 240.5 + c1 1500 + e1 360 + f1 3000 = 5640.5 s = 1.567 h
      {
        RecordingEndReason: "CallEnded",
        Judged: "normal (in Normal end reasons)",
        Recordings: 5,
        Calls: 5,
        RecordedHours: 1.567,
      },
      // b1 300 s = 0.083 h; d1 45.25 s = 0.013 h
      {
        RecordingEndReason: "InitiatorLeft",
        Judged: "normal (in Normal end reasons)",
        Recordings: 1,
        Calls: 1,
        RecordedHours: 0.083,
      },
      { RecordingEndReason: "RecordingFailed", Judged: "abnormal", Recordings: 1, Calls: 1, RecordedHours: 0.013 },
    ]);
    // a user who counts only CallEnded as normal (typed with spaces and another case) sees b1 turn abnormal
    const onlyCallEnded = rows("recording-end-reasons-raw", {
      NormalEndReasons: { kind: "text", value: " callended " },
    });
    expect(onlyCallEnded.map((r) => [r.RecordingEndReason, r.Judged])).toEqual([
      ["CallEnded", "normal (in Normal end reasons)"],
      ["InitiatorLeft", "abnormal"],
      ["RecordingFailed", "abnormal"],
    ]);
  });

  it("must bucket lengths and give nearest-rank percentiles", () => {
    // 45.25 < 60; 240.5 < 300; 300, 360, 540 in [300, 900); 1500 in [900, 1800); 3000 in [1800, 3600)
    expect(rows("recording-length-histogram")).toEqual([
      { Length: "< 1 min", Recordings: 1 },
      { Length: "1-5 min", Recordings: 1 },
      { Length: "5-15 min", Recordings: 3 },
      { Length: "15-30 min", Recordings: 1 },
      { Length: "30-60 min", Recordings: 1 },
    ]);
    // sorted [45.25, 240.5, 300, 360, 540, 1500, 3000]: p50 rank ceil(3.5) = 4 -> 360; p90 ceil(6.3) = 7 -> 3000
    expect(rows("recording-length-percentiles")).toEqual([
      { Recordings: 7, Average: 855.1, P50: 360, P90: 3000, P95: 3000, P99: 3000, Longest: 3000 },
    ]);
  });

  it("must count calls by how many recordings they produced", () => {
    // call-b stopped and restarted (b1, b2); a, c, d, e, f one each (the redial call-e is its own call)
    expect(rows("recordings-per-call")).toEqual([
      { RecordingsPerCall: 1, Calls: 5 },
      { RecordingsPerCall: 2, Calls: 1 },
    ]);
    const b = rows("calls-grid").find((r) => r.CorrelationId === "call-b");
    // (300 + 240.5)/60 = 9.0083 -> 9.0 minutes
    expect(b).toMatchObject({ Recordings: 2, RecordedMinutes: 9, AbnormalEnds: 0 });
  });

  it("must list the latest recording first in the grid that drives the call timeline", () => {
    const grid = rows("recordings-grid");
    expect(grid).toHaveLength(7);
    expect(grid[0]).toMatchObject({
      RecordingId: "rec-f1",
      CorrelationId: "call-f",
      TimeGenerated: "2024-05-01T15:05:00.0000000Z",
    });
    const timeline = rows("call-timeline", { SelectedCallId: { kind: "text", value: "call-b" } });
    // call-b in time order: O3 08:59:58, b1 starts 09:00, O4 09:05 and b1 ends 09:00 + 300 s (operation first on a tie),
    // O5 09:09:58, b2 starts 09:10, b2 ends 09:10 + 240.5 s = 09:14:00.5
    expect(timeline.map((r) => [r.Event, r.RecordingId])).toEqual([
      ["StartCallRecording", ""],
      ["RecordingStarted", "rec-b1"],
      ["StopCallRecording", ""],
      ["RecordingEnded", "rec-b1"],
      ["StartCallRecording", ""],
      ["RecordingStarted", "rec-b2"],
      ["RecordingEnded", "rec-b2"],
    ]);
  });

  it("must keep a hostile selected call id inside its string literal", () => {
    for (const value of [`call-b' or CorrelationId != '`, `call-b\\' | take 0 //`, `call-b"\n| where false`]) {
      const kql = kqlOf("call-timeline", { SelectedCallId: { kind: "text", value } });
      expect(
        analyze(kql, acsCatalog).filter((d) => d.severity === "error"),
        value,
      ).toEqual([]);
      // no CorrelationId equals the hostile text, so nothing of call-b leaks out
      expect(rows("call-timeline", { SelectedCallId: { kind: "text", value } }), value).toEqual([]);
    }
  }, 60_000);

  it("must honour a multi-select filter", () => {
    // wav: b1, b2, c1, all in the 06:00 bin; the other three bins are zeros
    expect(rows("recordings-per-bin", { FormatType: picked("FormatType", ["wav"]) }).map((r) => r.Recordings)).toEqual([
      0, 3, 0, 0,
    ]);
    // AudioVideo: a1, f1, both mp4
    expect(rows("recordings-by-format", { ContentType: picked("ContentType", ["AudioVideo"]) })).toEqual([
      { FormatType: "mp4", Recordings: 2, RecordedHours: 0.983 },
    ]);
  });
});

describe("operations tab", () => {
  it("must give the failure rate per 6-hour bin", () => {
    // 00h: O2 failed, 1/1; 06h: O3-O11, failures O8, O10: 2/9 = 22.22%; 12h: O12-O17, failure O13: 1/6 = 16.67%; 18h: O18, 0/1
    expect(rows("failure-rate")).toEqual([
      { TimeGenerated: iso(0), FailureRatePct: 100 },
      { TimeGenerated: iso(6), FailureRatePct: 22.22 },
      { TimeGenerated: iso(12), FailureRatePct: 16.67 },
      { TimeGenerated: iso(18), FailureRatePct: 0 },
    ]);
  });

  it("must give requests, failures and nearest-rank latency percentiles per operation", () => {
    // Start: 90,100,100,120,130,140,150,2500 (O10 failed): p50 rank 4 -> 120, p95 rank ceil(7.6) = 8 -> 2500
    // Stop: 40,80,95,1800 (O2, O13 failed): p50 rank 2 -> 80, p95 rank ceil(3.8) = 4 -> 1800
    // Pause: 30,55,60 (O8 failed): p50 rank 2 -> 55, p95 rank 3 -> 60; Resume: 65,70: p50 rank 1 -> 65, p95 rank 2 -> 70
    expect(byKey(rows("latency-by-operation"), "OperationName")).toEqual([
      {
        OperationName: "PauseCallRecording",
        Requests: 3,
        Failures: 1,
        P50: 55,
        P95: 60,
        P99: 60,
        FailureRatePct: 33.33,
      },
      { OperationName: "ResumeCallRecording", Requests: 2, Failures: 0, P50: 65, P95: 70, P99: 70, FailureRatePct: 0 },
      {
        OperationName: "StartCallRecording",
        Requests: 8,
        Failures: 1,
        P50: 120,
        P95: 2500,
        P99: 2500,
        FailureRatePct: 12.5,
      },
      {
        OperationName: "StopCallRecording",
        Requests: 4,
        Failures: 2,
        P50: 80,
        P95: 1800,
        P99: 1800,
        FailureRatePct: 50,
      },
    ]);
  });

  it("must count failures by HTTP status and list the latest failures first", () => {
    expect(byKey(rows("failures-by-status"), "Status")).toEqual([
      { Status: "404 (4xx)", OperationName: "StopCallRecording", Failures: 1 },
      { Status: "409 (4xx)", OperationName: "PauseCallRecording", Failures: 1 },
      { Status: "500 (5xx)", OperationName: "StartCallRecording", Failures: 1 },
      { Status: "502 (5xx)", OperationName: "StopCallRecording", Failures: 1 },
    ]);
    // O13 12:09, O10 11:59:58, O8 10:12, O2 00:00 (O15 has no status and succeeded: not a failure)
    expect(rows("latest-errors").map((r) => [r.OperationName, r.HttpStatus])).toEqual([
      ["StopCallRecording", 404],
      ["StartCallRecording", 500],
      ["PauseCallRecording", 409],
      ["StopCallRecording", 502],
    ]);
  });

  it("must break requests down by SDK and by caller IP", () => {
    const bySdk: Record<string, [number, number]> = {};
    for (const r of rows("sdk-breakdown")) {
      const [req, fail] = bySdk[String(r.SdkType)] ?? [0, 0];
      bySdk[String(r.SdkType)] = [req + Number(r.Requests), fail + Number(r.Failures)];
    }
    // dotnet O2, O14-O18 (O2 failed); java O3-O5; js O6-O9 (O8 failed); python O10-O13 (O10, O13 failed)
    expect(bySdk).toEqual({ dotnet: [6, 1], java: [3, 0], js: [4, 1], python: [4, 2] });
    // every row comes from 203.0.113.10, so it is rank 1 of each operation
    expect(rows("caller-ips").map((r) => [r.OperationName, r.Rank, r.CallerIpAddress, r.Requests])).toEqual([
      ["PauseCallRecording", 1, "203.0.113.10", 3],
      ["ResumeCallRecording", 1, "203.0.113.10", 2],
      ["StartCallRecording", 1, "203.0.113.10", 8],
      ["StopCallRecording", 1, "203.0.113.10", 4],
    ]);
  });

  it("must keep only the five busiest caller IPs of each operation, ties broken by address", () => {
    // StartCallRecording from .1 x5, .2 x4, .3 x3, .4 x3, .5 x2, .6 x1, .7 x1; StopCallRecording from .9 x1
    const counts: [string, string, number][] = [
      ["StartCallRecording", "10.0.0.1", 5],
      ["StartCallRecording", "10.0.0.2", 4],
      ["StartCallRecording", "10.0.0.3", 3],
      ["StartCallRecording", "10.0.0.4", 3],
      ["StartCallRecording", "10.0.0.5", 2],
      ["StartCallRecording", "10.0.0.6", 1],
      ["StartCallRecording", "10.0.0.7", 1],
      ["StopCallRecording", "10.0.0.9", 1],
    ];
    const operationRows = counts.flatMap(([OperationName, CallerIpAddress, n]) =>
      Array.from({ length: n }, (_, i) => ({
        TimeGenerated: `2024-05-01T10:0${i}:00Z`,
        OperationName,
        CallerIpAddress,
        ResultSignature: 200,
        ResultType: "Succeeded",
        DurationMs: 100,
      })),
    );
    const data = tablesFromRows({ ACSCallRecordingIncomingOperations: operationRows });
    // .3 and .4 tie at 3: .3 sorts first, so ranks 3 and 4; .5 is fifth; .6 and .7 are cut
    expect(rows("caller-ips", {}, data).map((r) => [r.OperationName, r.Rank, r.CallerIpAddress, r.Requests])).toEqual([
      ["StartCallRecording", 1, "10.0.0.1", 5],
      ["StartCallRecording", 2, "10.0.0.2", 4],
      ["StartCallRecording", 3, "10.0.0.3", 3],
      ["StartCallRecording", 4, "10.0.0.4", 3],
      ["StartCallRecording", 5, "10.0.0.5", 2],
      ["StopCallRecording", 1, "10.0.0.9", 1],
    ]);
  });
});

describe("usage tab", () => {
  it("must total quantity by usage type and unit over W", () => {
    // CallRecording: 9 + 5 + 4 + 25 + 0.75 + 6 + 50 = 99.75 (U1-U3, U5, U7-U9); CallingVideo U10 62; CallingAudio U4 + U6 = 47; SMS U11 3
    expect(rows("usage-totals")).toEqual([
      { UsageType: "CallRecording", UnitType: "Minute", Quantity: 99.75, Records: 7 },
      { UsageType: "CallingVideo", UnitType: "Minute", Quantity: 62, Records: 1 },
      { UsageType: "CallingAudio", UnitType: "Minute", Quantity: 47, Records: 2 },
      { UsageType: "SMS", UnitType: "Message", Quantity: 3, Records: 1 },
    ]);
  });

  it("must bin recording minutes by 6 hours", () => {
    const recording = rows("usage-over-time").filter((r) => r.Usage === "CallRecording (Minute)");
    // 00h: U1 9; 06h: U2 5 + U3 4 + U5 25 = 34; 12h: U7 0.75 + U8 6 + U9 50 = 56.75
    expect(recording).toEqual([
      { TimeGenerated: iso(0), Usage: "CallRecording (Minute)", Quantity: 9 },
      { TimeGenerated: iso(6), Usage: "CallRecording (Minute)", Quantity: 34 },
      { TimeGenerated: iso(12), Usage: "CallRecording (Minute)", Quantity: 56.75 },
      { TimeGenerated: iso(18), Usage: "CallRecording (Minute)", Quantity: 0 },
    ]);
  });
});

describe("resource parameter (two-resources fixture)", () => {
  // X = [2024-06-01, 2024-06-02), see test/fixtures/two-resources/README.md
  const X: ParameterValue = {
    kind: "timeRange",
    startMs: Date.UTC(2024, 5, 1),
    endMs: Date.UTC(2024, 5, 2),
    grainMs: 3_600_000,
  };
  const prefix =
    "/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/rg-acs/providers/microsoft.communication/communicationservices";
  const resource = (id: string): Record<string, ParameterValue> => ({
    TimeRange: X,
    Resource: { kind: "text", value: id },
  });

  it("must list All and each resource that sent logs, lower-cased and labelled by name", () => {
    const p = declaredParameters(workbook).find((d) => d.name === "Resource")!;
    if (p.type !== 2 || !p.query) throw new Error("Resource must be a query dropdown");
    const options = toJsonRows(runQuery(substituteParameters(p.query, values({ TimeRange: X })), two, acsCatalog));
    expect(options).toEqual([
      { Value: "*", Label: "All ACS resources in this workspace" },
      { Value: `${prefix}/acs-alpha`, Label: "acs-alpha" },
      { Value: `${prefix}/acs-beta`, Label: "acs-beta" },
    ]);
  });

  it("must show all resources with '*' and one resource's numbers when picked", () => {
    // all: wav rec-1 600 s + rec-3 900 s = 0.417 h; mp4 rec-2 300 s = 0.083 h; mp3 rec-4 120 s = 0.033 h
    expect(byKey(rows("recordings-by-format", resource("*"), two), "FormatType")).toEqual([
      { FormatType: "mp3", Recordings: 1, RecordedHours: 0.033 },
      { FormatType: "mp4", Recordings: 1, RecordedHours: 0.083 },
      { FormatType: "wav", Recordings: 2, RecordedHours: 0.417 },
    ]);
    // acs-alpha: rec-1 (wav, 600 s = 0.167 h) and rec-2 (mp4)
    expect(byKey(rows("recordings-by-format", resource(`${prefix}/acs-alpha`), two), "FormatType")).toEqual([
      { FormatType: "mp4", Recordings: 1, RecordedHours: 0.083 },
      { FormatType: "wav", Recordings: 1, RecordedHours: 0.167 },
    ]);
    // acs-beta's starts: P6, P7 (500), P8 (Failed, no status), P9 = 4 requests, 2 failures
    const beta = rows("latency-by-operation", resource(`${prefix}/acs-beta`), two);
    expect(beta.map((r) => [r.OperationName, r.Requests, r.Failures])).toEqual([["StartCallRecording", 4, 2]]);
  });
});

describe("drill-downs (scenario fixture, W binned by 6 hours)", () => {
  const click = (clicks: Record<string, string>) =>
    Object.fromEntries(Object.entries(clicks).map(([k, v]) => [k, { kind: "text", value: v } as ParameterValue]));
  const ids = (list: Record<string, unknown>[], key = "RecordingId") => list.map((r) => String(r[key])).sort();

  it("must give every chart that exports a click a grid of its records, hidden until the click", () => {
    for (const spec of drillSpecs) {
      const grid = queryItems(workbook).find((i) => i.name === spec.grid)!;
      expect(grid.conditionalVisibility, spec.grid).toEqual({
        parameterName: spec.filters[0].parameter,
        comparison: "isNotEqualTo",
        value: "",
      });
      for (const chart of spec.charts) {
        const item = queryItems(workbook).find((i) => i.name === chart.item)!;
        expect(
          item.content.exportedParameters?.map((e) => [e.fieldName, e.parameterName]),
          chart.item,
        ).toEqual(chart.exports.map((e) => [e.field, e.parameter]));
      }
    }
    expect(drillSpecs.map((d) => d.grid)).toEqual([
      "recordings-in-bin",
      "recordings-of-format",
      "recordings-of-channel",
      "recordings-of-content",
      "recordings-of-end-reason",
      "requests-in-bin",
      "failures-in-bin",
      "failures-of-status",
    ]);
  });

  it("must open the recordings of the clicked time bin with every column", () => {
    // bin [06:00, 12:00): b1 09:06, b2 09:16, c1 10:31 (the chart's 06:00 bar is 3)
    const grid = rows("recordings-in-bin", click({ ClickedBin: "2024-05-01T06:00:00.000Z" }));
    expect(ids(grid)).toEqual(["rec-b1", "rec-b2", "rec-c1"]);
    expect(grid.find((r) => r.RecordingId === "rec-c1")).toMatchObject({
      ChunkCount: 1,
      AudioChannelsCount: 4,
      Level: "Informational",
      ResultType: "Succeeded",
      ChannelType: "unmixed",
    });
  });

  it("must open the recordings of the clicked format, channel, content type and end reason", () => {
    expect(ids(rows("recordings-of-format", click({ ClickedFormat: "mp3" })))).toEqual(["rec-d1", "rec-e1"]);
    expect(ids(rows("recordings-of-channel", click({ ClickedChannel: "unmixed" })))).toEqual(["rec-c1"]);
    expect(ids(rows("recordings-of-content", click({ ClickedContent: "AudioVideo" })))).toEqual(["rec-a1", "rec-f1"]);
    expect(ids(rows("recordings-of-end-reason", click({ ClickedEndReason: "RecordingFailed" })))).toEqual(["rec-d1"]);
  });

  it("must open the requests of the clicked operation and bin, the failures of a bin and of a status bar", () => {
    // [12:00, 18:00) starts: O12 12:02:58, O14 13:59:58 (O10 and O11 fall in the 06:00 bin)
    const starts = rows(
      "requests-in-bin",
      click({ ClickedRequestBin: "2024-05-01T12:00:00.000Z", ClickedOperation: "StartCallRecording" }),
    );
    expect(starts.map((r) => [r.CorrelationId, r.HttpStatus])).toEqual([
      ["call-f", 200],
      ["call-e", 200],
    ]);
    // failures in [06:00, 12:00): O10 500 at 11:59:58, O8 409 at 10:12, newest first
    expect(
      rows("failures-in-bin", click({ ClickedFailureBin: "2024-05-01T06:00:00.000Z" })).map((r) => r.HttpStatus),
    ).toEqual([500, 409]);
    // the "502 (5xx)" bar of StopCallRecording: O2
    const status = rows(
      "failures-of-status",
      click({ ClickedStatus: "502 (5xx)", ClickedFailedOperation: "StopCallRecording" }),
    );
    expect(status.map((r) => [r.CorrelationId, r.DurationMs])).toEqual([["call-a", 1800]]);
  });
});

describe("time (two-resources fixture, hourly bins)", () => {
  const hours = (from: number, to: number): ParameterValue => ({
    kind: "timeRange",
    startMs: Date.UTC(2024, 5, 1, from),
    endMs: Date.UTC(2024, 5, 1, to),
    grainMs: 3_600_000,
  });

  it("must zero-fill the silent hours of every counting time chart", () => {
    // [00:00, 06:00) by the hour: rec-1 and rec-2 (R3, 01:45) at 01, rec-3 at 02, rec-4 at 05; 03 and 04 are silent
    expect(rows("recordings-per-bin", { TimeRange: hours(0, 6) }, two).map((r) => r.Recordings)).toEqual([
      0, 2, 1, 0, 0, 1,
    ]);
    // starts: P1 00:59; P4 01:29, P6 01:59; P7, P8 02:30-31; P9 04:59
    const starts = rows("requests-by-operation", { TimeRange: hours(0, 6) }, two).filter(
      (r) => r.OperationName === "StartCallRecording",
    );
    expect(starts.map((r) => r.Requests)).toEqual([1, 2, 2, 0, 1, 0]);
    // failures: 01 P2 of P2-P6 (1/5 = 20 %), 02 P7 and P8 (2/2), 03 nothing (0, not a gap)
    expect(rows("failure-rate", { TimeRange: hours(0, 6) }, two).map((r) => r.FailureRatePct)).toEqual([
      0, 20, 100, 0, 0, 0,
    ]);
  });

  it("must let a fixed granularity from 1 minute to 7 days override Auto", () => {
    const grains = declaredParameters(workbook).find((p) => p.name === "TimeGrain")!;
    if (grains.type !== 2 || !grains.jsonData) throw new Error("TimeGrain must be a static dropdown");
    expect((JSON.parse(grains.jsonData) as { value: string }[]).map((c) => c.value)).toEqual([
      "0",
      "1",
      "5",
      "10",
      "15",
      "30",
      "60",
      "120",
      "240",
      "720",
      "1440",
      "2880",
      "4320",
      "10080",
    ]);
    // 30-minute bins over [01:00, 03:00): rec-1 01:10 | rec-2 01:45 | 02:00-02:30 rec-3 02:20 | 02:30-03:00 none
    expect(
      rows("recordings-per-bin", { TimeRange: hours(1, 3), TimeGrain: { kind: "text", value: "30" } }, two).map(
        (r) => r.Recordings,
      ),
    ).toEqual([1, 1, 1, 0]);
  });

  it("must say UTC in every time chart's title", () => {
    for (const item of queryItems(workbook).filter((i) => i.content.visualization === "timechart"))
      expect(item.content.title, item.name).toMatch(/\(UTC\)/);
  });
});

describe("usage tab (two-resources fixture)", () => {
  const X: ParameterValue = {
    kind: "timeRange",
    startMs: Date.UTC(2024, 5, 1),
    endMs: Date.UTC(2024, 5, 2),
    grainMs: 86_400_000,
  };

  it("must list the usage types found and filter the totals by the ones picked, counting distinct records", () => {
    const p = declaredParameters(workbook).find((d) => d.name === "UsageType")!;
    if (p.type !== 2 || !p.query) throw new Error("UsageType must be a query dropdown");
    expect(
      toJsonRows(runQuery(substituteParameters(p.query, values({ TimeRange: X })), two, acsCatalog)).map(
        (r) => r.UsageType,
      ),
    ).toEqual(["CallRecording", "CallingAudio"]);
    // all: CallRecording 42 over 4 records (U2 repeats u-1), CallingAudio 12 over 1
    expect(rows("usage-totals", { TimeRange: X }, two)).toEqual([
      { UsageType: "CallRecording", UnitType: "Minute", Quantity: 42, Records: 4 },
      { UsageType: "CallingAudio", UnitType: "Minute", Quantity: 12, Records: 1 },
    ]);
    expect(
      rows(
        "usage-totals",
        {
          TimeRange: X,
          UsageType: {
            ...(values().UsageType as Extract<ParameterValue, { kind: "multi" }>),
            selected: ["CallingAudio"],
          },
        },
        two,
      ),
    ).toEqual([{ UsageType: "CallingAudio", UnitType: "Minute", Quantity: 12, Records: 1 }]);
  });
});
