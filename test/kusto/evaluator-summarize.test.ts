import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

// Six operations: two hours, two operation names, one null duration.
const Ops = `datatable(Op:string, Ms:int, At:datetime, Ok:bool)[
  "Start", 100, datetime(2024-03-10T10:05:00Z), true,
  "Start", 300, datetime(2024-03-10T10:55:00Z), false,
  "Stop", 50, datetime(2024-03-10T10:30:00Z), true,
  "Start", 200, datetime(2024-03-10T11:10:00Z), true,
  "Stop", int(null), datetime(2024-03-10T11:20:00Z), true,
  "Stop", 70, datetime(2024-03-10T11:40:00Z), false]`;

describe("summarize", () => {
  it("must type count() and sum(int) as long and avg as real, named as Kusto names them", () => {
    const r = run(`${Ops} | summarize count(), sum(Ms), avg(Ms) by Op | order by Op asc`);
    expect(r.columns).toEqual([
      { name: "Op", type: "string" },
      { name: "count_", type: "long" },
      { name: "sum_Ms", type: "long" },
      { name: "avg_Ms", type: "real" },
    ]);
    // Start: 3 rows, 100+300+200 = 600, 600/3 = 200. Stop: 3 rows, 50+70 = 120 (null skipped), 120/2 = 60.
    expect(r.rows).toEqual([
      { Op: "Start", count_: 3, sum_Ms: 600, avg_Ms: 200 },
      { Op: "Stop", count_: 3, sum_Ms: 120, avg_Ms: 60 },
    ]);
  });

  it("must group by bin(datetime, 1h)", () => {
    // 10:xx has 100, 300, 50 → 3 rows, sum 450; 11:xx has 200, null, 70 → 3 rows, sum 270.
    expect(json(`${Ops} | summarize n = count(), s = sum(Ms) by bin(At, 1h) | order by At asc`)).toEqual([
      { At: "2024-03-10T10:00:00.0000000Z", n: 3, s: 450 },
      { At: "2024-03-10T11:00:00.0000000Z", n: 3, s: 270 },
    ]);
  });

  it("must compute countif, dcount, min, max and an expression over aggregates", () => {
    // Failures: 2 of 6 → rate 100.0 * 2 / 6 = 33.33 (rounded to 2 places); ops Start/Stop → dcount 2; Ms min 50, max 300.
    expect(
      json(
        `${Ops} | summarize f = countif(not(Ok)), d = dcount(Op), lo = min(Ms), hi = max(Ms), rate = round(100.0 * countif(Ok == false) / count(), 2)`,
      ),
    ).toEqual([{ f: 2, d: 2, lo: 50, hi: 300, rate: 33.33 }]);
  });

  it("must group a missing string with the empty string and show it as empty", () => {
    const rows = [{ FormatType: null }, { FormatType: "" }, { FormatType: "mp4" }];
    const tables = {
      ACSCallRecordingSummary: {
        name: "ACSCallRecordingSummary",
        columns: [{ name: "FormatType", type: "string" as const }],
        rows,
      },
    };
    // null and "" are one group of 2; "mp4" is a group of 1.
    expect(
      json("ACSCallRecordingSummary | summarize n = count() by FormatType | order by FormatType asc", tables),
    ).toEqual([
      { FormatType: "", n: 2 },
      { FormatType: "mp4", n: 1 },
    ]);
    expect(json("ACSCallRecordingSummary | distinct FormatType", tables)).toEqual([
      { FormatType: "" },
      { FormatType: "mp4" },
    ]);
  });

  it("must return one row for summarize without by over no rows", () => {
    const r = run(`${Ops} | where Ms > 1000 | summarize c = count()`);
    expect(r.rows).toEqual([{ c: 0 }]);
    expect(run(`${Ops} | where Ms > 1000 | summarize c = count() by Op`).rows).toEqual([]);
  });

  it("must return the row of arg_max with all its columns", () => {
    const r = run(`${Ops} | summarize arg_max(At, *) by Op | order by Op asc`);
    // Binder: by column Op, then At and the remaining input columns Ms, Ok.
    expect(r.columns.map((c) => c.name)).toEqual(["Op", "At", "Ms", "Ok"]);
    // Latest Start is 11:10 (200, true); latest Stop is 11:40 (70, false).
    expect(json(`${Ops} | summarize arg_max(At, *) by Op | order by Op asc`)).toEqual([
      { Op: "Start", At: "2024-03-10T11:10:00.0000000Z", Ms: 200, Ok: true },
      { Op: "Stop", At: "2024-03-10T11:40:00.0000000Z", Ms: 70, Ok: false },
    ]);
    // arg_min with explicit columns: earliest Start is 10:05 with 100.
    expect(json(`${Ops} | where Op == "Start" | summarize arg_min(At, Ms)`)).toEqual([
      { At: "2024-03-10T10:05:00.0000000Z", Ms: 100 },
    ]);
  });

  it("must spread percentiles over one column per level", () => {
    const r = run(`${Ops} | where Op == "Start" | summarize percentiles(Ms, 50, 100)`);
    expect(r.columns.map((c) => c.name)).toEqual(["percentile_Ms_50", "percentile_Ms_100"]);
    // Start durations sorted 100, 200, 300: nearest-rank p50 = 200, p100 = 300.
    expect(r.rows).toEqual([{ percentile_Ms_50: 200, percentile_Ms_100: 300 }]);
  });

  it("must name percentiles with a compound name", () => {
    // Start durations 100, 200, 300: p50 = 200 (rank 2), p95 = 300 (rank 3).
    const r = run(`${Ops} | where Op == "Start" | summarize (P50, P95) = percentiles(Ms, 50, 95)`);
    expect(r.columns.map((c) => c.name)).toEqual(["P50", "P95"]);
    expect(r.rows).toEqual([{ P50: 200, P95: 300 }]);
  });

  it("must collect make_set and make_list", () => {
    // Stop durations in order: 50, null (skipped), 70.
    expect(json(`${Ops} | where Op == "Stop" | summarize l = make_list(Ms), s = make_set(Op)`)).toEqual([
      { l: [50, 70], s: ["Stop"] },
    ]);
  });
});

describe("order, top and distinct", () => {
  it("must sort descending by default with nulls last, ascending with nulls first", () => {
    expect(json(`${Ops} | where Op == "Stop" | order by Ms | project Ms`)).toEqual([
      { Ms: 70 },
      { Ms: 50 },
      { Ms: null },
    ]);
    expect(json(`${Ops} | where Op == "Stop" | order by Ms asc | project Ms`)).toEqual([
      { Ms: null },
      { Ms: 50 },
      { Ms: 70 },
    ]);
    expect(json(`${Ops} | where Op == "Stop" | sort by Ms asc nulls last | project Ms`)).toEqual([
      { Ms: 50 },
      { Ms: 70 },
      { Ms: null },
    ]);
  });

  it("must sort by several keys", () => {
    // Op asc, then Ms desc: Start 300, 200, 100; Stop 70, 50, null.
    expect(json(`${Ops} | order by Op asc, Ms desc | project Ms`).map((r) => r.Ms)).toEqual([
      300,
      200,
      100,
      70,
      50,
      null,
    ]);
  });

  it("must take the top rows by an expression", () => {
    // Largest two Ms: 300, 200.
    expect(json(`${Ops} | top 2 by Ms | project Ms`)).toEqual([{ Ms: 300 }, { Ms: 200 }]);
    expect(json(`${Ops} | top 1 by At asc | project Op`)).toEqual([{ Op: "Start" }]);
  });

  it("must keep one row per distinct combination", () => {
    // (Start,true), (Start,false), (Stop,true), (Stop,false): four combinations, in first-seen order.
    expect(json(`${Ops} | distinct Op, Ok`)).toEqual([
      { Op: "Start", Ok: true },
      { Op: "Start", Ok: false },
      { Op: "Stop", Ok: true },
      { Op: "Stop", Ok: false },
    ]);
  });
});

describe("sources and small operators", () => {
  it("must generate rows with range and group without aggregates", () => {
    // 1..10 step 3 → 1, 4, 7, 10; parity by x % 2: 1 → 1, 4 → 0, 7 → 1, 10 → 0 → two groups in first-seen order.
    expect(json("range x from 1 to 10 step 3")).toEqual([{ x: 1 }, { x: 4 }, { x: 7 }, { x: 10 }]);
    expect(json("range x from 1 to 10 step 3 | summarize by p = x % 2")).toEqual([{ p: 1 }, { p: 0 }]);
  });

  it("must keep distinct * over all columns and pass rows through as", () => {
    expect(json(`datatable(a:long, b:string)[1, "x", 1, "x", 2, "x"] | distinct * | as T1 | count`)).toEqual([
      { Count: 2 },
    ]);
  });
});
