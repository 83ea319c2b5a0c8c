import { describe, expect, it } from "vitest";
import { json } from "./helpers";

const T = `datatable(k:string, v:long)["a", 1, "a", 2, "b", 5, "b", 5, "c", 1]`;

describe("window functions over serialized rows", () => {
  it("row_number restarts at its starting index when told", () => {
    // Restart on each new k: a → 10, 11; b → 10, 11; c → 10.
    expect(json(`${T} | extend n = row_number(), m = row_number(10, k != prev(k)) | project n, m`)).toEqual([
      { n: 1, m: 10 },
      { n: 2, m: 11 },
      { n: 3, m: 10 },
      { n: 4, m: 11 },
      { n: 5, m: 10 },
    ]);
  });

  it("row_cumsum adds up the term, from 0 again on restart", () => {
    // Running: 1, 3, 8, 13, 14; restarting per k: 1, 3 | 5, 10 | 1.
    expect(json(`${T} | extend s = row_cumsum(v), r = row_cumsum(v, k != prev(k)) | project s, r`)).toEqual([
      { s: 1, r: 1 },
      { s: 3, r: 3 },
      { s: 8, r: 5 },
      { s: 13, r: 10 },
      { s: 14, r: 1 },
    ]);
  });

  it("row_rank_dense counts distinct runs; row_rank_min takes the run's first row number", () => {
    // v: 1, 2, 5, 5, 1 → dense 1, 2, 3, 3, 4; min 1, 2, 3, 3, 5.
    expect(json(`${T} | extend d = row_rank_dense(v), m = row_rank_min(v) | project d, m`)).toEqual([
      { d: 1, m: 1 },
      { d: 2, m: 2 },
      { d: 3, m: 3 },
      { d: 3, m: 3 },
      { d: 4, m: 5 },
    ]);
  });

  it("row_window_session starts a session at or beyond the limits from the first value or the neighbour", () => {
    // 00:00 starts; 00:10 is within 30m of 00:00; 00:50 is 40m after 00:10 (≥ 30m): new; 01:20 is exactly 30m after 00:50: new.
    const q = `datatable(t:datetime)[datetime(2024-01-01 00:00), datetime(2024-01-01 00:10), datetime(2024-01-01 00:50), datetime(2024-01-01 01:20)]
      | extend s = row_window_session(t, 1h, 30m) | project s`;
    expect(json(q)).toEqual([
      { s: "2024-01-01T00:00:00.0000000Z" },
      { s: "2024-01-01T00:00:00.0000000Z" },
      { s: "2024-01-01T00:50:00.0000000Z" },
      { s: "2024-01-01T01:20:00.0000000Z" },
    ]);
  });
});

describe("scan", () => {
  it("reads the previous state of its step as StepName.Column, declared defaults before any match", () => {
    // cs starts from the declared 0: 1, 1+2, 3+3.
    expect(
      json(`range x from 1 to 3 step 1 | scan declare (cs:long = 0) with (step s: true => cs = x + s.cs;)`),
    ).toEqual([
      { x: 1, cs: 1 },
      { x: 2, cs: 3 },
      { x: 3, cs: 6 },
    ]);
  });

  it("promotes a sequence from step to step, numbers sequences with with_match_id, and keeps a step's sequence active", () => {
    // start(1) opens match 0; 2 joins it at step b; stop(3) moves it to c; 4 matches no step; start(5) opens match 1.
    // stop(6): step b is empty so nothing is promoted, but c still holds match 0 as its active sequence (Check 2).
    const q = `datatable(x:long, e:string)[1, "start", 2, "mid", 3, "stop", 4, "mid", 5, "start", 6, "stop"]
      | scan with_match_id = m with (step a: e == "start"; step b: e == "mid"; step c: e == "stop";)`;
    expect(json(q)).toEqual([
      { x: 1, e: "start", m: 0 },
      { x: 2, e: "mid", m: 0 },
      { x: 3, e: "stop", m: 0 },
      { x: 5, e: "start", m: 1 },
      { x: 6, e: "stop", m: 0 },
    ]);
  });

  it("keeps one session open while the first step keeps matching, and output=none steps print nothing", () => {
    // Session 0: 0m, 10m; 40m is more than 30m after 0m → end step (no output); 40m and 50m then start session 1.
    const q = `datatable(t:long)[0, 10, 40, 50]
      | scan with_match_id = id declare (st:long) with (
          step open: true => st = iff(isnull(open.st), t, open.st);
          step close output=none: t - open.st > 30;)`;
    expect(json(q)).toEqual([
      { t: 0, st: 0, id: 0 },
      { t: 10, st: 0, id: 0 },
      { t: 40, st: 40, id: 1 },
      { t: 50, st: 40, id: 1 },
    ]);
  });
});
