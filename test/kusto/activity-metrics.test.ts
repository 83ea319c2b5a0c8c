import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

// Day 1: a, b; day 2: b, c (c twice); day 3: a; a row the day before Start is outside the analysis.
const T = `let T = datatable(id:string, t:datetime)[
  "z", datetime(2023-12-31), "a", datetime(2024-01-01), "b", datetime(2024-01-01 10:00),
  "b", datetime(2024-01-02), "c", datetime(2024-01-02), "c", datetime(2024-01-02 23:00), "a", datetime(2024-01-03)];`;
const day = (d: number) => `2024-01-0${d}T00:00:00.0000000Z`;

describe("evaluate activity_metrics (activity-metrics-plugin.md)", () => {
  it("compares each window with the previous one: returned = ids now - new ids, retention = returned / ids before", () => {
    const q = `${T} T | evaluate activity_metrics(id, t, datetime(2024-01-01), datetime(2024-01-03), 1d)`;
    expect(json(q)).toEqual([
      // No previous window: 0 / 0.
      { t: day(1), dcount_values: 2, dcount_newvalues: 2, retention_rate: "NaN", churn_rate: "NaN" },
      // {b, c} after {a, b}: b returned, c new; 1 of 2 retained.
      { t: day(2), dcount_values: 2, dcount_newvalues: 1, retention_rate: 0.5, churn_rate: 0.5 },
      // {a} after {b, c}: a is new against the previous window alone.
      { t: day(3), dcount_values: 1, dcount_newvalues: 1, retention_rate: 0, churn_rate: 1 },
    ]);
  });

  it("refuses a window without rows inside the analysis period (the page leaves it undefined)", () => {
    const q = `${T} T | where t < datetime(2024-01-02) or t >= datetime(2024-01-03) | evaluate activity_metrics(id, t, datetime(2024-01-01), datetime(2024-01-03), 1d)`;
    expect(() => run(q)).toThrow(/^unsupported: activity_metrics with a window without rows/);
  });
});

describe("evaluate new_activity_metrics (new-activity-metrics-plugin.md)", () => {
  const call = (extra = "") =>
    `${T} T | evaluate new_activity_metrics(id, t, datetime(2024-01-01), datetime(2024-01-03), 1d${extra})`;
  const row = (from: number, to: number, fresh: number, kept: number, lost: number, rate: number | string) => ({
    from_t: day(from),
    to_t: day(to),
    dcount_new_values: fresh,
    dcount_retained_values: kept,
    dcount_churn_values: lost,
    retention_rate: rate,
    churn_rate: typeof rate === "number" ? 1 - rate : rate,
  });

  it("follows each cohort of first-seen ids through every later window", () => {
    expect(json(call())).toEqual([
      // Cohort of day 1 = {a, b}.
      row(1, 1, 2, 2, 0, 1),
      row(1, 2, 1, 1, 1, 0.5), // day 2 {b, c}: c unseen up to day 1; b retained
      row(1, 3, 0, 1, 1, 0.5), // day 3 {a}: a seen on day 1; a retained
      // Cohort of day 2 = {c}.
      row(2, 2, 1, 1, 0, 1),
      row(2, 3, 0, 0, 1, 0),
      // Day 3 brings no new id: an empty cohort, 0 / 0.
      row(3, 3, 0, 0, 0, "NaN"),
    ]);
  });

  it("a Cohort argument keeps that cohort's rows only", () => {
    expect(json(call(", datetime(2024-01-02)"))).toEqual([row(2, 2, 1, 1, 0, 1), row(2, 3, 0, 0, 1, 0)]);
  });

  it("refuses a calendar window (the page does not fix where the first week or month starts)", () => {
    const q = `${T} T | evaluate new_activity_metrics(id, t, datetime(2024-01-01), datetime(2024-01-31), "week")`;
    expect(() => run(q)).toThrow(/^unsupported: new_activity_metrics with a calendar window/);
  });

  it("ids of the lookback table count as already seen", () => {
    const q = `${T} let Back = datatable(id:string)["c"]; T | evaluate new_activity_metrics(id, t, datetime(2024-01-01), datetime(2024-01-03), 1d, datetime(2024-01-02), Back)`;
    // c was seen before Start, so day 2 brings nobody new.
    expect(json(q)).toEqual([row(2, 2, 0, 0, 0, "NaN"), row(2, 3, 0, 0, 0, "NaN")]);
  });
});
