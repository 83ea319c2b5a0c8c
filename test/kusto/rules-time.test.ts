// Rules the reference pages state in prose for datetimes, timespans, numbers and conversions (one page cited per test).
import { describe, expect, it } from "vitest";
import { json } from "./helpers";

const row = (kql: string): Record<string, unknown> => json(kql)[0];

describe("abs() of a timespan", () => {
  it("abs of a negative timespan must be the timespan without its sign, printed as a timespan", () => {
    // abs-function.md: x may be a timespan; abs(-1h30m) is 1h30m and stays a timespan.
    expect(row("print a = abs(-90m), b = abs(1tick), c = abs(time(null))")).toEqual({
      a: "01:30:00",
      b: "00:00:00.0000001",
      c: null,
    });
  });
});

describe("timespan overflow", () => {
  // A timespan is int64 ticks (±10675199.02:48:05.4775807); concepts/overflow.md: an overflow fails the query.
  it("a timespan times a number beyond int64 ticks must fail, not print a day count in exponent form", () => {
    expect(() => json("print 1d * 1e30")).toThrow(/timespan overflow/);
    expect(() => json("print 2 * time(10675199.00:00:00)")).toThrow(/timespan overflow/);
  });

  it("timespan + timespan one tick past the largest timespan must fail", () => {
    expect(() => json("print time(10675199.02:48:05.4775807) + 1tick")).toThrow(/timespan overflow/);
  });

  it("the largest timespan itself and its negation are values", () => {
    // -(2^63 - 1) ticks is in range; only -(-2^63) is not.
    expect(row("print a = time(10675199.02:48:05.4775807), b = -time(10675199.02:48:05.4775807)")).toEqual({
      a: "10675199.02:48:05.4775807",
      b: "-10675199.02:48:05.4775807",
    });
  });

  it("sum() of timespans whose total passes int64 ticks must fail", () => {
    // 3 x 5,000,000 days = 15,000,000 days > 10,675,199 days.
    expect(() => json("range x from 1 to 3 step 1 | summarize sum(5000000d)")).toThrow(/timespan overflow/);
  });
});

describe("datetime/timespan arithmetic that the page does not define", () => {
  it("timespan - datetime must be refused: datetime-timespan-arithmetic.md only subtracts a timespan from a datetime", () => {
    expect(() => json("print 1h - datetime(2020-01-01)")).toThrow(/unsupported: operator - on timespan and datetime/);
  });

  it("a datetime minus a JSON value in a dynamic must be refused, not null", () => {
    // No page says how a dynamic converts in datetime arithmetic; todatetime() does (todatetime-function.md).
    expect(() => json("print datetime(2020-01-01) - dynamic('2019-12-31')")).toThrow(/unsupported: - of a datetime/);
    // With todatetime() the difference is one day.
    expect(row("print d = datetime(2020-01-01) - todatetime(dynamic('2019-12-31'))")).toEqual({ d: "1.00:00:00" });
  });

  it("a null dynamic beside a datetime is still null", () => {
    expect(row("print d = datetime(2020-01-01) - dynamic(null)")).toEqual({ d: null });
  });
});
