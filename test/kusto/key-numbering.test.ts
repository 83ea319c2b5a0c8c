import { describe, expect, it } from "vitest";
import { PairNumbering, ValueNumbering } from "../../src/kusto/compile/key-numbering";

describe("join key numbering", () => {
  it("must give equal values one number, in order of first sight, as Map keys compare them", () => {
    const n = new ValueNumbering();
    // 7 → 0, "7" → 1 (a string is not the number), 7n → 2 (a bigint is not the number), 0 → 3, -0 is 0, NaN → 4.
    expect([7, "7", 7n, 0, -0, Number.NaN, 7, Number.NaN, 7n].map((v) => n.add(v))).toEqual([
      0, 1, 2, 3, 3, 4, 0, 4, 2,
    ]);
    expect(n.size).toBe(5);
  });

  it("must keep whole numbers beyond int32 and fractions apart from the int32 values they wrap to", () => {
    const n = new ValueNumbering();
    // 2^32 + 1 wraps to 1 under `| 0` and 1.5 to 1: both must stay distinct from 1.
    expect([1, 2 ** 32 + 1, 1.5, -(2 ** 31), 2 ** 31 - 1].map((v) => n.add(v))).toEqual([0, 1, 2, 3, 4]);
    expect(n.find(2 ** 32 + 1)).toBe(1);
    expect(n.find(-(2 ** 31))).toBe(3);
  });

  it("must only look up with find: a value never added is -1 and gets no number", () => {
    const n = new ValueNumbering();
    n.add("a");
    expect(n.find("b")).toBe(-1);
    expect(n.find(5)).toBe(-1);
    expect(n.size).toBe(1);
    expect(n.add("b")).toBe(1);
  });

  it("must keep every number through the table's growth", () => {
    const n = new ValueNumbering();
    // 100,000 integers, spread so that many share low bits: value i * 4096 gets number i.
    for (let i = 0; i < 100_000; i++) n.add(i * 4096);
    expect(n.size).toBe(100_000);
    expect(n.find(0)).toBe(0);
    expect(n.find(99_999 * 4096)).toBe(99_999);
    expect(n.find(4096 + 1)).toBe(-1);
  });

  it("must number pairs by both members, in order of first sight, through growth", () => {
    const p = new PairNumbering();
    // (0,1) → 0, (1,0) → 1 (order matters), (0,1) again → 0.
    expect([p.add(0, 1), p.add(1, 0), p.add(0, 1)]).toEqual([0, 1, 0]);
    for (let a = 0; a < 300; a++) for (let b = 0; b < 300; b++) p.add(a, b);
    // 90,000 pairs in all; (2,0) follows the 299 new pairs with a = 0 and the 299 with a = 1: number 2 + 299 + 299.
    expect(p.size).toBe(90_000);
    expect(p.find(0, 1)).toBe(0);
    expect(p.find(1, 0)).toBe(1);
    expect(p.find(2, 0)).toBe(600);
    expect(p.find(300, 0)).toBe(-1);
  });
});
