import { describe, expect, it } from "vitest";
import { divideTicks, scaleTicks, timeArithmetic } from "../../src/kusto/values/arith";
import {
  civilFromDays,
  daysFromCivil,
  formatDatetime,
  formatTimespan,
  MAX_TICKS,
  MIN_TICKS,
  msFromTicks,
  parseDatetime,
  parseTimespan,
  ticksFromMs,
} from "../../src/kusto/values/time";
import { utcTicks } from "./scalars-helpers";

// Expected ticks (utcTicks): whole milliseconds from Date.UTC, independent of the code under test, times 10,000 plus extra ticks.

describe("the range of datetimes", () => {
  it("must run from 0001-01-01 to 9999-12-31T23:59:59.9999999", () => {
    // 0001-01-01 is 62,135,596,800 s before the epoch; 9999-12-31 is 253,402,214,400 s after it, plus one day less a tick
    expect(MIN_TICKS).toBe(-62_135_596_800n * 10_000_000n);
    expect(MAX_TICKS).toBe((253_402_214_400n + 86_400n) * 10_000_000n - 1n);
    expect(formatDatetime(MIN_TICKS)).toBe("0001-01-01T00:00:00.0000000Z");
    expect(formatDatetime(MAX_TICKS)).toBe("9999-12-31T23:59:59.9999999Z");
  });

  it("must print nothing for an instant outside the range rather than year 10000", () => {
    expect(formatDatetime(MAX_TICKS + 1n)).toBe("");
    expect(formatDatetime(MIN_TICKS - 1n)).toBe("");
  });

  it("must convert epoch milliseconds to ticks and back", () => {
    expect(ticksFromMs(1_500)).toBe(15_000_000n);
    expect(ticksFromMs(-1)).toBe(-10_000n);
    expect(msFromTicks(-15_001n)).toBe(-1.5001);
  });

  it("must map calendar dates to day numbers both ways, across leap years and before the epoch", () => {
    // 2000-03-01 is 11,017 days after 1970-01-01 (30 years incl. 7 leap days, then Jan + Feb 2000 = 60 days)
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(civilFromDays(11_017)).toEqual({ y: 2000, m: 3, d: 1 });
    expect(civilFromDays(-1)).toEqual({ y: 1969, m: 12, d: 31 });
    expect(daysFromCivil(1, 1, 1)).toBe(-719_162);
  });
});

describe("parseDatetime, the one strict parser", () => {
  it("must keep all seven fraction digits of the seed's TimeGenerated", () => {
    expect(parseDatetime("2022-08-17T23:18:26.4332392Z")).toBe(utcTicks(2022, 8, 17, 23, 18, 26, 433, 2_392));
    expect(formatDatetime(parseDatetime("2022-08-17T23:18:26.4332392Z") as bigint)).toBe(
      "2022-08-17T23:18:26.4332392Z",
    );
  });

  it("must refuse impossible calendar dates instead of rolling them over", () => {
    for (const text of [
      "2026-02-30",
      "2026-02-30T00:00:00Z",
      "2023-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
    ]) {
      expect(parseDatetime(text), text).toBeNull();
    }
    // 2024 is a leap year, 1900 is not, 2000 is
    expect(parseDatetime("2024-02-29")).toBe(utcTicks(2024, 2, 29));
    expect(parseDatetime("1900-02-29")).toBeNull();
    expect(parseDatetime("2000-02-29")).toBe(utcTicks(2000, 2, 29));
  });

  it("must refuse impossible times of day", () => {
    for (const text of [
      "2024-01-01T24:00",
      "2024-01-01T23:60",
      "2024-01-01T23:59:60",
      "2024-01-01T1",
      "2024-01-01T10:00:00.",
    ]) {
      expect(parseDatetime(text), text).toBeNull();
    }
  });

  it("must read the ISO 8601 forms of the datetime reference page, with T or a space", () => {
    expect(parseDatetime("2014-05-25T08:20:03.123456Z")).toBe(utcTicks(2014, 5, 25, 8, 20, 3, 123, 4_560));
    expect(parseDatetime("2014-05-25T08:20")).toBe(utcTicks(2014, 5, 25, 8, 20));
    expect(parseDatetime("2014-11-08 15:55:55")).toBe(utcTicks(2014, 11, 8, 15, 55, 55));
    expect(parseDatetime("2014-11-08")).toBe(utcTicks(2014, 11, 8));
    expect(parseDatetime("  2014-11-08  ")).toBe(utcTicks(2014, 11, 8));
  });

  it("must read the sortable forms: one-digit month and day, a spaced zone", () => {
    expect(parseDatetime("2014-11-8 15:05:25 GMT")).toBe(utcTicks(2014, 11, 8, 15, 5, 25));
    expect(parseDatetime("2014-1-8T15:05")).toBe(utcTicks(2014, 1, 8, 15, 5));
  });

  it("must apply numeric offsets: local time minus the offset is UTC", () => {
    // 08:00+05:30 is 02:30 UTC; 22:00-03:00 is 01:00 UTC the next day
    expect(parseDatetime("2024-03-10T08:00:00+05:30")).toBe(utcTicks(2024, 3, 10, 2, 30));
    expect(parseDatetime("2024-03-10T22:00:00-0300")).toBe(utcTicks(2024, 3, 11, 1));
  });

  it("must be null when an offset pushes the instant outside 0001..9999", () => {
    expect(parseDatetime("9999-12-31T23:00:00-02:00")).toBeNull();
    expect(parseDatetime("0001-01-01T00:30:00+01:00")).toBeNull();
  });

  it("must read RFC 822 and RFC 850 text with two-digit years and zone names", () => {
    expect(parseDatetime("Sat, 8 Nov 14 15:05:02 GMT")).toBe(utcTicks(2014, 11, 8, 15, 5, 2));
    expect(parseDatetime("8 Nov 14 15:05")).toBe(utcTicks(2014, 11, 8, 15, 5));
    expect(parseDatetime("Saturday, 08-Nov-14 15:05 GMT")).toBe(utcTicks(2014, 11, 8, 15, 5));
    expect(parseDatetime("08-Nov-14 15:05:02")).toBe(utcTicks(2014, 11, 8, 15, 5, 2));
    // PDT is UTC-7
    expect(parseDatetime("8 Nov 14 15:05 PDT")).toBe(utcTicks(2014, 11, 8, 22, 5));
  });

  it("must refuse RFC text whose weekday or day is wrong", () => {
    expect(parseDatetime("Sun, 8 Nov 14 15:05:02 GMT")).toBeNull();
    expect(parseDatetime("31 Nov 14 15:05")).toBeNull();
  });

  it("must read US-style month-first dates, 12-hour clock included", () => {
    expect(parseDatetime("12-02-2022")).toBe(utcTicks(2022, 12, 2));
    expect(parseDatetime("8/17/2022, 11:18:26.433 PM")).toBe(utcTicks(2022, 8, 17, 23, 18, 26, 433));
    expect(parseDatetime("2/30/2022")).toBeNull();
    expect(parseDatetime("8/17/2022 13:00 PM")).toBeNull();
  });

  it("must refuse text that is not a datetime", () => {
    for (const text of ["", "   ", "now", "20240102", "2024-01", "2024-01-02T10:00:00Zjunk", "2024-01-02X10:00"]) {
      expect(parseDatetime(text), text).toBeNull();
    }
  });
});

describe("parseTimespan and formatTimespan", () => {
  it("must read the literal forms of the timespan reference page exactly", () => {
    // 1.5 h = 5,400 s; 10 microseconds = 100 ticks; 1 tick
    expect(parseTimespan("2d")).toBe(2n * 864_000_000_000n);
    expect(parseTimespan("1.5h")).toBe(54_000_000_000n);
    expect(parseTimespan("30m")).toBe(18_000_000_000n);
    expect(parseTimespan("100ms")).toBe(1_000_000n);
    expect(parseTimespan("10microsecond")).toBe(100n);
    expect(parseTimespan("1tick")).toBe(1n);
    expect(parseTimespan("15 seconds")).toBe(150_000_000n);
    expect(parseTimespan("0.12:34:56.7")).toBe(((12n * 60n + 34n) * 60n + 56n) * 10_000_000n + 7_000_000n);
  });

  it("must read a bare whole number as days and refuse junk", () => {
    expect(parseTimespan("2")).toBe(1_728_000_000_000n);
    expect(parseTimespan("2w")).toBeNull();
    expect(parseTimespan("12:61")).toBeNull();
  });

  it("must print .NET's constant format: days only when non-zero, a 7-digit fraction only when non-zero", () => {
    expect(formatTimespan(0n)).toBe("00:00:00");
    expect(formatTimespan(54_000_000_000n)).toBe("01:30:00");
    expect(formatTimespan(864_000_000_000n + 1n)).toBe("1.00:00:00.0000001");
    expect(formatTimespan(-36_000_000_000n)).toBe("-01:00:00");
  });
});

describe("datetime and timespan arithmetic", () => {
  const run = (
    op: string,
    l: "datetime" | "timespan" | "long" | "real",
    r: "datetime" | "timespan" | "long" | "real",
    result: string,
    a: unknown,
    b: unknown,
  ) => timeArithmetic(op, l, r, result as never)!(a as never, b as never);

  it("must subtract datetimes exactly to the tick", () => {
    expect(
      run("-", "datetime", "datetime", "timespan", utcTicks(2024, 1, 1, 0, 0, 0, 0, 7), utcTicks(2024, 1, 1)),
    ).toBe(7n);
  });

  it("must give null when a datetime leaves 0001..9999", () => {
    expect(run("+", "datetime", "timespan", "datetime", MAX_TICKS, 1n)).toBeNull();
    expect(run("-", "datetime", "timespan", "datetime", MIN_TICKS, 1n)).toBeNull();
  });

  it("must divide timespans into a real and scale them by numbers", () => {
    // 1d / 5h = 4.8; 1.5 * 1h = 1:30; 1h / 7 rounds 514,285,714.28 ticks to 514,285,714
    expect(run("/", "timespan", "timespan", "real", 864_000_000_000n, 180_000_000_000n)).toBe(4.8);
    expect(run("*", "real", "timespan", "timespan", 1.5, 36_000_000_000n)).toBe(54_000_000_000n);
    expect(run("/", "timespan", "long", "timespan", 3_600_000_000n, 7)).toBe(514_285_714n);
  });

  it("must round half ticks to even, as .NET's TimeSpan * double does", () => {
    // 3 ticks × 0.5 = 1.5 → 2; 5 ticks × 0.5 = 2.5 → 2
    expect(scaleTicks(3n, 0.5)).toBe(2n);
    expect(scaleTicks(5n, 0.5)).toBe(2n);
    expect(divideTicks(5n, 2)).toBe(2n);
    expect(divideTicks(7n, 2)).toBe(4n);
    expect(divideTicks(-7n, 2)).toBe(-4n);
  });

  it("must keep the modulo of timespans non-negative, like Kusto's %", () => {
    // -90 min % 1 h = 30 min
    expect(run("%", "timespan", "timespan", "timespan", -54_000_000_000n, 36_000_000_000n)).toBe(18_000_000_000n);
  });

  it("must divide by zero to null", () => {
    expect(run("/", "timespan", "long", "timespan", 10n, 0)).toBeNull();
    expect(run("/", "timespan", "timespan", "real", 10n, 0n)).toBeNull();
  });
});
