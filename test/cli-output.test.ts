import { describe, expect, it } from "vitest";
import { type QueryResult, runQuery } from "../src/kusto";
import { escapeControls, neutralizeFormula, toCsv, toTextTable } from "../src/kusto/output";

const result = (type: string, values: unknown[]): QueryResult =>
  ({ columns: [{ name: "v", type }], rows: values.map((v) => ({ v })) }) as unknown as QueryResult;

describe("table output", () => {
  it("must print control characters and bidi overrides as \\u escapes", () => {
    expect(escapeControls("a\u001b]0;t\u0007b\tc\n\u202e\u009b")).toBe(
      "a\\u001b]0;t\\u0007b\\u0009c\\u000a\\u202e\\u009b",
    );
    expect(escapeControls("plain ☎ Ωμέγα")).toBe("plain ☎ Ωμέγα");
  });

  it("must align on the escaped text", () => {
    expect(toTextTable(result("string", ["\u0007", "abcdefg"]))).toBe("v\n-------\n\\u0007\nabcdefg\n(2 rows)\n");
  });

  it("must print an array or bag as tostring() does: a whole real keeps .0, a long beyond 2^53 its digits", () => {
    const r = runQuery("print a = pack_array(5.0, 2, 1.5), b = dynamic({'k': 9007199254740993})", {});
    expect(toTextTable(r).split("\n")[2]).toBe('[5.0,2,1.5]  {"k":9007199254740993}');
    expect(toCsv(r).split("\n")[1]).toBe('"[5.0,2,1.5]","{""k"":9007199254740993}"');
  });

  it("must print a real as tostring() does: exponent form for 1E+20 and 1.5E-05, shortest digits otherwise", () => {
    const r = runQuery("print a = 1e20, b = 0.000015, c = 2.5, d = 0.1 + 0.2", {});
    expect(toTextTable(r).split("\n")[2]).toBe("1E+20  1.5E-05  2.5  0.30000000000000004");
    expect(toCsv(r).split("\n")[1]).toBe("1E+20,1.5E-05,2.5,0.30000000000000004");
  });

  it("must print 200,000 rows without overflowing the stack", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => i);
    const text = toTextTable(result("long", rows));
    // widest value 199999 has 6 digits; 200,000 rows + header + rule + count line + final newline
    expect(text.split("\n")).toHaveLength(200_004);
    expect(text.split("\n")[1]).toBe("------");
  });
});

describe("CSV output", () => {
  it("must prefix text cells that start like a formula with ' (= + - @ tab CR)", () => {
    for (const c of ["=1", "+1", "-1", "@A", "\tx", "\rx"]) expect(neutralizeFormula(c)).toBe(`'${c}`);
    for (const c of ["1", "a=1", "'=1", ""]) expect(neutralizeFormula(c)).toBe(c);
  });

  it("must neutralise string cells by default, quote them when needed, and leave numbers alone", () => {
    expect(toCsv(result("string", ['=HYPERLINK("x")', "ok"]))).toBe('v\n"\'=HYPERLINK(""x"")"\nok\n');
    expect(toCsv(result("long", [-5]))).toBe("v\n-5\n");
    expect(toCsv(result("real", [-0.5]))).toBe("v\n-0.5\n");
  });

  it("must write cells exactly when the guard is turned off", () => {
    expect(toCsv(result("string", ["=1+1"]), { neutralizeFormulas: false })).toBe("v\n=1+1\n");
  });
});
