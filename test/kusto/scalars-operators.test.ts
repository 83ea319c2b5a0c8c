import { describe, expect, it } from "vitest";
import { binaryOperator, unaryOperator } from "../../src/kusto/scalars";
import { op, utcTicks } from "./scalars-helpers";

describe("arithmetic", () => {
  it("integer division must truncate toward zero", () => {
    // -7 / 2 = -3.5 → truncated toward zero = -3 (not floor's -4)
    expect(op("/", "int", "int", "int", -7, 2)).toBe(-3);
    expect(op("/", "long", "long", "long", 7, 2)).toBe(3);
  });

  it("integer division by zero must be null", () => {
    expect(op("/", "int", "int", "int", 5, 0)).toBeNull();
    expect(op("%", "long", "long", "long", 5, 0)).toBeNull();
  });

  it("real division by zero must follow IEEE (inf, -inf, NaN)", () => {
    expect(op("/", "real", "int", "real", 1, 0)).toBe(Infinity);
    expect(op("/", "real", "int", "real", -1, 0)).toBe(-Infinity);
    expect(op("/", "real", "real", "real", 0, 0)).toBeNaN();
  });

  it("int with real must give a real result", () => {
    // 7 / 2.0 = 3.5, no truncation once a real is involved
    expect(op("/", "int", "real", "real", 7, 2)).toBe(3.5);
  });

  it("% must give a result from 0 up to abs(divisor), whatever the signs", () => {
    // numerical-operators.md: 0 <= N % D < abs(D). -7 = -3*3 + 2; 7 = -2*-3 + 1; -7 = 3*-3 + 2
    expect(op("%", "int", "int", "int", -7, 3)).toBe(2);
    expect(op("%", "int", "int", "int", 7, -3)).toBe(1);
    expect(op("%", "long", "long", "long", -7, -3)).toBe(2);
    expect(op("%", "long", "long", "long", -6, 3)).toBe(0);
    // reals follow the same rule: -7.5 = -2*4 + 0.5
    expect(op("%", "real", "long", "real", -7.5, 4)).toBe(0.5);
  });

  it("whole numbers inside dynamic must divide as integers", () => {
    // dynamic(7) / 2 → 3 (long division); dynamic(7.5) / 2 → 3.75
    expect(op("/", "dynamic", "long", "dynamic", 7, 2)).toBe(3);
    expect(op("/", "dynamic", "long", "dynamic", 7.5, 2)).toBe(3.75);
  });

  it("null must propagate through arithmetic", () => {
    expect(op("+", "int", "int", "int", null, 1)).toBeNull();
    expect(op("*", "real", "real", "real", 2, null)).toBeNull();
  });

  it("datetime - datetime must be a timespan in ticks", () => {
    // 2024-01-02 01:30 - 2024-01-01 00:00 = 25.5 h = 91,800,000 ms = 918,000,000,000 ticks
    expect(op("-", "datetime", "datetime", "timespan", utcTicks(2024, 1, 2, 1, 30), utcTicks(2024, 1, 1))).toBe(
      918_000_000_000n,
    );
  });

  it("datetime + timespan must be a datetime", () => {
    // 2024-01-01 + 90 min (54,000,000,000 ticks) = 2024-01-01T01:30
    expect(op("+", "datetime", "timespan", "datetime", utcTicks(2024, 1, 1), 54_000_000_000n)).toBe(
      utcTicks(2024, 1, 1, 1, 30),
    );
  });

  it("timespan / timespan must be a real ratio", () => {
    // 90 min / 1 h = 1.5
    expect(op("/", "timespan", "timespan", "real", 54_000_000_000n, 36_000_000_000n)).toBe(1.5);
  });

  it("timespan * int and timespan / int must stay timespans", () => {
    // 1 min = 600,000,000 ticks: ×3 = 1,800,000,000; /4 = 150,000,000
    expect(op("*", "timespan", "int", "timespan", 600_000_000n, 3)).toBe(1_800_000_000n);
    expect(op("/", "timespan", "int", "timespan", 600_000_000n, 4)).toBe(150_000_000n);
  });

  it("unary minus must negate and keep null", () => {
    expect(unaryOperator("-", "int")!(5)).toBe(-5);
    expect(unaryOperator("-", "real")!(null)).toBeNull();
  });
});

describe("comparisons", () => {
  it("== on strings must be case-sensitive and =~ case-insensitive", () => {
    expect(op("==", "string", "string", "bool", "Abc", "abc")).toBe(false);
    expect(op("=~", "string", "string", "bool", "Abc", "abc")).toBe(true);
    expect(op("!~", "string", "string", "bool", "Abc", "ABC")).toBe(false);
    expect(op("!=", "string", "string", "bool", "Abc", "abc")).toBe(true);
  });

  it("a missing string must compare equal to the empty string", () => {
    expect(op("==", "string", "string", "bool", null, "")).toBe(true);
  });

  it("numeric comparison with null must be null", () => {
    expect(op(">", "int", "int", "bool", null, 3)).toBeNull();
    expect(op("<=", "real", "real", "bool", 1, null)).toBeNull();
  });

  it("== with one null side must be false and with two null sides null", () => {
    // Kusto documents: null == non-null → false, null != non-null → true, null == null → null.
    expect(op("==", "int", "int", "bool", null, 5)).toBe(false);
    expect(op("!=", "int", "int", "bool", null, 5)).toBe(true);
    expect(op("==", "int", "int", "bool", null, null)).toBeNull();
  });

  it("int and real must compare by value", () => {
    expect(op("==", "int", "real", "bool", 2, 2.0)).toBe(true);
    expect(op("<", "int", "real", "bool", 2, 2.5)).toBe(true);
  });

  it("comparisons with NaN must be false, as IEEE says", () => {
    expect(op("<", "real", "real", "bool", NaN, 1)).toBe(false);
    expect(op(">=", "real", "real", "bool", NaN, 1)).toBe(false);
  });

  it("datetimes must order by time", () => {
    expect(op(">=", "datetime", "datetime", "bool", utcTicks(2024, 1, 2), utcTicks(2024, 1, 1))).toBe(true);
  });

  it("dynamic values must compare with scalars by value", () => {
    expect(op("==", "dynamic", "string", "bool", "mp4", "mp4")).toBe(true);
    expect(op(">", "dynamic", "long", "bool", 10, 3)).toBe(true);
    expect(op("==", "dynamic", "dynamic", "bool", { a: [1, 2] }, { a: [1, 2] })).toBe(true);
  });
});

describe("three-valued logic", () => {
  const and = binaryOperator("and", "bool", "bool", "bool")!;
  const or = binaryOperator("or", "bool", "bool", "bool")!;
  it("and must be false when either side is false, even with null", () => {
    expect(and(false, null)).toBe(false);
    expect(and(null, false)).toBe(false);
    expect(and(true, null)).toBeNull();
    expect(and(true, true)).toBe(true);
  });
  it("or must be true when either side is true, even with null", () => {
    expect(or(null, true)).toBe(true);
    expect(or(false, null)).toBeNull();
    expect(or(false, false)).toBe(false);
  });
  it("not must flip booleans and keep null", () => {
    const not = unaryOperator("not", "bool")!;
    expect(not(true)).toBe(false);
    expect(not(null)).toBeNull();
  });
});

describe("string operators", () => {
  const s = (token: string, a: string | null, b: string) => op(token, "string", "string", "bool", a, b);

  it("has must match whole terms only", () => {
    // terms of "StartRecording failed: code=500" are StartRecording, failed, code, 500
    expect(s("has", "StartRecording failed: code=500", "failed")).toBe(true);
    expect(s("has", "StartRecording failed: code=500", "500")).toBe(true);
    expect(s("has", "StartRecording failed: code=500", "Record")).toBe(false);
    expect(s("has", "StartRecording failed: code=500", "fail")).toBe(false);
  });

  it("has must be case-insensitive and has_cs case-sensitive", () => {
    expect(s("has", "Call Ended", "ended")).toBe(true);
    expect(s("has_cs", "Call Ended", "ended")).toBe(false);
    expect(s("has_cs", "Call Ended", "Ended")).toBe(true);
  });

  it("has must treat non-alphanumerics (including _ and .) as separators", () => {
    // "mixed_audio.wav" splits into mixed, audio, wav
    expect(s("has", "mixed_audio.wav", "audio")).toBe(true);
    expect(s("has", "mixed_audio.wav", "wav")).toBe(true);
    expect(s("has", "mixed_audio.wav", "mix")).toBe(false);
  });

  it("has with a phrase must match on term boundaries at both ends", () => {
    expect(s("has", "api/recordings/start?x=1", "recordings/start")).toBe(true);
    expect(s("has", "api/recordings/started", "recordings/start")).toBe(false);
  });

  it("!has must be the negation of has", () => {
    expect(s("!has", "Call Ended", "ended")).toBe(false);
    expect(s("!has", "Call Ended", "end")).toBe(true);
    expect(s("!has_cs", "Call Ended", "ended")).toBe(true);
  });

  it("has on a missing string must be false", () => {
    expect(s("has", null, "x")).toBe(false);
  });

  it("contains must be a case-insensitive substring match", () => {
    expect(s("contains", "StartRecording", "record")).toBe(true);
    expect(s("contains_cs", "StartRecording", "record")).toBe(false);
    expect(s("!contains", "StartRecording", "RECORD")).toBe(false);
    expect(s("!contains_cs", "StartRecording", "record")).toBe(true);
  });

  it("needles with regex characters must be matched literally", () => {
    expect(s("contains", "a.b(c)", ".b(")).toBe(true);
    expect(s("contains", "axb", ".")).toBe(false);
  });

  it("startswith and endswith must ignore case unless _cs", () => {
    expect(s("startswith", "StopRecording", "stop")).toBe(true);
    expect(s("startswith_cs", "StopRecording", "stop")).toBe(false);
    expect(s("endswith", "StopRecording", "RECORDING")).toBe(true);
    expect(s("endswith_cs", "StopRecording", "RECORDING")).toBe(false);
    expect(s("!startswith", "StopRecording", "stop")).toBe(false);
    expect(s("!endswith", "StopRecording", "x")).toBe(true);
  });

  it("hasprefix and hassuffix must match the start or end of a term", () => {
    expect(s("hasprefix", "call StartRecording now", "start")).toBe(true);
    expect(s("hasprefix", "call StartRecording now", "record")).toBe(false);
    expect(s("hassuffix", "call StartRecording now", "recording")).toBe(true);
    expect(s("hassuffix", "call StartRecording now", "start")).toBe(false);
  });

  it("matches regex must search anywhere in the string", () => {
    expect(s("matches regex", "HTTP 503 from backend", "5\\d\\d")).toBe(true);
    expect(s("matches regex", "HTTP 202", "^5")).toBe(false);
  });

  it("string operators must read non-string operands as their tostring text", () => {
    // 202 as text is "202"
    expect(op("startswith", "int", "string", "bool", 202, "2")).toBe(true);
  });

  it("an unknown operator must be reported as unsupported (undefined)", () => {
    expect(binaryOperator("like", "string", "string", "bool")).toBeUndefined();
    expect(binaryOperator("+", "string", "string", "string")).toBeUndefined();
  });
});
