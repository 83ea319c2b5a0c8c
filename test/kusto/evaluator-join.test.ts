import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

// Left has key "a" twice (innerunique keeps one), "b" once, "c" with no partner; right has "a", "b" twice, "d".
const L = `datatable(K:string, L:long)["a", 1, "a", 2, "b", 3, "c", 4]`;
const R = `datatable(K:string, V:string)["a", "x", "b", "y", "b", "z", "d", "w"]`;
const sortKeys = "| order by K asc, L asc, V asc";

describe("join", () => {
  it("must dedupe the left side by key for the default innerunique", () => {
    // Left keeps a(1), b(3); a↔x, b↔y, b↔z → 3 rows. The right key column comes back as K1.
    const r = run(`${L} | join (${R}) on K ${sortKeys}`);
    expect(r.columns.map((c) => c.name)).toEqual(["K", "L", "K1", "V"]);
    expect(r.rows).toEqual([
      { K: "a", L: 1, K1: "a", V: "x" },
      { K: "b", L: 3, K1: "b", V: "y" },
      { K: "b", L: 3, K1: "b", V: "z" },
    ]);
  });

  it("must match decimal keys by value (1.5 equals 1.50), in join and lookup", () => {
    const tables = `let L = datatable(d:decimal, a:string)[decimal(1.5), "x", decimal(2), "y"];
      let R = datatable(d:decimal, b:string)[decimal(1.50), "p", decimal(3), "q"];`;
    // Only 1.5 is on both sides; lookup keeps the unmatched left row 2 with b "" (strings have no null).
    expect(json(`${tables} L | join kind=inner R on d`)).toEqual([{ d: 1.5, a: "x", d1: 1.5, b: "p" }]);
    expect(json(`${tables} L | lookup R on d`)).toEqual([
      { d: 1.5, a: "x", b: "p" },
      { d: 2, a: "y", b: "" },
    ]);
  });

  it("must keep every left row for kind=inner", () => {
    // a(1)↔x, a(2)↔x, b(3)↔y, b(3)↔z → 4 rows.
    expect(json(`${L} | join kind=inner (${R}) on K ${sortKeys} | project L, V`)).toEqual([
      { L: 1, V: "x" },
      { L: 2, V: "x" },
      { L: 3, V: "y" },
      { L: 3, V: "z" },
    ]);
  });

  it('must pad unmatched rows with nulls for the outer kinds ("" for strings, which have no null)', () => {
    // leftouter: the 4 inner rows plus c(4) with V empty (null-values.md: the string type doesn't support null).
    expect(json(`${L} | join kind=leftouter (${R}) on K ${sortKeys} | project L, V`).map((r) => [r.L, r.V])).toEqual([
      [1, "x"],
      [2, "x"],
      [3, "y"],
      [3, "z"],
      [4, ""],
    ]);
    // rightouter: the 4 inner rows plus d(w) with null L (nulls sort first ascending).
    expect(
      json(`${L} | join kind=rightouter (${R}) on K | order by V asc, L asc | project L, V`).map((r) => [r.L, r.V]),
    ).toEqual([
      [null, "w"],
      [1, "x"],
      [2, "x"],
      [3, "y"],
      [3, "z"],
    ]);
    // fullouter: 4 inner + c + d = 6 rows.
    expect(run(`${L} | join kind=fullouter (${R}) on K`).rows).toHaveLength(6);
  });

  it("must keep only one side for the semi and anti kinds", () => {
    expect(json(`${L} | join kind=leftsemi (${R}) on K | project L`)).toEqual([{ L: 1 }, { L: 2 }, { L: 3 }]);
    expect(json(`${L} | join kind=leftanti (${R}) on K | project L`)).toEqual([{ L: 4 }]);
    expect(json(`${L} | join kind=rightsemi (${R}) on K | project V`)).toEqual([{ V: "x" }, { V: "y" }, { V: "z" }]);
    expect(json(`${L} | join kind=rightanti (${R}) on K | project V`)).toEqual([{ V: "w" }]);
    expect(run(`${L} | join kind=leftsemi (${R}) on K`).columns.map((c) => c.name)).toEqual(["K", "L"]);
  });

  it("must match a missing string key with the empty string, but never a missing number", () => {
    const tables = {
      ACSCallRecordingSummary: {
        name: "ACSCallRecordingSummary",
        columns: [
          { name: "CorrelationId", type: "string" as const },
          { name: "ChunkCount", type: "int" as const },
        ],
        rows: [
          { CorrelationId: null, ChunkCount: null },
          { CorrelationId: "c1", ChunkCount: 1 },
        ],
      },
      ACSCallRecordingIncomingOperations: {
        name: "ACSCallRecordingIncomingOperations",
        columns: [
          { name: "CorrelationId", type: "string" as const },
          { name: "DurationMs", type: "int" as const },
        ],
        rows: [
          { CorrelationId: "", DurationMs: null },
          { CorrelationId: "c1", DurationMs: 1 },
        ],
      },
    };
    // Strings: missing ↔ "" and c1 ↔ c1 → 2 rows. Numbers: null never matches, 1 ↔ 1 → 1 row.
    const ops = "ACSCallRecordingIncomingOperations";
    expect(json(`ACSCallRecordingSummary | join kind=inner (${ops}) on CorrelationId | count`, tables)).toEqual([
      { Count: 2 },
    ]);
    expect(
      json(
        `ACSCallRecordingSummary | join kind=inner (${ops}) on $left.ChunkCount == $right.DurationMs | count`,
        tables,
      ),
    ).toEqual([{ Count: 1 }]);
    // in: the missing CorrelationId is found as "", the missing ChunkCount is in no list.
    expect(json(`ACSCallRecordingSummary | where CorrelationId in ("") | count`, tables)).toEqual([{ Count: 1 }]);
    expect(json(`ACSCallRecordingSummary | where ChunkCount !in (1) | count`, tables)).toEqual([{ Count: 1 }]);
  });

  it("must join on $left.A == $right.B", () => {
    // Rename the right key to Key: b(3)↔y, b(3)↔z.
    expect(
      json(
        `${L} | where K == "b" | join kind=inner (${R} | project Key = K, V) on $left.K == $right.Key | project L, Key, V`,
      ),
    ).toEqual([
      { L: 3, Key: "b", V: "y" },
      { L: 3, Key: "b", V: "z" },
    ]);
  });
});

describe("join keys and the columns a join copies", () => {
  it("must match an int key with a long key of the same value, and datetimes by their ticks", () => {
    const ints = `datatable(A:int, X:string)[1, "one", 2, "two"]`;
    const longs = `datatable(B:long, Y:string)[2, "deux", 3, "trois"]`;
    // Only 2 is on both sides.
    expect(json(`${ints} | join kind=inner (${longs}) on $left.A == $right.B | project X, Y`)).toEqual([
      { X: "two", Y: "deux" },
    ]);
    const days = `datatable(D:datetime, N:long)[datetime(2024-01-01), 1, datetime(2024-01-02), 2]`;
    const marks = `datatable(D:datetime, M:string)[datetime(2024-01-02), "b", datetime(2024-01-02 00:00:00.0000001), "c"]`;
    // 2024-01-02 matches; one tick later does not.
    expect(json(`${days} | join kind=inner (${marks}) on D | project N, M`)).toEqual([{ N: 2, M: "b" }]);
  });

  it("must join on two keys only where both are equal", () => {
    const a = `datatable(K:string, T:long, L:long)["a", 1, 10, "a", 2, 20, "b", 1, 30]`;
    const b = `datatable(K:string, T:long, R:long)["a", 2, 200, "b", 2, 300, "b", 1, 301]`;
    // (a,2) ↔ 200, (b,1) ↔ 301; (a,1) and (b,2) have no partner.
    expect(json(`${a} | join kind=inner (${b}) on K, T | project L, R | order by L asc`)).toEqual([
      { L: 20, R: 200 },
      { L: 30, R: 301 },
    ]);
  });

  it("must join on three keys, keep innerunique's first left row per tuple, and never match a null in any key", () => {
    const a = `datatable(K:string, T:long, D:datetime, L:long)["a", 1, datetime(2024-01-01), 10, "a", 1, datetime(2024-01-01), 11, "a", 1, datetime(2024-01-02), 12, "b", long(null), datetime(2024-01-01), 13]`;
    const b = `datatable(K:string, T:long, D:datetime, R:long)["a", 1, datetime(2024-01-01), 100, "a", 2, datetime(2024-01-01), 101, "b", long(null), datetime(2024-01-01), 102, "a", 1, datetime(2024-01-02), 103]`;
    // (a,1,Jan 1): L 10 and 11 with R 100; (a,1,Jan 2): L 12 with R 103; (a,2,..) has no left; b's null T never matches.
    expect(json(`${a} | join kind=inner (${b}) on K, T, D | project L, R | order by L asc`)).toEqual([
      { L: 10, R: 100 },
      { L: 11, R: 100 },
      { L: 12, R: 103 },
    ]);
    // innerunique keeps L 10 (the first of its tuple) and 12; the null-keyed left row is dropped.
    expect(json(`${a} | join (${b}) on K, T, D | project L, R | order by L asc`)).toEqual([
      { L: 10, R: 100 },
      { L: 12, R: 103 },
    ]);
    // leftanti: L 13 alone has no partner (its null T matches nothing); rightanti: R 101 and 102.
    expect(json(`${a} | join kind=leftanti (${b}) on K, T, D | project L`)).toEqual([{ L: 13 }]);
    expect(json(`${a} | join kind=rightanti (${b}) on K, T, D | project R`)).toEqual([{ R: 101 }, { R: 102 }]);
  });

  it("must give the same rows whichever side has fewer rows (the smaller side is the one hashed)", () => {
    const few = `datatable(K:string, A:long)["p", 1, "q", 2, "p", 3]`;
    const many = `datatable(K:string, B:long)["p", 10, "r", 20, "p", 30, "s", 40, "q", 50, "p", 60]`;
    const pairs = (kql: string) => json(`${kql} | project A, B | order by A asc, B asc`).map((r) => [r.A, r.B]);
    // p: A 1 and 3 with B 10, 30, 60; q: A 2 with B 50; r and s have no left partner.
    const inner = [
      [1, 10],
      [1, 30],
      [1, 60],
      [2, 50],
      [3, 10],
      [3, 30],
      [3, 60],
    ];
    expect(pairs(`${few} | join kind=inner (${many}) on K`)).toEqual(inner);
    expect(pairs(`${many} | join kind=inner (${few}) on K`)).toEqual(inner);
    // rightouter with the larger side on the right adds r(20) and s(40) with a null A (nulls sort first).
    expect(pairs(`${few} | join kind=rightouter (${many}) on K`)).toEqual([[null, 20], [null, 40], ...inner]);
    expect(pairs(`${many} | join kind=leftouter (${few}) on K`)).toEqual([[null, 20], [null, 40], ...inner]);
    // The left rows keep their order, each with its matches in right-row order: p(1) gets 10, 30, 60 as they come.
    expect(json(`${few} | join kind=inner (${many}) on K | take 3 | project B`)).toEqual([
      { B: 10 },
      { B: 30 },
      { B: 60 },
    ]);
  });

  it("must give the same rows when the right side comes row by row from a range chain", () => {
    const left = `datatable(K:string, A:long)["p", 1, "q", 2, "p", 3, "z", 4]`;
    // Right rows in order: (p, 10), (q, 20), (p, 30), (q, 40).
    const right = `range i from 1 to 4 step 1 | extend K = iff(i % 2 == 1, "p", "q"), B = i * 10 | project K, B`;
    const pairs = (kql: string) => json(`${kql} | project A, B`).map((r) => [r.A, r.B]);
    // Left rows in order, each with its matches in right-row order; z has none.
    const inner = [
      [1, 10],
      [1, 30],
      [2, 20],
      [2, 40],
      [3, 10],
      [3, 30],
    ];
    expect(pairs(`${left} | join kind=inner (${right}) on K`)).toEqual(inner);
    expect(pairs(`${left} | join kind=leftouter (${right}) on K`)).toEqual([...inner, [4, null]]);
    // innerunique keeps p(1), q(2) and z(4) of the left.
    expect(pairs(`${left} | join (${right}) on K`)).toEqual(inner.slice(0, 4));
    // rightouter keeps every right row: all four are matched here, so the inner rows alone.
    expect(pairs(`${left} | join kind=rightouter (${right}) on K | order by A asc, B asc`)).toEqual(inner);
  });

  it("must give the operators after a join every column they read, from either side", () => {
    // Inner rows a(1)x, a(2)x, b(3)y, b(3)z; W = V + "!"; L > 1 drops a(1)x; by K: a → [x!], b → [y!, z!].
    expect(
      json(
        `${L} | join kind=inner (${R}) on K | extend W = strcat(V, "!") | where L > 1 | summarize n = count(), ws = make_set(W) by K | order by K asc`,
      ),
    ).toEqual([
      { K: "a", n: 1, ws: ["x!"] },
      { K: "b", n: 2, ws: ["y!", "z!"] },
    ]);
    // The right key K1 read by name after a sort.
    expect(json(`${L} | join kind=leftouter (${R}) on K | sort by L asc | project L, K1`)).toEqual([
      { L: 1, K1: "a" },
      { L: 2, K1: "a" },
      { L: 3, K1: "b" },
      { L: 3, K1: "b" },
      { L: 4, K1: "" },
    ]);
  });

  it("must keep every column when what follows may read columns it does not name", () => {
    // pack_all() reads the whole row: K, L, K1, V of a(1)x.
    expect(json(`${L} | join kind=inner (${R}) on K | take 1 | project b = pack_all()`)).toEqual([
      { b: { K: "a", L: 1, K1: "a", V: "x" } },
    ]);
    // project-away keeps the columns it does not name.
    expect(json(`${L} | join kind=inner (${R}) on K | project-away K1 | take 1`)).toEqual([{ K: "a", L: 1, V: "x" }]);
    // lookup followed by project: Label comes from the right, L from the left.
    const dims = `datatable(K:string, Label:string)["a", "Alpha", "b", "Beta"]`;
    expect(json(`${L} | lookup (${dims}) on K | project L, Label`)).toEqual([
      { L: 1, Label: "Alpha" },
      { L: 2, Label: "Alpha" },
      { L: 3, Label: "Beta" },
      { L: 4, Label: "" },
    ]);
  });
});

describe("lookup, union and mv-expand", () => {
  it("must lookup right columns without repeating the key", () => {
    const dims = `datatable(K:string, Label:string)["a", "Alpha", "b", "Beta"]`;
    const r = run(`${L} | lookup (${dims}) on K`);
    expect(r.columns.map((c) => c.name)).toEqual(["K", "L", "Label"]);
    // c has no label: empty (a string is never null) with the default leftouter; kind=inner drops it.
    expect(r.rows.map((x) => x.Label)).toEqual(["Alpha", "Alpha", "Beta", ""]);
    expect(run(`${L} | lookup kind=inner (${dims}) on K`).rows).toHaveLength(3);
  });

  it("must union tables by column name with an optional source column", () => {
    const r = run(`union withsource=Source (${L} | take 1), (${R} | take 1)`);
    expect(r.columns.map((c) => c.name)).toEqual(["Source", "K", "L", "V"]);
    expect(r.rows).toEqual([
      { Source: "union_arg0", K: "a", L: 1, V: "" },
      { Source: "union_arg1", K: "a", L: null, V: "x" },
    ]);
    // A wildcard names every matching table; the source column carries each table's name.
    const tables = {
      ACSCallRecordingSummary: {
        name: "ACSCallRecordingSummary",
        columns: [{ name: "RecordingId", type: "string" as const }],
        rows: [{ RecordingId: "r1" }, { RecordingId: "r2" }],
      },
      ACSBillingUsage: {
        name: "ACSBillingUsage",
        columns: [{ name: "RecordId", type: "string" as const }],
        rows: [{ RecordId: "u1" }],
      },
    };
    // The operations table is absent (no rows), so it forms no group.
    expect(json("union withsource=Table ACS* | summarize n = count() by Table | order by Table asc", tables)).toEqual([
      { Table: "ACSBillingUsage", n: 1 },
      { Table: "ACSCallRecordingSummary", n: 2 },
    ]);
    // Piped form: left input first. 4 + 4 = 8 rows.
    expect(run(`${L} | union (${R})`).rows).toHaveLength(8);
  });

  it("must expand arrays into rows, one per element, and drop empty arrays", () => {
    const t = `datatable(Id:long, Tags:dynamic)[1, dynamic(["x", "y"]), 2, dynamic([]), 3, dynamic(null)]`;
    // 1 → x, y; 2 → no rows (empty array); 3 → one row with null.
    expect(json(`${t} | mv-expand Tags | project Id, Tags`)).toEqual([
      { Id: 1, Tags: "x" },
      { Id: 1, Tags: "y" },
      { Id: 3, Tags: null },
    ]);
    // with_itemindex numbers the elements from 0.
    expect(json(`${t} | where Id == 1 | mv-expand with_itemindex = Ix Tags | project Ix, Tags`)).toEqual([
      { Ix: 0, Tags: "x" },
      { Ix: 1, Tags: "y" },
    ]);
    const typed = run(`${t} | mv-expand Tags to typeof(string)`);
    expect(typed.columns.find((c) => c.name === "Tags")?.type).toBe("string");
  });
});
