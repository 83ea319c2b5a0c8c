import { describe, expect, it } from "vitest";
import { call } from "./scalars-helpers";

const MIN = -9223372036854775808n;
const r1 = (name: string, x: number) => call(name, ["real"], "real", [x]) as number;

describe("math functions", () => {
  it("gamma must be the factorial shifted by one and follow the reflection formula", () => {
    expect(r1("gamma", 5)).toBe(24); // 4!
    expect(r1("gamma", 0.5)).toBeCloseTo(Math.sqrt(Math.PI), 14);
    // Γ(-1/2) = Γ(1/2) / (-1/2) = -2√π
    expect(r1("gamma", -0.5)).toBeCloseTo(-2 * Math.sqrt(Math.PI), 13);
    expect(r1("gamma", 0)).toBeNaN();
  });

  it("loggamma must be ln|Γ(x)|", () => {
    // Γ(10) = 9! = 362880
    expect(r1("loggamma", 10)).toBeCloseTo(Math.log(362880), 12);
    expect(r1("loggamma", -0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
  });

  it("erf must be odd, erf + erfc must be 1, and erf(1) the known constant", () => {
    expect(r1("erf", 0)).toBe(0);
    expect(r1("erf", -0.7)).toBeCloseTo(-r1("erf", 0.7), 15);
    for (const x of [0.1, 1, 2.5, 4]) expect(r1("erf", x) + r1("erfc", x)).toBeCloseTo(1, 14);
    expect(r1("erf", 1)).toBeCloseTo(0.8427007929497149, 14);
    // erfc(3) ≈ 2.209049699858544e-5: the tail must keep its relative precision
    expect(r1("erfc", 3) / 2.209049699858544e-5).toBeCloseTo(1, 10);
  });

  it("the beta distribution must match its closed forms", () => {
    const b = (name: string, x: number, a: number, bb: number) =>
      call(name, ["real", "real", "real"], "real", [x, a, bb]);
    // Beta(1,1) is uniform: cdf(x) = x; Beta(2,1): cdf = x², pdf = 2x
    expect(b("beta_cdf", 0.37, 1, 1)).toBeCloseTo(0.37, 12);
    expect(b("beta_cdf", 0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(b("beta_pdf", 0.3, 2, 1)).toBeCloseTo(0.6, 12);
    expect(b("beta_inv", 0.09, 2, 1)).toBeCloseTo(0.3, 12);
    // symmetric Beta(2,2) has its median at 1/2
    expect(b("beta_cdf", 0.5, 2, 2)).toBeCloseTo(0.5, 12);
  });

  it("the beta functions must give NaN or null outside their domains, as documented", () => {
    const b = (name: string, x: number, a: number, bb: number) =>
      call(name, ["real", "real", "real"], "real", [x, a, bb]);
    expect(b("beta_cdf", 1.5, 2, 2)).toBeNaN();
    expect(b("beta_cdf", 0.5, 20000, 2)).toBeNaN();
    expect(b("beta_pdf", 1, 2, 2)).toBeNaN();
    // beta_inv follows its page's example output: a probability outside (0, 1] is null, a shape ≤ 0 is NaN
    expect(b("beta_inv", 1.5, 2, 2)).toBeNull();
    expect(b("beta_inv", 0.5, -1, 2)).toBeNaN();
  });

  it("trigonometry must work in radians and convert with degrees/radians", () => {
    expect(r1("cot", Math.PI / 4)).toBeCloseTo(1, 15);
    expect(r1("degrees", Math.PI)).toBe(180);
    expect(r1("radians", 180)).toBe(Math.PI);
    expect(call("atan2", ["real", "real"], "real", [1, 1])).toBe(Math.PI / 4);
    // a long argument is read by value
    expect(call("sin", ["long"], "real", [0])).toBe(0);
  });

  it("abs, sign, floor and ceiling must keep longs beyond 2^53 exact", () => {
    expect(call("abs", ["long"], "long", [-9007199254740993n])).toBe(9007199254740993n);
    expect(call("sign", ["long"], "long", [MIN])).toBe(-1);
    expect(call("floor", ["long"], "long", [9007199254740993n])).toBe(9007199254740993n);
    expect(call("ceiling", ["long"], "long", [-9007199254740993n])).toBe(-9007199254740993n);
  });
});

describe("welch_test", () => {
  const w = (...a: number[]) =>
    call("welch_test", ["real", "real", "real", "real", "real", "real"], "real", a) as number;
  it("equal means must give p = 1, and the test must be symmetric", () => {
    expect(w(5, 2, 10, 5, 3, 12)).toBeCloseTo(1, 12);
    expect(w(5, 2, 10, 7, 3, 12)).toBeCloseTo(w(7, 3, 12, 5, 2, 10), 14);
  });

  it("with huge samples the t distribution must approach the normal: t = 1.96 gives p ≈ 0.05", () => {
    // v/n = 1 on both sides, so t = (m1 - m2) / √2; two-tailed normal p at 1.96 is 0.0499958
    expect(w(1.96 * Math.SQRT2, 1e7, 1e7, 0, 1e7, 1e7)).toBeCloseTo(0.0499958, 5);
  });

  it("too few values must give null", () => {
    expect(w(1, 1, 1, 2, 1, 5)).toBeNull();
  });
});

describe("bitwise functions", () => {
  const b2 = (name: string, a: number | bigint, b: number | bigint) => call(name, ["long", "long"], "long", [a, b]);
  it("and/or/xor/not must work bit by bit on the 64-bit value", () => {
    // 12 = 1100, 10 = 1010
    expect([b2("binary_and", 12, 10), b2("binary_or", 12, 10), b2("binary_xor", 12, 10)]).toEqual([8, 14, 6]);
    expect(call("binary_not", ["long"], "long", [0])).toBe(-1);
    expect(call("binary_not", ["long"], "long", [MIN])).toBe(9223372036854775807n);
  });

  it("shifts must take the count modulo 64, keep the sign on the right and give null for a negative count", () => {
    expect(b2("binary_shift_left", 1, 64)).toBe(1);
    expect(b2("binary_shift_left", 1, 63)).toBe(MIN);
    expect(b2("binary_shift_right", -8, 1)).toBe(-4);
    expect(b2("binary_shift_left", 1, -1)).toBeNull();
  });

  it("bitset_count_ones must count the set bits of the two's complement form", () => {
    expect(call("bitset_count_ones", ["long"], "long", [255])).toBe(8);
    expect(call("bitset_count_ones", ["long"], "long", [-1])).toBe(64);
  });
});

describe("numbers as text", () => {
  it("tohex must print an int as 32-bit and a long as 64-bit two's complement", () => {
    expect(call("tohex", ["long"], "string", [255])).toBe("ff");
    expect(call("tohex", ["long"], "string", [-1])).toBe("ffffffffffffffff");
    expect(call("tohex", ["int"], "string", [-1])).toBe("ffffffff");
  });

  it("tohex must pad to minLength, at most 16", () => {
    expect(call("tohex", ["long", "long"], "string", [255, 4])).toBe("00ff");
    expect(call("tohex", ["long", "long"], "string", [1, 40])).toBe("0000000000000001");
    expect(call("tohex", ["long", "long"], "string", [4096, 2])).toBe("1000");
  });

  it("format_bytes must pick a 1024-based unit and round to the precision", () => {
    const f = (...args: (number | string)[]) =>
      call(
        "format_bytes",
        ["real", "long", "string"].slice(0, args.length) as ("real" | "long" | "string")[],
        "string",
        args,
      );
    expect(f(1023)).toBe("1023 Bytes");
    expect(f(1024)).toBe("1 KB");
    // 1536 / 1024 = 1.5
    expect(f(1536, 1)).toBe("1.5 KB");
    // 3 MiB in KB = 3072
    expect(f(3 * 1024 * 1024, 0, "KB")).toBe("3072 KB");
    expect(f(10, 0, "parsecs")).toBe("");
  });
});

describe("unit conversion", () => {
  const c = (name: string, x: number, from: string, to: string) =>
    call(name, ["real", "string", "string"], "real", [x, from, to]);
  it("must convert through the base unit with the defined factors", () => {
    // 1 ft = 0.3048 m, 1 in = 0.0254 m → 12 in
    expect(c("convert_length", 1, "Foot", "Inch")).toBeCloseTo(12, 12);
    // °F = °C × 9/5 + 32
    expect(c("convert_temperature", 100, "DegreeCelsius", "DegreeFahrenheit")).toBeCloseTo(212, 10);
    expect(c("convert_angle", 1, "Revolution", "Degree")).toBeCloseTo(360, 12);
    // the avoirdupois pound is defined as 0.45359237 kg
    expect(c("convert_mass", 1, "Pound", "Kilogram")).toBeCloseTo(0.45359237, 14);
  });

  it("an unknown unit must give null", () => {
    expect(c("convert_length", 1, "Meter", "Cubit")).toBeNull();
    expect(c("convert_speed", 1, "Furlong", "Knot")).toBeNull();
  });
});
