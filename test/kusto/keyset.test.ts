import { describe, expect, it } from "vitest";
import { KeySet } from "../../src/kusto/scalars/aggregates";

describe("KeySet", () => {
  it("counts each distinct key once, the first key included", () => {
    const set = new KeySet();
    expect([set.insert("a"), set.insert("a"), set.insert("b"), set.insert("a"), set.insert("b")]).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(set.size).toBe(2);
  });

  it("treats the empty string as a key like any other", () => {
    const set = new KeySet();
    expect([set.insert(""), set.insert(""), set.insert("x")]).toEqual([true, false, true]);
    expect(set.size).toBe(2);
  });

  it("keeps counting exactly past the short list, when the keys move to a Set", () => {
    const set = new KeySet();
    // 30 distinct keys, each inserted three times in rounds: 30 new, then 60 repeats.
    const results = [0, 1, 2].flatMap(() => Array.from({ length: 30 }, (_, i) => set.insert(`k${i}`)));
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(results.slice(30).some(Boolean)).toBe(false);
    expect(set.size).toBe(30);
  });
});
