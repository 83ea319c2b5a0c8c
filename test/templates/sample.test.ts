import { describe, expect, it, vi } from "vitest";
import { loadDataDir, sampleDataDir } from "../../src/data";
import { analyze } from "../../src/kusto";
import { acsCatalog } from "../../src/schema/catalog";
import {
  type KqlTemplate,
  kqlSources,
  overviewKpis,
  recordings,
  recordingsPerCall,
  runLocal,
  templates,
} from "../../src/templates";

vi.setConfig({ testTimeout: 120_000 });

const tables = loadDataDir(sampleDataDir);
const summary = tables.ACSCallRecordingSummary.rows;
const ops = tables.ACSCallRecordingIncomingOperations.rows;

describe("templates on the bundled sample", () => {
  it("must run every template's example and fit its row schema", async () => {
    for (const t of Object.values(templates) as KqlTemplate[]) {
      await expect(runLocal(t, t.example as never, tables), t.name).resolves.toBeInstanceOf(Array);
    }
  });

  it("must agree with totals counted by a plain loop over the raw rows", async () => {
    // Independent counts: distinct recordings and calls, seconds per distinct recording, requests with status >= 400.
    const lengthById = new Map(summary.map((r) => [r.RecordingId as string, r.RecordingLength as number]));
    const calls = new Set(summary.map((r) => r.CorrelationId));
    const seconds = [...lengthById.values()].reduce((a, b) => a + b, 0);
    const failures = ops.filter((r) => (r.ResultSignature as number) >= 400).length;

    expect(await runLocal(recordings, { limit: 10_000 }, tables)).toHaveLength(lengthById.size);
    const perCall = await runLocal(recordingsPerCall, { limit: 10_000 }, tables);
    expect(perCall).toHaveLength(calls.size);
    expect(perCall.reduce((a, r) => a + (r.Recordings ?? 0), 0)).toBe(lengthById.size);

    // The sample spans 2026-11-09 + 14 days; [11-09, 11-30) holds all of it and the 21 days before hold nothing.
    const [kpi] = await runLocal(
      overviewKpis,
      { startTime: "2026-11-09T00:00:00Z", endTime: "2026-11-30T00:00:00Z" },
      tables,
    );
    expect(kpi).toMatchObject({
      Recordings: lengthById.size,
      Calls: calls.size,
      OperationRequests: ops.length,
      OperationFailures: failures,
      PreviousRecordings: 0,
    });
    expect(kpi.RecordedSeconds).toBeCloseTo(seconds, 6);
  });
});

describe("template kqlSources", () => {
  it("must give one source per template that analyzes cleanly", () => {
    const sources = kqlSources();
    expect(sources.map((s) => s.file)).toEqual(Object.keys(templates).map((n) => `template:${n}`));
    for (const s of sources) expect(analyze(s.kql, acsCatalog), s.file).toEqual([]);
  });
});
