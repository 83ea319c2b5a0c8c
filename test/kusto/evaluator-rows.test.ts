import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

const T = `datatable(Name:string, N:long, R:real, When:datetime)[
  "alpha", 7, 1.5, datetime(2024-03-10T10:15:00Z),
  "beta-gamma", 2, real(null), datetime(2024-03-10T11:45:00Z),
  "Gamma delta", long(null), 4.0, datetime(2024-03-09T23:00:00Z),
  "epsilon", 10, 2.5, datetime(null)]`;

describe("row operators", () => {
  it("must keep only rows whose condition is true (nulls are dropped)", () => {
    // N > 5: alpha (7) and epsilon (10); Gamma's null N is neither true nor kept.
    expect(json(`${T} | where N > 5 | project Name`)).toEqual([{ Name: "alpha" }, { Name: "epsilon" }]);
    expect(json(`${T} | where not(N > 5) | project Name`)).toEqual([{ Name: "beta-gamma" }]);
  });

  it("must match has on whole terms, case-insensitively", () => {
    // Terms: "beta","gamma" | "Gamma","delta"; "alpha" contains "ph" but not as a term.
    expect(json(`${T} | where Name has "gamma" | project Name`)).toEqual([
      { Name: "beta-gamma" },
      { Name: "Gamma delta" },
    ]);
    expect(json(`${T} | where Name has "ph" | project Name`)).toEqual([]);
    expect(json(`${T} | where Name contains "ph" | project Name`)).toEqual([{ Name: "alpha" }]);
  });

  it("must keep integer division integer and make int/real real", () => {
    // 7/2 = 3 (long); 7/2.0 = 3.5; -7/2 truncates toward zero = -3.
    const r = run("print a = 7 / 2, b = 7 / 2.0, c = -7 / 2");
    expect(r.columns).toEqual([
      { name: "a", type: "long" },
      { name: "b", type: "real" },
      { name: "c", type: "long" },
    ]);
    expect(r.rows).toEqual([{ a: 3, b: 3.5, c: -3 }]);
  });

  it("must propagate nulls through arithmetic and comparisons", () => {
    // Gamma's N is null: N * 2 is null; null == 0 is false and null != 0 true (Kusto's null-values rules); N > 0 is null.
    expect(
      json(
        `${T} | where Name == "Gamma delta" | extend D = N * 2, E = N == 0, F = N != 0, G = N > 0 | project D, E, F, G`,
      ),
    ).toEqual([{ D: null, E: false, F: true, G: null }]);
    // where drops rows whose condition is null: only alpha, beta-gamma and epsilon have N > 0.
    expect(json(`${T} | where N > 0 | count`)).toEqual([{ Count: 3 }]);
  });

  it("must name unnamed extend/project columns as Kusto does", () => {
    const r = run(`${T} | take 1 | project Name, N + 1, strlen(Name)`);
    // The binder derives strlen_Name from the single-column call and numbers the rest.
    expect(r.columns.map((c) => c.name)).toEqual(["Name", "Column1", "strlen_Name"]);
    // alpha: N + 1 = 8, strlen("alpha") = 5.
    expect(r.rows).toEqual([{ Name: "alpha", Column1: 8, strlen_Name: 5 }]);
  });

  it("must let a later extend use columns an earlier one made", () => {
    // alpha: A = 7 * 2 = 14, B = 14 + 1 = 15.
    expect(json(`${T} | take 1 | extend A = N * 2 | extend B = A + 1 | project A, B`)).toEqual([{ A: 14, B: 15 }]);
  });

  it("must treat between as inclusive on both ends", () => {
    // N in [2, 7]: alpha (7) and beta-gamma (2); epsilon (10) is out, null is out.
    expect(json(`${T} | where N between (2 .. 7) | project Name`)).toEqual([{ Name: "alpha" }, { Name: "beta-gamma" }]);
    expect(json(`${T} | where N !between (2 .. 7) | project Name`)).toEqual([{ Name: "epsilon" }]);
  });

  it("must filter datetimes with between and a timespan upper bound", () => {
    // [10:00, 10:00 + 2h = 12:00]: alpha (10:15) and beta-gamma (11:45).
    expect(json(`${T} | where When between (datetime(2024-03-10T10:00:00Z) .. 2h) | project Name`)).toEqual([
      { Name: "alpha" },
      { Name: "beta-gamma" },
    ]);
  });

  it("must support in, !in, in~ and has_any", () => {
    expect(json(`${T} | where Name in ("alpha", "epsilon") | project Name`)).toEqual([
      { Name: "alpha" },
      { Name: "epsilon" },
    ]);
    expect(json(`${T} | where Name in ("ALPHA") | project Name`)).toEqual([]);
    expect(json(`${T} | where Name in~ ("ALPHA") | project Name`)).toEqual([{ Name: "alpha" }]);
    // !in keeps all but alpha/epsilon: beta-gamma and Gamma delta.
    expect(json(`${T} | where Name !in ("alpha", "epsilon") | project Name`)).toEqual([
      { Name: "beta-gamma" },
      { Name: "Gamma delta" },
    ]);
    expect(json(`${T} | where Name has_any ("delta", "zeta") | project Name`)).toEqual([{ Name: "Gamma delta" }]);
    expect(json(`${T} | where N in (dynamic([2, 10])) | project Name`)).toEqual([
      { Name: "beta-gamma" },
      { Name: "epsilon" },
    ]);
    // !in~ ignores case: drops alpha and epsilon, keeps the other two.
    expect(json(`${T} | where Name !in~ ("ALPHA", "Epsilon") | project Name`)).toEqual([
      { Name: "beta-gamma" },
      { Name: "Gamma delta" },
    ]);
    // has_all needs every term: only "Gamma delta" has both gamma and delta.
    expect(json(`${T} | where Name has_all ("gamma", "delta") | project Name`)).toEqual([{ Name: "Gamma delta" }]);
  });

  it("must evaluate iff and case", () => {
    // alpha 7 -> "big" (>5); beta 2 -> "small"; Gamma null -> neither true -> "none"/"small".
    expect(json(`${T} | project S = case(N > 5, "big", N > 0, "small", "none"), I = iff(N > 5, 1, 0)`)).toEqual([
      { S: "big", I: 1 },
      { S: "small", I: 0 },
      { S: "none", I: 0 },
      { S: "big", I: 1 },
    ]);
  });

  it("must project-away, project-rename, project-reorder and project-keep by the binder's schema", () => {
    expect(run(`${T} | project-away R, When`).columns.map((c) => c.name)).toEqual(["Name", "N"]);
    const renamed = run(`${T} | take 1 | project-rename Label = Name`);
    expect(renamed.columns.map((c) => c.name)).toEqual(["Label", "N", "R", "When"]);
    expect(renamed.rows[0].Label).toBe("alpha");
    expect(run(`${T} | project-reorder When, Name`).columns.map((c) => c.name)).toEqual(["When", "Name", "N", "R"]);
    expect(run(`${T} | project-keep N*`).columns.map((c) => c.name)).toEqual(["Name", "N"]);
  });

  it("must describe the input's columns with getschema", () => {
    expect(json(`${T} | getschema`)).toEqual([
      { ColumnName: "Name", ColumnOrdinal: 0, DataType: "System.String", ColumnType: "string" },
      { ColumnName: "N", ColumnOrdinal: 1, DataType: "System.Int64", ColumnType: "long" },
      { ColumnName: "R", ColumnOrdinal: 2, DataType: "System.Double", ColumnType: "real" },
      { ColumnName: "When", ColumnOrdinal: 3, DataType: "System.DateTime", ColumnType: "datetime" },
    ]);
  });

  it("must take, limit and count", () => {
    expect(json(`${T} | take 2 | project Name`)).toEqual([{ Name: "alpha" }, { Name: "beta-gamma" }]);
    expect(json(`${T} | limit 1 | project Name`)).toEqual([{ Name: "alpha" }]);
    const r = run(`${T} | count`);
    expect(r.columns).toEqual([{ name: "Count", type: "long" }]);
    expect(r.rows).toEqual([{ Count: 4 }]);
  });

  it("must format datetimes as ISO 8601 UTC with seven fraction digits in JSON rows and tostring", () => {
    expect(json(`print When = datetime(2024-03-10T10:15:00.25Z) | extend S = tostring(When)`)).toEqual([
      { When: "2024-03-10T10:15:00.2500000Z", S: "2024-03-10T10:15:00.2500000Z" },
    ]);
    // Kusto prints all seven digits, also when they are zero.
    expect(json(`${T} | take 1 | project When`)).toEqual([{ When: "2024-03-10T10:15:00.0000000Z" }]);
  });

  it("must read dynamic members by path, key and index", () => {
    const q = `print d = dynamic({"a": {"b": [10, 20, 30]}, "k": "v"}) | project x = d.a.b[1], y = d["k"], z = d.a.b[-1], w = d.nothere`;
    // b[1] = 20; b[-1] is the last element = 30; a missing member is null.
    expect(json(q)).toEqual([{ x: 20, y: "v", z: 30, w: null }]);
  });

  it("must compute now() and ago() from the injected clock", () => {
    // NOW = 2024-03-10T12:00Z; ago(1h) = 11:00Z. Rows after 11:00: beta-gamma (11:45).
    expect(json(`${T} | where When > ago(1h) | project Name`)).toEqual([{ Name: "beta-gamma" }]);
    expect(json("print t = now()")).toEqual([{ t: "2024-03-10T12:00:00.0000000Z" }]);
  });
});

describe("row context", () => {
  it("must number rows and read neighbours with prev/next after sorting", () => {
    // Ascending N with nulls first: Gamma(null), beta(2), alpha(7), epsilon(10).
    // gap = N - prev(N): the first row has no previous → null; 2 - null → null; 7 - 2 = 5; 10 - 7 = 3. nxt = next(Name, 1, "end").
    expect(
      json(
        `${T} | order by N asc | extend rn = row_number(), gap = N - prev(N), nxt = next(Name, 1, "end") | project rn, gap, nxt`,
      ),
    ).toEqual([
      { rn: 1, gap: null, nxt: "beta-gamma" },
      { rn: 2, gap: null, nxt: "alpha" },
      { rn: 3, gap: 5, nxt: "epsilon" },
      { rn: 4, gap: 3, nxt: "end" },
    ]);
    // serialize with columns numbers rows like extend: alpha 1, beta-gamma 2, ...
    expect(json(`${T} | serialize rn = row_number() | project Name, rn | take 2`)).toEqual([
      { Name: "alpha", rn: 1 },
      { Name: "beta-gamma", rn: 2 },
    ]);
    // Outside a row-wise operator there is no row context: refuse rather than guess.
    expect(() => run(`${T} | summarize x = max(row_number())`)).toThrow(/^unsupported: /);
  });
});

describe("literals", () => {
  it("must read timespan and datetime literals in every form", () => {
    const r = run(
      "print a = 1h, b = 90s, c = 10ms, d = time(00:01:02), e = timespan(1.02:03:04), f = time(2), g = 2.5h, h = time(null), i = datetime(2024-01-02 03:04:05.123), j = -5",
    );
    // Datetimes and timespans are 100-ns ticks (10,000 per ms): d = 62 s; e = 1 d 2 h 3 min 4 s = 93784 s; f = 2 days;
    // g = 2.5 h = 9000 s; i keeps its milliseconds.
    const ticks = (ms: number) => BigInt(ms) * 10_000n;
    expect(r.rows[0]).toEqual({
      a: ticks(3_600_000),
      b: ticks(90_000),
      c: ticks(10),
      d: ticks(62_000),
      e: ticks(93_784_000),
      f: ticks(172_800_000),
      g: ticks(9_000_000),
      h: null,
      i: ticks(Date.parse("2024-01-02T03:04:05.123Z")),
      j: -5,
    });
    // Special and hexadecimal numbers: NaN and the infinities keep their meaning, 0x10 is 16.
    const n = run("print a = real(nan), b = real(+inf), c = real(-inf), e = 0x10, f = long(-0x20), g = 1e-3").rows[0];
    expect(Number.isNaN(n.a)).toBe(true);
    expect(n).toMatchObject({ b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY, e: 16, f: -32, g: 0.001 });
    // A quoted datetime keeps its fraction (.25 s); text that is not a datetime is an error, not read as year 1.
    expect(run('print q = datetime("2024-01-02T03:04:05.25Z")').rows).toEqual([
      { q: BigInt(Date.parse("2024-01-02T03:04:05.250Z")) * 10_000n },
    ]);
    expect(() => run("print d = datetime(20240102)")).toThrow(/^invalid datetime literal datetime\(20240102\) at 1:11/);
  });
});

describe("parse", () => {
  it("must capture typed columns between literal anchors and give nulls when the text does not match", () => {
    const t = `datatable(Uri:string)["https://x/calling/recordings/abc:pause?api-version=2023-03-06", "nothing here"]`;
    const q = `${t} | parse Uri with * "recordings/" RecordingId ":" Action "?api-version=" Version`;
    // First URI: RecordingId "abc", Action "pause", Version "2023-03-06"; the second has no "recordings/" so strings stay empty.
    expect(json(`${q} | project RecordingId, Action, Version`)).toEqual([
      { RecordingId: "abc", Action: "pause", Version: "2023-03-06" },
      { RecordingId: "", Action: "", Version: "" },
    ]);
    // A typed capture converts: "status=404;" → 404 as long; no match → null.
    expect(json(`print s = "status=404;" | parse s with "status=" Code:long ";" | project Code`)).toEqual([
      { Code: 404 },
    ]);
    expect(json(`print s = "nope" | parse s with "status=" Code:long ";" | project Code`)).toEqual([{ Code: null }]);
  });
});
