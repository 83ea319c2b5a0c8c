import { describe, expect, it } from "vitest";
import {
  autoGrainMs,
  datetimeLiteral,
  escapeKqlString,
  type ParameterValue,
  referencedParameters,
  substituteParameters,
  timespanLiteral,
} from "../../src/workbook/substitute";

const start = Date.UTC(2024, 4, 1);
const end = Date.UTC(2024, 4, 2);
const hour = 3_600_000;

const custom: ParameterValue = { kind: "timeRange", startMs: start, endMs: end, grainMs: 30 * 60_000 };
const lastWeek: ParameterValue = {
  kind: "timeRange",
  startMs: end - 7 * 24 * hour,
  endMs: end,
  relativeMs: 7 * 24 * hour,
  grainMs: 4 * hour,
};
const multi = (selected: readonly string[] | "all"): ParameterValue => ({
  kind: "multi",
  selected,
  quote: "'",
  delimiter: ",",
  allValue: "",
});

describe("substituteParameters", () => {
  it("must render :start and :end as datetime literals of the range edges", () => {
    expect(
      substituteParameters("T | where t >= {TimeRange:start} and t < {TimeRange:end}", { TimeRange: custom }),
    ).toBe('T | where t >= datetime("2024-05-01T00:00:00.000Z") and t < datetime("2024-05-02T00:00:00.000Z")');
  });

  it("must render :grain as a timespan literal", () => {
    expect(substituteParameters("bin(t, {TimeRange:grain})", { TimeRange: custom })).toBe("bin(t, 30m)");
    expect(substituteParameters("bin(t, {TimeRange:grain})", { TimeRange: lastWeek })).toBe("bin(t, 4h)");
  });

  it("must render a bare relative range as > ago(...) and a custom one as between(...)", () => {
    expect(substituteParameters("where t {TimeRange}", { TimeRange: lastWeek })).toBe("where t > ago(7d)");
    expect(substituteParameters("where t {TimeRange}", { TimeRange: custom })).toBe(
      'where t between(datetime("2024-05-01T00:00:00.000Z")..datetime("2024-05-02T00:00:00.000Z"))',
    );
  });

  it("must label a relative range the way the picker does", () => {
    expect(substituteParameters("{TimeRange:label}", { TimeRange: lastWeek })).toBe("Last 7 days");
  });

  it("must quote and join multi-select values with the parameter's quote and delimiter", () => {
    expect(substituteParameters("dynamic([{F}])", { F: multi(["mp4", "wav"]) })).toBe("dynamic(['mp4','wav'])");
  });

  it("must render All as the select-all value, so dynamic([{F}]) is an empty array", () => {
    expect(substituteParameters("dynamic([{F}])", { F: multi("all") })).toBe("dynamic([])");
  });

  it("must escape a quote inside a selected value so it cannot end the literal", () => {
    expect(substituteParameters("dynamic([{F}])", { F: multi(["it's"]) })).toBe("dynamic(['it\\'s'])");
  });

  it("must escape a single value only when asked with :escape", () => {
    const v: ParameterValue = { kind: "text", value: "a'b\\c" };
    expect(substituteParameters("'{P:escape}'", { P: v })).toBe("'a\\'b\\\\c'");
    expect(substituteParameters("{P}", { P: { kind: "text", value: "60" } })).toBe("60");
  });

  it("must reject an undeclared parameter, naming it", () => {
    expect(() => substituteParameters("T | where x == '{Nope}'", {})).toThrow(/\{Nope\}.*declare it/);
  });

  it("must reject a format the parameter type does not have", () => {
    expect(() => substituteParameters("{TimeRange:escape}", { TimeRange: custom })).toThrow(/TimeRange:escape/);
    expect(() => substituteParameters("{F:start}", { F: multi("all") })).toThrow(/F:start/);
  });

  it("must leave KQL braces that are not parameter references alone", () => {
    const kql = "let f = (x:string) { x }; print d = dynamic({})";
    expect(substituteParameters(kql, {})).toBe(kql);
    expect(referencedParameters("{A} {B:start} {A:label}")).toEqual(["A", "B"]);
  });
});

describe("time grain and literals", () => {
  it("must cut a range edge beyond Kusto's years 1-9999 at the last or first millisecond a datetime holds", () => {
    // one day after 9999-12-31T23:59:59.999Z, and one day before 0001-01-01T00:00:00.000Z
    expect(datetimeLiteral(Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 24 * hour)).toBe(
      'datetime("9999-12-31T23:59:59.999Z")',
    );
    expect(datetimeLiteral(new Date("0001-01-01T00:00:00Z").getTime() - 24 * hour)).toBe(
      'datetime("0001-01-01T00:00:00.000Z")',
    );
    expect(datetimeLiteral(Date.UTC(2024, 4, 1))).toBe('datetime("2024-05-01T00:00:00.000Z")');
  });

  it("must pick 30m for 24 hours, as the portal's own example shows", () => {
    expect(autoGrainMs(24 * hour)).toBe(30 * 60_000);
  });

  it("must keep the auto grain at 48 bins or fewer up to 90 days", () => {
    // 7d = 168h: 2h gives 84 bins, 4h gives 42; 90d = 2160h: 1d gives 90 bins, 2d gives 45
    expect(autoGrainMs(7 * 24 * hour)).toBe(4 * hour);
    expect(autoGrainMs(90 * 24 * hour)).toBe(2 * 24 * hour);
  });

  it("must write timespans in the largest whole unit", () => {
    expect(timespanLiteral(2 * 24 * hour)).toBe("2d");
    expect(timespanLiteral(90_000)).toBe("90s");
    expect(timespanLiteral(250)).toBe("250ms");
    expect(() => timespanLiteral(0)).toThrow(/positive/);
  });

  it("must escape backslashes, quotes and newlines for KQL strings", () => {
    expect(escapeKqlString(`a\\b'c"d\ne`)).toBe(`a\\\\b\\'c\\"d\\ne`);
  });
});
