import { describe, expect, it } from "vitest";
import { compareValues, convertTo, formatValue, hashKey, valuesEqual } from "../../src/kusto/scalars";
import { call, utc } from "./scalars-helpers";

describe("tostring / formatValue", () => {
  it("tostring(null) must be the empty string", () => {
    expect(call("tostring", ["string"], "string", [null])).toBe("");
    expect(call("tostring", ["int"], "string", [null])).toBe("");
    expect(formatValue(null, "datetime")).toBe("");
  });

  it("a datetime must print with 7 fractional digits and Z", () => {
    // 2022-08-17T23:18:26.433 → fraction 433 ms = 4330000 ticks
    expect(formatValue(utc(2022, 8, 17, 23, 18, 26, 433), "datetime")).toBe("2022-08-17T23:18:26.4330000Z");
  });

  it("a datetime with no fraction must print without one", () => {
    expect(formatValue(utc(2022, 8, 16, 9, 7, 54), "datetime")).toBe("2022-08-16T09:07:54Z");
  });

  it("a parsed datetime with up to 4 fractional digits must print back exactly", () => {
    // 0.1 ms near 2022 is not exact in a double (ulp ≈ 0.24 µs): the printer must still pick 1000000 ticks, not 1000001
    const read = convertTo("datetime", "string");
    expect(formatValue(read("2022-08-17T23:18:26.4331Z"), "datetime")).toBe("2022-08-17T23:18:26.4331000Z");
    expect(formatValue(read("2023-05-09T15:58:30.100Z"), "datetime")).toBe("2023-05-09T15:58:30.1000000Z");
  });

  it("a parsed 7-digit datetime must print back within one tick (epoch-ms doubles resolve ~0.24 µs)", () => {
    const printed = formatValue(convertTo("datetime", "string")("2022-08-17T23:55:46.6304762Z"), "datetime") as string;
    // ticks of the fraction: 6304762 expected; the double holds it to ±1 tick
    const ticks = Number(/\.(\d{7})Z$/.exec(printed)![1]);
    expect(Math.abs(ticks - 6304762)).toBeLessThanOrEqual(1);
  });

  it("sub-millisecond values from arithmetic must keep their ticks", () => {
    // 0.5 ms after a whole second = 5000 ticks
    expect(formatValue(utc(2024, 1, 1) + 0.5, "datetime")).toBe("2024-01-01T00:00:00.0005000Z");
  });

  it("timespans must print as [d.]hh:mm:ss[.fffffff]", () => {
    expect(formatValue(90 * 60_000, "timespan")).toBe("01:30:00"); // 90 min
    expect(formatValue(26 * 3_600_000, "timespan")).toBe("1.02:00:00"); // 26 h = 1 day 2 h
    expect(formatValue(500, "timespan")).toBe("00:00:00.5000000"); // 0.5 s
    expect(formatValue(-90_000, "timespan")).toBe("-00:01:30");
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
    expect(call("tolong", ["timespan"], "long", [1000])).toBe(10_000_000);
  });

  it("tobool must accept true/false text in any case and numbers", () => {
    expect(call("tobool", ["string"], "bool", ["TRUE"])).toBe(true);
    expect(call("tobool", ["string"], "bool", ["false"])).toBe(false);
    expect(call("tobool", ["string"], "bool", ["yes"])).toBeNull();
    expect(call("tobool", ["int"], "bool", [0])).toBe(false);
  });

  it("todatetime must read ISO 8601 with offsets as UTC", () => {
    // 10:00 at +02:00 is 08:00 UTC
    expect(call("todatetime", ["string"], "datetime", ["2023-05-09T10:00:00+02:00"])).toBe(utc(2023, 5, 9, 8));
    expect(call("todatetime", ["string"], "datetime", ["2023-05-09"])).toBe(utc(2023, 5, 9));
    expect(call("todatetime", ["string"], "datetime", ["2023-05-09 15:58:30.100"])).toBe(utc(2023, 5, 9, 15, 58, 30, 100));
  });

  it("todatetime must reject impossible dates and junk", () => {
    expect(call("todatetime", ["string"], "datetime", ["2023-02-30"])).toBeNull();
    expect(call("todatetime", ["string"], "datetime", ["soon"])).toBeNull();
  });

  it("todatetime must read RFC 822/850/1123 text, as UTC when no zone is given", () => {
    expect(call("todatetime", ["string"], "datetime", ["Tue, 09 May 2023 15:58:30 GMT"])).toBe(utc(2023, 5, 9, 15, 58, 30));
    // Kusto's RFC 822 example: two-digit year 14 → 2014
    expect(call("todatetime", ["string"], "datetime", ["Sat, 8 Nov 14 15:05:02"])).toBe(utc(2014, 11, 8, 15, 5, 2));
    expect(call("todatetime", ["string"], "datetime", ["Saturday, 08-Nov-14 15:05 GMT"])).toBe(utc(2014, 11, 8, 15, 5));
  });

  it("totimespan must read clock text and unit text", () => {
    expect(call("totimespan", ["string"], "timespan", ["1.02:00:00"])).toBe(26 * 3_600_000);
    expect(call("totimespan", ["string"], "timespan", ["00:00:00.5"])).toBe(500);
    expect(call("totimespan", ["string"], "timespan", ["90m"])).toBe(5_400_000);
    expect(call("totimespan", ["string"], "timespan", ["1.5h"])).toBe(5_400_000);
    expect(call("totimespan", ["string"], "timespan", ["later"])).toBeNull();
  });

  it("toguid must normalise to lower case and reject other text", () => {
    expect(call("toguid", ["string"], "guid", ["A999F996-B4E1-4A2B-AC04-A59AB0C87D97"])).toBe("a999f996-b4e1-4a2b-ac04-a59ab0c87d97");
    expect(call("toguid", ["string"], "guid", ["not-a-guid"])).toBeNull();
  });

  it("parse_json must parse JSON and keep other text as a dynamic string", () => {
    expect(call("parse_json", ["string"], "dynamic", ['{"a":{"b":[1,2]}}'])).toEqual({ a: { b: [1, 2] } });
    expect(call("todynamic", ["string"], "dynamic", ["not json"])).toBe("not json");
    expect(call("parse_json", ["dynamic"], "dynamic", ["[1]"])).toEqual([1]);
    expect(call("todynamic", ["datetime"], "dynamic", [utc(2024, 1, 1)])).toBe("2024-01-01T00:00:00Z");
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
