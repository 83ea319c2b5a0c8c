// Where this engine knowingly answers differently from Kusto, and why: the README's list is generated from this table.

export interface KnownDifference {
  /** What differs, as a user would look it up. */
  readonly subject: string;
  /** Built-in functions it concerns (checked against the function tables by a test). */
  readonly functions: readonly string[];
  /** The engine's rule, Kusto's, and the consequence. */
  readonly rule: string;
}

export const knownDifferences: readonly KnownDifference[] = [
  {
    subject: "percentiles",
    functions: ["percentile", "percentiles", "percentiles_array", "percentilew", "percentilesw", "percentilesw_array"],
    rule: "exact nearest rank (the value at rank ceil(p/100·n)); Kusto's are T-Digest estimates, so large sets can differ slightly",
  },
  {
    subject: "distinct counts",
    functions: ["dcount", "dcountif", "dcount_hll"],
    rule: "exact; Kusto's are HyperLogLog estimates within the error its accuracy level documents",
  },
  {
    subject: "hll and tdigest sketches",
    functions: [
      "hll",
      "hll_if",
      "hll_merge",
      "tdigest",
      "tdigest_merge",
      "merge_tdigest",
      "percentile_tdigest",
      "percentiles_array_tdigest",
      "percentrank_tdigest",
      "rank_tdigest",
    ],
    rule: "a sketch holds the distinct keys or every value (a dynamic bag of this engine's own shape), so the estimates read from it are exact; Kusto's sketch is an opaque binary, so printing one never matches",
  },
  {
    subject: "datetime, timespan and guid values inside a dynamic",
    functions: ["gettype", "buildschema", "array_sort_asc", "array_sort_desc", "pack_array", "bag_pack", "make_list"],
    rule: "held as their text (`2020-01-01T00:00:00.0000000Z`), as JSON serializes them, so `gettype` and `buildschema` say `string` and array sorting orders them among strings; Kusto's dynamic keeps their type (dynamic.md). Cast with `todatetime()`/`totimespan()`/`toguid()` after subscripting, as the page advises",
  },
];
