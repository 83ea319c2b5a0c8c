import { describe, expect, it } from "vitest";
import type { AlertRuleDef } from "../../src/alerts";
import { measureAlert } from "../../src/alerts";

type Criteria = Pick<AlertRuleDef, "key" | "operator" | "timeAggregation" | "metricMeasureColumn" | "dimensions">;
const result = (columns: string[], rows: Record<string, string | number | null>[]) => ({
  columns: columns.map((name) => ({ name, type: "string" as const })),
  rows,
});

describe("measureAlert (LogAlert criteria, one evaluation period)", () => {
  const countByOp: Criteria = {
    key: "server-errors",
    operator: "GreaterThan",
    timeAggregation: "Count",
    dimensions: ["OperationName"],
  };

  it("must count rows per dimension value and fire only the splits past the threshold", () => {
    const r = result(
      ["OperationName"],
      [
        { OperationName: "StartCallRecording" },
        { OperationName: "StartCallRecording" },
        { OperationName: "StopCallRecording" },
      ],
    );
    const m = measureAlert(countByOp, 1, r);
    // Start: 2 rows > 1 fires; Stop: 1 row > 1 does not
    expect(m.measured).toEqual([
      { dimensions: { OperationName: "StartCallRecording" }, rows: 2, value: 2, fired: true },
      { dimensions: { OperationName: "StopCallRecording" }, rows: 1, value: 1, fired: false },
    ]);
    expect(m.fired).toBe(true);
  });

  it("must show a null dimension as the empty string", () => {
    expect(
      measureAlert(countByOp, 0, result(["OperationName"], [{ OperationName: null }])).measured[0]?.dimensions,
    ).toEqual({ OperationName: "" });
  });

  it("must treat an empty unsplit row count as 0, so a LessThan 1 rule fires on silence", () => {
    const m = measureAlert(
      { key: "silent-usage", operator: "LessThan", timeAggregation: "Count", dimensions: [] },
      1,
      result(["TimeGenerated"], []),
    );
    expect(m).toEqual({ fired: true, measured: [{ dimensions: {}, rows: 0, value: 0, fired: true }] });
  });

  it("must not fire a split rule on an empty result: there is no split to compare", () => {
    expect(measureAlert(countByOp, -1, result(["OperationName"], []))).toEqual({ fired: false, measured: [] });
  });

  it("must not fire a measure-column rule on an empty result or an all-null measure", () => {
    const p95: Criteria = {
      key: "start-latency",
      operator: "LessThan",
      timeAggregation: "Maximum",
      metricMeasureColumn: "P95",
      dimensions: [],
    };
    expect(measureAlert(p95, 1e9, result(["P95"], [])).fired).toBe(false);
    expect(measureAlert(p95, 1e9, result(["P95"], [{ P95: null }])).measured).toEqual([]);
  });

  it.each([
    // values 4, 10, 1 per split A: Average (4+10+1)/3 = 5, Minimum 1, Maximum 10, Total 15
    ["Average", 5],
    ["Minimum", 1],
    ["Maximum", 10],
    ["Total", 15],
  ] as const)("must aggregate the measure column with %s", (how, expected) => {
    const rule: Criteria = {
      key: "abnormal-ends",
      operator: "GreaterThan",
      timeAggregation: how,
      metricMeasureColumn: "V",
      dimensions: [],
    };
    const m = measureAlert(rule, 0, result(["V"], [{ V: 4 }, { V: 10 }, { V: 1 }]));
    expect(m.measured[0]?.value).toBe(expected);
  });

  it.each([
    ["GreaterThan", 5, false],
    ["GreaterThanOrEqual", 5, true],
    ["LessThan", 5, false],
    ["LessThanOrEqual", 5, true],
    ["Equals", 5, true],
    ["GreaterThan", 4.99, true],
    ["LessThan", 5.01, true],
  ] as const)("must compare value 5 %s %s as %s", (operator, threshold, fired) => {
    const rule: Criteria = {
      key: "start-latency",
      operator,
      timeAggregation: "Maximum",
      metricMeasureColumn: "V",
      dimensions: [],
    };
    expect(measureAlert(rule, threshold, result(["V"], [{ V: 5 }])).fired).toBe(fired);
  });

  it("must name a measure column the query does not return", () => {
    const rule: Criteria = {
      key: "start-latency",
      operator: "GreaterThan",
      timeAggregation: "Maximum",
      metricMeasureColumn: "P95DurationMs",
      dimensions: [],
    };
    expect(() => measureAlert(rule, 0, result(["P50DurationMs"], []))).toThrow(
      'alert "start-latency": metricMeasureColumn P95DurationMs is not in the query result (columns: P50DurationMs)',
    );
  });

  it("must name a dimension column the query does not return", () => {
    expect(() => measureAlert(countByOp, 0, result(["Name"], []))).toThrow(
      "dimension column OperationName is not in the query result",
    );
  });
});
