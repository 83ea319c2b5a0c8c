import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

const Bags = `datatable(Name:string, d:dynamic)[
  "ann", dynamic({"b": 1, "a": "x"}),
  "bob", dynamic({"b": 2.5}),
  "cy", dynamic(null)]`;

describe("evaluate bag_unpack", () => {
  it("must turn each slot into a column named in ordinal order and typed by its values (mixed types are dynamic)", () => {
    // Slots a (strings only) and b (1 is long, 2.5 is real: mixed → dynamic); d itself is removed; cy has no bag.
    const r = run(`${Bags} | evaluate bag_unpack(d)`);
    expect(r.columns).toEqual([
      { name: "Name", type: "string" },
      { name: "a", type: "string" },
      { name: "b", type: "dynamic" },
    ]);
    // A slot a row lacks is "" in a string column (Kusto strings have no null) and null otherwise.
    expect(json(`${Bags} | evaluate bag_unpack(d)`)).toEqual([
      { Name: "ann", a: "x", b: 1 },
      { Name: "bob", a: "", b: 2.5 },
      { Name: "cy", a: "", b: null },
    ]);
  });

  it("must prefix the column names", () => {
    expect(json(`${Bags} | evaluate bag_unpack(d, "p_") | project Name, p_a`)).toEqual([
      { Name: "ann", p_a: "x" },
      { Name: "bob", p_a: "" },
      { Name: "cy", p_a: "" },
    ]);
  });

  it("must refuse a slot that collides with an input column unless told how to resolve it", () => {
    const clash = `datatable(a:string, d:dynamic)["keep", dynamic({"a": "new"})]`;
    expect(() => run(`${clash} | evaluate bag_unpack(d)`)).toThrow(/columnsConflict/);
    expect(json(`${clash} | evaluate bag_unpack(d, columnsConflict="replace_source")`)).toEqual([{ a: "new" }]);
    expect(json(`${clash} | evaluate bag_unpack(d, columnsConflict="keep_source")`)).toEqual([{ a: "keep" }]);
  });

  it("must let later operators use the unpacked columns", () => {
    // Only ann has a = "x".
    expect(json(`${Bags} | evaluate bag_unpack(d) | where a == "x" | project Name`)).toEqual([{ Name: "ann" }]);
  });

  it("must cast to an output schema, keeping the input columns with *", () => {
    const r = run(`${Bags} | evaluate bag_unpack(d) : (*, b:real)`);
    expect(r.columns).toEqual([
      { name: "Name", type: "string" },
      { name: "b", type: "real" },
    ]);
    expect(r.rows.map((x) => x.b)).toEqual([1, 2.5, null]);
  });
});

describe("evaluate narrow", () => {
  it("must give one row per cell: the 0-based row, the column name and the value as text", () => {
    expect(json(`datatable(k:string, n:long)["a", 1, "b", 20] | evaluate narrow()`)).toEqual([
      { Row: 0, Column: "k", Value: "a" },
      { Row: 0, Column: "n", Value: "1" },
      { Row: 1, Column: "k", Value: "b" },
      { Row: 1, Column: "n", Value: "20" },
    ]);
  });
});

describe("evaluate pivot", () => {
  const Sales = `datatable(Region:string, Product:string, Qty:long)[
    "east", "pen", 2, "west", "pen", 5, "east", "ink", 1, "east", "pen", 4]`;

  it("must count rows per pivot value by default, grouping by the other columns", () => {
    // Groups by Product and Qty (all other columns); each (Product, Qty) row is one group here.
    expect(json(`${Sales} | project Region, Product | evaluate pivot(Region)`)).toEqual([
      { Product: "pen", east: 2, west: 1 },
      { Product: "ink", east: 1, west: 0 },
    ]);
  });

  it("must aggregate with the given function, absent combinations taking the aggregate of no rows", () => {
    // pen: east 2+4 = 6, west 5; ink: east 1, west sum of nothing = 0.
    expect(json(`${Sales} | evaluate pivot(Region, sum(Qty))`)).toEqual([
      { Product: "pen", east: 6, west: 5 },
      { Product: "ink", east: 1, west: 0 },
    ]);
  });
});

describe("evaluate of plugins out of scope", () => {
  it("must refuse them as unsupported, naming the plugin", () => {
    expect(() => run(`print x=1 | evaluate python(typeof(*), "result = df")`)).toThrow(
      /unsupported: evaluate python at 1:/,
    );
  });
});

describe("evaluate rows_near", () => {
  it("must keep the rows within N before and M after a row where the condition holds, in input order", () => {
    // Matches at v=3 and v=7; one row before each, none after: 2, 3, 6, 7.
    const q = `datatable(v:long, s:string)[1,"ok",2,"ok",3,"err",4,"ok",5,"ok",6,"ok",7,"err"] | evaluate rows_near(s == "err", 1, 0) | project v`;
    expect(json(q)).toEqual([{ v: 2 }, { v: 3 }, { v: 6 }, { v: 7 }]);
  });
});

describe("evaluate ipv4_lookup", () => {
  const Nets = `let Nets = datatable(net:string, name:string)["10.1.0.0/16", "lab", "10.2.3.4/32", "host"];`;
  const Ips = `datatable(ip:string)["10.1.200.7", "10.2.3.4", "10.3.0.1"]`;

  it("must join each address to the network holding it and drop the unmatched", () => {
    expect(json(`${Nets} ${Ips} | evaluate ipv4_lookup(Nets, ip, net)`)).toEqual([
      { ip: "10.1.200.7", net: "10.1.0.0/16", name: "lab" },
      { ip: "10.2.3.4", net: "10.2.3.4/32", name: "host" },
    ]);
  });

  it("must keep unmatched rows with empty lookup columns when asked", () => {
    expect(
      json(`${Nets} ${Ips} | evaluate ipv4_lookup(Nets, ip, net, return_unmatched = true) | where ip == "10.3.0.1"`),
    ).toEqual([{ ip: "10.3.0.1", net: "", name: "" }]);
  });
});

describe("evaluate activity_counts_metrics", () => {
  it("must count rows, distinct ids, new ids and ids so far per window from Start", () => {
    // Day 1: a, b, a → 3 rows, 2 ids, both new, 2 so far. Day 2: b, c → 2 rows, 2 ids, c new, 3 so far.
    // The row on day 4 is after End and is not counted.
    const q = `datatable(u:string, t:datetime)["a", datetime(2024-01-01 08:00), "b", datetime(2024-01-01 09:00), "a", datetime(2024-01-01 10:00),
      "b", datetime(2024-01-02), "c", datetime(2024-01-02 23:00), "d", datetime(2024-01-04 01:00)]
      | evaluate activity_counts_metrics(u, t, datetime(2024-01-01), datetime(2024-01-03), 1d)`;
    expect(json(q)).toEqual([
      { t: "2024-01-01T00:00:00.0000000Z", count: 3, dcount: 2, new_dcount: 2, aggregated_dcount: 2 },
      { t: "2024-01-02T00:00:00.0000000Z", count: 2, dcount: 2, new_dcount: 1, aggregated_dcount: 3 },
    ]);
  });
});

describe("evaluate active_users_count", () => {
  it("must count ids seen in enough distinct periods within the lookback before an appearance", () => {
    // Lookback 3d (exclusive start), 2 distinct days needed, weekly bins from Jan 1.
    // a: Jan 2 and Jan 4 → at Jan 4 the window (Jan 1, Jan 4] holds 2 days: active in the week of Jan 1.
    // b: Jan 2 and Jan 5 → at Jan 5 the window (Jan 2, Jan 5] holds only Jan 5: never active.
    const q = `datatable(u:string, t:datetime)["a", datetime(2024-01-02), "a", datetime(2024-01-04), "b", datetime(2024-01-02), "b", datetime(2024-01-05)]
      | evaluate active_users_count(u, t, datetime(2024-01-01), datetime(2024-01-31), 3d, 1d, 2, 7d)`;
    expect(json(q)).toEqual([{ t: "2024-01-01T00:00:00.0000000Z", dcount: 1 }]);
  });
});

describe("column_names_of", () => {
  it("must list a tabular expression's columns in order", () => {
    expect(json(`let T = datatable(B:long, A:string)[]; print c = column_names_of(T)`)).toEqual([{ c: ["B", "A"] }]);
  });
});

describe("evaluate sliding_window_counts", () => {
  it("must count rows and distinct ids over the last LookbackWindow of whole bins, for every bin the window reaches", () => {
    // Bins of 1d from Jan 1, lookback 2d (this bin and the one before). Jan 1: a, b. Jan 2: a. Jan 4: c.
    // Jan 1 → 2 rows {a, b}; Jan 2 → 3 rows {a, b}; Jan 3 → Jan 2's 1 row {a}; Jan 4 → 1 row {c}; Jan 5 → c again.
    const q = `datatable(u:string, t:datetime)["a", datetime(2024-01-01), "b", datetime(2024-01-01 05:00), "a", datetime(2024-01-02), "c", datetime(2024-01-04)]
      | evaluate sliding_window_counts(u, t, datetime(2024-01-01), datetime(2024-01-06), 2d, 1d) | project t, n = Count, d = Dcount`;
    expect(json(q)).toEqual([
      { t: "2024-01-01T00:00:00.0000000Z", n: 2, d: 2 },
      { t: "2024-01-02T00:00:00.0000000Z", n: 3, d: 2 },
      { t: "2024-01-03T00:00:00.0000000Z", n: 1, d: 1 },
      { t: "2024-01-04T00:00:00.0000000Z", n: 1, d: 1 },
      { t: "2024-01-05T00:00:00.0000000Z", n: 1, d: 1 },
    ]);
  });
});

describe("evaluate rolling_percentile", () => {
  it("must take the nearest-rank percentile over each bin and the bins before it in the window", () => {
    // Bins of 10 over idx: bin 0 holds 1, 5; bin 10 holds 20; bin 30 holds 7. Window of 2 bins, median (p50):
    // bin 0 → [1, 5] → 1st of 2 = 1; bin 10 → [1, 5, 20] → 2nd = 5; bin 30 → [7] (bin 20 is empty) → 7.
    const q = `datatable(idx:long, v:long)[0, 5, 3, 1, 12, 20, 31, 7] | evaluate rolling_percentile(v, 50, idx, 10, 2)`;
    expect(json(q)).toEqual([
      { idx: 0, rolling_2_percentile_v_50: 1 },
      { idx: 10, rolling_2_percentile_v_50: 5 },
      { idx: 30, rolling_2_percentile_v_50: 7 },
    ]);
  });
});

describe("getschema after an open schema", () => {
  it("must list the columns the run produced", () => {
    // bag_unpack's slots a (string) and b (long), in ordinal order.
    expect(
      json(
        `print d = dynamic({"b": 1, "a": "x"}) | evaluate bag_unpack(d) | getschema | project ColumnName, ColumnType`,
      ),
    ).toEqual([
      { ColumnName: "a", ColumnType: "string" },
      { ColumnName: "b", ColumnType: "long" },
    ]);
  });
});

describe("project-away / project-keep after an open schema", () => {
  it("must match names and wildcards against the columns the run produced", () => {
    const q = `print k = 1, d = dynamic({"b": 1, "ab": "x"}) | evaluate bag_unpack(d)`;
    expect(json(`${q} | project-away k`)).toEqual([{ ab: "x", b: 1 }]);
    // project-keep keeps the input's order: k, then ab.
    expect(json(`${q} | project-keep a*, k`)).toEqual([{ k: 1, ab: "x" }]);
  });
});

describe("operators that need the binder's columns after an open schema", () => {
  it("must refuse rather than drop the unpacked columns", () => {
    const q = `print k = 1, d = dynamic({"b": 1}) | evaluate bag_unpack(d)`;
    expect(() => run(`${q} | project-rename kk = k`)).toThrow(
      /^unsupported: project-rename after a schema known only when the query runs/,
    );
    expect(() => run(`${q} | union (print z = 1)`)).toThrow(/^unsupported: union after/);
    expect(() => run(`${q} | distinct *`)).toThrow(/^unsupported: distinct after/);
    // Naming the columns first makes the schema known again.
    expect(json(`${q} | project k, b | project-rename kk = k`)).toEqual([{ kk: 1, b: 1 }]);
  });
});
