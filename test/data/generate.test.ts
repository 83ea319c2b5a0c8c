import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataset, loadDataDir, sampleDataDir, tablesFromRows } from "../../src/data";
import { generatedAbnormalEndReasons, generatedNormalEndReasons } from "../../src/data/generate";
import { renderDataset, renderSample } from "../../src/data/sample";
import { normalEndReasons } from "../../src/functions";

describe("generateDataset", () => {
  it("must give the same rows for the same seed and different rows for another seed", () => {
    const a = generateDataset({ seed: 7, calls: 50, start: "2024-05-01T00:00:00Z", days: 2 });
    const b = generateDataset({ seed: 7, calls: 50, start: "2024-05-01T00:00:00Z", days: 2 });
    const c = generateDataset({ seed: 8, calls: 50, start: "2024-05-01T00:00:00Z", days: 2 });
    expect(a).toEqual(b);
    expect(c.ACSCallRecordingSummary[0].RecordingId).not.toBe(a.ACSCallRecordingSummary[0].RecordingId);
  });

  it("must keep every recording inside the generated span and sorted by TimeGenerated", () => {
    const start = Date.UTC(2024, 4, 1);
    const d = generateDataset({ seed: 1, calls: 200, start, days: 1 });
    const starts = d.ACSCallRecordingSummary.map((r) => r.RecordingStartTime as number);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(start);
    const times = d.ACSCallRecordingIncomingOperations.map((r) => r.TimeGenerated as number);
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it("must mix in failures: 4xx and 5xx operations, abnormal end reasons and duplicated summaries", () => {
    const d = generateDataset({ seed: 3, calls: 500, start: "2024-05-01T00:00:00Z", days: 7 });
    const statuses = new Set(
      d.ACSCallRecordingIncomingOperations.map((r) => Math.floor((r.ResultSignature as number) / 100)),
    );
    expect([...statuses].sort()).toEqual([2, 4, 5]);
    const reasons = new Set(d.ACSCallRecordingSummary.map((r) => r.RecordingEndReason));
    expect(reasons.has("CallEnded") && reasons.has("InitiatorLeft") && reasons.has("RecordingFailed")).toBe(true);
    const ids = d.ACSCallRecordingSummary.map((r) => r.RecordingId);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    expect(new Set(d.ACSCallRecordingSummary.map((r) => r.FormatType))).toEqual(new Set(["mp4", "wav", "mp3"]));
  });

  it("must end recordings only with Microsoft's documented normal reasons, and a small share abnormally", () => {
    const d = generateDataset({ seed: 3, calls: 2000, start: "2024-05-01T00:00:00Z", days: 7 });
    // The generator's normal list is the saved functions' shipped default, CallEnded and InitiatorLeft.
    expect([...generatedNormalEndReasons]).toEqual([...normalEndReasons]);
    const rows = d.ACSCallRecordingSummary;
    const normal = rows.filter((r) => (generatedNormalEndReasons as readonly unknown[]).includes(r.RecordingEndReason));
    const abnormal = rows.filter((r) =>
      (generatedAbnormalEndReasons as readonly unknown[]).includes(r.RecordingEndReason),
    );
    expect(normal.length + abnormal.length).toBe(rows.length);
    expect(rows.some((r) => r.RecordingEndReason === "RecordingStopped")).toBe(false);
    // 4% abnormal over a few thousand recordings: between 2% and 6%; InitiatorLeft 20% of normal ends: 15% to 25%.
    expect(abnormal.length / rows.length).toBeGreaterThan(0.02);
    expect(abnormal.length / rows.length).toBeLessThan(0.06);
    const left = normal.filter((r) => r.RecordingEndReason === "InitiatorLeft").length / normal.length;
    expect(left).toBeGreaterThan(0.15);
    expect(left).toBeLessThan(0.25);
  });

  it("must reject a start that is not a datetime, naming the fix", () => {
    expect(() => generateDataset({ seed: 1, calls: 1, start: "soon", days: 1 })).toThrow(
      /start "soon" is not a datetime; use ISO 8601/,
    );
  });
});

describe("generated rows written and read back", () => {
  it("must load from the NDJSON files as exactly the generated typed rows", () => {
    const data = generateDataset({ seed: 11, calls: 40, start: "2024-05-01T00:00:00Z", days: 1 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-gen-"));
    try {
      for (const [name, text] of Object.entries(renderDataset(data))) fs.writeFileSync(path.join(dir, name), text);
      const tables = loadDataDir(dir);
      // The generator's epoch-ms datetimes, as typed in-memory rows (ticks), must be what the files give back.
      const typed = tablesFromRows(data as never);
      expect(tables.ACSCallRecordingSummary.rows).toEqual(typed.ACSCallRecordingSummary.rows);
      expect(tables.ACSCallRecordingIncomingOperations.rows).toEqual(typed.ACSCallRecordingIncomingOperations.rows);
      expect(tables.ACSBillingUsage.rows).toEqual(typed.ACSBillingUsage.rows);
      expect(tables.ACSCallRecordingSummary.rows.length).toBe(data.ACSCallRecordingSummary.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bundled sample data", () => {
  it("must equal what the generator writes with the sample options (regenerate with npm run generate)", () => {
    for (const [name, text] of Object.entries(renderSample())) {
      expect(fs.readFileSync(path.join(sampleDataDir, name), "utf8"), name).toBe(text);
    }
  });
});
