import { describe, expect, it } from "vitest";
import { compareValues, convertTo, formatValue, hashKey, valuesEqual } from "../../src/kusto/scalars";
import { call, utcTicks } from "./scalars-helpers";

// Datetimes and timespans are bigint 100-ns ticks; expected ticks are built by utcTicks from Date.UTC (whole ms) plus extra ticks.
const msTicks = (n: number): bigint => BigInt(n) * 10_000n;

describe("tostring / formatValue", () => {
  it("tostring(null) must be the empty string", () => {
    expect(call("tostring", ["string"], "string", [null])).toBe("");
    expect(call("tostring", ["int"], "string", [null])).toBe("");
    expect(formatValue(null, "datetime")).toBe("");
  });

  it("a datetime must print with 7 fractional digits and Z", () => {
    // 2022-08-17T23:18:26.433 → fraction 433 ms = 4330000 ticks
    expect(formatValue(utcTicks(2022, 8, 17, 23, 18, 26, 433), "datetime")).toBe("2022-08-17T23:18:26.4330000Z");
  });

  it("a datetime with no fraction must still print 7 zero digits, as Kusto does", () => {
    expect(formatValue(utcTicks(2022, 8, 16, 9, 7, 54), "datetime")).toBe("2022-08-16T09:07:54.0000000Z");
  });

  it("the seed's 7-digit TimeGenerated must print back exactly", () => {
    const read = convertTo("datetime", "string");
    expect(formatValue(read("2022-08-17T23:18:26.4332392Z"), "datetime")).toBe("2022-08-17T23:18:26.4332392Z");
    expect(formatValue(read("2022-08-17T23:55:46.6304762Z"), "datetime")).toBe("2022-08-17T23:55:46.6304762Z");
  });

  it("datetimes before 1000 and at the ends of the range must print with four-digit years", () => {
    expect(formatValue(-621_355_968_000_000_000n, "datetime")).toBe("0001-01-01T00:00:00.0000000Z");
    expect(formatValue(utcTicks(9999, 12, 31, 23, 59, 59, 999, 9_999), "datetime")).toBe(
      "9999-12-31T23:59:59.9999999Z",
    );
    expect(formatValue(utcTicks(476, 9, 4), "datetime")).toBe("0476-09-04T00:00:00.0000000Z");
  });

  it("tostring of a datetime must be the same 7-digit text", () => {
    expect(call("tostring", ["datetime"], "string", [utcTicks(2024, 1, 1, 0, 0, 0, 0, 5)])).toBe(
      "2024-01-01T00:00:00.0000005Z",
    );
  });

  it("timespans must print as [-][d.]hh:mm:ss[.fffffff]", () => {
    expect(formatValue(msTicks(90 * 60_000), "timespan")).toBe("01:30:00"); // 90 min
    expect(formatValue(msTicks(26 * 3_600_000), "timespan")).toBe("1.02:00:00"); // 26 h = 1 day 2 h
    expect(formatValue(msTicks(500), "timespan")).toBe("00:00:00.5000000"); // 0.5 s
    expect(formatValue(-msTicks(90_000), "timespan")).toBe("-00:01:30");
    expect(formatValue(1n, "timespan")).toBe("00:00:00.0000001"); // one tick
  });

  it("reals must print like .NET (shortest, exponent from 1E+15)", () => {
    expect(formatValue(1.5, "real")).toBe("1.5");
    expect(formatValue(3, "real")).toBe("3");
    expect(formatValue(1e15, "real")).toBe("1E+15");
    expect(formatValue(0.000001, "real")).toBe("1E-06");
  });

  it("dynamic must print as compact JSON, and a dynamic string bare", () => {
    expect(formatValue({ a: [1, "x"], b: null }, "dynamic")).toBe('{"a":[1,"x"],"b":null}');
    expect(formatValue("mp4", "dynamic")).toBe("mp4");
    expect(formatValue(true, "bool")).toBe("true");
  });
});

describe("casts", () => {
  it('toint("abc") must be null', () => {
    expect(call("toint", ["string"], "int", ["abc"])).toBeNull();
    expect(call("toint", ["string"], "int", [""])).toBeNull();
  });

  it("toint(2.9) must truncate to 2 and toint(-2.9) to -2", () => {
    expect(call("toint", ["real"], "int", [2.9])).toBe(2);
    expect(call("toint", ["real"], "int", [-2.9])).toBe(-2);
  });

  it("toint must parse numeric text", () => {
    expect(call("toint", ["string"], "int", [" 202 "])).toBe(202);
    expect(call("tolong", ["string"], "long", ["-17"])).toBe(-17);
  });

  it("toint must be null outside the 32-bit range", () => {
    expect(call("toint", ["long"], "int", [2_147_483_648])).toBeNull();
    expect(call("tolong", ["long"], "long", [2_147_483_648])).toBe(2_147_483_648);
  });

  it("toreal must read the seed's RecordingLength text", () => {
    expect(call("toreal", ["string"], "real", ["73872.94"])).toBe(73872.94);
    expect(call("todouble", ["string"], "real", ["x1"])).toBeNull();
  });

  it("tolong of a timespan must count 100 ns ticks", () => {
    // 1 s = 10,000,000 ticks
    expect(call("tolong", ["timespan"], "long", [msTicks(1000)])).toBe(10_000_000);
  });

  it("tolong of a datetime must count .NET ticks from 0001-01-01", () => {
    // the Unix epoch is 621,355,968,000,000,000 ticks after 0001-01-01: beyond 2^53, so an exact bigint long
    expect(call("tolong", ["datetime"], "long", [0n])).toBe(621_355_968_000_000_000n);
  });

  it("totimespan of a number must read it as ticks", () => {
    expect(call("totimespan", ["long"], "timespan", [10_000_000])).toBe(10_000_000n);
  });

  it("tobool must accept true/false text in any case and numbers", () => {
    expect(call("tobool", ["string"], "bool", ["TRUE"])).toBe(true);
    expect(call("tobool", ["string"], "bool", ["false"])).toBe(false);
    expect(call("tobool", ["string"], "bool", ["yes"])).toBeNull();
    expect(call("tobool", ["int"], "bool", [0])).toBe(false);
  });

  it("todatetime must read ISO 8601 with offsets as UTC", () => {
    // 10:00 at +02:00 is 08:00 UTC
    expect(call("todatetime", ["string"], "datetime", ["2023-05-09T10:00:00+02:00"])).toBe(utcTicks(2023, 5, 9, 8));
    expect(call("todatetime", ["string"], "datetime", ["2023-05-09"])).toBe(utcTicks(2023, 5, 9));
    expect(call("todatetime", ["string"], "datetime", ["2023-05-09 15:58:30.100"])).toBe(
      utcTicks(2023, 5, 9, 15, 58, 30, 100),
    );
    // a minus offset adds: 23:30 at -01:00 is 00:30 UTC the next day
    expect(call("todatetime", ["string"], "datetime", ["2023-12-31T23:30:00-0100"])).toBe(utcTicks(2024, 1, 1, 0, 30));
  });

  it("todatetime must keep all 7 fraction digits and drop any beyond", () => {
    expect(call("todatetime", ["string"], "datetime", ["2022-08-17T23:18:26.4332392Z"])).toBe(
      utcTicks(2022, 8, 17, 23, 18, 26, 433, 2_392),
    );
    expect(call("todatetime", ["string"], "datetime", ["2022-08-17T23:18:26.433239299Z"])).toBe(
      utcTicks(2022, 8, 17, 23, 18, 26, 433, 2_392),
    );
  });

  it("todatetime must read US-style month-first dates, with a 12-hour clock", () => {
    // 12-02-2022 is December 2nd; 3:04:05 PM is 15:04:05; 12 AM is midnight
    expect(call("todatetime", ["string"], "datetime", ["12-02-2022"])).toBe(utcTicks(2022, 12, 2));
    expect(call("todatetime", ["string"], "datetime", ["12/02/2022 3:04:05 PM"])).toBe(utcTicks(2022, 12, 2, 15, 4, 5));
    expect(call("todatetime", ["string"], "datetime", ["1/5/2024 12:00 AM"])).toBe(utcTicks(2024, 1, 5));
    expect(call("todatetime", ["string"], "datetime", ["13/02/2022"])).toBeNull();
  });

  it("todatetime must reject impossible dates and junk", () => {
    expect(call("todatetime", ["string"], "datetime", ["2023-02-30"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["2024-02-30T00:00:00Z"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["2023-04-31"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["2023-01-01T24:00:00Z"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["10000-01-01"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["0001-01-01T00:00:00+01:00"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["soon"])).toBeNull();
  });

  it("todatetime must read RFC 822/850/1123 text, as UTC when no zone is given", () => {
    expect(call("todatetime", ["string"], "datetime", ["Tue, 09 May 2023 15:58:30 GMT"])).toBe(
      utcTicks(2023, 5, 9, 15, 58, 30),
    );
    // Kusto's RFC 822 example: two-digit year 14 → 2014
    expect(call("todatetime", ["string"], "datetime", ["Sat, 8 Nov 14 15:05:02"])).toBe(
      utcTicks(2014, 11, 8, 15, 5, 2),
    );
    expect(call("todatetime", ["string"], "datetime", ["Saturday, 08-Nov-14 15:05 GMT"])).toBe(
      utcTicks(2014, 11, 8, 15, 5),
    );
    // RFC 822 zones: EST is -05:00
    expect(call("todatetime", ["string"], "datetime", ["8 Nov 14 15:05 EST"])).toBe(utcTicks(2014, 11, 8, 20, 5));
  });

  it("todatetime must reject a weekday that does not match the date", () => {
    // 2014-11-08 was a Saturday
    expect(call("todatetime", ["string"], "datetime", ["Fri, 8 Nov 14 15:05:02 GMT"])).toBeNull();
  });

  it("totimespan must read clock text and unit text", () => {
    expect(call("totimespan", ["string"], "timespan", ["1.02:00:00"])).toBe(msTicks(26 * 3_600_000));
    expect(call("totimespan", ["string"], "timespan", ["00:00:00.5"])).toBe(msTicks(500));
    expect(call("totimespan", ["string"], "timespan", ["-00:00:00.0000001"])).toBe(-1n);
    expect(call("totimespan", ["string"], "timespan", ["90m"])).toBe(msTicks(5_400_000));
    expect(call("totimespan", ["string"], "timespan", ["1.5h"])).toBe(msTicks(5_400_000));
    expect(call("totimespan", ["string"], "timespan", ["10microsecond"])).toBe(100n);
    expect(call("totimespan", ["string"], "timespan", ["later"])).toBeNull();
    expect(call("totimespan", ["string"], "timespan", ["25:00:00"])).toBeNull();
  });

  it("toguid must normalise to lower case and reject other text", () => {
    expect(call("toguid", ["string"], "guid", ["A999F996-B4E1-4A2B-AC04-A59AB0C87D97"])).toBe(
      "a999f996-b4e1-4a2b-ac04-a59ab0c87d97",
    );
    expect(call("toguid", ["string"], "guid", ["not-a-guid"])).toBeNull();
  });

  it("parse_json must parse JSON and keep other text as a dynamic string", () => {
    expect(call("parse_json", ["string"], "dynamic", ['{"a":{"b":[1,2]}}'])).toEqual({ a: { b: [1, 2] } });
    expect(call("todynamic", ["string"], "dynamic", ["not json"])).toBe("not json");
    // a dynamic is used as-is, even a dynamic string that holds JSON (the reference: call tostring() first)
    expect(call("parse_json", ["dynamic"], "dynamic", ["[1]"])).toBe("[1]");
    expect(call("todynamic", ["datetime"], "dynamic", [utcTicks(2024, 1, 1)])).toBe("2024-01-01T00:00:00.0000000Z");
  });
});

describe("ordering, equality and keys", () => {
  it("strings must sort ordinally (upper case before lower case)", () => {
    expect(["b", "B", "a"].sort(compareValues("string"))).toEqual(["B", "a", "b"]);
  });

  it("numbers must sort numerically, not as text", () => {
    expect([10, 9, 100].sort(compareValues("long"))).toEqual([9, 10, 100]);
  });

  it("valuesEqual must honour case-insensitivity for strings only when asked", () => {
    expect(valuesEqual("string")("Mp4", "mp4")).toBe(false);
    expect(valuesEqual("string", true)("Mp4", "mp4")).toBe(true);
    expect(valuesEqual("dynamic")({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(true);
  });

  it("hashKey must tell apart numbers, booleans and strings that print alike", () => {
    const keys = [hashKey(null), hashKey(1), hashKey("1"), hashKey(true), hashKey("true"), hashKey("\u0001#1")];
    expect(new Set(keys).size).toBe(6);
  });

  it("hashKey must group a missing string with the empty string, as Kusto has no null strings", () => {
    expect(hashKey(null)).toBe(hashKey(""));
  });

  it("hashKey must give equal bags equal keys whatever the key order", () => {
    expect(hashKey({ a: 1, b: [2] })).toBe(hashKey({ b: [2], a: 1 }));
    expect(hashKey([1, 2])).not.toBe(hashKey([2, 1]));
  });
});

describe("casts the reference pages leave open", () => {
  it("todatetime of a number must be refused, not guessed as ticks or Unix seconds", () => {
    expect(() => call("todatetime", ["long"], "datetime", [0])).toThrow(/unsupported/);
  });
});
