import { describe, expect, it } from "vitest";
import { stringifyJson } from "../../src/kusto/json";
import {
  addLong,
  compareLongs,
  divLong,
  modLong,
  mulLong,
  negLong,
  normLong,
  parseLongText,
  subLong,
  toLong,
} from "../../src/kusto/scalars/int64";
import { json, run } from "./helpers";
import { aggregate, op } from "./scalars-helpers";

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

describe("long values are exact Int64", () => {
  it("a safe long must stay a number and a larger one must be a bigint", () => {
    expect(normLong(5n)).toBe(5);
    expect(normLong(9007199254740991n)).toBe(9007199254740991);
    expect(normLong(9007199254740992n)).toBe(9007199254740992n);
    expect(normLong(-9007199254740992n)).toBe(-9007199254740992n);
  });

  it("arithmetic must wrap at 64 bits as unchecked .NET does", () => {
    expect(addLong(MAX, 1)).toBe(MIN);
    expect(subLong(MIN, 1)).toBe(MAX);
    // 2^62 * 4 = 2^64, which wraps to 0
    expect(mulLong(4611686018427387904n, 4)).toBe(0);
    expect(negLong(MIN)).toBe(MIN);
  });

  it("arithmetic just past 2^53 must be exact", () => {
    // 2^53 + 1 = 9007199254740993, which a double cannot hold
    expect(addLong(9007199254740991, 2)).toBe(9007199254740993n);
    // 3 * (2^53 - 1) = 27021597764222973
    expect(mulLong(9007199254740991, 3)).toBe(27021597764222973n);
    // back into the safe range becomes a number again
    expect(subLong(9007199254740993n, 2)).toBe(9007199254740991);
  });

  it("integer division must truncate toward zero, exactly beyond 2^53", () => {
    expect(divLong(-7, 2)).toBe(-3);
    expect(divLong(7, -2)).toBe(-3);
    // (2^63 - 1) / 2 = 4611686018427387903
    expect(divLong(MAX, 2)).toBe(4611686018427387903n);
    expect(divLong(MAX, 0)).toBeNull();
  });

  it("modulo must lie in [0, abs(divisor)) for big operands too", () => {
    // -(2^63) = -768614336404564651 * 12 + 4
    expect(modLong(MIN, 12)).toBe(4);
    expect(modLong(MAX, -10)).toBe(7);
    expect(modLong(1, 0)).toBeNull();
  });

  it("comparison must be exact between bigints and numbers", () => {
    expect(compareLongs(9007199254740993n, 9007199254740992)).toBe(1);
    expect(compareLongs(2n ** 60n, 2 ** 60)).toBe(0);
    expect(compareLongs(MIN, -1)).toBe(-1);
  });

  it("decimal text must parse exactly, refusing what lies outside Int64", () => {
    expect(parseLongText("9223372036854775807")).toBe(MAX);
    expect(parseLongText("-9223372036854775808")).toBe(MIN);
    expect(parseLongText("9223372036854775808")).toBeNull();
    expect(parseLongText(" 42 ")).toBe(42);
    expect(parseLongText("4.2")).toBeNull();
  });

  it("a double converts to a long by truncation, null beyond Int64", () => {
    expect(toLong(-2.9)).toBe(-2);
    expect(toLong(2 ** 60)).toBe(2n ** 60n);
    expect(toLong(1e19)).toBeNull();
    expect(toLong(Number.NaN)).toBeNull();
  });
});

describe("long values through the engine", () => {
  it("literals beyond 2^53 and Int64's extremes must be exact (JSON rows carry them as decimal text)", () => {
    const [row] = run(
      "print a = 9007199254740993, b = -9223372036854775808, c = 9223372036854775807, d = 0xffffffffffffffff",
    ).rows;
    expect(row).toEqual({ a: 9007199254740993n, b: MIN, c: MAX, d: -1 });
    expect(json("print a = 9007199254740993, d = -1")).toEqual([{ a: "9007199254740993", d: -1 }]);
  });

  it("overflowing arithmetic must wrap, not round", () => {
    const [row] = run("print a = 9223372036854775807 + 1, b = 9007199254740993 * 3, c = 9007199254740993 - 2").rows;
    expect(row).toEqual({ a: MIN, b: 27021597764222979n, c: 9007199254740991 });
  });

  it("comparisons must see the last digit", () => {
    const [row] = json("print gt = 9007199254740993 > 9007199254740992, eq = 9007199254740993 == 9007199254740992");
    expect(row).toEqual({ gt: true, eq: false });
  });

  it("sum of longs must be exact beyond 2^53 and wrap past Int64", () => {
    // 4503599627370497 * 2 + 1 = 9007199254740995
    expect(aggregate("sum", ["long"], "long", [[4503599627370497], [4503599627370497], [1]])).toBe(9007199254740995n);
    expect(aggregate("sum", ["long"], "long", [[MAX], [1]])).toBe(MIN);
    // the running total may pass 2^53 and come back: exact all the way
    expect(aggregate("sum", ["long"], "long", [[9007199254740991], [2], [-9007199254740990]])).toBe(3);
  });

  it("min and max of longs must pick by exact value", () => {
    const rows = [[9007199254740993n], [9007199254740992n], [5]];
    expect(aggregate("max", ["long"], "long", rows)).toBe(9007199254740993n);
    expect(aggregate("min", ["long"], "long", rows)).toBe(5);
  });

  it("a real with a long beyond 2^53 must compute as a real", () => {
    expect(op("+", "long", "real", "real", 9007199254740993n, 0.5)).toBe(9007199254740992.5);
  });

  it("JSON text must carry a long's exact digits", () => {
    expect(stringifyJson([{ a: 9007199254740993n, b: "x" }])).toBe('[{"a":9007199254740993,"b":"x"}]');
    // a string that looks like the marker stays a string; bigints nested in a dynamic print exactly too
    expect(stringifyJson({ s: "long:1" })).toBe('{"s":"long:1"}');
    expect(stringifyJson({ d: [1, -9223372036854775808n] })).toBe('{"d":[1,-9223372036854775808]}');
  });

  it("negating an int must wrap at 32 bits", () => {
    const [row] = run("print a = -toint(-2147483648), b = -toint(5)").rows;
    expect(row).toEqual({ a: -2147483648, b: -5 });
  });

  it("the digits one past Int64.MaxValue are refused unless negated", () => {
    expect(() => run("print 9223372036854775808")).toThrow(/unsupported: long literal 9223372036854775808/);
  });
});

describe("compiling literals is linear", () => {
  it("an in-list of 20,000 numbers must compile well within the test timeout", () => {
    // At 20,000 literals the old per-literal tree rendering took minutes (quadratic); linear work is well under a second.
    const list = Array.from({ length: 20_000 }, (_, i) => String(i * 7)).join(",");
    const [row] = json(`print found = 139993 in (${list}), absent = 139994 in (${list})`);
    expect(row).toEqual({ found: true, absent: false });
  }, 30_000);

  it("a datatable of 10,000 rows (20,000 literals) must compile", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i}, ${i * 2.5}`).join(",\n");
    const [row] = json(`datatable(a:long, b:real)[${rows}] | summarize n = count(), s = sum(a), r = sum(b)`);
    // sum 0..9999 = 9999 * 10000 / 2 = 49995000; the reals are 2.5 times that
    expect(row).toEqual({ n: 10_000, s: 49_995_000, r: 124_987_500 });
  }, 30_000);

  it("an expression nested past the parser's limit must fail with a depth error, not a stack overflow", () => {
    const deep = Array(10_000).fill("1").join("+");
    expect(() => run(`print x = ${deep}`)).toThrow(/depth exceeds/);
  });
});
