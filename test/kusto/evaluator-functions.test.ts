import { describe, expect, it } from "vitest";
import { compileQuery, type KqlFunctionDef, type Tables } from "../../src/kusto";
import { acsTables } from "../../src/schema/catalog";
import { json, run, ticksAt } from "./helpers";

const tables: Tables = {
  ACSCallRecordingSummary: {
    name: "ACSCallRecordingSummary",
    columns: [
      { name: "RecordingId", type: "string" },
      { name: "RecordingLength", type: "real" },
      { name: "FormatType", type: "string" },
      { name: "TimeGenerated", type: "datetime" },
    ],
    rows: [
      { RecordingId: "r1", RecordingLength: 30, FormatType: "mp4", TimeGenerated: ticksAt("2024-03-10T09:00:00Z") },
      { RecordingId: "r2", RecordingLength: 90, FormatType: "wav", TimeGenerated: ticksAt("2024-03-10T10:00:00Z") },
      { RecordingId: "r3", RecordingLength: 150, FormatType: "mp4", TimeGenerated: ticksAt("2024-03-10T11:00:00Z") },
    ],
  },
};

const longRecordings: KqlFunctionDef = {
  name: "LongRecordings",
  parameters: [
    { name: "minseconds", type: "real", defaultValue: "60.0" },
    { name: "formats", type: "dynamic", defaultValue: "dynamic([])" },
  ],
  body: "ACSCallRecordingSummary | where RecordingLength >= minseconds | where array_length(formats) == 0 or FormatType in (formats)",
};

describe("let, functions and subqueries", () => {
  it("must call a stored function with defaults and with positional arguments", () => {
    // Default 60 s: r2 (90) and r3 (150). With 100 s: r3 only. With formats ["wav"] and 0 s: r2.
    expect(json("LongRecordings() | project RecordingId", tables, [longRecordings])).toEqual([
      { RecordingId: "r2" },
      { RecordingId: "r3" },
    ]);
    expect(json("LongRecordings(100.0) | project RecordingId", tables, [longRecordings])).toEqual([
      { RecordingId: "r3" },
    ]);
    expect(json('LongRecordings(0.0, dynamic(["wav"])) | project RecordingId', tables, [longRecordings])).toEqual([
      { RecordingId: "r2" },
    ]);
  });

  it("must call a stored function by its bare name, with its defaults", () => {
    // LongRecordings without parentheses: minseconds 60 → r2, r3.
    expect(json("LongRecordings | count", tables, [longRecordings])).toEqual([{ Count: 2 }]);
  });

  it("must bind scalar and tabular lets", () => {
    // threshold 100 → r3; the tabular let is reused by count.
    expect(
      json(
        "let threshold = 100.0;\nlet big = ACSCallRecordingSummary | where RecordingLength > threshold;\nbig | project RecordingId",
        tables,
      ),
    ).toEqual([{ RecordingId: "r3" }]);
  });

  it("must call lambdas with parameters and defaults", () => {
    // minutes(90) = 90 / 60 = 1.5; scaled(30) uses factor default 2 → 60; scaled(30, 3) → 90.
    const q =
      "let minutes = (s:real) { s / 60.0 };\nlet scaled = (x:real, factor:real = 2.0) { x * factor };\nACSCallRecordingSummary | where RecordingId == 'r2' | project m = minutes(RecordingLength), a = scaled(30.0), b = scaled(30.0, 3.0)";
    expect(json(q, tables)).toEqual([{ m: 1.5, a: 60, b: 90 }]);
  });

  it("must evaluate a let inside a lambda for each call, not once", () => {
    // twice(x) = (x * 2) + 1 through an inner let: 30 → 61, 90 → 181, 150 → 301.
    const q = "let f = (x:real) { let y = x * 2; y + 1 };\nACSCallRecordingSummary | project v = f(RecordingLength)";
    expect(json(q, tables)).toEqual([{ v: 61 }, { v: 181 }, { v: 301 }]);
  });

  it("must invoke a function with the piped table as its first parameter", () => {
    // The two longest recordings: r3 (150), r2 (90).
    const q =
      "let longest = (T:(RecordingLength:real), n:long) { T | top n by RecordingLength };\nACSCallRecordingSummary | invoke longest(2) | project RecordingId";
    expect(json(q, tables)).toEqual([{ RecordingId: "r3" }, { RecordingId: "r2" }]);
  });

  it("must give declared query parameters their defaults", () => {
    // minlen defaults to 60.0 → r2 (90) and r3 (150); fmt defaults to "mp4" → r3 only.
    const q =
      "declare query_parameters(minlen:real = 60.0, fmt:string = 'mp4');\nACSCallRecordingSummary | where RecordingLength > minlen and FormatType == fmt | project RecordingId";
    expect(json(q, tables)).toEqual([{ RecordingId: "r3" }]);
    expect(() => run("declare query_parameters(x:string);\nprint x", tables)).toThrow(
      /^unsupported: query parameter x without a default/,
    );
  });

  it("must compute toscalar once and use it in a filter", () => {
    // avg = (30 + 90 + 150) / 3 = 90; strictly above: r3.
    expect(
      json(
        "let avgLen = toscalar(ACSCallRecordingSummary | summarize avg(RecordingLength));\nACSCallRecordingSummary | where RecordingLength > avgLen | project RecordingId",
        tables,
      ),
    ).toEqual([{ RecordingId: "r3" }]);
  });

  it("must pass materialize through and allow in with a subquery", () => {
    const q =
      "let wavs = materialize(ACSCallRecordingSummary | where FormatType == 'wav' | project RecordingId);\nACSCallRecordingSummary | where RecordingId in (wavs) | project RecordingLength";
    expect(json(q, tables)).toEqual([{ RecordingLength: 90 }]);
  });

  it("must treat a table missing from the data as empty", () => {
    expect(json("ACSBillingUsage | count", tables)).toEqual([{ Count: 0 }]);
  });

  it("must record render as a visualization hint and pass rows through", () => {
    const r = run(
      'ACSCallRecordingSummary | summarize count() by FormatType | render piechart with (title="Formats")',
      tables,
    );
    expect(r.rows).toHaveLength(2);
    expect(r.visualization).toEqual({ kind: "piechart", properties: { title: "Formats" } });
  });

  it("must compile once and run many times with different clocks", () => {
    const q = compileQuery("ACSCallRecordingSummary | where TimeGenerated > ago(90m) | count", { tables: acsTables });
    // now 11:30 → after 10:00 exclusive: r3 (11:00). now 12:00 → after 10:30: r3.  now 10:45 → after 09:15: r2, r3.
    expect(q.run(tables, { now: Date.parse("2024-03-10T11:30:00Z") }).rows).toEqual([{ Count: 1 }]);
    expect(q.run(tables, { now: Date.parse("2024-03-10T10:45:00Z") }).rows).toEqual([{ Count: 2 }]);
  });
});

describe("errors", () => {
  it("must name a stored function whose own body does not analyze", () => {
    const broken: KqlFunctionDef = {
      name: "Broken",
      parameters: [],
      body: "ACSCallRecordingSummary | where NoSuchColumn > 1",
    };
    expect(() => run("Broken() | count", tables, [broken])).toThrow(/Broken.*NoSuchColumn/);
  });

  it("must reject a query that does not analyze, naming line and column", () => {
    expect(() => run("ACSCallRecordingSummary\n| where Nope > 1", tables)).toThrow(/2:9: .*Nope/);
  });

  it("must throw unsupported with the position for operators outside the subset", () => {
    // The python plugin is out of the engine's scope; fork's result sets are a query's, not one table's.
    expect(() => run("ACSCallRecordingSummary\n| evaluate python(typeof(*), 'result = df')", tables)).toThrow(
      /^unsupported: evaluate python at 2:3/,
    );
    expect(() => run("ACSCallRecordingSummary | fork (take 1) (take 2) | count", tables)).toThrow(
      /^unsupported: fork other than as the last operator of a query statement at 1:27/,
    );
    // Inside a function the position is the function's own, so the call site is named too.
    const forked: KqlFunctionDef = {
      name: "Forked",
      parameters: [],
      body: "ACSCallRecordingSummary | fork (take 1) (take 2)",
    };
    expect(() => run("Forked()", tables, [forked])).toThrow(
      /^unsupported: fork other than .* \(inside Forked, called at 1:1\)$/,
    );
  });
});
