import { describe, expect, it } from "vitest";
import { KeySet, setKey } from "../../src/kusto/scalars/aggregates";
import { hashKey } from "../../src/kusto/scalars/compare";
import { json } from "./helpers";

/** A KeySet already past its short list (ten distinct string keys), so numbers go to its Set as numbers. */
function bigSet(): KeySet {
  const s = new KeySet();
  for (let i = 0; i < 10; i++) s.insert(`k${i}`);
  return s;
}

describe("setKey: a number's key held as the number", () => {
  it("turns the key of a number back into that number", () => {
    expect(setKey(hashKey(5))).toBe(5);
    expect(setKey(hashKey(-2.5))).toBe(-2.5);
    expect(setKey(hashKey(1e21))).toBe(1e21);
    expect(Number.isNaN(setKey(hashKey(Number.NaN)) as number)).toBe(true);
  });

  it("leaves strings, and numeric texts a number never prints, as their key", () => {
    expect(setKey("abc")).toBe("abc");
    expect(setKey(hashKey("5"))).toBe("5");
    // "007" is no number's String, so it cannot equal a number's key.
    expect(setKey("\u0001#007")).toBe("\u0001#007");
  });
});

describe("KeySet.insertNumber counts as insert(hashKey(v))", () => {
  it("counts a number once whether it came as a number or as its key, before or after the Set", () => {
    const s = new KeySet();
    s.insert(hashKey(3)); // while the keys are a short list
    for (let i = 0; i < 10; i++) s.insert(`k${i}`); // 11 keys: now a Set
    expect(s.size).toBe(11);
    expect(s.insertNumber(3)).toBe(false);
    expect(s.insertNumber(4)).toBe(true);
    expect(s.insert(hashKey(4))).toBe(false);
    expect(s.size).toBe(12);
  });

  it("counts 0 and -0 as one value, NaN once, and a long beyond 2^53 with the number printing the same text", () => {
    const s = bigSet();
    expect(s.insertNumber(0)).toBe(true);
    expect(s.insertNumber(-0)).toBe(false);
    expect(s.insertNumber(Number.NaN)).toBe(true);
    expect(s.insertNumber(Number.NaN)).toBe(false);
    // The double 2^60 prints as 1152921504606847000 (shortest round trip): the long of that text shares its key,
    // the long 2^60 (1152921504606846976) does not.
    expect(s.insert(hashKey(1152921504606847000n))).toBe(true);
    expect(s.insertNumber(2 ** 60)).toBe(false);
    expect(s.insert(hashKey(1152921504606846976n))).toBe(true);
    expect(s.size).toBe(14);
  });

  it("keeps a number apart from the string of its digits", () => {
    const s = bigSet();
    expect(s.insertNumber(7)).toBe(true);
    expect(s.insert(hashKey("7"))).toBe(true);
    expect(s.size).toBe(12);
  });
});

describe("dcount over numbers", () => {
  it("counts the 12 remainders of 1..40 modulo 12, grouped and ungrouped", () => {
    // x % 12 over 1..40 takes every value 0..11.
    expect(json("range x from 1 to 40 step 1 | summarize d = dcount(x % 12)")).toEqual([{ d: 12 }]);
    // Odd x: remainders 1,3,5,7,9,11 (6); even x: 0,2,4,6,8,10 (6).
    expect(
      json("range x from 1 to 40 step 1 | summarize d = dcount(x % 12) by odd = x % 2 == 1 | order by odd asc"),
    ).toEqual([
      { odd: false, d: 6 },
      { odd: true, d: 6 },
    ]);
  });

  it("counts reals 0.5 apart as distinct and equal reals once", () => {
    // x / 2.0 over 1..30 gives 30 distinct values; adding 0.0 changes none of them.
    expect(
      json("range x from 1 to 30 step 1 | extend v = x / 2.0 | summarize d = dcount(v), e = dcount(v + 0.0)"),
    ).toEqual([{ d: 30, e: 30 }]);
  });
});
