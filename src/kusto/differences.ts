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
    subject: "regular expression classes",
    functions: ["extract", "extract_all", "replace_regex", "countof", "indexof_regex"],
    rule: "`\\d`, `\\w`, `\\s` and `\\b` are RE2's ASCII classes (re2js), in these functions and in `matches regex` and `parse kind=regex` alike; the current reference describes Unicode-aware ones",
  },
];
