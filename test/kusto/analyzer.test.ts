import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/kusto";

describe("analyze", () => {
  beforeAll(() => {
    analyze("print 1");
  }, 60_000);

  it("must accept a valid query over the summary table", () => {
    const diags = analyze("ACSCallRecordingSummary\n| where RecordingLength > 10\n| summarize count() by FormatType");
    expect(diags).toEqual([]);
  });

  it("must report a misspelled column at its line and column", () => {
    // "RecordingLenght" starts on line 2 after "| where " (8 chars), so column 9.
    const diags = analyze("ACSCallRecordingSummary\n| where RecordingLenght > 10");
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 2, column: 9, severity: "error" });
    expect(diags[0].message).toContain("RecordingLenght");
  });

  it("must report a call to a declared function whose body does not analyze, at the call", () => {
    const broken = { name: "Broken", parameters: [], body: "ACSCallRecordingSummary | where NoSuchColumn > 1" };
    // The call starts on line 2 at column 1.
    const diags = analyze("print 1;\nBroken() | count", { functions: [broken] }).filter((d) => d.message.includes("Broken"));
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 2, column: 1, severity: "error" });
    expect(diags[0].message).toContain("NoSuchColumn");
  });

  it("must bind a call to a declared function and reject it when undeclared", () => {
    const fn = { name: "LongRecordings", parameters: [{ name: "minseconds", type: "real" as const, defaultValue: "60.0" }], body: "ACSCallRecordingSummary | where RecordingLength >= minseconds" };
    expect(analyze("LongRecordings() | project RecordingId", { functions: [fn] })).toEqual([]);
    expect(analyze("LongRecordings(10.0) | project Nope", { functions: [fn] })[0].message).toContain("Nope");
    expect(analyze("LongRecordings() | project RecordingId")[0].severity).toBe("error");
  });
});
