import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

// Whole queries over datetimes and timespans: literals, printing, ranges, time zones and make-series.

describe("datetime literals", () => {
  it("must refuse an impossible date as an error naming the literal and its position", () => {
    expect(() => run("print d = datetime(2026-02-30)")).toThrow(
      /^invalid datetime literal datetime\(2026-02-30\) at 1:11/,
    );
    expect(() => run('print d = datetime("2023-02-29T10:00:00Z")')).toThrow(/invalid datetime literal/);
  });

  it("must keep 100-ns ticks through a literal and print them back", () => {
    expect(json("print d = datetime(2022-08-17T23:18:26.4332392Z)")).toEqual([{ d: "2022-08-17T23:18:26.4332392Z" }]);
  });

  it("must read US-style literal text like todatetime does", () => {
    // 12-02-2022 is December 2nd, in both
    expect(json("print same = todatetime('12-02-2022') == datetime('12-02-2022'), d = datetime('12-02-2022')")).toEqual(
      [{ same: true, d: "2022-12-02T00:00:00.0000000Z" }],
    );
  });

  it("must make todatetime of an impossible date null", () => {
    expect(json("print d = todatetime('2026-02-30')")).toEqual([{ d: null }]);
  });
});

describe("printing and arithmetic in queries", () => {
  it("must print endofday as the last tick and tostring with seven digits", () => {
    expect(json("print e = endofday(datetime(2024-03-13 09:00)), s = tostring(datetime(2024-03-13))")).toEqual([
      { e: "2024-03-13T23:59:59.9999999Z", s: "2024-03-13T00:00:00.0000000Z" },
    ]);
  });

  it("must count nanoseconds between datetimes exactly", () => {
    // .0000007 s apart = 7 ticks = 700 ns
    expect(
      json("print n = datetime_diff('nanosecond', datetime(2024-01-01 00:00:00.0000007), datetime(2024-01-01))"),
    ).toEqual([{ n: 700 }]);
  });

  it("must print timespans from arithmetic in Kusto's [d.]hh:mm:ss[.fffffff] form", () => {
    // 1d - 1tick = 23:59:59.9999999; 2.5 * 1h = 2:30; 1d / 5h = 4.8
    expect(json("print a = 1d - 1tick, b = 2.5 * 1h, c = 1d / 5h, d = -90m")).toEqual([
      { a: "23:59:59.9999999", b: "02:30:00", c: 4.8, d: "-01:30:00" },
    ]);
  });

  it("must compare datetimes with between, a timespan upper bound counting from the lower", () => {
    const t = "datatable(t:datetime)[datetime(2024-01-01 10:00), datetime(2024-01-01 11:00:00.0000001)]";
    // 10:00 .. 10:00+1h includes 10:00, not one tick after 11:00
    expect(json(`${t} | where t between (datetime(2024-01-01 10:00) .. 1h) | count`)).toEqual([{ Count: 1 }]);
  });

  it("must leave the datetime range as null, never a year-10000 text", () => {
    expect(json("print d = datetime(9999-12-31 23:00) + 2h")).toEqual([{ d: null }]);
  });
});

describe("ranges of datetimes and timespans", () => {
  it("must make range() of datetimes an array of datetime text", () => {
    expect(json("print r = range(datetime(2024-01-01), datetime(2024-01-03), 1d)")).toEqual([
      { r: ["2024-01-01T00:00:00.0000000Z", "2024-01-02T00:00:00.0000000Z", "2024-01-03T00:00:00.0000000Z"] },
    ]);
  });

  it("must step range() of timespans by 1h when no step is given", () => {
    expect(json("print r = range(1h, 3h)")).toEqual([{ r: ["01:00:00", "02:00:00", "03:00:00"] }]);
  });

  it("must let mv-expand read range() datetimes back as datetimes", () => {
    expect(
      json(
        "print r = range(datetime(2024-01-01), datetime(2024-01-01 01:00), 30m) | mv-expand r to typeof(datetime) | summarize max(r)",
      ),
    ).toEqual([{ max_r: "2024-01-01T01:00:00.0000000Z" }]);
  });

  it("must step the range operator over datetimes in exact ticks", () => {
    expect(json("range t from datetime(2024-01-01) to datetime(2024-01-01 00:00:00.0000002) step 1tick")).toEqual([
      { t: "2024-01-01T00:00:00.0000000Z" },
      { t: "2024-01-01T00:00:00.0000001Z" },
      { t: "2024-01-01T00:00:00.0000002Z" },
    ]);
  });
});

describe("time zones", () => {
  it("must use the offset after the change for a local time in a spring-forward gap", () => {
    // Brussels moved 02:00 → 03:00 on 2022-03-27: 02:00 does not exist; the summer offset (+2) gives 00:00 UTC,
    // and 01:00 (still +1) gives 00:00 UTC too
    expect(
      json(
        "print a = datetime_local_to_utc(datetime(2022-03-27 02:00), 'Europe/Brussels'), b = datetime_local_to_utc(datetime(2022-03-27 01:00), 'Europe/Brussels')",
      ),
    ).toEqual([{ a: "2022-03-27T00:00:00.0000000Z", b: "2022-03-27T00:00:00.0000000Z" }]);
  });

  it("must convert UTC to local time with the offset in force at that instant", () => {
    // New York is UTC-5 in January and UTC-4 in July
    expect(
      json(
        "print w = datetime_utc_to_local(datetime(2024-01-15 12:00), 'America/New_York'), s = datetime_utc_to_local(datetime(2024-07-15 12:00:00.0000001), 'America/New_York')",
      ),
    ).toEqual([{ w: "2024-01-15T07:00:00.0000000Z", s: "2024-07-15T08:00:00.0000001Z" }]);
  });

  it("must keep the seconds of historic offsets from the IANA data", () => {
    // Asia/Kolkata used Madras time, UTC+05:21:10, in 1900
    expect(
      json(
        "print a = datetime_utc_to_local(datetime(1900-06-01 12:00), 'Asia/Kolkata'), b = datetime_local_to_utc(datetime(1900-06-01 17:21:10), 'Asia/Kolkata')",
      ),
    ).toEqual([{ a: "1900-06-01T17:21:10.0000000Z", b: "1900-06-01T12:00:00.0000000Z" }]);
  });

  it("must name an unknown zone in the error, at the call's line:col", () => {
    expect(() => run("print x = 1,\n  y = datetime_utc_to_local(datetime(2024-01-01), 'Mars/Olympus')")).toThrow(
      /^datetime_utc_to_local: unknown time zone "Mars\/Olympus".* at 2:7$/,
    );
  });
});

describe("make-series", () => {
  const t = `datatable(At:datetime, V:long)[
    datetime(2024-03-10 10:10), 1,
    datetime(2024-03-10 10:50), 2,
    datetime(2024-03-10 12:05), 5]`;

  it("must align bins on `from` and leave `to` out", () => {
    // bins 10:30, 11:30 (12:30 = to is excluded): 10:50 → bin 0, 12:05 → bin 1; 10:10 is before from
    expect(
      json(`${t} | make-series s = sum(V) on At from datetime(2024-03-10 10:30) to datetime(2024-03-10 12:30) step 1h`),
    ).toEqual([{ s: [2, 5], At: ["2024-03-10T10:30:00.0000000Z", "2024-03-10T11:30:00.0000000Z"] }]);
  });

  it("must bin with bin() and include stop with `in range(start, stop, step)`", () => {
    // bin(10:30, 1h) = 10:00 .. bin(12:00, 1h) = 12:00 inclusive: 10:00 holds 1 + 2, 12:00 holds 5
    expect(
      json(
        `${t} | make-series s = sum(V) default = -1 on At in range(datetime(2024-03-10 10:30), datetime(2024-03-10 12:00), 1h)`,
      ),
    ).toEqual([
      {
        s: [3, -1, 5],
        At: ["2024-03-10T10:00:00.0000000Z", "2024-03-10T11:00:00.0000000Z", "2024-03-10T12:00:00.0000000Z"],
      },
    ]);
  });

  it("must produce the default series for empty input only with kind=nonempty", () => {
    const q = (kind: string) =>
      `${t} | take 0 | make-series ${kind} s = count() default = 7 on At from datetime(2024-01-01) to datetime(2024-01-01 02:00) step 1h`;
    expect(json(q(""))).toEqual([]);
    expect(json(q("kind=nonempty"))).toEqual([
      { s: [7, 7], At: ["2024-01-01T00:00:00.0000000Z", "2024-01-01T01:00:00.0000000Z"] },
    ]);
  });

  it("must accept a timespan axis", () => {
    const spans = "datatable(D:timespan)[30m, 70m, 75m]";
    expect(json(`${spans} | make-series n = count() on D from 0s to 2h step 1h`)).toEqual([
      { n: [1, 2], D: ["00:00:00", "01:00:00"] },
    ]);
  });
});
