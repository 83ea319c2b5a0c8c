import { describe, expect, it } from "vitest";
import { compileQuery, type DataTable, toJsonRows } from "../../src/kusto";
import { checkCell, unchanged } from "../../src/kusto/values/input-tables";
import "./helpers";

const table = (rows: Record<string, unknown>[]): DataTable => ({
  name: "Calls",
  columns: [
    { name: "Start", type: "datetime" },
    { name: "Took", type: "timespan" },
    { name: "Bytes", type: "long" },
  ],
  rows: rows as DataTable["rows"],
});

const query = compileQuery("Calls | extend End = Start + Took, Kb = Bytes / 1024 | project End, Kb", {
  tables: [{ name: "Calls", columns: table([]).columns }],
});

describe("tables handed to run() are checked against the value contract", () => {
  it("refuses epoch-ms numbers in a datetime column, naming table, column, row and the fix", () => {
    const t = table([
      { Start: 0n, Took: 0n, Bytes: 1 },
      { Start: 1_700_000_000_000, Took: 0n, Bytes: 1 },
    ]);
    expect(() => query.run({ Calls: t }, { now: 0 })).toThrow(
      /table "Calls", column "Start" \(datetime\), rows\[1\]: got the number 1700000000000; .*ticksFromMs/,
    );
  });

  it("refuses a number in a timespan column and a fractional number in a long column", () => {
    expect(() => query.run({ Calls: table([{ Start: 0n, Took: 60_000, Bytes: 1 }]) }, { now: 0 })).toThrow(
      /column "Took" \(timespan\), rows\[0\]/,
    );
    expect(() => query.run({ Calls: table([{ Start: 0n, Took: 0n, Bytes: 1.5 }]) }, { now: 0 })).toThrow(
      /column "Bytes" \(long\), rows\[0\]: got the number 1.5/,
    );
  });

  it("converts ISO datetime text and hh:mm:ss timespan text, leaving the caller's rows untouched", () => {
    const rows = [{ Start: "2024-03-10T12:00:00Z", Took: "01:30:00", Bytes: 2048 }];
    // 12:00 + 1h30m = 13:30 the same day; 2048 / 1024 = 2.
    expect(toJsonRows(query.run({ Calls: table(rows) }, { now: 0 }))).toEqual([
      { End: "2024-03-10T13:30:00.0000000Z", Kb: 2 },
    ]);
    expect(rows[0].Start).toBe("2024-03-10T12:00:00Z");
  });

  it("refuses datetime text that is not ISO date-first (month/day order would be a guess)", () => {
    expect(() => query.run({ Calls: table([{ Start: "03/10/2024", Took: 0n, Bytes: 1 }]) }, { now: 0 })).toThrow(
      /column "Start" \(datetime\), rows\[0\]: got the string "03\/10\/2024"/,
    );
  });

  it("normalises a safe bigint long to a number and keeps nulls", () => {
    expect(checkCell("long", 5n)).toEqual({ ok: true, value: 5 });
    expect(checkCell("long", 2n ** 60n)).toBe(unchanged);
    expect(checkCell("long", 2n ** 63n).ok).toBe(false);
    expect(checkCell("datetime", null).ok).toBe(true);
    expect(checkCell("int", 2 ** 31).ok).toBe(false);
    expect(checkCell("bool", 1).ok).toBe(false);
  });
});
