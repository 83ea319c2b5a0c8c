import { describe, expect, it } from "vitest";
import { json } from "./helpers";

describe("hll and tdigest (kept exact in this engine)", () => {
  it("dcount_hll must count the distinct values an hll saw, also after merging", () => {
    // x % 7 takes 7 values; x % 4 takes 4 values, all among the 7
    const [row] = json(
      "range x from 1 to 100 step 1 | summarize h7 = hll(x % 7), h4 = hll(x % 4) | project a = dcount_hll(h7), b = dcount_hll(hll_merge(h7, h4))",
    );
    expect(row).toEqual({ a: 7, b: 7 });
  });

  it("hll_merge as an aggregate must union the groups' sets", () => {
    // groups by x % 2: odd values 1,3,5 and even 2,4,6 → 6 distinct in all
    const [row] = json(
      "range x from 1 to 6 step 1 | summarize h = hll(x) by p = x % 2 | summarize m = hll_merge(h) | project d = dcount_hll(m)",
    );
    expect(row).toEqual({ d: 6 });
  });

  it("percentile_tdigest, rank_tdigest and percentrank_tdigest must follow nearest rank over the values", () => {
    // 1..10: 30% → rank ceil(3) = 3rd value = 3; values ≤ 4 → rank 4; values ≤ 5 → 50%
    const [row] = json(
      "range x from 1 to 10 step 1 | summarize t = tdigest(x) | project p = percentile_tdigest(t, 30, typeof(long)), r = rank_tdigest(t, 4), pr = percentrank_tdigest(t, 5), pa = percentiles_array_tdigest(t, 10, 100)",
    );
    expect(row).toEqual({ p: 3, r: 4, pr: 50, pa: [1, 10] });
  });

  it("a weighted tdigest and tdigest_merge must count each value weight times", () => {
    // a: 1 (weight 1), 2 (weight 3); merged with b: 3 (weight 4) → 8 in all; 50% → 4th → 2; rank of 2 = 4
    const [row] = json(
      "datatable(g:string, v:long, w:long)['a', 1, 1, 'a', 2, 3, 'b', 3, 4] | summarize t = tdigest(v, w) by g | summarize m = tdigest_merge(t) | project p = percentile_tdigest(m, 50, typeof(long)), r = rank_tdigest(m, 2)",
    );
    expect(row).toEqual({ p: 2, r: 4 });
  });
});

describe("merge_tdigest as a scalar", () => {
  it("must merge the digests given as arguments", () => {
    // 1..5 and 11..15 merged: 10 values; 50% → 5th → 5, 60% → 6th → 11
    const [row] = json(
      "range x from 1 to 5 step 1 | extend y = x + 10 | summarize a = tdigest(x), b = tdigest(y) | project m = merge_tdigest(a, b) | project p50 = percentile_tdigest(m, 50, typeof(long)), p60 = percentile_tdigest(m, 60, typeof(long))",
    );
    expect(row).toEqual({ p50: 5, p60: 11 });
  });
});

describe("buildschema", () => {
  it("must list each place's kinds in order of first appearance, arrays under `indexer`", () => {
    const [row] = json(
      'datatable(d:dynamic)[dynamic({"a":1}), dynamic({"a":"x", "b":[true, false]}), dynamic({"a":2.5, "c":{"d":null}})] | summarize s = buildschema(d)',
    );
    expect(row.s).toEqual({ a: ["long", "string", "double"], b: { "`indexer`": "bool" }, c: { d: null } });
  });
});
