import { describe, expect, it } from "vitest";
import { ACSCallRecordingSummary, kustoSchema, parseDateTime, rowValidator, tables } from "../src/schema/tables";

describe("table schemas", () => {
  it("must declare the three resource-specific tables with their diagnostic categories", () => {
    expect(tables.map((t) => [t.name, t.category])).toEqual([
      ["ACSCallRecordingSummary", "CallRecordingSummary"],
      ["ACSCallRecordingIncomingOperations", "CallRecordingOperational"],
      ["ACSBillingUsage", "Usage"],
    ]);
  });

  it("must declare every column once per table", () => {
    for (const t of tables) expect(new Set(t.columns.map((c) => c.name)).size).toBe(t.columns.length);
  });

  it("must render the Kusto schema string the analyzer takes", () => {
    expect(kustoSchema(ACSCallRecordingSummary)).toMatch(
      /^\(AudioChannelsCount:int, _BilledSize:real, .*RecordingLength:real, RecordingStartTime:datetime, .*Type:string\)$/,
    );
  });

  it("must coerce RecordingLength given as a string or a number", () => {
    const v = rowValidator("ACSCallRecordingSummary");
    expect(v.parse({ RecordingLength: "73872.94" }).RecordingLength).toBe(73872.94);
    expect(v.parse({ RecordingLength: 3.34 }).RecordingLength).toBe(3.34);
  });

  it("must keep Azure's seven fractional digits as fractional milliseconds", () => {
    // 2022-08-17T23:18:26Z is 1660778306000 ms; .4332392 s adds 433.2392 ms.
    expect(parseDateTime("2022-08-17T23:18:26.4332392Z")).toBeCloseTo(1660778306433.2392, 3);
  });

  it("must reject a value that cannot be coerced, naming the column", () => {
    const result = rowValidator("ACSCallRecordingIncomingOperations").safeParse({ DurationMs: "fast" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["DurationMs"]);
  });

  it("must reject a column the table does not have", () => {
    expect(rowValidator("ACSBillingUsage").safeParse({ Quantityy: 1 }).success).toBe(false);
  });
});

describe("table docs", () => {
  it("must keep the README's table section generated from the schema", async () => {
    const { readFileSync } = await import("node:fs");
    const { tablesMarkdown } = await import("../src/schema/tables");
    expect(readFileSync(`${__dirname}/../README.md`, "utf8")).toContain(tablesMarkdown());
  });
});
