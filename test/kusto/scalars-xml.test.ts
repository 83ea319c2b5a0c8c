import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/kusto/scalars/xml";

describe("parse_xml (the reference's conversion table)", () => {
  it("must map empty, text-only, attribute and mixed elements", () => {
    expect(parseXml("<r/>")).toEqual({ r: null });
    expect(parseXml("<r>5 &lt; 6</r>")).toEqual({ r: "5 < 6" });
    expect(parseXml(`<r id='7' kind="x"/>`)).toEqual({ r: { "@id": "7", "@kind": "x" } });
    expect(parseXml(`<r id="7">hi</r>`)).toEqual({ r: { "@id": "7", "#text": "hi" } });
  });

  it("must group repeated children into an array and skip declarations and comments", () => {
    const xml = `<?xml version="1.0"?>\n<!-- calls -->\n<calls>\n  <call>a</call>\n  <!-- x -->\n  <call>b</call>\n  <n/>\n</calls>`;
    expect(parseXml(xml)).toEqual({ calls: { call: ["a", "b"], n: null } });
  });

  it("must keep an element named __proto__ as a key", () => {
    expect(Object.keys(parseXml("<__proto__>x</__proto__>") as object)).toEqual(["__proto__"]);
  });

  it("must be null for malformed XML and refuse what it does not read", () => {
    expect(parseXml("<a><b></a>")).toBeNull();
    expect(parseXml("<a>x</a><b/>")).toBeNull();
    expect(parseXml("<a>&nbsp;</a>")).toBeNull();
    expect(() => parseXml("<a><![CDATA[x]]></a>")).toThrow(/CDATA/);
  });
});
