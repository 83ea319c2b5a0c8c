import { describe, expect, it } from "vitest";
import { formatValue, scalarFunction } from "../../src/kusto/scalars";
import { call, NOW, utc } from "./scalars-helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dt = (ms: number) => formatValue(ms, "datetime");

describe("clock", () => {
  it("now() must read the injected clock", () => {
    expect(call("now", [], "datetime", [])).toBe(NOW);
    expect(call("now", ["timespan"], "datetime", [-HOUR])).toBe(NOW - HOUR);
  });

  it("now() and ago() must read the clock when called, so a compiled query can run at another time", () => {
    const clock = { now: 1_000 };
    const now = scalarFunction("now", [], "datetime", clock)!;
    const ago = scalarFunction("ago", ["timespan"], "datetime", clock)!;
    clock.now = 5_000;
    // 5000 - 1000 = 4000
    expect([now([]), ago([1_000])]).toEqual([5_000, 4_000]);
  });

  it("ago(span) must be now minus the span", () => {
    // NOW = 2024-03-10T12:00Z; ago(1d) = 2024-03-09T12:00Z
    expect(call("ago", ["timespan"], "datetime", [DAY])).toBe(utc(2024, 3, 9, 12));
  });
});

describe("start and end of periods", () => {
  it("startofday must drop the time of day", () => {
    expect(call("startofday", ["datetime"], "datetime", [utc(2024, 3, 13, 17, 5)])).toBe(utc(2024, 3, 13));
  });

  it("startofday with an offset must move whole days", () => {
    expect(call("startofday", ["datetime", "long"], "datetime", [utc(2024, 3, 13, 17, 5), -1])).toBe(utc(2024, 3, 12));
  });

  it("startofweek must go back to Sunday", () => {
    // 2024-03-13 is a Wednesday → Sunday 2024-03-10; a Sunday stays
    expect(call("startofweek", ["datetime"], "datetime", [utc(2024, 3, 13, 9)])).toBe(utc(2024, 3, 10));
    expect(call("startofweek", ["datetime"], "datetime", [utc(2024, 3, 10, 23)])).toBe(utc(2024, 3, 10));
  });

  it("startofmonth and startofyear must go to the first day", () => {
    expect(call("startofmonth", ["datetime"], "datetime", [utc(2024, 3, 13, 9)])).toBe(utc(2024, 3, 1));
    expect(call("startofmonth", ["datetime", "long"], "datetime", [utc(2024, 3, 13, 9), 1])).toBe(utc(2024, 4, 1));
    expect(call("startofyear", ["datetime"], "datetime", [utc(2024, 3, 13, 9)])).toBe(utc(2024, 1, 1));
  });

  it("endofday must fall in the last microsecond of the day, before the next midnight", () => {
    // Kusto gives 23:59:59.9999999; an epoch-ms double near 2024 resolves ~0.24 µs, so the closest value below midnight is used
    const end = call("endofday", ["datetime"], "datetime", [utc(2024, 3, 13, 9)]) as number;
    expect(end).toBeLessThan(utc(2024, 3, 14));
    expect(end).toBeGreaterThan(utc(2024, 3, 14) - 0.001);
    expect(dt(end)).toMatch(/^2024-03-13T23:59:59\.999999\dZ$/);
  });

  it("endofday must be exactly one tick before midnight where a double can hold it", () => {
    // 1970-01-02 is small enough for 100 ns resolution
    expect(dt(call("endofday", ["datetime"], "datetime", [utc(1970, 1, 1, 9)]) as number)).toBe("1970-01-01T23:59:59.9999999Z");
  });

  it("endofmonth must know February of a leap year", () => {
    const end = call("endofmonth", ["datetime"], "datetime", [utc(2024, 2, 10)]) as number;
    expect(dt(end)).toMatch(/^2024-02-29T23:59:59\.999999\dZ$/);
  });
});

describe("datetime_add, datetime_diff, datetime_part", () => {
  it("datetime_add by month must clip to the end of a shorter month", () => {
    // Jan 31 + 1 month: 2024 is a leap year → Feb 29; 2023 → Feb 28
    expect(call("datetime_add", ["string", "long", "datetime"], "datetime", ["month", 1, utc(2024, 1, 31, 8)])).toBe(utc(2024, 2, 29, 8));
    expect(call("datetime_add", ["string", "long", "datetime"], "datetime", ["month", 1, utc(2023, 1, 31)])).toBe(utc(2023, 2, 28));
  });

  it("datetime_add must add years, weeks, hours and minutes", () => {
    const base = utc(2024, 2, 29, 10);
    expect(call("datetime_add", ["string", "long", "datetime"], "datetime", ["year", 1, base])).toBe(utc(2025, 2, 28, 10));
    expect(call("datetime_add", ["string", "long", "datetime"], "datetime", ["week", 2, base])).toBe(utc(2024, 3, 14, 10));
    expect(call("datetime_add", ["string", "long", "datetime"], "datetime", ["hour", -3, base])).toBe(utc(2024, 2, 29, 7));
    expect(call("datetime_add", ["string", "long", "datetime"], "datetime", ["Minute", 90, base])).toBe(utc(2024, 2, 29, 11, 30));
  });

  it("datetime_add with an unknown period must say which periods exist", () => {
    expect(() => call("datetime_add", ["string", "long", "datetime"], "datetime", ["fortnight", 1, 0])).toThrow(/unknown period "fortnight".*year/);
  });

  it("datetime_diff must count calendar boundaries crossed", () => {
    // years: 2017 - 2000 = 17 although only one day apart at the edge
    expect(call("datetime_diff", ["string", "datetime", "datetime"], "long", ["year", utc(2017, 1, 1), utc(2000, 12, 31)])).toBe(17);
    // days: 2017-10-30 23:00 vs 2017-09-30 23:59 → Oct 30 - Sep 30 = 30 days
    expect(call("datetime_diff", ["string", "datetime", "datetime"], "long", ["day", utc(2017, 10, 30, 23), utc(2017, 9, 30, 23, 59)])).toBe(30);
    // hours: 11:00 vs 10:59 crosses one hour boundary
    expect(call("datetime_diff", ["string", "datetime", "datetime"], "long", ["hour", utc(2024, 1, 1, 11), utc(2024, 1, 1, 10, 59)])).toBe(1);
    // months: 2024-03-01 vs 2023-12-31 → (2024*12+2) - (2023*12+11) = 3
    expect(call("datetime_diff", ["string", "datetime", "datetime"], "long", ["month", utc(2024, 3, 1), utc(2023, 12, 31)])).toBe(3);
  });

  it("datetime_diff must match Kusto's documented week, quarter and minute examples", () => {
    const diff = (p: string, a: number, b: number) => call("datetime_diff", ["string", "datetime", "datetime"], "long", [p, a, b]);
    // Q3 - Q1 = 2
    expect(diff("quarter", utc(2017, 7, 1), utc(2017, 3, 30))).toBe(2);
    // Sunday 2017-10-29 vs the week starting Sunday 2017-09-24: 35 days = 5 weeks
    expect(diff("week", utc(2017, 10, 29), utc(2017, 9, 30, 23, 59))).toBe(5);
    // 23:05 - 23:00 = 5 minute boundaries
    expect(diff("minute", utc(2017, 10, 30, 23, 5, 1), utc(2017, 10, 30, 23, 0, 59))).toBe(5);
  });

  it("datetime_diff must count microseconds without losing precision", () => {
    // 1.5 ms later = 1500 µs; 1 s later = 1000 ms
    const t = utc(2024, 3, 13, 17);
    expect(call("datetime_diff", ["string", "datetime", "datetime"], "long", ["microsecond", t + 1.5, t])).toBe(1500);
    expect(call("datetime_diff", ["string", "datetime", "datetime"], "long", ["millisecond", t + 1000, t])).toBe(1000);
  });

  it("datetime_part must give the fraction of the second in µs and ns", () => {
    // .2503 s = 250300 µs = 250300000 ns
    const t = utc(2024, 3, 13, 17, 5, 9, 250) + 0.3;
    expect(call("datetime_part", ["string", "datetime"], "int", ["microsecond", t])).toBe(250300);
    expect(call("datetime_part", ["string", "datetime"], "long", ["nanosecond", t])).toBe(250300000);
  });

  it("datetime_part must read calendar parts", () => {
    const t = utc(2024, 3, 13, 17, 5, 9, 250);
    const part = (p: string) => call("datetime_part", ["string", "datetime"], "int", [p, t]);
    expect([part("year"), part("quarter"), part("month"), part("day"), part("hour"), part("minute"), part("second"), part("millisecond")]).toEqual([
      2024, 1, 3, 13, 17, 5, 9, 250,
    ]);
    // Jan 1-2 of 2024 plus 29 + 13 days of Feb and Mar: 31 + 29 + 13 = 73
    expect(part("dayofyear")).toBe(73);
  });

  it("week_of_year must follow ISO 8601", () => {
    // 2024-01-01 is a Monday → week 1; 2021-01-01 is a Friday → week 53 of 2020
    expect(call("datetime_part", ["string", "datetime"], "int", ["week_of_year", utc(2024, 1, 1)])).toBe(1);
    expect(call("weekofyear", ["datetime"], "int", [utc(2021, 1, 1)])).toBe(53);
  });

  it("dayofweek must be a timespan of days since Sunday", () => {
    // Wednesday → 3 days
    expect(call("dayofweek", ["datetime"], "timespan", [utc(2024, 3, 13, 17)])).toBe(3 * DAY);
  });

  it("hourofday must be the UTC hour", () => {
    expect(call("hourofday", ["datetime"], "int", [utc(2024, 3, 13, 17, 59)])).toBe(17);
  });
});

describe("formatting and making datetimes", () => {
  it("format_datetime must understand Kusto's specifiers", () => {
    const t = utc(2024, 3, 9, 15, 4, 5, 60);
    const f = (fmt: string) => call("format_datetime", ["datetime", "string"], "string", [t, fmt]);
    expect(f("yyyy-MM-dd HH:mm:ss.fff")).toBe("2024-03-09 15:04:05.060");
    expect(f("M/d/yy h:mm tt")).toBe("3/9/24 3:04 PM");
    expect(f("dd.MM.yyyy [HH_mm]")).toBe("09.03.2024 [15_04]");
  });

  it("format_datetime's F must drop trailing zeros and a bare dot", () => {
    // .060 → "06"; a whole second → no fraction and no dot
    expect(call("format_datetime", ["datetime", "string"], "string", [utc(2024, 3, 9, 15, 4, 5, 60), "ss.FFF"])).toBe("05.06");
    expect(call("format_datetime", ["datetime", "string"], "string", [utc(2024, 3, 9, 15, 4, 5), "ss.FFF"])).toBe("05");
  });

  it("format_datetime must spell month and day names for MMM, MMMM, ddd and dddd", () => {
    // 2024-03-09 was a Saturday
    expect(call("format_datetime", ["datetime", "string"], "string", [utc(2024, 3, 9), "ddd, dd MMM yyyy"])).toBe("Sat, 09 Mar 2024");
    expect(call("format_datetime", ["datetime", "string"], "string", [utc(2024, 3, 9), "dddd d MMMM"])).toBe("Saturday 9 March");
  });

  it("format_datetime must copy letters that are not specifiers, like the T of ISO 8601", () => {
    expect(call("format_datetime", ["datetime", "string"], "string", [utc(2024, 3, 9, 15, 4), "yyyy-MM-ddTHH:mm"])).toBe("2024-03-09T15:04");
  });

  it("format_datetime must refuse more than 7 fractional digits, naming the format", () => {
    expect(() => call("format_datetime", ["datetime", "string"], "string", [0, "ss.ffffffff"])).toThrow(/"ffffffff" in "ss.ffffffff"/);
  });

  it("format_datetime must match Kusto's documented examples", () => {
    // 2015-12-14 02:03:04.12345 → y=15, M=12, d=14, h=2, m=3, s=4, 7 fraction digits 1234500
    const t = utc(2015, 12, 14, 2, 3, 4) + 123.45;
    expect(call("format_datetime", ["datetime", "string"], "string", [t, "y-M-d h:m:s.fffffff"])).toBe("15-12-14 2:3:4.1234500");
    expect(call("format_datetime", ["datetime", "string"], "string", [utc(2017, 1, 29, 9, 0, 5), "yy-MM-dd [hh:mm:ss tt]"])).toBe("17-01-29 [09:00:05 AM]");
  });

  it("format_timespan must match Kusto's documented examples", () => {
    // 29.09:00:05.12345: dd=29, hh=09, FF=12 (trailing zeros dropped), ddd=029, h=9, fffffff=1234500
    const span = 29 * DAY + 9 * HOUR + 5_000 + 123.45;
    expect(call("format_timespan", ["timespan", "string"], "string", [span, "dd.hh:mm:ss [FF]"])).toBe("29.09:00:05 [12]");
    expect(call("format_timespan", ["timespan", "string"], "string", [span, "ddd.h:mm:ss [fffffff]"])).toBe("029.9:00:05 [1234500]");
  });

  it("format_timespan must print days, hours and fractions", () => {
    // 1 day 2 h 3 min 4.5 s
    const span = DAY + 2 * HOUR + 3 * 60_000 + 4_500;
    expect(call("format_timespan", ["timespan", "string"], "string", [span, "d.hh:mm:ss.f"])).toBe("1.02:03:04.5");
    expect(call("format_timespan", ["timespan", "string"], "string", [90 * 60_000, "hh:mm"])).toBe("01:30");
  });

  it("make_datetime must build a UTC datetime with fractional seconds", () => {
    expect(call("make_datetime", ["long", "long", "long", "long", "long", "real"], "datetime", [2024, 2, 29, 10, 30, 15.5])).toBe(
      utc(2024, 2, 29, 10, 30, 15, 500),
    );
    expect(call("make_datetime", ["long", "long", "long"], "datetime", [2023, 2, 29])).toBeNull();
  });

  it("unixtime conversions must scale to milliseconds", () => {
    // 1,700,000,000 s after the epoch = 2023-11-14T22:13:20Z
    expect(call("unixtime_seconds_todatetime", ["long"], "datetime", [1_700_000_000])).toBe(utc(2023, 11, 14, 22, 13, 20));
    expect(call("unixtime_milliseconds_todatetime", ["long"], "datetime", [1_700_000_000_123])).toBe(utc(2023, 11, 14, 22, 13, 20, 123));
  });
});
