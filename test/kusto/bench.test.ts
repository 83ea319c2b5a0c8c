import { describe, expect, it } from "vitest";
import { benchOnce, handLoop, summaryRows, windowOf } from "../../src/cli/bench";
import "./helpers";

describe("bench", () => {
  it("must generate the same rows for the same size", () => {
    const a = summaryRows(500);
    const b = summaryRows(500);
    expect(a).toHaveLength(500);
    expect(a.map((r) => r.RecordingId)).toEqual(b.map((r) => r.RecordingId));
  }, 60_000);

  it("must compute the hand loop's groups like Kusto: inclusive window, nulls skipped, nearest-rank p95", () => {
    const h = 3_600_000;
    const rows = [
      { TimeGenerated: 0, FormatType: "mp4", RecordingLength: 10 },
      { TimeGenerated: 1000, FormatType: "mp4", RecordingLength: 30 },
      { TimeGenerated: 2000, FormatType: "mp4", RecordingLength: null },
      { TimeGenerated: h, FormatType: "wav", RecordingLength: 5 },
      { TimeGenerated: h + 1, FormatType: "wav", RecordingLength: 7 },
    ];
    // Window [0, h] keeps the first four rows (h + 1 is out). mp4: count 3, sum 40, p95 rank ceil(0.95*2) = 2 → 30. wav: count 1, sum 5, p95 5.
    expect(handLoop(rows, 0, h)).toEqual([
      { TimeGenerated: 0, FormatType: "mp4", count_: 3, sum_RecordingLength: 40, percentile_RecordingLength_95: 30 },
      { TimeGenerated: h, FormatType: "wav", count_: 1, sum_RecordingLength: 5, percentile_RecordingLength_95: 5 },
    ]);
  });

  it("must agree with the evaluator on generated rows", () => {
    const r = benchOnce(3000, 1);
    expect(r.rows).toBe(3000);
    expect(r.groups).toBeGreaterThan(10);
    const rows = summaryRows(3000);
    const [from, to] = windowOf(rows);
    expect(from).toBeLessThan(to);
  }, 120_000);
});
