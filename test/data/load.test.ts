import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataDir, tablesFromRows } from "../../src/data";
import { checkedTables } from "../../src/kusto/values/input-tables";
import { dirWith } from "./temp-dir";

const fixtures = path.resolve(__dirname, "..", "fixtures");
/** Epoch ms to the engine's datetime: 100-ns ticks since 1970 (10,000 per ms). */
const ticks = (ms: number) => BigInt(ms) * 10_000n;

describe("loadDataDir on the seed's diagnostic-log records", () => {
  const tables = loadDataDir(path.join(fixtures, "seed"));
  const summary = tables.ACSCallRecordingSummary.rows;

  it("must route the three summary samples and the operations sample by category", () => {
    expect(summary).toHaveLength(3);
    expect(tables.ACSCallRecordingIncomingOperations.rows).toHaveLength(1);
    expect(tables.ACSBillingUsage.rows).toHaveLength(0);
  });

  it('must coerce RecordingLength given as the string "73872.94" and as the number 3.34 to reals', () => {
    expect(summary.map((r) => r.RecordingLength)).toEqual([73872.94, 3.34, 2.7]);
  });

  it("must keep all 7 fractional digits of TimeGenerated as exact ticks", () => {
    // 2022-08-17T23:18:26Z = 1660778306 s = 16607783060000000 ticks; .4332392 s = 4332392 ticks
    expect(summary[0].TimeGenerated).toBe(16607783064332392n);
    expect(summary[0].RecordingStartTime).toBe(ticks(Date.UTC(2022, 7, 16, 9, 7, 54)));
  });

  it("must map the envelope resourceId to _ResourceId and fill Type with the table name", () => {
    expect(summary[0]._ResourceId).toMatch(/^\/SUBSCRIPTIONS\/.*\/COMMUNICATIONSERVICES\/ACSRESOUCE$/);
    expect(summary[0].Type).toBe("ACSCallRecordingSummary");
  });

  it("must take the properties' OperationName over the envelope's", () => {
    expect(summary[0].OperationName).toBe("RecordingSummary");
    expect(tables.ACSCallRecordingIncomingOperations.rows[0].ResultSignature).toBe(202);
  });

  it("must leave columns the record does not carry null", () => {
    expect(summary[0].TenantId).toBeNull();
    expect(summary[0]._BilledSize).toBeNull();
  });
});

describe("loadDataDir file formats", () => {
  it("must read camelCase diagnostic records, the Event Hubs {records:[...]} wrapper and the Usage category", () => {
    const dir = dirWith({
      "hub.json": JSON.stringify({
        records: [
          {
            time: "2024-05-01T10:00:00Z",
            resourceId: "/r",
            category: "Usage",
            properties: { recordId: "u1", usageType: "CallRecording", unitType: "Minute", quantity: "2.5" },
          },
          {
            time: "2024-05-01T11:00:00Z",
            category: "RecordingSummary",
            properties: { recordingId: "r1", recordingLength: 12, channelType: "mixed" },
          },
          { time: "2024-05-01T12:00:00Z", category: "CallSummary", properties: { callType: "P2P" } },
        ],
      }),
    });
    const t = loadDataDir(dir);
    expect(t.ACSBillingUsage.rows).toHaveLength(1);
    expect(t.ACSBillingUsage.rows[0]).toMatchObject({
      RecordId: "u1",
      Quantity: 2.5,
      Category: "Usage",
      _ResourceId: "/r",
      TimeGenerated: ticks(Date.UTC(2024, 4, 1, 10)),
    });
    expect(t.ACSCallRecordingSummary.rows[0]).toMatchObject({
      RecordingId: "r1",
      RecordingLength: 12,
      ChannelType: "mixed",
    });
    // CallSummary feeds another table: skipped, not an error.
    expect(t.ACSCallRecordingIncomingOperations.rows).toHaveLength(0);
  });

  it("must read a portal CSV export with [UTC] headers, quoted commas and 12-hour datetimes", () => {
    const dir = dirWith({
      "ACSCallRecordingSummary.csv": [
        "TimeGenerated [UTC],RecordingId,RecordingLength,ContentType,RecordingStartTime [UTC],RecordingEndReason",
        '"8/17/2022, 11:18:26.433 PM",rec-1,73872.94,"Audio - Video","8/16/2022, 9:07:54.000 AM",CallEnded',
        '2022-08-17T00:05:00Z,"rec-2, quoted",,"say ""hi""",,',
        "",
      ].join("\r\n"),
    });
    const rows = loadDataDir(dir).ACSCallRecordingSummary.rows;
    expect(rows).toHaveLength(2);
    // 11:18:26.433 PM = 23:18:26.433
    expect(rows[0].TimeGenerated).toBe(ticks(Date.UTC(2022, 7, 17, 23, 18, 26, 433)));
    expect(rows[0].RecordingStartTime).toBe(ticks(Date.UTC(2022, 7, 16, 9, 7, 54)));
    expect(rows[0].RecordingLength).toBe(73872.94);
    expect(rows[1]).toMatchObject({
      RecordingId: "rec-2, quoted",
      RecordingLength: null,
      ContentType: 'say "hi"',
      RecordingStartTime: null,
    });
  });

  it("must read the year-first datetimes some portal locales export, and reject impossible dates", () => {
    const good = dirWith({ "ACSBillingUsage.csv": "TimeGenerated [UTC],Quantity\n2020/10/16 0:00:01.403,1\n" });
    expect(loadDataDir(good).ACSBillingUsage.rows[0].TimeGenerated).toBe(ticks(Date.UTC(2020, 9, 16, 0, 0, 1, 403)));
    // 30 February does not exist; 13 PM is not a 12-hour time
    for (const bad of ['"2/30/2024, 1:00:00 PM"', '"2/3/2024, 13:00:00 PM"']) {
      const dir = dirWith({ "ACSBillingUsage.csv": `TimeGenerated [UTC],Quantity\n${bad},1\n` });
      expect(() => loadDataDir(dir), bad).toThrow(
        /ACSBillingUsage\.csv:2 \(row 1\): column TimeGenerated \(datetime\): cannot use/,
      );
    }
  });

  it("must read NDJSON and JSONL files named after a table, and a JSON array", () => {
    const dir = dirWith({
      "ACSCallRecordingSummary.ndjson":
        '{"RecordingId":"a","TimeGenerated":"2024-05-01T00:00:00Z"}\n\n{"RecordingId":"b"}\n',
      "ACSCallRecordingIncomingOperations.jsonl": '{"OperationName":"StartCallRecording","ResultSignature":"200"}\n',
      "ACSBillingUsage.json": '[{"UsageType":"SMS","Quantity":3}]',
      "notes.md": "ignored",
    });
    const t = loadDataDir(dir);
    expect(t.ACSCallRecordingSummary.rows.map((r) => r.RecordingId)).toEqual(["a", "b"]);
    expect(t.ACSCallRecordingIncomingOperations.rows[0].ResultSignature).toBe(200);
    expect(t.ACSBillingUsage.rows[0]).toMatchObject({ UsageType: "SMS", Quantity: 3 });
  });

  it("must load the scenario and the bundled sample with all three tables present", () => {
    const t = loadDataDir(path.join(fixtures, "scenario"));
    expect(Object.keys(t).sort()).toEqual([
      "ACSBillingUsage",
      "ACSCallRecordingIncomingOperations",
      "ACSCallRecordingSummary",
    ]);
    // README rows S1..S10, O1..O19, U1..U12
    expect([
      t.ACSCallRecordingSummary.rows.length,
      t.ACSCallRecordingIncomingOperations.rows.length,
      t.ACSBillingUsage.rows.length,
    ]).toEqual([10, 19, 12]);
    expect(t.ACSCallRecordingSummary.columns.find((c) => c.name === "RecordingLength")?.type).toBe("real");
  });
});

describe("the portal CSV export of the seed", () => {
  it("must load the same rows as the seed's diagnostic-log records, to the millisecond", () => {
    const fromCsv = loadDataDir(path.join(fixtures, "portal-export")).ACSCallRecordingSummary.rows;
    const fromSeed = loadDataDir(path.join(fixtures, "seed")).ACSCallRecordingSummary.rows;
    expect(fromCsv).toHaveLength(3);
    fromSeed.forEach((seed, i) => {
      for (const [column, value] of Object.entries(seed)) {
        if (value === null) continue;
        // The portal shows milliseconds: .4332392 s becomes .433 s.
        // 1 ms = 10,000 ticks
        if (typeof value === "bigint" && /Time/.test(column))
          expect(Math.abs(Number((fromCsv[i][column] as bigint) - value)), column).toBeLessThan(10_000);
        else expect(fromCsv[i][column], column).toEqual(value);
      }
    });
  });
});

describe("loadDataDir errors", () => {
  it("must name file, line and column when a value cannot be coerced", () => {
    const dir = dirWith({
      "ACSCallRecordingSummary.jsonl": '{"RecordingId":"a"}\n{"RecordingId":"b","ChunkCount":"six"}\n',
    });
    expect(() => loadDataDir(dir)).toThrow(
      /ACSCallRecordingSummary\.jsonl:2: column ChunkCount \(int\): cannot use "six"; expected a whole number/,
    );
  });

  it("must name the CSV line and row of a bad datetime", () => {
    const dir = dirWith({ "ACSBillingUsage.csv": "TimeGenerated,Quantity\n2024-05-01T00:00:00Z,1\nyesterday,2\n" });
    expect(() => loadDataDir(dir)).toThrow(
      /ACSBillingUsage\.csv:3 \(row 2\): column TimeGenerated \(datetime\): cannot use "yesterday"; expected an ISO 8601 datetime/,
    );
  });

  it("must reject a column the table does not have, naming it", () => {
    const dir = dirWith({ "ACSBillingUsage.json": '[{"Quantity":1},{"Quantitty":2}]' });
    expect(() => loadDataDir(dir)).toThrow(
      /ACSBillingUsage\.json: row 2: column Quantitty is not a column of ACSBillingUsage/,
    );
  });

  it("must reject a CSV exported in local time", () => {
    const dir = dirWith({ "ACSBillingUsage.csv": "TimeGenerated [Local Time],Quantity\n" });
    expect(() => loadDataDir(dir)).toThrow(/TimeGenerated is in "Local Time"; export .* UTC/);
  });

  it("must reject a diagnostic record without a category", () => {
    const dir = dirWith({
      "PT1H.json": '{"time":"2024-05-01T00:00:00Z","properties":{}}\n{"time":"2024-05-01T00:00:00Z","properties":{}}\n',
    });
    expect(() => loadDataDir(dir)).toThrow(/PT1H\.json:1: not a diagnostic-log record \(no category\)/);
  });

  it("must reject a missing directory with the fix", () => {
    expect(() => loadDataDir("/nonexistent/acs")).toThrow(/does not exist; pass an existing directory with --data DIR/);
  });
});

describe("tablesFromRows", () => {
  it("must coerce in-memory rows and null the missing columns", () => {
    const t = tablesFromRows({
      ACSCallRecordingSummary: [{ RecordingId: "x", RecordingLength: "1.5", TimeGenerated: "2024-05-01T00:00:00Z" }],
    });
    expect(t.ACSCallRecordingSummary.rows[0]).toMatchObject({
      RecordingId: "x",
      RecordingLength: 1.5,
      TimeGenerated: ticks(Date.UTC(2024, 4, 1)),
      FormatType: null,
    });
    expect(t.ACSBillingUsage.rows).toEqual([]);
  });

  it("must reject an unknown table and a bad value with the row number", () => {
    expect(() => tablesFromRows({ Nope: [] } as never)).toThrow(/unknown table Nope/);
    expect(() => tablesFromRows({ ACSBillingUsage: [{}, { Quantity: "lots" }] })).toThrow(
      /ACSBillingUsage row 2: column Quantity \(real\)/,
    );
  });
});

describe("loaded tables are vouched for", () => {
  it("must hand run() file tables it does not check again, and fixture rows it does", () => {
    const loaded = loadDataDir(
      dirWith({ "ACSCallRecordingSummary.jsonl": '{"TimeGenerated":"2026-01-01T00:00:00Z"}\n' }),
    );
    const fixture = tablesFromRows({ ACSCallRecordingSummary: [{ TimeGenerated: Date.UTC(2026, 0, 1) }] });
    // The same wrong cell (epoch ms where ticks belong) in both: only the unvouched table is checked and refused.
    for (const t of [loaded, fixture]) (t.ACSCallRecordingSummary.rows[0] as Record<string, unknown>).TimeGenerated = 1;
    expect(checkedTables(loaded)).toBe(loaded);
    expect(() => checkedTables(fixture)).toThrow(/column "TimeGenerated" \(datetime\), rows\[0\]: got the number 1/);
  });
});
