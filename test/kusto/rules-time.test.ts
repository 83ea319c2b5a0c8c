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
    expect(() => json("print 1d * 1e30")).toThrow(/^timespan overflow.* at 1:7$/);
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

describe("how a real prints as text", () => {
  // tostring(real) is .NET's shortest round-trip text; FormatGeneral (dotnet/runtime Number.Formatting.cs) goes to
  // exponent form when the number is below 1E-04 (scale < -3) or from 1E+15 up, with at least two exponent digits.
  it("a real from 1E-04 up prints in fixed notation, below it in exponent notation", () => {
    expect(
      row("print a = tostring(0.0001), b = tostring(0.000015), c = tostring(0.00001), d = tostring(0.00009)"),
    ).toEqual({
      a: "0.0001",
      b: "1.5E-05",
      c: "1E-05",
      d: "9E-05",
    });
  });

  it("the same text is used for a real inside a dynamic", () => {
    expect(row("print s = tostring(dynamic([0.000015, 0.0001, 1.5e-7]))")).toEqual({ s: "[1.5E-05,0.0001,1.5E-07]" });
  });
});

describe("week numbers", () => {
  it("weekofyear() must be refused: week-of-year-function.md calls it an obsolete non-ISO variant without its exact rule", () => {
    expect(() => json("print weekofyear(datetime(2015-01-01))")).toThrow(/unsupported: weekofyear\(\)/);
  });

  it("week_of_year() follows ISO 8601: 2015-01-01 (a Thursday) is in week 1, 2016-01-01 (a Friday) in week 53", () => {
    // week-of-year-function.md: week 1 is the week with the year's first Thursday; 2015-12-31 is a Thursday of week 53.
    expect(row("print a = week_of_year(datetime(2015-01-01)), b = week_of_year(datetime(2016-01-01))")).toEqual({
      a: 1,
      b: 53,
    });
  });
});

describe("datetime_diff in nanoseconds", () => {
  it("a difference beyond a long's nanoseconds must fail (concepts/overflow.md), not wrap", () => {
    // 300 years is about 9.47e18 ns > 2^63 - 1 (about 9.22e18).
    expect(() => json("print datetime_diff('nanosecond', datetime(2300-01-01), datetime(2000-01-01))")).toThrow(
      /overflows a long/,
    );
  });

  it("a difference within a long is exact", () => {
    // 200 years: 73,049 days (49 leap days, as 2100 is not leap) x 86,400 s x 1e9 = 6,311,433,600,000,000,000 ns.
    expect(row("print d = datetime_diff('nanosecond', datetime(2200-01-01), datetime(2000-01-01))")).toEqual({
      d: "6311433600000000000",
    });
  });
});

describe("timespans past int64 ticks are not timespans", () => {
  it("totimespan of text beyond the largest timespan must be null (totimespan-function.md: else null)", () => {
    // 10675200 days > 10675199.02:48:05.4775807, the largest timespan.
    expect(row("print a = totimespan('10675200.00:00:00'), b = totimespan('10675199.02:48:05.4775807')")).toEqual({
      a: null,
      b: "10675199.02:48:05.4775807",
    });
  });

  it("make_timespan beyond the largest timespan must be null (make-timespan-function.md: otherwise null)", () => {
    expect(row("print a = make_timespan(2147483647, 0, 0, 0), b = make_timespan(1, 12, 30, 0)")).toEqual({
      a: null,
      b: "1.12:30:00",
    });
  });
});

describe("format_datetime and format_timespan elements", () => {
  it("the listed elements and delimiters format a datetime", () => {
    // format-datetime-function.md: 2009-06-15T13:45:30.6175425 gives d=15, fff=617, h=1, tt=PM, y=9, yy=09.
    expect(
      row("print s = format_datetime(datetime(2009-06-15T13:45:30.6175425), 'd/M/y yy_yyyy [h:mm:ss.fff tt], H-HH')"),
    ).toEqual({ s: "15/6/9 09_2009 [1:45:30.617 PM], 13-13" });
  });

  it("an element the page does not list is refused, not printed the .NET way", () => {
    expect(() => json("print format_datetime(datetime(2009-06-15), 'MMM yyyy')")).toThrow(
      /unsupported: format_datetime format element "MMM"/,
    );
    expect(() => json("print format_datetime(datetime(2009-06-15), 'yyy')")).toThrow(/element "yyy"/);
    expect(() => json("print format_datetime(datetime(2009-06-15), \"yyyy'T'HH\")")).toThrow(/element "'"/);
  });

  it("format_timespan takes d..dddddddd and the hour, minute, second and fraction elements", () => {
    // format-timespan-function.md: 15.13:45:30.6175425 gives ddd=015, HH=13, fff=617.
    expect(row("print s = format_timespan(time(15.13:45:30.6175425), 'ddd.HH:mm:ss.fff')")).toEqual({
      s: "015.13:45:30.617",
    });
    expect(() => json("print format_timespan(1d, 'ddddddddd')")).toThrow(/element "ddddddddd"/);
  });
});

describe("long division", () => {
  it("the one long quotient beyond int64, -2^63 / -1, must fail (concepts/overflow.md), not wrap to -2^63", () => {
    expect(() => json("print -9223372036854775808 / -1")).toThrow(/long overflow/);
  });

  it("abs(-2^63) must fail: its value 2^63 is beyond a long (concepts/overflow.md)", () => {
    expect(() => json("print abs(-9223372036854775808)")).toThrow(/beyond a long/);
    expect(row("print a = abs(-9223372036854775807)")).toEqual({ a: "9223372036854775807" });
  });

  it("integer division truncates toward zero (numerical-operators.md: 1 / 2 is 0)", () => {
    expect(row("print a = 1 / 2, b = -7 / 2, c = -9223372036854775807 / -1")).toEqual({
      a: 0,
      b: -3,
      c: "9223372036854775807",
    });
  });
});

describe("round() at extreme precisions", () => {
  // round-function.md: "the rounded number to the specified precision"; round(-50.55, -2) is -100.
  it("a precision far left of the first digit rounds to 0, not NaN", () => {
    expect(row("print a = round(5.5, -400), b = round(-50.55, -2)")).toEqual({ a: 0, b: -100 });
  });

  it("a precision past a double's digits leaves the number as it is, not NaN or infinity", () => {
    expect(row("print a = round(5.5, 400), b = round(1e300, 10), c = round(2.98765, 3)")).toEqual({
      a: 5.5,
      b: 1e300,
      c: 2.988,
    });
  });
});

describe("todatetime of a number", () => {
  it("a number inside a dynamic is refused as a typed number is: todatetime-function.md does not say what it counts", () => {
    expect(() => json("print todatetime(dynamic(5))")).toThrow(/unsupported: todatetime of the number 5/);
    expect(() => json("print todatetime(5)")).toThrow(/unsupported/);
  });

  it("text inside a dynamic converts as text does (scalar-data-types/datetime.md formats)", () => {
    expect(row("print a = todatetime(dynamic('2014-11-08 15:55')), b = todatetime(dynamic(null))")).toEqual({
      a: "2014-11-08T15:55:00.0000000Z",
      b: null,
    });
  });
});

describe("the datetime() literal", () => {
  it("datetime() means the current time (scalar-data-types/datetime.md), so it is refused rather than null", () => {
    expect(() => json("print datetime()")).toThrow(/unsupported: datetime\(\) as the current time; write now\(\)/);
    expect(row("print a = datetime(null), b = now()")).toEqual({ a: null, b: "2024-03-10T12:00:00.0000000Z" });
  });
});

describe("logarithms and square roots of NaN", () => {
  // log-function.md and sqrt-function.md: null only for a negative or null argument; NaN is a real that is neither.
  it("log, log10, log2 and sqrt of NaN are NaN; of a negative number null", () => {
    expect(
      row(
        "print a = log(real(nan)), b = log10(real(nan)), c = log2(real(nan)), d = sqrt(real(nan)), e = log(-1), f = sqrt(-4), g = log(0)",
      ),
    ).toEqual({ a: "NaN", b: "NaN", c: "NaN", d: "NaN", e: null, f: null, g: "-Infinity" });
  });
});

describe("make_datetime seconds", () => {
  // make-datetime-function.md: the second is 0 to 59.9999999; otherwise the result is null.
  it("a second that rounds to 60.0000000 is out of range and null, not the next minute", () => {
    expect(
      row(
        "print a = make_datetime(2017,1,1,0,0,59.99999999), b = make_datetime(2017,1,1,0,0,59.9999999), c = make_datetime(2017,1,1,0,0,60)",
      ),
    ).toEqual({ a: null, b: "2017-01-01T00:00:59.9999999Z", c: null });
  });
});

describe("round() of a long beyond 2^53", () => {
  it("a precision of -20 digits or fewer rounds every long to 0 at once", () => {
    expect(row("print a = round(9007199254740993, -1000000000), b = round(9007199254740993, -1)")).toEqual({
      a: 0,
      // 9007199254740990 is below 2^53, so it prints as a plain number.
      b: 9007199254740990,
    });
  });

  it("rounding up past the largest long must fail (concepts/overflow.md), not wrap", () => {
    // 9223372036854775807 to -19 digits is 10^19 > 2^63 - 1.
    expect(() => json("print round(9223372036854775807, -19)")).toThrow(/beyond a long/);
  });
});

describe("bin_at() of a long beyond 2^53", () => {
  // bin-at-function.md: the nearest multiple of bin_size below value that aligns to fixed_point.
  it("bins exactly instead of giving null", () => {
    expect(
      row("print a = bin_at(9007199254740993, 2, 0), b = bin_at(9007199254740993, 2, 1), c = bin_at(-7, 2, 0)"),
    ).toEqual({ a: "9007199254740992", b: "9007199254740993", c: -8 });
  });
});

describe("tobool() of a long beyond 2^53", () => {
  it("a non-zero long is true however large (tobool-function.md: tobool(123) == true)", () => {
    expect(row("print a = tobool(9007199254740993), b = tobool(-9223372036854775808), c = tobool(0)")).toEqual({
      a: true,
      b: true,
      c: false,
    });
  });
});

describe("a long beyond 2^53 in a real result", () => {
  // numerical-operators.md: with a real operand the result is real; a real column holds doubles, never exact longs.
  it("iff, case, coalesce, max_of and min_of with a real result give the long as a double", () => {
    expect(
      row(
        "print a = iff(true, 9007199254740993, 1.5), b = case(true, 9007199254740993, 1.5), c = coalesce(9007199254740993, 1.5), d = max_of(9007199254740993, 1.5)",
      ),
    ).toEqual({ a: 9007199254740992, b: 9007199254740992, c: 9007199254740992, d: 9007199254740992 });
  });
});
