import { describe, expect, it } from "vitest";
import { prng as rng } from "../../src/data/generate";
import type { Tables } from "../../src/kusto";
import { run } from "./helpers";

// Seeded rows with nulls; each query is checked against the same rule written directly in TypeScript.

type Op = {
  OperationName: string;
  DurationMs: number | null;
  CorrelationId: string;
  TimeGenerated: number;
};

function dataset(seed: number, n: number): { ops: Op[]; tables: Tables } {
  const r = rng(seed);
  const names = ["Start", "Stop", "Pause", "Resume"];
  const ops: Op[] = Array.from({ length: n }, (_, i) => ({
    OperationName: names[Math.floor(r() * names.length)],
    DurationMs: r() < 0.15 ? null : Math.floor(r() * 500),
    CorrelationId: `c${Math.floor(r() * 20)}`,
    TimeGenerated: Date.parse("2024-03-10T00:00:00Z") + Math.floor(r() * 86_400_000) + i,
  }));
  const columns = [
    { name: "OperationName", type: "string" as const },
    { name: "DurationMs", type: "int" as const },
    { name: "CorrelationId", type: "string" as const },
    { name: "TimeGenerated", type: "datetime" as const },
  ];
  // The engine holds datetimes as bigint 100-ns ticks (10,000 per ms).
  const rows = ops.map((o) => ({ ...o, TimeGenerated: BigInt(o.TimeGenerated) * 10_000n }));
  return {
    ops,
    tables: { ACSCallRecordingIncomingOperations: { name: "ACSCallRecordingIncomingOperations", columns, rows } },
  };
}

const seeds = [1, 2, 3];

describe("the evaluator against direct TypeScript on seeded data", () => {
  it.each(seeds)("must filter and count like a direct filter (seed %i)", (seed) => {
    const { ops, tables } = dataset(seed, 300);
    const expected = ops.filter(
      (o) => o.DurationMs !== null && o.DurationMs > 250 && o.OperationName !== "Pause",
    ).length;
    expect(
      run("ACSCallRecordingIncomingOperations | where DurationMs > 250 and OperationName != 'Pause' | count", tables)
        .rows,
    ).toEqual([{ Count: expected }]);
  });

  it.each(seeds)("must summarize count, sum, min, max and dcount per group like direct grouping (seed %i)", (seed) => {
    const { ops, tables } = dataset(seed, 300);
    const groups = new Map<string, { c: number; s: number; mn: number; mx: number; ids: Set<string>; seen: boolean }>();
    for (const o of ops) {
      const g = groups.get(o.OperationName) ?? {
        c: 0,
        s: 0,
        mn: Infinity,
        mx: -Infinity,
        ids: new Set<string>(),
        seen: false,
      };
      g.c++;
      g.ids.add(o.CorrelationId);
      if (o.DurationMs !== null) {
        g.s += o.DurationMs;
        g.mn = Math.min(g.mn, o.DurationMs);
        g.mx = Math.max(g.mx, o.DurationMs);
        g.seen = true;
      }
      groups.set(o.OperationName, g);
    }
    const expected = [...groups.entries()]
      .map(([k, g]) => ({
        OperationName: k,
        c: g.c,
        s: g.s,
        mn: g.seen ? g.mn : null,
        mx: g.seen ? g.mx : null,
        d: g.ids.size,
      }))
      .sort((a, b) => a.OperationName.localeCompare(b.OperationName));
    const q =
      "ACSCallRecordingIncomingOperations | summarize c = count(), s = sum(DurationMs), mn = min(DurationMs), mx = max(DurationMs), d = dcount(CorrelationId) by OperationName | order by OperationName asc";
    expect(run(q, tables).rows).toEqual(expected);
  });

  it.each(seeds)("must inner-join on a key like a nested loop (seed %i)", (seed) => {
    const { ops, tables } = dataset(seed, 120);
    const starts = ops.filter((o) => o.OperationName === "Start");
    const stops = ops.filter((o) => o.OperationName === "Stop");
    let expected = 0;
    for (const a of starts) for (const b of stops) if (a.CorrelationId === b.CorrelationId) expected++;
    const q = `ACSCallRecordingIncomingOperations | where OperationName == "Start"
      | join kind=inner (ACSCallRecordingIncomingOperations | where OperationName == "Stop") on CorrelationId | count`;
    expect(run(q, tables).rows).toEqual([{ Count: expected }]);
  });

  it.each(seeds)("must order ascending with nulls first, then by time, like a direct sort (seed %i)", (seed) => {
    const { ops, tables } = dataset(seed, 200);
    const expected = [...ops]
      .sort((a, b) => {
        if (a.DurationMs === null || b.DurationMs === null) {
          if (a.DurationMs !== b.DurationMs) return a.DurationMs === null ? -1 : 1;
        } else if (a.DurationMs !== b.DurationMs) return a.DurationMs - b.DurationMs;
        return b.TimeGenerated - a.TimeGenerated;
      })
      .map((o) => BigInt(o.TimeGenerated) * 10_000n);
    const q =
      "ACSCallRecordingIncomingOperations | order by DurationMs asc, TimeGenerated desc | project TimeGenerated";
    expect(run(q, tables).rows.map((r) => r.TimeGenerated)).toEqual(expected);
  });

  it.each(seeds)("must bin by hour and count like direct flooring (seed %i)", (seed) => {
    const { ops, tables } = dataset(seed, 300);
    const counts = new Map<number, number>();
    for (const o of ops) {
      const bin = Math.floor(o.TimeGenerated / 3_600_000) * 3_600_000;
      counts.set(bin, (counts.get(bin) ?? 0) + 1);
    }
    const expected = [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([ms, n]) => ({ TimeGenerated: BigInt(ms) * 10_000n, n }));
    expect(
      run(
        "ACSCallRecordingIncomingOperations | summarize n = count() by bin(TimeGenerated, 1h) | order by TimeGenerated asc",
        tables,
      ).rows,
    ).toEqual(expected);
  });
});
