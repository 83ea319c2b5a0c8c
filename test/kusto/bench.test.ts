import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceScript } from "../../src/bench/reference";
import { benchCatalog, compareRows, distinctShape, joinShape, summaryShape } from "../../src/bench/shapes";
import { ensureVolume, windowFor } from "../../src/bench/volumes";
import { inProcess, parseBenchArgs } from "../../src/cli/bench";
import { loadDataDir } from "../../src/data";
import { compileQuery, toJsonRows } from "../../src/kusto";

// Correctness of what `npm run bench` times. No timing is asserted here: targets live in the benchmark's own output.
const DAY = 864_000_000_000n; // ticks in a day
const root = fs.mkdtempSync(path.join(os.tmpdir(), "acs-bench-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("bench hand loops, worked by hand", () => {
  it("summarize: inclusive window, nulls skipped by sum and percentile, nearest-rank p95, daily bins", () => {
    const rows = [
      { TimeGenerated: 0n, ContentType: "Audio", RecordingLength: 10 },
      { TimeGenerated: 1000n, ContentType: "Audio", RecordingLength: 30 },
      { TimeGenerated: 2000n, ContentType: "Audio", RecordingLength: null },
      { TimeGenerated: DAY, ContentType: "Video", RecordingLength: 5 },
      { TimeGenerated: DAY + 1n, ContentType: "Video", RecordingLength: 7 },
    ];
    // Window [0, DAY] keeps the first four. Audio: 3 rows, sum 40, p95 at rank ceil(0.95*2) = 2 of [10, 30] = 30.
    expect(summaryShape.hand({ ACSCallRecordingSummary: rows }, { from: 0n, to: DAY })).toEqual([
      {
        TimeGenerated: 0n,
        ContentType: "Audio",
        count_: 3,
        sum_RecordingLength: 40,
        percentile_RecordingLength_95: 30,
      },
      { TimeGenerated: DAY, ContentType: "Video", count_: 1, sum_RecordingLength: 5, percentile_RecordingLength_95: 5 },
    ]);
  });

  it("join: every StartCallRecording meets every summary of its call; calls without a summary drop out", () => {
    const tables = {
      ACSCallRecordingSummary: [
        { CorrelationId: "c1", ContentType: "Audio", RecordingLength: 10 },
        { CorrelationId: "c1", ContentType: "Video", RecordingLength: 20 },
        { CorrelationId: "c2", ContentType: "Audio", RecordingLength: 5 },
      ],
      ACSCallRecordingIncomingOperations: [
        { CorrelationId: "c1", OperationName: "StartCallRecording", ResultType: "Succeeded" },
        { CorrelationId: "c1", OperationName: "StopCallRecording", ResultType: "Succeeded" },
        { CorrelationId: "c2", OperationName: "StartCallRecording", ResultType: "Failed" },
        { CorrelationId: "c3", OperationName: "StartCallRecording", ResultType: "Succeeded" },
      ],
    };
    expect(joinShape.hand(tables, { from: 0n, to: 0n })).toEqual([
      { ResultType: "Succeeded", ContentType: "Audio", count_: 1, sum_RecordingLength: 10 },
      { ResultType: "Succeeded", ContentType: "Video", count_: 1, sum_RecordingLength: 20 },
      { ResultType: "Failed", ContentType: "Audio", count_: 1, sum_RecordingLength: 5 },
    ]);
  });

  it("dcount/make_set: per call, sets skip nulls; then calls, multi-format calls, most end reasons, recordings", () => {
    const rows = [
      { CorrelationId: "c1", FormatType: "mp4", RecordingEndReason: "CallEnded" },
      { CorrelationId: "c1", FormatType: "wav", RecordingEndReason: "CallEnded" },
      { CorrelationId: "c2", FormatType: "mp4", RecordingEndReason: "ServiceError" },
      { CorrelationId: "c2", FormatType: "mp4", RecordingEndReason: "CallEnded" },
      { CorrelationId: "c3", FormatType: null, RecordingEndReason: null },
    ];
    // c1: {mp4, wav}, 1 reason; c2: {mp4}, 2 reasons; c3: {}, 0.
    expect(distinctShape.hand({ ACSCallRecordingSummary: rows }, { from: 0n, to: 0n })).toEqual([
      { calls: 3, multiFormat: 1, maxReasons: 2, recordings: 5 },
    ]);
  });

  it("must report the first difference between evaluator and hand rows, and accept float sums within 1e-9", () => {
    const a = [{ ResultType: "S", ContentType: "A", count_: 1, sum_RecordingLength: 0.1 + 0.2 }];
    expect(
      compareRows(joinShape, a, [{ ResultType: "S", ContentType: "A", count_: 1, sum_RecordingLength: 0.3 }]),
    ).toBeUndefined();
    expect(
      compareRows(joinShape, a, [{ ResultType: "S", ContentType: "A", count_: 2, sum_RecordingLength: 0.3 }]),
    ).toBe("group S|A count_: evaluator 1, hand loop 2");
  });
});

describe("bench data and runs", () => {
  const volume = ensureVolume(root, 3000);

  it("must window from the second day to 90% of the whole weeks the rows span", () => {
    // 3000 rows over a pool of 1000: 3 weeks = 21 days; 90% = day 18.
    const start = 17_672_256_000_000_000n; // 2026-01-01T00:00:00Z
    expect(windowFor(3000, 1000)).toEqual({ from: start + DAY, to: start + 18n * DAY });
  });

  it("must give the evaluator and the hand loops the same answers on generated rows", () => {
    const results = inProcess(loadDataDir(volume.dir), volume, 1);
    expect(results.map((r) => r.shape.name)).toEqual(["summarize", "join", "dcount/make_set"]);
  });

  it("must make the whole-process reference script print what the evaluator prints", () => {
    const script = path.join(root, "reference.js");
    fs.writeFileSync(script, referenceScript);
    const tables = loadDataDir(volume.dir);
    const iso = (t: bigint) => new Date(Number(t / 10_000n)).toISOString();
    for (const shape of [summaryShape, joinShape, distinctShape]) {
      const printed = execFileSync(
        process.execPath,
        [script, shape.name, volume.dir, iso(volume.window.from), iso(volume.window.to)],
        { encoding: "utf8" },
      );
      const evaluated = toJsonRows(compileQuery(shape.kql(volume.window), benchCatalog).run(tables)) as Record<
        string,
        never
      >[];
      expect(evaluated.length, shape.name).toBeGreaterThan(0);
      expect(compareRows(shape, evaluated, JSON.parse(printed)), shape.name).toBeUndefined();
    }
  });

  it("must reject bad arguments with the flag named", () => {
    expect(() => parseBenchArgs(["--rows"])).toThrow("--rows needs a value");
    expect(() => parseBenchArgs(["--rows", "1e6"])).toThrow('--rows "1e6" must be positive whole numbers');
    expect(() => parseBenchArgs(["--fast"])).toThrow('unexpected argument "--fast"');
    expect(parseBenchArgs(["--rows", "1_000", "--curve", "none"])).toMatchObject({ rows: 1000, curve: [] });
  });
});
