import { describe, expect, it } from "vitest";
import { json } from "./helpers";

// series_periods_detect / _validate answer only what the pages' bounds decide: a period has 4..n/2 points.
describe("series_periods_detect", () => {
  it("must find nothing, padded with zeros to num_periods, when no period of 4..n/2 points fits the range", () => {
    // 7 points: half is 3.5 < 4, so no period can exist
    expect(
      json("print y = dynamic([1, 2, 3, 4, 5, 6, 7]) | project (p, s) = series_periods_detect(y, 0.0, 50.0, 2)"),
    ).toEqual([{ p: [0, 0], s: [0, 0] }]);
    // 20 points allow 4..10, but the range stops at 3.5
    expect(
      json(
        "print y = dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) | project (p, s) = series_periods_detect(y, 0.0, 3.5, 3)",
      ),
    ).toEqual([{ p: [0, 0, 0], s: [0, 0, 0] }]);
  });

  it("must refuse a range holding candidate periods, naming the position", () => {
    expect(() =>
      json("print y = dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) | project series_periods_detect(y, 0.0, 50.0, 2)"),
    ).toThrow(/^unsupported: series_periods_detect over a range holding candidate periods.* at 1:62$/);
  });
});

describe("series_periods_validate", () => {
  it("must score 0 for periods under 4 points or over half the series and echo the periods", () => {
    // 10 points: 3 is under 4, 6 is over 5
    expect(
      json(
        "print y = dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) | project (p, s) = series_periods_validate(y, 3.0, 6.0)",
      ),
    ).toEqual([{ p: [3, 6], s: [0, 0] }]);
  });

  it("must refuse a period within the bounds", () => {
    expect(() =>
      json("print y = dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) | project series_periods_validate(y, 3.0, 5.0)"),
    ).toThrow(/^unsupported: series_periods_validate of period 5 over 10 points/);
  });
});

describe("series_seasonal with automatic detection", () => {
  it("must give zeros when the series is too short for any period (under 8 points) and refuse longer ones", () => {
    expect(json("print s = series_seasonal(dynamic([1, 3, 5, 1, 3, 5, 2]))")).toEqual([{ s: [0, 0, 0, 0, 0, 0, 0] }]);
    expect(() => json("print s = series_seasonal(dynamic([1, 3, 5, 1, 3, 5, 2, 4]))")).toThrow(
      /^unsupported: series_seasonal with automatic period detection/,
    );
  });
});
