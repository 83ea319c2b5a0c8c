import { describe, expect, it } from "vitest";
import { call, utcTicks } from "./scalars-helpers";

// Datetimes and timespans are bigint 100-ns ticks in the engine.
const HOUR_TICKS = 36_000_000_000n;
const DAY_TICKS = 24n * HOUR_TICKS;

describe("rounding and binning", () => {
  it("round must send halves away from zero", () => {
    expect(call("round", ["real"], "real", [2.5])).toBe(3);
    expect(call("round", ["real"], "real", [-2.5])).toBe(-3);
    expect(call("round", ["real"], "real", [2.4])).toBe(2);
  });

  it("round must honour the precision argument", () => {
    // 1.2367 to 2 places → 1.24; 1234.5 to -2 places → 1200
    expect(call("round", ["real", "int"], "real", [1.2367, 2])).toBe(1.24);
    expect(call("round", ["real", "int"], "real", [1234.5, -2])).toBe(1200);
  });

  it("round must match Kusto's documented examples", () => {
    const r = (x: number, p: number) => call("round", ["real", "int"], "real", [x, p]);
    // 2987.65 → 2988; 21.5 → 22; -0.5055 → -1 (×100); 2.15 → 2 (×10)
    expect([r(2.98765, 3), r(2.15, 1), r(-50.55, -2), r(21.5, -1)]).toEqual([2.988, 2.2, -100, 20]);
  });

  it("bin on negative numbers must floor, not truncate", () => {
    // -7 / 5 = -1.4 → floor -2 → -10
    expect(call("bin", ["long", "long"], "long", [-7, 5])).toBe(-10);
    expect(call("bin", ["long", "long"], "long", [7, 5])).toBe(5);
    expect(call("bin", ["real", "real"], "real", [7.5, 2.5])).toBe(7.5);
  });

  it("round of a long beyond 2^53 must stay exact, halves away from zero", () => {
    // ...993 to tens → ...990; ...995 to tens → ...9000 (half up in magnitude); negatives mirror
    expect(call("round", ["long", "long"], "long", [9007199254740993n, -1])).toBe(9007199254740990);
    expect(call("round", ["long", "long"], "long", [9007199254740995n, -1])).toBe(9007199254741000n);
    expect(call("round", ["long", "long"], "long", [-9007199254740995n, -1])).toBe(-9007199254741000n);
    expect(call("round", ["long"], "long", [9007199254740993n])).toBe(9007199254740993n);
  });

  it("bin of a long beyond 2^53 must floor exactly", () => {
    // 9007199254740993 = 900719925474099 * 10 + 3 → 9007199254740990; the negative floors away from zero
    expect(call("bin", ["long", "long"], "long", [9007199254740993n, 10])).toBe(9007199254740990);
    expect(call("bin", ["long", "long"], "long", [-9007199254740993n, 10])).toBe(-9007199254741000n);
  });

  it("floor with a size must be bin", () => {
    expect(call("floor", ["real", "real"], "real", [17.3, 10])).toBe(10);
  });

  it("bin on datetimes must floor to the size", () => {
    // 2024-03-10 12:34:56 by 1 h → 12:00; by 1 d → 00:00
    expect(call("bin", ["datetime", "timespan"], "datetime", [utcTicks(2024, 3, 10, 12, 34, 56), HOUR_TICKS])).toBe(
      utcTicks(2024, 3, 10, 12),
    );
    expect(call("bin", ["datetime", "timespan"], "datetime", [utcTicks(2024, 3, 10, 12, 34, 56), DAY_TICKS])).toBe(
      utcTicks(2024, 3, 10),
    );
  });

  it("bin by 7d must align weeks to Monday, Kusto's 0001-01-01 origin", () => {
    // 2024-03-13 is a Wednesday; 0001-01-01 was a Monday, so the bin starts Monday 2024-03-11
    expect(call("bin", ["datetime", "timespan"], "datetime", [utcTicks(2024, 3, 13, 9), 7n * DAY_TICKS])).toBe(
      utcTicks(2024, 3, 11),
    );
  });

  it("bin on timespans must floor to the size", () => {
    // 95 min by 1 h → 1 h
    expect(call("bin", ["timespan", "timespan"], "timespan", [95n * 600_000_000n, HOUR_TICKS])).toBe(HOUR_TICKS);
  });

  it("bin with a zero size or null must be null", () => {
    expect(call("bin", ["long", "long"], "long", [5, 0])).toBeNull();
    expect(call("bin", ["long", "long"], "long", [null, 5])).toBeNull();
  });

  it("bin_at must align bins to the fixed point", () => {
    // floor((7 - 3) / 5) * 5 + 3 = 3
    expect(call("bin_at", ["long", "long", "long"], "long", [7, 5, 3])).toBe(3);
    // from 2024-03-01 06:00, 2024-03-10 05:00 is 8.96 days on → bin 8 → 2024-03-09 06:00
    expect(
      call("bin_at", ["datetime", "timespan", "datetime"], "datetime", [
        utcTicks(2024, 3, 10, 5),
        DAY_TICKS,
        utcTicks(2024, 3, 1, 6),
      ]),
    ).toBe(utcTicks(2024, 3, 9, 6));
  });

  it("ceiling must round up toward +infinity", () => {
    expect(call("ceiling", ["real"], "real", [2.1])).toBe(3);
    expect(call("ceiling", ["real"], "real", [-2.1])).toBe(-2);
  });
});

describe("math", () => {
  it("abs, sqrt, pow and exp must compute the usual values", () => {
    expect(call("abs", ["long"], "long", [-3])).toBe(3);
    expect(call("sqrt", ["real"], "real", [9])).toBe(3);
    expect(call("pow", ["real", "real"], "real", [2, 10])).toBe(1024);
    expect(call("exp", ["real"], "real", [0])).toBe(1);
  });

  it("sqrt and log of negatives must be null", () => {
    expect(call("sqrt", ["real"], "real", [-1])).toBeNull();
    expect(call("log", ["real"], "real", [-1])).toBeNull();
    expect(call("log10", ["real"], "real", [1000])).toBe(3);
    expect(call("log", ["real"], "real", [Math.E])).toBe(1);
  });

  it("isnan and isfinite must classify special reals", () => {
    expect(call("isnan", ["real"], "bool", [NaN])).toBe(true);
    expect(call("isnan", ["real"], "bool", [1])).toBe(false);
    expect(call("isfinite", ["real"], "bool", [Infinity])).toBe(false);
    expect(call("isfinite", ["real"], "bool", [1.5])).toBe(true);
  });
});

describe("conditionals", () => {
  it("iff must take the else branch when the condition is null", () => {
    expect(call("iff", ["bool", "long", "long"], "long", [null, 1, 2])).toBe(2);
    expect(call("iif", ["bool", "string", "string"], "string", [true, "a", "b"])).toBe("a");
  });

  it("not() must flip booleans and keep null", () => {
    expect(call("not", ["bool"], "bool", [true])).toBe(false);
    expect(call("not", ["bool"], "bool", [null])).toBeNull();
  });

  it("case must return the first true branch, else the last argument", () => {
    expect(
      call("case", ["bool", "string", "bool", "string", "string"], "string", [false, "4xx", true, "5xx", "other"]),
    ).toBe("5xx");
    expect(
      call("case", ["bool", "string", "bool", "string", "string"], "string", [false, "4xx", null, "5xx", "other"]),
    ).toBe("other");
  });

  it("case with an even argument count must be unsupported", () => {
    expect(() => call("case", ["bool", "string"], "string", [true, "x"])).toThrow(/unsupported/);
  });

  it("min_of and max_of must ignore nulls", () => {
    expect(call("min_of", ["long", "long", "long"], "long", [3, null, 1])).toBe(1);
    expect(call("max_of", ["long", "long", "long"], "long", [3, null, 1])).toBe(3);
    expect(call("max_of", ["long", "long"], "long", [null, null])).toBeNull();
    expect(call("max_of", ["datetime", "datetime"], "datetime", [utcTicks(2024, 1, 1), utcTicks(2023, 1, 1)])).toBe(
      utcTicks(2024, 1, 1),
    );
  });
});
