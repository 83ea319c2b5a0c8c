import { describe, expect, it } from "vitest";
import { parseDynamicLiteral } from "../../src/kusto/compile/dynamic-literal";
import { json } from "./helpers";

describe("dynamic literals", () => {
  it("must accept single-quoted strings, as the portal's multi-selects write them", () => {
    expect(json(`print x = dynamic(['mp4', 'wav'])`)).toEqual([{ x: ["mp4", "wav"] }]);
  });

  it("must read obfuscated strings (h'...', h@'...') as the plain strings they hide, in keys and values", () => {
    expect(json(`print x = dynamic({'a': h@'c:\\t', h"k": H'y', 'n': [h'1']})`)).toEqual([
      { x: { a: "c:\\t", k: "y", n: ["1"] } },
    ]);
  });

  it("must refuse, at the literal's line:col, a value the analyzer accepts but the reader cannot read exactly", () => {
    expect(() => json(`print a = 1,\n  d = dynamic([real(nan)])`)).toThrow(/^unsupported: dynamic literal: .* at 2:7$/);
  });

  it("must read nested bags, numbers, booleans and nulls", () => {
    expect(json(`print x = dynamic({'k': [true, null, 1.5, -2]}), y = dynamic(null)`)).toEqual([
      { x: { k: [true, null, 1.5, -2] }, y: null },
    ]);
  });

  it("must filter with in on a single-quoted dynamic list", () => {
    // Only "wav" of the three rows is in the list.
    const rows = json(`datatable(F:string)["mp4", "wav", "mp3"] | where F in (dynamic(['wav']))`);
    expect(rows).toEqual([{ F: "wav" }]);
  });

  it("must read escapes in quoted strings and keep verbatim strings as written", () => {
    expect(parseDynamicLiteral(`["a\\'b", @'c\\d', "e\\nf"]`)).toEqual(["a'b", "c\\d", "e\nf"]);
  });

  it("must refuse text after the value instead of guessing", () => {
    expect(() => parseDynamicLiteral(`[1] 2`)).toThrow(/unexpected text/);
  });

  it("must read typed literals inside the value as their dynamic form", () => {
    // datetime → ISO text with 7 fraction digits; timespan → Kusto text; nested dynamic(...) → the value itself
    expect(
      parseDynamicLiteral(
        `[datetime(2024-02-29 10:00), timespan(90m), dynamic({"a": [1]}), guid(AAAAAAAA-0000-0000-0000-00000000000B)]`,
      ),
    ).toEqual(["2024-02-29T10:00:00.0000000Z", "01:30:00", { a: [1] }, "aaaaaaaa-0000-0000-0000-00000000000b"]);
    expect(() => parseDynamicLiteral(`[datetime(2023-02-29)]`)).toThrow(/invalid datetime/);
  });

  it("must keep whole numbers beyond 2^53 exact and keys like __proto__ as data", () => {
    const v = parseDynamicLiteral(`{"__proto__": 9007199254740993}`) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(["__proto__"]);
    // biome-ignore lint/suspicious/noProto: the test is that __proto__ is an ordinary key here.
    expect(v.__proto__).toBe(9007199254740993n);
  });

  it("must refuse nesting deeper than the limit with a clear error, not a stack overflow", () => {
    expect(() => parseDynamicLiteral("[".repeat(5000) + "]".repeat(5000))).toThrow(/too deeply nested/);
  });

  it("must read a long literal in linear time", () => {
    const text = `[${Array.from({ length: 200_000 }, (_, i) => i).join(",")}]`;
    const started = Date.now();
    expect((parseDynamicLiteral(text) as unknown[]).length).toBe(200_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
