import { describe, expect, it } from "vitest";
import { compileQuery, defaultLimits, QueryLimitError } from "../../src/kusto";
import { limitsWithOptions } from "../../src/kusto/compile/limits";

const runWith = (kql: string, limits = {}) => compileQuery(kql).run({}, { now: 0, limits });

describe("result truncation (Kusto: 500,000 records or 64 MB)", () => {
  it("must default to Kusto's documented limits", () => {
    expect(defaultLimits.maxResultRows).toBe(500_000);
    expect(defaultLimits.maxResultBytes).toBe(64 * 1024 * 1024);
  });

  it("must fail a result with more records than allowed, naming the limit and how to lift it", () => {
    expect(() => runWith("range x from 1 to 11 step 1", { maxResultRows: 10 })).toThrow(QueryLimitError);
    expect(() => runWith("range x from 1 to 11 step 1", { maxResultRows: 10 })).toThrow(
      /exceeds 10 rows .*truncationmaxrecords.*set notruncation/,
    );
    expect(runWith("range x from 1 to 10 step 1", { maxResultRows: 10 }).rows).toHaveLength(10);
  });

  it("must honour the query's own set statements", () => {
    expect(() => runWith("set truncationmaxrecords=3; range x from 1 to 4 step 1")).toThrow(/exceeds 3 rows/);
    expect(runWith("set notruncation; range x from 1 to 11 step 1", { maxResultRows: 10 }).rows).toHaveLength(11);
  });

  it("must fail a result larger than the size limit", () => {
    // 4 rows of a 10-character string: 80 bytes as UTF-16 text.
    expect(() => runWith(`range x from 1 to 4 step 1 | project s = "0123456789"`, { maxResultBytes: 79 })).toThrow(
      /exceeds 79 bytes .*truncationmaxsize/,
    );
    expect(runWith(`range x from 1 to 4 step 1 | project s = "0123456789"`, { maxResultBytes: 80 }).rows).toHaveLength(
      4,
    );
  });
});

describe("operator limits (a join or mv-expand that fans out stops with an error, not a heap abort)", () => {
  it("must stop a join whose output exceeds the per-operator row limit", () => {
    // 20 × 20 rows on one key: 400 output rows > 100.
    const q =
      "range a from 1 to 20 step 1 | extend k = 1 | join kind=inner (range b from 1 to 20 step 1 | extend k = 1) on k | count";
    expect(() => runWith(q, { maxOperatorRows: 100 })).toThrow(/join produces more than 100 rows/);
    expect(runWith(q, { maxOperatorRows: 400 }).rows).toEqual([{ Count: 400 }]);
  });

  it("must stop mv-expand and range the same way", () => {
    expect(() => runWith("print a = range(1, 50, 1) | mv-expand a | count", { maxOperatorRows: 49 })).toThrow(
      /mv-expand produces more than 49 rows/,
    );
    expect(() => runWith("range x from 1 to 50 step 1 | count", { maxOperatorRows: 49 })).toThrow(
      /range produces more than 49 rows/,
    );
  });
});

describe("set options", () => {
  it("notruncation lifts both limits unless an explicit maximum is also set (Kusto then ignores it)", () => {
    const lifted = limitsWithOptions(defaultLimits, new Map([["notruncation", true]]));
    expect(lifted.maxResultRows).toBe(Number.POSITIVE_INFINITY);
    expect(lifted.maxResultBytes).toBe(Number.POSITIVE_INFINITY);
    const both = limitsWithOptions(
      defaultLimits,
      new Map<string, string | true>([
        ["notruncation", true],
        ["truncationmaxrecords", "7"],
      ]),
    );
    expect(both.maxResultRows).toBe(7);
    expect(both.maxResultBytes).toBe(defaultLimits.maxResultBytes);
  });

  it("must refuse a limit that is not a number", () => {
    expect(() => limitsWithOptions(defaultLimits, new Map([["truncationmaxrecords", "lots"]]))).toThrow(
      /truncationmaxrecords=lots/,
    );
  });
});
