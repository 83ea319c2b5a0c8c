import { describe, expect, it } from "vitest";
import { aggregateFactory } from "../../src/kusto/scalars";
import { aggregate, utcTicks } from "./scalars-helpers";

const col = (...values: (number | bigint | string | boolean | null)[]) => values.map((v) => [v]);

describe("counting", () => {
  it("count() must count every row", () => {
    expect(aggregate("count", [], "long", [[], [], []])).toBe(3);
  });

  it("countif must count rows whose predicate is true, not null", () => {
    expect(aggregate("countif", ["bool"], "long", col(true, false, null, true))).toBe(2);
  });

  it("dcount must count distinct non-null values exactly", () => {
    // mp4, wav, mp4, null, MP4 → {mp4, wav, MP4} = 3 (case matters)
    expect(aggregate("dcount", ["string"], "long", col("mp4", "wav", "mp4", null, "MP4"))).toBe(3);
  });

  it("dcountif must count distinct values of rows that pass", () => {
    const rows = [
      ["a", true],
      ["b", false],
      ["a", true],
      ["c", true],
    ];
    expect(aggregate("dcountif", ["string", "bool"], "long", rows)).toBe(2);
  });
});

describe("sums and averages", () => {
  it("sum of ints must be an integer and skip nulls", () => {
    // 3 + 4 + 5 = 12
    expect(aggregate("sum", ["int"], "long", col(3, null, 4, 5))).toBe(12);
  });

  it("sum of nothing must be 0, Kusto's documented default", () => {
    expect(aggregate("sum", ["real"], "real", col(null, null))).toBe(0);
  });

  it("sumif must add the rows whose predicate is true", () => {
    expect(
      aggregate("sumif", ["real", "bool"], "real", [
        [1.5, true],
        [2, false],
        [3, true],
      ]),
    ).toBe(4.5);
  });

  it("avg of ints must be a real", () => {
    // (1 + 2) / 2 = 1.5
    expect(aggregate("avg", ["int"], "real", col(1, 2, null))).toBe(1.5);
  });

  it("avg of nothing must be NaN (0/0), as summarize-operator.md's empty-table example prints", () => {
    expect(aggregate("avg", ["int"], "real", col(null))).toBeNaN();
  });

  it("avgif must average the passing rows", () => {
    expect(
      aggregate("avgif", ["long", "bool"], "real", [
        [10, true],
        [100, false],
        [20, true],
      ]),
    ).toBe(15);
  });
});

describe("min, max, arg_max, arg_min", () => {
  it("min and max must ignore nulls", () => {
    expect(aggregate("min", ["long"], "long", col(null, 7, 3, 9))).toBe(3);
    expect(aggregate("max", ["long"], "long", col(null, 7, 3, 9))).toBe(9);
    expect(aggregate("max", ["long"], "long", col(null))).toBeNull();
  });

  it("min and max must order datetimes and strings", () => {
    expect(
      aggregate("max", ["datetime"], "datetime", col(utcTicks(2024, 1, 2), utcTicks(2024, 1, 3), utcTicks(2024, 1, 1))),
    ).toBe(utcTicks(2024, 1, 3));
    expect(aggregate("min", ["string"], "string", col("wav", "mp4", "mp3"))).toBe("mp3");
  });

  it("minif and maxif must only look at passing rows", () => {
    expect(
      aggregate("maxif", ["long", "bool"], "long", [
        [9, false],
        [4, true],
        [6, true],
      ]),
    ).toBe(6);
    expect(
      aggregate("minif", ["long", "bool"], "long", [
        [1, false],
        [4, true],
        [6, true],
      ]),
    ).toBe(4);
  });

  it("arg_max must return the winning row index and keep the first row on ties", () => {
    // rows 0..4: 5, 9, null, 9, 2 → first 9 is row 1
    expect(aggregate("arg_max", ["long"], "long", col(5, 9, null, 9, 2))).toBe(1);
    expect(aggregate("arg_min", ["long"], "long", col(5, 2, null, 2, 9))).toBe(1);
  });

  it("arg_max/arg_min over only nulls must pick a row (the first), not drop the group", () => {
    // arg-min-aggregation-function.md, Null handling: "When ExprToMinimize is null for all rows ... one row is picked"
    expect(aggregate("arg_max", ["long"], "long", col(null, null))).toBe(0);
    expect(aggregate("arg_min", ["long"], "long", col(null, null, null))).toBe(0);
    // once a value is seen, null rows are ignored: row 2 holds the only (hence largest) value
    expect(aggregate("arg_max", ["long"], "long", col(null, null, 5))).toBe(2);
  });
});

describe("percentiles", () => {
  const ten = col(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);

  it("percentile must use nearest rank ceil(p/100*n)", () => {
    // n = 10: p50 → rank 5 → 50; p95 → rank ceil(9.5) = 10 → 100; p90 → rank 9 → 90
    expect(aggregate("percentile", ["long", "long"], "long", ten, [undefined, 50])).toBe(50);
    expect(aggregate("percentile", ["long", "long"], "long", ten, [undefined, 95])).toBe(100);
    expect(aggregate("percentile", ["long", "long"], "long", ten, [undefined, 90])).toBe(90);
  });

  it("percentile 0 must be the minimum and 100 the maximum", () => {
    expect(aggregate("percentile", ["long", "long"], "long", col(30, 10, 20), [undefined, 0])).toBe(10);
    expect(aggregate("percentile", ["long", "long"], "long", col(30, 10, 20), [undefined, 100])).toBe(30);
  });

  it("percentiles must return one value per level in the given order", () => {
    // unsorted input 7,1,5,3 → sorted 1,3,5,7; p25 → rank 1 → 1; p50 → rank 2 → 3; p99 → rank 4 → 7
    expect(
      aggregate("percentiles", ["long", "long", "long", "long"], "dynamic", col(7, 1, 5, 3), [undefined, 25, 50, 99]),
    ).toEqual([1, 3, 7]);
  });

  it("percentile must skip nulls and be null with no values", () => {
    expect(aggregate("percentile", ["long", "long"], "long", col(null, 4, null), [undefined, 50])).toBe(4);
    expect(aggregate("percentile", ["long", "long"], "long", col(null), [undefined, 50])).toBeNull();
  });

  it("percentile levels that are not constant must be read from the row", () => {
    expect(
      aggregate(
        "percentile",
        ["long", "long"],
        "long",
        [
          [1, 50],
          [2, 50],
          [3, 50],
        ],
        [undefined, undefined],
      ),
    ).toBe(2);
  });

  it("a level outside 0..100 must be refused with a message", () => {
    expect(() => aggregateFactory("percentile", ["long", "long"], "long", [undefined, 150])).toThrow(/0 to 100/);
  });
});

describe("make_set, make_list, take_any", () => {
  it("make_set must dedupe and keep first-seen order", () => {
    expect(aggregate("make_set", ["string"], "dynamic", col("wav", "mp4", "wav", null, "mp3"))).toEqual([
      "wav",
      "mp4",
      "mp3",
    ]);
  });

  it("make_set of array values must collect their distinct elements", () => {
    // ["A1","A2"], ["A2","C1"], null → A1, A2, C1
    expect(aggregate("make_set", ["dynamic"], "dynamic", [[["A1", "A2"]], [["A2", "C1"]], [null]])).toEqual([
      "A1",
      "A2",
      "C1",
    ]);
  });

  it("make_list must keep duplicates and skip nulls", () => {
    expect(aggregate("make_list", ["long"], "dynamic", col(2, null, 2, 1))).toEqual([2, 2, 1]);
  });

  it("make_set and make_list must stop at the size limit", () => {
    expect(aggregate("make_list", ["long", "long"], "dynamic", col(1, 2, 3), [undefined, 2])).toEqual([1, 2]);
  });

  it("make_list_with_nulls must keep the nulls", () => {
    expect(aggregate("make_list_with_nulls", ["long"], "dynamic", col(1, null, 2))).toEqual([1, null, 2]);
  });

  it("percentiles_array must give one array of the levels", () => {
    // sorted 1,2,3,4: p50 → rank 2 → 2; p75 → rank 3 → 3
    expect(
      aggregate("percentiles_array", ["long", "long", "long"], "dynamic", col(4, 3, 2, 1), [undefined, 50, 75]),
    ).toEqual([2, 3]);
  });

  it("make_list of datetimes must hold ISO text", () => {
    expect(aggregate("make_list", ["datetime"], "dynamic", col(utcTicks(2024, 1, 1)))).toEqual([
      "2024-01-01T00:00:00.0000000Z",
    ]);
  });

  it("make_set_if and make_list_if must only take passing rows", () => {
    expect(
      aggregate("make_set_if", ["string", "bool"], "dynamic", [
        ["a", true],
        ["b", false],
        ["a", true],
      ]),
    ).toEqual(["a"]);
    expect(
      aggregate("make_list_if", ["string", "bool"], "dynamic", [
        ["a", true],
        ["b", false],
        ["a", true],
      ]),
    ).toEqual(["a", "a"]);
  });

  it("make_set of nothing must be an empty array", () => {
    expect(aggregate("make_set", ["string"], "dynamic", [])).toEqual([]);
  });

  it("take_any must return a non-null value of the group", () => {
    expect(aggregate("take_any", ["string"], "string", col(null, "x", "y"))).toBe("x");
    expect(aggregate("any", ["long"], "long", col(null))).toBeNull();
  });

  it("take_any with several arguments or * must give the first row's index", () => {
    expect(
      aggregate("take_any", ["string", "long"], "string", [
        ["a", 1],
        ["b", 2],
      ]),
    ).toBe(0);
    expect(aggregate("take_any", [], "string", [[], []])).toBe(0);
  });
});

describe("spread", () => {
  it("variance and stdev must use the sample (n - 1) formula", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32 → sample variance 32/7, population 32/8 = 4
    const rows = col(2, 4, 4, 4, 5, 5, 7, 9);
    expect(aggregate("variance", ["long"], "real", rows)).toBeCloseTo(32 / 7, 12);
    expect(aggregate("stdev", ["long"], "real", rows)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(aggregate("variancep", ["long"], "real", rows)).toBeCloseTo(4, 12);
    expect(aggregate("stdevp", ["long"], "real", rows)).toBeCloseTo(2, 12);
  });

  it("stdev of a single value must be 0", () => {
    expect(aggregate("stdev", ["real"], "real", col(3.5))).toBe(0);
  });
});

describe("factory", () => {
  it("unknown aggregates and wrong arities must be unsupported (undefined)", () => {
    expect(aggregateFactory("median", ["long"], "long", [undefined])).toBeUndefined();
    expect(aggregateFactory("sum", [], "long", [])).toBeUndefined();
  });

  it("each call of the factory must give an independent accumulator", () => {
    const make = aggregateFactory("count", [], "long", [])!;
    const a = make();
    const b = make();
    a.add([], 0);
    a.add([], 1);
    b.add([], 0);
    expect([a.result(), b.result()]).toEqual([2, 1]);
  });
});

describe("covariance and the population variants", () => {
  // x = 1,2,3 and y = 2,4,6: means 2 and 4, Σ dx·dy = (-1)(-2) + 0 + (1)(2) = 4
  const xy = [
    [1, 2],
    [2, 4],
    [3, 6],
  ];
  it("covariance must divide the co-moment by n - 1 and covariancep by n", () => {
    expect(aggregate("covariance", ["real", "real"], "real", xy)).toBe(2);
    expect(aggregate("covariancep", ["real", "real"], "real", xy)).toBeCloseTo(4 / 3, 15);
  });

  it("the *if variants must use only rows whose predicate is true", () => {
    // with the extra row excluded the answer is the same as above
    const rows = [...xy.map((r) => [...r, true]), [100, -100, false], [50, 50, null]];
    expect(aggregate("covarianceif", ["real", "real", "bool"], "real", rows)).toBe(2);
    // variancepif over 1, 2, 3: mean 2, Σ d² = 2, / 3
    expect(
      aggregate("variancepif", ["real", "bool"], "real", [
        [1, true],
        [2, true],
        [3, true],
        [9, false],
      ]),
    ).toBeCloseTo(2 / 3, 15);
  });
});

describe("binary_all_and, binary_all_or, binary_all_xor", () => {
  it("must fold the 64-bit values with the operator", () => {
    // 12 = 1100, 10 = 1010, 6 = 0110
    expect(aggregate("binary_all_and", ["long"], "long", col(12, 10))).toBe(8);
    expect(aggregate("binary_all_or", ["long"], "long", col(12, 10, null))).toBe(14);
    expect(aggregate("binary_all_xor", ["long"], "long", col(12, 10, 6))).toBe(0);
  });

  it("with no value must be null", () => {
    expect(aggregate("binary_all_and", ["long"], "long", col(null))).toBeNull();
  });
});

describe("percentiles of longs beyond 2^53", () => {
  it("must switch to exact values when a bigint arrives, keeping the numbers seen before", () => {
    // sorted: 1, 2, 9007199254740993, 9007199254740995 → 50% is the 2nd, 75% the 3rd (nearest rank)
    const rows = [[2], [9007199254740995n], [1], [9007199254740993n]];
    expect(aggregate("percentile", ["long", "real"], "long", rows, [undefined, 75])).toBe(9007199254740993n);
    expect(aggregate("percentiles", ["long", "real", "real"], "dynamic", rows, [undefined, 50, 100])).toEqual([
      2,
      9007199254740995n,
    ]);
  });
});

describe("weighted percentiles", () => {
  // 10 once and 20 three times: cumulative weights 1 and 4 out of 4
  const rows = [
    [10, 1],
    [20, 3],
  ];
  it("must treat each value as repeated weight times", () => {
    expect(aggregate("percentilew", ["long", "long", "real"], "long", rows, [undefined, undefined, 25])).toBe(10);
    expect(aggregate("percentilew", ["long", "long", "real"], "long", rows, [undefined, undefined, 50])).toBe(20);
    expect(
      aggregate("percentilesw_array", ["long", "long", "dynamic"], "dynamic", rows, [undefined, undefined, [25, 100]]),
    ).toEqual([10, 20]);
  });
});

describe("make_list and friends", () => {
  it("make_list must stop at 1,048,576 items even when asked for more", () => {
    const rows = Array.from({ length: 1_048_580 }, (_, i) => [i]);
    const list = aggregate("make_list", ["long", "long"], "dynamic", rows, [undefined, 5_000_000]) as unknown[];
    expect(list.length).toBe(1_048_576);
    expect(list[1_048_575]).toBe(1_048_575);
  });

  it("make_bag must keep the first value of a key and treat any key as plain data", () => {
    const a = Object.assign(Object.create(null), { k: 1, toString: "x" });
    const b = Object.assign(Object.create(null), JSON.parse('{"k": 2, "__proto__": "y"}'));
    const bag = aggregate("make_bag", ["dynamic"], "dynamic", [[a], [b]]) as Record<string, unknown>;
    expect({ ...bag }).toEqual({ k: 1, toString: "x", ["__proto__"]: "y" });
  });
});

describe("sum and avg of timespans and datetimes", () => {
  // Timespans and datetimes are bigint 100-ns ticks.
  const H = 36_000_000_000n;

  it("sum of timespans must add the ticks exactly, skipping nulls and rows whose predicate is not true", () => {
    // 1h + 2h + 4h = 7h; sumif(d, d > 1h) = 6h
    expect(aggregate("sum", ["timespan"], "timespan", col(H, 2n * H, null, 4n * H))).toBe(7n * H);
    expect(
      aggregate("sumif", ["timespan", "bool"], "timespan", [
        [H, false],
        [2n * H, true],
        [4n * H, true],
      ]),
    ).toBe(6n * H);
  });

  it("avg of timespans and datetimes must be the mean tick, rounded half to even", () => {
    // (1 + 2) ticks / 2 = 1.5 → 2; (1h + 2h + 4h) / 3 = 2h20m
    expect(aggregate("avg", ["timespan"], "timespan", col(1n, 2n))).toBe(2n);
    expect(aggregate("avg", ["timespan"], "timespan", col(H, 2n * H, 4n * H))).toBe((7n * H) / 3n);
    // mean of 2024-01-01 and 2024-01-03 is 2024-01-02
    expect(aggregate("avg", ["datetime"], "datetime", col(utcTicks(2024, 1, 1), utcTicks(2024, 1, 3), null))).toBe(
      utcTicks(2024, 1, 2),
    );
    expect(aggregate("avg", ["datetime"], "datetime", col(null))).toBeNull();
  });
});
