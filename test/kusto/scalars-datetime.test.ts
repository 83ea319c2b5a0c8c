import { describe, expect, it } from "vitest";
import { formatValue, scalarFunction } from "../../src/kusto/scalars";
import { call, NOW, utcTicks } from "./scalars-helpers";

// Datetimes and timespans are bigint 100-ns ticks; expected ticks are built by utcTicks from Date.UTC (whole ms) plus extra ticks.
const TICK_MS = 10_000n;
const ms = (n: number): bigint => BigInt(n) * TICK_MS;
const HOUR = ms(3_600_000);
const DAY = 24n * HOUR;
const NOW_TICKS = ms(NOW);
const dt = (t: bigint) => formatValue(t, "datetime");

describe("clock", () => {
  it("now() must read the injected clock as ticks", () => {
    expect(call("now", [], "datetime", [])).toBe(NOW_TICKS);
    expect(call("now", ["timespan"], "datetime", [-HOUR])).toBe(NOW_TICKS - HOUR);
  });

  it("now() and ago() must read the clock when called, so a compiled query can run at another time", () => {
    const clock = { now: 1_000 };
    const now = scalarFunction("now", [], "datetime", clock)!;
    const ago = scalarFunction("ago", ["timespan"], "datetime", clock)!;
    clock.now = 5_000;
    // 5000 ms = 50,000,000 ticks; minus 1000 ms = 40,000,000 ticks
    expect([now([]), ago([ms(1_000)])]).toEqual([50_000_000n, 40_000_000n]);
  });

  it("ago(span) must be now minus the span", () => {
    // NOW = 2024-03-10T12:00Z; ago(1d) = 2024-03-09T12:00Z
    expect(call("ago", ["timespan"], "datetime", [DAY])).toBe(utcTicks(2024, 3, 9, 12));
  });

  it("ago() past 0001-01-01 must be null, not a year-0 date", () => {
    expect(call("ago", ["timespan"], "datetime", [DAY * 800_000n])).toBeNull();
  });
});

describe("start and end of periods", () => {
  it("startofday must drop the time of day", () => {
    expect(call("startofday", ["datetime"], "datetime", [utcTicks(2024, 3, 13, 17, 5)])).toBe(utcTicks(2024, 3, 13));
  });

  it("startofday with an offset must move whole days", () => {
    expect(call("startofday", ["datetime", "long"], "datetime", [utcTicks(2024, 3, 13, 17, 5), -1])).toBe(
      utcTicks(2024, 3, 12),
    );
  });

  it("startofweek must go back to Sunday", () => {
    // 2024-03-13 is a Wednesday → Sunday 2024-03-10; a Sunday stays
    expect(call("startofweek", ["datetime"], "datetime", [utcTicks(2024, 3, 13, 9)])).toBe(utcTicks(2024, 3, 10));
    expect(call("startofweek", ["datetime"], "datetime", [utcTicks(2024, 3, 10, 23)])).toBe(utcTicks(2024, 3, 10));
  });

  it("startofweek must work before 1970 too", () => {
    // 1969-12-31 was a Wednesday → Sunday 1969-12-28
    expect(call("startofweek", ["datetime"], "datetime", [utcTicks(1969, 12, 31, 5)])).toBe(utcTicks(1969, 12, 28));
  });

  it("startofmonth and startofyear must go to the first day", () => {
    expect(call("startofmonth", ["datetime"], "datetime", [utcTicks(2024, 3, 13, 9)])).toBe(utcTicks(2024, 3, 1));
    expect(call("startofmonth", ["datetime", "long"], "datetime", [utcTicks(2024, 3, 13, 9), 10])).toBe(
      utcTicks(2025, 1, 1),
    );
    expect(call("startofyear", ["datetime"], "datetime", [utcTicks(2024, 3, 13, 9)])).toBe(utcTicks(2024, 1, 1));
  });

  it("endofday must be the last tick of the day: 23:59:59.9999999", () => {
    const end = call("endofday", ["datetime"], "datetime", [utcTicks(2024, 3, 13, 9)]) as bigint;
    expect(end).toBe(utcTicks(2024, 3, 14) - 1n);
    expect(dt(end)).toBe("2024-03-13T23:59:59.9999999Z");
  });

  it("endofweek, endofmonth and endofyear with offsets must end on the period's last tick", () => {
    // week of Wed 2024-03-13 ends Sat 03-16; one week later Sat 03-23
    expect(dt(call("endofweek", ["datetime", "long"], "datetime", [utcTicks(2024, 3, 13), 1]) as bigint)).toBe(
      "2024-03-23T23:59:59.9999999Z",
    );
    expect(dt(call("endofmonth", ["datetime"], "datetime", [utcTicks(2024, 2, 10)]) as bigint)).toBe(
      "2024-02-29T23:59:59.9999999Z",
    );
    expect(dt(call("endofyear", ["datetime", "long"], "datetime", [utcTicks(2024, 2, 10), -1]) as bigint)).toBe(
      "2023-12-31T23:59:59.9999999Z",
    );
  });

  it("endofyear of year 9999 must be the largest datetime, and one year later null", () => {
    expect(dt(call("endofyear", ["datetime"], "datetime", [utcTicks(9999, 6, 1)]) as bigint)).toBe(
      "9999-12-31T23:59:59.9999999Z",
    );
    expect(call("endofyear", ["datetime", "long"], "datetime", [utcTicks(9999, 6, 1), 1])).toBeNull();
  });
});

describe("datetime_add, datetime_diff, datetime_part", () => {
  const add = (p: string, n: number, t: bigint) =>
    call("datetime_add", ["string", "long", "datetime"], "datetime", [p, n, t]);
  const diff = (p: string, a: bigint, b: bigint) =>
    call("datetime_diff", ["string", "datetime", "datetime"], "long", [p, a, b]);

  it("datetime_add by month must clip to the end of a shorter month", () => {
    // Jan 31 + 1 month: 2024 is a leap year → Feb 29; 2023 → Feb 28
    expect(add("month", 1, utcTicks(2024, 1, 31, 8))).toBe(utcTicks(2024, 2, 29, 8));
    expect(add("month", 1, utcTicks(2023, 1, 31))).toBe(utcTicks(2023, 2, 28));
  });

  it("datetime_add must add years, quarters, weeks, hours and minutes", () => {
    const base = utcTicks(2024, 2, 29, 10);
    expect(add("year", 1, base)).toBe(utcTicks(2025, 2, 28, 10));
    expect(add("quarter", -1, base)).toBe(utcTicks(2023, 11, 29, 10));
    expect(add("week", 2, base)).toBe(utcTicks(2024, 3, 14, 10));
    expect(add("hour", -3, base)).toBe(utcTicks(2024, 2, 29, 7));
    expect(add("Minute", 90, base)).toBe(utcTicks(2024, 2, 29, 11, 30));
  });

  it("datetime_add must keep sub-millisecond ticks: 1 microsecond is 10 ticks, 100 nanoseconds 1 tick", () => {
    const base = utcTicks(2024, 2, 29, 10, 0, 0, 0, 4_332_392 % 10_000);
    expect(add("microsecond", 3, base)).toBe(base + 30n);
    expect(add("nanosecond", 700, base)).toBe(base + 7n);
  });

  it("datetime_add past 9999-12-31 must be null", () => {
    expect(add("year", 1, utcTicks(9999, 3, 1))).toBeNull();
  });

  it("datetime_add with an unknown period must say which periods exist", () => {
    expect(() => add("fortnight", 1, 0n)).toThrow(/unknown period "fortnight".*year/);
  });

  it("datetime_diff must count calendar boundaries crossed", () => {
    // years: 2017 - 2000 = 17 although only one day apart at the edge
    expect(diff("year", utcTicks(2017, 1, 1), utcTicks(2000, 12, 31))).toBe(17);
    // days: 2017-10-30 23:00 vs 2017-09-30 23:59 → Oct 30 - Sep 30 = 30 days
    expect(diff("day", utcTicks(2017, 10, 30, 23), utcTicks(2017, 9, 30, 23, 59))).toBe(30);
    // hours: 11:00 vs 10:59 crosses one hour boundary
    expect(diff("hour", utcTicks(2024, 1, 1, 11), utcTicks(2024, 1, 1, 10, 59))).toBe(1);
    // months: 2024-03-01 vs 2023-12-31 → (2024*12+2) - (2023*12+11) = 3
    expect(diff("month", utcTicks(2024, 3, 1), utcTicks(2023, 12, 31))).toBe(3);
  });

  it("datetime_diff by week must count Sunday-started weeks", () => {
    // Q3 - Q1 = 2
    expect(diff("quarter", utcTicks(2017, 7, 1), utcTicks(2017, 3, 30))).toBe(2);
    // Sunday 2024-03-10 vs Saturday 2024-03-09: different weeks → 1; Saturday vs the Sunday before it → 0
    expect(diff("week", utcTicks(2024, 3, 10), utcTicks(2024, 3, 9, 23, 59))).toBe(1);
    expect(diff("week", utcTicks(2024, 3, 9, 23), utcTicks(2024, 3, 3))).toBe(0);
  });

  it("datetime_diff must count sub-second units exactly", () => {
    // .1234567 vs .1234561: 6 ticks → 600 ns; microseconds: 123456 - 123456 = 0; milliseconds 123 - 123 = 0
    const a = utcTicks(2024, 3, 13, 17, 0, 0, 123, 4_567);
    const b = utcTicks(2024, 3, 13, 17, 0, 0, 123, 4_561);
    expect(diff("nanosecond", a, b)).toBe(600);
    expect(diff("nanosecond", b, a)).toBe(-600);
    expect(diff("microsecond", a, b)).toBe(0);
    // 1.5 ms later = 1500 µs
    expect(diff("microsecond", a + 15_000n, a)).toBe(1500);
  });

  it("datetime_diff in nanoseconds across millennia must fail, not wrap (concepts/overflow.md)", () => {
    // 0001-01-01 to 9999-12-31: 3,155,378,975,999,999,999 ticks x 100 ns is beyond Int64.
    expect(() => diff("nanosecond", utcTicks(9999, 12, 31, 23, 59, 59, 999, 9_999), -621_355_968_000_000_000n)).toThrow(
      /overflows a long/,
    );
  });

  it("datetime_part must give the fraction of the second in ms, µs and ns", () => {
    // .2503001 s = 250 ms = 250300 µs = 250300100 ns
    const t = utcTicks(2024, 3, 13, 17, 5, 9, 250, 3_001);
    expect(call("datetime_part", ["string", "datetime"], "int", ["millisecond", t])).toBe(250);
    expect(call("datetime_part", ["string", "datetime"], "int", ["microsecond", t])).toBe(250300);
    expect(call("datetime_part", ["string", "datetime"], "long", ["nanosecond", t])).toBe(250300100);
  });

  it("datetime_part must read calendar parts", () => {
    const t = utcTicks(2024, 3, 13, 17, 5, 9, 250);
    const part = (p: string) => call("datetime_part", ["string", "datetime"], "int", [p, t]);
    expect([
      part("year"),
      part("quarter"),
      part("month"),
      part("day"),
      part("hour"),
      part("minute"),
      part("second"),
    ]).toEqual([2024, 1, 3, 13, 17, 5, 9]);
    // 31 days of January + 29 of February + 13 = 73
    expect(part("DayOfYear")).toBe(73);
  });

  it("datetime_part with an unknown part must name the parts", () => {
    expect(() => call("datetime_part", ["string", "datetime"], "int", ["fortnight", 0n])).toThrow(
      /unknown part "fortnight"/,
    );
  });

  it("week_of_year must follow ISO 8601", () => {
    // 2024-01-01 is a Monday → week 1; 2021-01-01 is a Friday → week 53 of 2020; 2026-12-31 is a Thursday → week 53
    expect(call("datetime_part", ["string", "datetime"], "int", ["week_of_year", utcTicks(2024, 1, 1)])).toBe(1);
    expect(call("week_of_year", ["datetime"], "int", [utcTicks(2021, 1, 1)])).toBe(53);
    expect(call("week_of_year", ["datetime"], "int", [utcTicks(2026, 12, 31)])).toBe(53);
  });

  it("dayofweek must be a timespan of days since Sunday", () => {
    // Wednesday → 3 days
    expect(call("dayofweek", ["datetime"], "timespan", [utcTicks(2024, 3, 13, 17)])).toBe(3n * DAY);
  });

  it("hourofday, dayofmonth, dayofyear, monthofyear and getyear must read UTC parts", () => {
    const t = utcTicks(2024, 12, 31, 17, 59);
    expect(call("hourofday", ["datetime"], "int", [t])).toBe(17);
    expect(call("dayofmonth", ["datetime"], "int", [t])).toBe(31);
    // 2024 is a leap year: 366 days
    expect(call("dayofyear", ["datetime"], "int", [t])).toBe(366);
    expect(call("monthofyear", ["datetime"], "int", [t])).toBe(12);
    expect(call("getyear", ["datetime"], "long", [t])).toBe(2024);
  });
});

describe("formatting and making datetimes", () => {
  const fmt = (t: bigint, f: string) => call("format_datetime", ["datetime", "string"], "string", [t, f]);

  it("format_datetime must understand Kusto's specifiers", () => {
    const t = utcTicks(2024, 3, 9, 15, 4, 5, 60);
    expect(fmt(t, "yyyy-MM-dd HH:mm:ss.fff")).toBe("2024-03-09 15:04:05.060");
    expect(fmt(t, "M/d/yy h:mm tt")).toBe("3/9/24 3:04 PM");
    expect(fmt(t, "dd.MM.yyyy [HH_mm]")).toBe("09.03.2024 [15_04]");
  });

  it("format_datetime's F must drop trailing zeros and a bare dot", () => {
    // .060 → "06"; a whole second → no fraction and no dot
    expect(fmt(utcTicks(2024, 3, 9, 15, 4, 5, 60), "ss.FFF")).toBe("05.06");
    expect(fmt(utcTicks(2024, 3, 9, 15, 4, 5), "ss.FFF")).toBe("05");
  });

  it("format_datetime must print all 7 fraction digits from the ticks", () => {
    // 26.4332392 s: fffffff = 4332392, ffff = 4332
    const t = utcTicks(2022, 8, 17, 23, 18, 26, 433, 2_392);
    expect(fmt(t, "ss.fffffff")).toBe("26.4332392");
    expect(fmt(t, "ss.ffff")).toBe("26.4332");
  });

  it("format_datetime must refuse month and day names (MMM, dddd), which its page does not list", () => {
    // Kusto-Query-Language issue #118 asked for MMM; format-datetime-function.md still lists M and MM only.
    expect(() => fmt(utcTicks(2024, 3, 9), "dd MMM yyyy")).toThrow(/unsupported: format_datetime format element "MMM"/);
    expect(() => fmt(utcTicks(2024, 3, 9), "dddd d")).toThrow(/element "dddd"/);
  });

  it("format_datetime must pad years before 1000 to four digits", () => {
    expect(fmt(utcTicks(900, 1, 1), "yyyy yy y")).toBe("0900 00 0");
  });

  it("format_datetime must refuse a letter that is neither an element nor a listed delimiter, like a T", () => {
    expect(() => fmt(utcTicks(2024, 3, 9, 15, 4), "yyyy-MM-ddTHH:mm")).toThrow(/element "T"/);
  });

  it("format_datetime must refuse more than 7 fractional digits, naming the format", () => {
    expect(() => fmt(0n, "ss.ffffffff")).toThrow(/"ffffffff" in "ss.ffffffff"/);
  });

  it("format_timespan must print days, hours and fractions", () => {
    // 29 days 9 h 5.1234500 s: dd=29, hh=09, FF=12, ddd=029, h=9
    const span = 29n * DAY + 9n * HOUR + 51_234_500n;
    expect(call("format_timespan", ["timespan", "string"], "string", [span, "dd.hh:mm:ss [FF]"])).toBe(
      "29.09:00:05 [12]",
    );
    expect(call("format_timespan", ["timespan", "string"], "string", [span, "ddd.h:mm:ss [fffffff]"])).toBe(
      "029.9:00:05 [1234500]",
    );
    expect(call("format_timespan", ["timespan", "string"], "string", [-90n * ms(60_000), "hh:mm"])).toBe("-01:30");
  });

  it("make_datetime must build a UTC datetime with fractional seconds rounded to ticks", () => {
    // 15.1234567 s keeps all 7 digits
    expect(
      call(
        "make_datetime",
        ["long", "long", "long", "long", "long", "real"],
        "datetime",
        [2024, 2, 29, 10, 30, 15.1234567],
      ),
    ).toBe(utcTicks(2024, 2, 29, 10, 30, 15, 123, 4_567));
    expect(call("make_datetime", ["long", "long", "long"], "datetime", [2023, 2, 29])).toBeNull();
    expect(
      call("make_datetime", ["long", "long", "long", "long", "long"], "datetime", [2023, 2, 28, 24, 0]),
    ).toBeNull();
  });

  it("make_timespan must add days, hours, minutes and fractional seconds", () => {
    // 1 day 12:30:55.123
    expect(call("make_timespan", ["long", "long", "long", "real"], "timespan", [1, 12, 30, 55.123])).toBe(
      DAY + 12n * HOUR + 30n * ms(60_000) + ms(55_123),
    );
    expect(call("make_timespan", ["long", "long"], "timespan", [2, 15])).toBe(2n * HOUR + 15n * ms(60_000));
  });

  it("unixtime conversions must scale exactly to ticks", () => {
    // 1,700,000,000 s after the epoch = 2023-11-14T22:13:20Z
    expect(call("unixtime_seconds_todatetime", ["long"], "datetime", [1_700_000_000])).toBe(
      utcTicks(2023, 11, 14, 22, 13, 20),
    );
    expect(call("unixtime_milliseconds_todatetime", ["long"], "datetime", [1_700_000_000_123])).toBe(
      utcTicks(2023, 11, 14, 22, 13, 20, 123),
    );
    expect(call("unixtime_microseconds_todatetime", ["long"], "datetime", [1_700_000_000_123_456])).toBe(
      utcTicks(2023, 11, 14, 22, 13, 20, 123, 4_560),
    );
    // nanoseconds beyond 2^53 arrive as a bigint long; 789 ns is 7 whole ticks
    expect(call("unixtime_nanoseconds_todatetime", ["long"], "datetime", [1_700_000_000_123_456_789n])).toBe(
      utcTicks(2023, 11, 14, 22, 13, 20, 123, 4_567),
    );
    expect(call("unixtime_seconds_todatetime", ["real"], "datetime", [1.5])).toBe(15_000_000n);
  });
});

describe("binning datetimes and timespans", () => {
  it("bin must floor datetimes to the size, exactly on ticks", () => {
    expect(call("bin", ["datetime", "timespan"], "datetime", [utcTicks(2024, 3, 13, 17, 5, 9, 250, 1), HOUR])).toBe(
      utcTicks(2024, 3, 13, 17),
    );
  });

  it("bin by 7d must align weeks to Monday, from Kusto's 0001-01-01 origin", () => {
    // 0001-01-01 was a Monday, so 7-day bins start on Mondays: Wed 2024-03-13 → Mon 2024-03-11
    expect(call("bin", ["datetime", "timespan"], "datetime", [utcTicks(2024, 3, 13, 17), 7n * DAY])).toBe(
      utcTicks(2024, 3, 11),
    );
  });

  it("bin must floor negative timespans down, and a zero or negative size is null", () => {
    // -90 min in 1 h bins → -2 h
    expect(call("bin", ["timespan", "timespan"], "timespan", [-90n * ms(60_000), HOUR])).toBe(-2n * HOUR);
    expect(call("bin", ["timespan", "timespan"], "timespan", [HOUR, 0n])).toBeNull();
  });

  it("bin_at must align bins to the fixed point", () => {
    // daily bins aligned on noon: 2024-03-13 09:00 → 2024-03-12 12:00
    expect(
      call("bin_at", ["datetime", "timespan", "datetime"], "datetime", [
        utcTicks(2024, 3, 13, 9),
        DAY,
        utcTicks(1970, 1, 1, 12),
      ]),
    ).toBe(utcTicks(2024, 3, 12, 12));
    // 1 h in 1 d bins aligned on 12 h → -12 h
    expect(call("bin_at", ["timespan", "timespan", "timespan"], "timespan", [HOUR, DAY, 12n * HOUR])).toBe(-12n * HOUR);
  });

  it("bin on numbers must still work through the numeric implementation", () => {
    expect(call("bin", ["real", "real"], "real", [4.5, 1])).toBe(4);
  });

  it("range of datetimes must hold their ISO text, 1 h apart by default", () => {
    expect(
      call("range", ["datetime", "datetime"], "dynamic", [utcTicks(2024, 1, 1, 22), utcTicks(2024, 1, 2)]),
    ).toEqual(["2024-01-01T22:00:00.0000000Z", "2024-01-01T23:00:00.0000000Z", "2024-01-02T00:00:00.0000000Z"]);
  });

  it("range of timespans must print them as timespans", () => {
    expect(call("range", ["timespan", "timespan", "timespan"], "dynamic", [HOUR, 2n * DAY, DAY])).toEqual([
      "01:00:00",
      "1.01:00:00",
    ]);
  });
});
