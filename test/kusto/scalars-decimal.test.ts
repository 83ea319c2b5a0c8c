import { describe, expect, it } from "vitest";
import {
  addDecimals,
  compareDecimals,
  type Decimal,
  decimalFromReal,
  decimalFromText,
  divideDecimals,
  multiplyDecimals,
  remainderDecimals,
} from "../../src/kusto/scalars/decimal";
import { parseVersion } from "../../src/kusto/scalars/misc";
import { json } from "./helpers";

const d = (text: string): Decimal => {
  const v = decimalFromText(text);
  if (v === null) throw new Error(`not a decimal: ${text}`);
  return v;
};

describe("decimal values are exact mantissa/scale pairs", () => {
  it("read text with its scale: 1.10 is 110 at scale 2, 1e5 is 100000 at scale 0, -.5 is -5 at scale 1", () => {
    expect([d("1.10").mantissa, d("1.10").scale]).toEqual([110n, 2]);
    expect([d("1e5").mantissa, d("1e5").scale]).toEqual([100000n, 0]);
    expect([d("-.5").mantissa, d("-.5").scale]).toEqual([-5n, 1]);
    expect(decimalFromText("abc")).toBeNull();
    expect(decimalFromText("")).toBeNull();
  });

  it("add without binary rounding: 0.1 + 0.2 is exactly 0.3", () => {
    const sum = addDecimals(d("0.1"), d("0.2"));
    expect(sum.toString()).toBe("0.3");
    expect(compareDecimals(sum, d("0.3"))).toBe(0);
  });

  it("multiply mantissas and add scales: 1.5 * 0.25 = 0.375", () => {
    expect(multiplyDecimals(d("1.5"), d("0.25")).toString()).toBe("0.375");
  });

  it("divide exactly when the quotient terminates (1/4 = 0.25, 10/2 = 5) and null on division by zero", () => {
    expect(divideDecimals(d("1"), d("4"))?.toString()).toBe("0.25");
    expect(divideDecimals(d("10"), d("2"))?.toString()).toBe("5");
    expect(divideDecimals(d("1"), d("0"))).toBeNull();
  });

  it("refuse a quotient that needs rounding (1/3) instead of guessing Kusto's rounding", () => {
    expect(() => divideDecimals(d("1"), d("3"))).toThrow(/^unsupported: .*rounds/);
  });

  it("refuse more than 28 places or 38 digits", () => {
    expect(() => decimalFromText(`0.${"1".repeat(29)}`)).toThrow(/^unsupported: .*28 places/);
    expect(() => decimalFromText("1".repeat(39))).toThrow(/^unsupported: .*38 digits/);
    expect(decimalFromText("9".repeat(38))?.toString()).toBe("9".repeat(38));
  });

  it("keep the sign of the dividend in a remainder: -7 % 3 = -1", () => {
    expect(remainderDecimals(d("-7"), d("3"))?.toString()).toBe("-1");
  });

  it("take a real by its shortest digits up to 15 significant digits, the precision .NET converts at", () => {
    expect(decimalFromReal(0.1)?.toString()).toBe("0.1");
    expect(() => decimalFromReal(1 / 3)).toThrow(/^unsupported: .*15 significant digits/);
  });

  it("print in JSON as a number when a double holds the value, else as exact text", () => {
    expect(d("0.3").toJSON()).toBe(0.3);
    expect(d("1000000020000000300000004").toJSON()).toBe("1000000020000000300000004");
  });
});

describe("decimal in queries", () => {
  it("adds 0.1 and 0.2 to exactly 0.3 (equal to decimal(0.3)), where reals give 0.30000000000000004", () => {
    const [row] = json("print s = decimal(0.1) + decimal(0.2), e = decimal(0.1) + decimal(0.2) == decimal(0.3)");
    expect(row).toEqual({ s: 0.3, e: true });
  });

  it("todecimal keeps every digit of a long beyond 2^53: 9007199254740993 * 10 = 90071992547409930", () => {
    const [row] = json("print d = todecimal(long(9007199254740993)) * 10");
    expect(row).toEqual({ d: "90071992547409930" });
  });

  it("refuses todecimal(1)/3, whose exact value has no finite decimal form", () => {
    expect(() => json("print todecimal(1) / 3")).toThrow(/unsupported: .*rounds it\) at 1:7/);
  });

  it("groups and sorts by value: 1.50 and 1.5 are one group", () => {
    const rows = json("datatable(d:decimal)[1.50, 1.5, 0.25, 3] | summarize c = count() by d | order by d asc");
    expect(rows).toEqual([
      { d: 0.25, c: 1 },
      { d: 1.5, c: 2 },
      { d: 3, c: 1 },
    ]);
  });

  it("converts to long by truncating toward zero and to real as the nearest double", () => {
    const [row] = json("print l = tolong(decimal(-2.7)), r = toreal(decimal(2.5)), t = tostring(decimal(12.25))");
    expect(row).toEqual({ l: -2, r: 2.5, t: "12.25" });
  });

  it("refuses tostring of a decimal with trailing zeros (whether Kusto prints 1.10 or 1.1 is not documented)", () => {
    expect(() => json("print tostring(decimal(1.10))")).toThrow(/unsupported: tostring of the decimal 1.10/);
    // A quotient's scale is Kusto's choice (0.25 or 0.250000?): its text is refused too, its value is not.
    expect(() => json("print tostring(todecimal(1) / 4)")).toThrow(/unsupported: tostring of the decimal 0.25/);
    expect(json("print q = todecimal(1) / 4")).toEqual([{ q: 0.25 }]);
  });

  it("refuses aggregates that would treat a decimal as a double, and still counts it", () => {
    expect(() => json("datatable(d:decimal)[1.5] | summarize percentile(d, 50)")).toThrow(
      /unsupported: aggregate percentile/,
    );
    expect(json("datatable(d:decimal)[1.5, 1.50, 2] | summarize n = dcount(d)")).toEqual([{ n: 2 }]);
  });
});

describe("parse_version", () => {
  it("weights four parts of up to eight digits by 10^24, 10^16, 10^8 and 1", () => {
    // 1.2.3.4 = 1*10^24 + 2*10^16 + 3*10^8 + 4.
    expect(parseVersion("1.2.3.4")?.toString()).toBe("1000000020000000300000004");
    // Missing parts are trailing zeros: 0.2 = 0.2.0.0 = 2*10^16.
    expect(parseVersion("0.2")?.toString()).toBe("20000000000000000");
    expect(parseVersion("99999999")?.toString()).toBe(`99999999${"0".repeat(24)}`);
  });

  it("is null for more than four parts, a part of nine digits, an empty part or other text", () => {
    for (const bad of ["1.2.3.4.5", "123456789", "1..2", "", "v1", "1.-2"]) expect(parseVersion(bad)).toBeNull();
  });

  it("compares as a decimal in queries: 0.9 sorts below 1.0.0.0 and 1.10 above 1.9", () => {
    const [row] = json(
      'print a = parse_version("0.9") < parse_version("1.0.0.0"), b = parse_version("1.10") > parse_version("1.9")',
    );
    expect(row).toEqual({ a: true, b: true });
  });
});

describe("decimal aggregates", () => {
  it("sum, avg, min and max exactly: 0.1 + 0.2 = 0.3, their average 0.15", () => {
    const rows = json(
      "datatable(d:decimal)[0.1, 0.2, decimal(null)] | summarize s = sum(d), a = avg(d), lo = min(d), hi = max(d)",
    );
    expect(rows).toEqual([{ s: 0.3, a: 0.15, lo: 0.1, hi: 0.2 }]);
  });

  it("take the predicate in the *if forms, and sum nothing to 0", () => {
    const rows = json(
      "datatable(d:decimal, k:string)[1.5,'a', 2.25,'b'] | summarize s = sumif(d, k == 'b'), z = sumif(d, false), m = maxif(d, k == 'a')",
    );
    expect(rows).toEqual([{ s: 2.25, z: 0, m: 1.5 }]);
  });

  it("refuse an average that needs rounding (1/3)", () => {
    expect(() => json("datatable(d:decimal)[1, 0, 0] | summarize avg(d)")).toThrow(/unsupported: .*rounds/);
  });
});

describe("decimal where the engine would have to guess", () => {
  it("refuses a decimal inside a dynamic value (dynamic.md lists no decimal type)", () => {
    expect(() => json("print pack('a', decimal(1.5))")).toThrow(/unsupported:/);
    expect(() =>
      json("datatable(t:datetime, d:decimal)[datetime(2020-01-01), 1.5] | make-series s = sum(d) on t step 1d"),
    ).toThrow(/unsupported: make-series of a decimal/);
  });

  it("reads a decimal as the nearest double in a function of reals: sqrt(decimal(2.25)) = 1.5", () => {
    expect(json("print r = sqrt(decimal(2.25))")).toEqual([{ r: 1.5 }]);
  });
});

describe("abs, round and ceiling of a decimal", () => {
  it("round halves away from zero at any precision: 2.5 -> 3, -2.5 -> -3, 2.345 at 2 -> 2.35, 1234.5 at -2 -> 1200", () => {
    const [row] = json(
      "print a = round(decimal(2.5)), b = round(decimal(-2.5)), c = round(decimal(2.345), 2), d = round(decimal(1234.5), -2)",
    );
    expect(row).toEqual({ a: 3, b: -3, c: 2.35, d: 1200 });
  });

  it("ceiling goes up to the next whole number (-1.5 -> -1, 1.2 -> 2) and abs drops the sign", () => {
    const [row] = json("print a = ceiling(decimal(-1.5)), b = ceiling(decimal(1.2)), c = abs(decimal(-1.25))");
    expect(row).toEqual({ a: -1, b: 2, c: 1.25 });
  });
});

describe("bin, min_of, max_of and coalesce of decimals", () => {
  it("bin floors to a multiple of the size: 7.35 by 0.5 is 7.0, -7.35 by 2 is -8; a zero size gives null", () => {
    const [row] = json(
      "print a = bin(decimal(7.35), decimal(0.5)), b = bin(decimal(-7.35), 2), c = bin(decimal(1), 0)",
    );
    expect(row).toEqual({ a: 7, b: -8, c: null });
  });

  it("min_of/max_of ignore nulls and compare exactly; coalesce takes the first non-null", () => {
    const [row] = json(
      "print lo = min_of(decimal(2.5), 1, decimal(null)), hi = max_of(decimal(0.1) + decimal(0.2), decimal(0.3)), c = coalesce(decimal(null), decimal(1.25))",
    );
    expect(row).toEqual({ lo: 1, hi: 0.3, c: 1.25 });
  });
});

describe("decimal text with a huge exponent", () => {
  it("is refused at once instead of building the power of ten, and zero stays zero", () => {
    expect(() => decimalFromText("1e999999999")).toThrow(/^unsupported: .*beyond 38 digits/);
    expect(() => decimalFromText("1e-999999999")).toThrow(/^unsupported: /);
    expect(decimalFromText("0e999999999")?.toString()).toBe("0");
  });
});
