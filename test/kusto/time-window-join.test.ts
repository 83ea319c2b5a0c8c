import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("the time-window join (join-time-window.md's lookup-bin pattern)", () => {
  it("must pair each A with the Bs of its session that end within the window after it", () => {
    const a = `datatable(SessionId:long, Start:datetime)[1, datetime(2024-01-01 00:00:10), 1, datetime(2024-01-01 00:05:00), 2, datetime(2024-01-01 00:00:50)]`;
    const b = `datatable(SessionId:long, End:datetime)[1, datetime(2024-01-01 00:00:55), 1, datetime(2024-01-01 00:01:20), 2, datetime(2024-01-01 00:00:40), 2, datetime(2024-01-01 00:01:50), 1, datetime(2024-01-01 00:05:00)]`;
    // Left keys bin(Start, 30s): (1, 00:00:00), (1, 00:05:00), (2, 00:00:30). Each B lists the bins from End-1min to End:
    // (1, 00:00:55) → 23:59:30, 00:00:00, 00:00:30 meets A 00:00:10, 45 s: kept.
    // (1, 00:01:20) → 00:00:00 .. 00:01:00 meets A 00:00:10, 70 s: dropped by between.
    // (2, 00:00:40) → 23:59:30 .. 00:00:30 meets A 00:00:50, -10 s: dropped.
    // (2, 00:01:50) → 00:00:30 .. 00:01:30 meets A 00:00:50, 60 s: kept (between is inclusive).
    // (1, 00:05:00) → 00:04:00 .. 00:05:00 meets A 00:05:00, 0 s: kept.
    const kql = `let lookupWindow = 1min;
let lookupBin = lookupWindow / 2.0;
${a}
| extend TimeKey = bin(Start, lookupBin)
| join kind=inner (
    ${b}
    | extend TimeKey = range(bin(End - lookupWindow, lookupBin), bin(End, lookupBin), lookupBin)
    | mv-expand TimeKey to typeof(datetime)
  ) on SessionId, TimeKey
| where (End - Start) between (0min .. lookupWindow)
| project SessionId, Start, End
| order by SessionId asc, Start asc`;
    expect(json(kql)).toEqual([
      { SessionId: 1, Start: "2024-01-01T00:00:10.0000000Z", End: "2024-01-01T00:00:55.0000000Z" },
      { SessionId: 1, Start: "2024-01-01T00:05:00.0000000Z", End: "2024-01-01T00:05:00.0000000Z" },
      { SessionId: 2, Start: "2024-01-01T00:00:50.0000000Z", End: "2024-01-01T00:01:50.0000000Z" },
    ]);
  });

  it("must give each datetime of range() its own text, also when row after row repeats or nearly repeats values", () => {
    // Three values one tick apart, then rows whose values lie 4096 s (1:08:16) apart, then a repeat of the first row.
    expect(json("print r = range(datetime(2024-01-01), datetime(2024-01-01 00:00:00.0000002), 1tick)")[0].r).toEqual([
      "2024-01-01T00:00:00.0000000Z",
      "2024-01-01T00:00:00.0000001Z",
      "2024-01-01T00:00:00.0000002Z",
    ]);
    expect(
      json(
        "datatable(i:long)[0, 1, 0] | extend d = datetime(2024-01-01) + i * 4096s | extend r = range(d, d + 1s, 1s) | mv-expand r to typeof(datetime) | project r",
      ),
    ).toEqual([
      { r: "2024-01-01T00:00:00.0000000Z" },
      { r: "2024-01-01T00:00:01.0000000Z" },
      { r: "2024-01-01T01:08:16.0000000Z" },
      { r: "2024-01-01T01:08:17.0000000Z" },
      { r: "2024-01-01T00:00:00.0000000Z" },
      { r: "2024-01-01T00:00:01.0000000Z" },
    ]);
  });
});
