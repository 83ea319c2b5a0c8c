import { describe, expect, it } from "vitest";
import { parseDynamicLiteral } from "../../src/kusto/compile/dynamic-literal";
import { json } from "./helpers";

describe("dynamic literals", () => {
  it("must accept single-quoted strings, as the portal's multi-selects write them", () => {
    expect(json(`print x = dynamic(['mp4', 'wav'])`)).toEqual([{ x: ["mp4", "wav"] }]);
  });

  it("must read nested bags, numbers, booleans and nulls", () => {
    expect(json(`print x = dynamic({'k': [true, null, 1.5, -2]}), y = dynamic(null)`)).toEqual([{ x: { k: [true, null, 1.5, -2] }, y: null }]);
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
});
