import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadData, loadDataDir, summaryLine } from "../../src/data";
import { chunkBytes } from "../../src/data/chunks";
import { parseDatetime } from "../../src/kusto/values/time";
import { dirWith } from "./temp-dir";

const record = (properties: object, time = "2026-01-15T10:00:00Z") =>
  JSON.stringify({ time, category: "CallRecordingSummary", properties });

describe("streaming: files are read in chunks of whole lines", () => {
  it("must read rows that straddle the chunk boundary, a multi-byte character split across it and a last line without a newline", () => {
    // Pad the first line so the second row starts 3 bytes before the first chunk ends; "é" is two bytes in UTF-8.
    const first = JSON.stringify({ RecordingId: "a", ContentType: "x" });
    const pad = " ".repeat(chunkBytes - first.length - 1 - 3);
    const text = `${first}${pad}\n{"RecordingId":"é-b","ContentType":"Vidéo"}\n{"RecordingId":"c"}`;
    const rows = loadDataDir(dirWith({ "ACSCallRecordingSummary.jsonl": text })).ACSCallRecordingSummary.rows;
    expect(rows.map((r) => r.RecordingId)).toEqual(["a", "é-b", "c"]);
    expect(rows[1].ContentType).toBe("Vidéo");
  });

  it("must read every line of a chunk decoded in 64 KB pieces, multi-byte characters included", () => {
    // 5,000 lines of 45 to 48 bytes with CRLF: about 237 KB, so three pieces end inside the one chunk.
    const lines = Array.from({ length: 5000 }, (_, i) => `{"RecordingId":"é${i}","ContentType":"Vidéo"}`);
    const rows = loadDataDir(dirWith({ "ACSCallRecordingSummary.jsonl": `${lines.join("\r\n")}\r\n` }))
      .ACSCallRecordingSummary.rows;
    expect(rows).toHaveLength(5000);
    expect([rows[0].RecordingId, rows[1400].RecordingId, rows[4999].RecordingId]).toEqual(["é0", "é1400", "é4999"]);
    expect(rows.every((r) => r.ContentType === "Vidéo")).toBe(true);
  });

  it("must read a line longer than two chunks whole, with the lines on either side", () => {
    const long = "x".repeat(2 * chunkBytes + 100);
    const text = `{"RecordingId":"a"}\n{"RecordingId":"b","RecordingEndReason":"${long}"}\n{"RecordingId":"c"}\n`;
    const rows = loadDataDir(dirWith({ "ACSCallRecordingSummary.jsonl": text })).ACSCallRecordingSummary.rows;
    expect(rows.map((r) => r.RecordingId)).toEqual(["a", "b", "c"]);
    expect(rows[1].RecordingEndReason).toBe(long);
  });

  it("must read a CSV field quoted over several lines across the chunk boundary", () => {
    // The first read ends 2 bytes after `q,"a` and its newline: the field's first line is the last of the first chunk.
    const header = "RecordingId,ContentType\n";
    const pad = `p,${"y".repeat(chunkBytes - header.length - 2 - 1 - 6)}\n`;
    const text = `${header}${pad}q,"a\nb\nc"\nr,d\n`;
    const rows = loadDataDir(dirWith({ "ACSCallRecordingSummary.csv": text })).ACSCallRecordingSummary.rows;
    expect(rows.map((r) => [r.RecordingId, r.ContentType])).toEqual([
      ["p", "y".repeat(pad.length - 3)],
      ["q", "a\nb\nc"],
      ["r", "d"],
    ]);
  });

  it("must stream a JSON array of rows spread over many lines, one element at a time", () => {
    const text = `[\n${Array.from({ length: 5 }, (_, i) => `  {\n    "RecordingId": "r${i}",\n    "RecordingLength": ${i}.5\n  }`).join(",\n")}\n]\n`;
    const rows = loadDataDir(dirWith({ "ACSCallRecordingSummary.json": text })).ACSCallRecordingSummary.rows;
    expect(rows.map((r) => [r.RecordingId, r.RecordingLength])).toEqual([
      ["r0", 0.5],
      ["r1", 1.5],
      ["r2", 2.5],
      ["r3", 3.5],
      ["r4", 4.5],
    ]);
  });

  it("must read pretty-printed diagnostic records one after another, and the Event Hubs wrapper", () => {
    const pretty = `${JSON.stringify(JSON.parse(record({ RecordingId: "r1" })), null, 2)}\n${JSON.stringify(JSON.parse(record({ RecordingId: "r2" })), null, 2)}\n`;
    const hub = JSON.stringify({ records: [JSON.parse(record({ RecordingId: "r3" }))] }, null, 2);
    const t = loadDataDir(dirWith({ "a/PT1H.json": pretty, "b/hub.json": hub }));
    expect(t.ACSCallRecordingSummary.rows.map((r) => r.RecordingId)).toEqual(["r1", "r2", "r3"]);
  });

  it("must report a broken pretty-printed record at the line where it broke, not line 1", () => {
    const text =
      '{\n  "time": "2026-01-15T10:00:00Z",\n  "category": "CallRecordingSummary",\n  "properties": {\n    "RecordingId": "r1",,\n  }\n}\n';
    expect(() => loadDataDir(dirWith({ "PT1H.json": text }))).toThrow(/PT1H\.json:5: invalid JSON/);
  });

  it("must name the line of a record that is never closed, and of an array never closed", () => {
    const pretty = JSON.stringify(JSON.parse(record({})), null, 2);
    // the first record takes 5 lines ({, time, category, "properties": {}, }): the second opens on line 6
    expect(() => loadDataDir(dirWith({ "PT1H.json": `${pretty}\n{\n  "time": "x",\n` }))).toThrow(
      /PT1H\.json:6: the JSON value starting here is not closed/,
    );
    expect(() => loadDataDir(dirWith({ "ACSBillingUsage.json": '[\n{"Quantity":1},\n' }))).toThrow(
      /ACSBillingUsage\.json:2: the JSON array opened on line 1 is not closed/,
    );
  });
});

describe("column types follow Kusto's exactly", () => {
  const one = (line: string, table = "ACSCallRecordingSummary") =>
    loadDataDir(dirWith({ [`${table}.jsonl`]: `${line}\n` }));

  it("must keep int32's limits and refuse one past them", () => {
    expect(one('{"AudioChannelsCount":2147483647}').ACSCallRecordingSummary.rows[0].AudioChannelsCount).toBe(
      2147483647,
    );
    expect(one('{"AudioChannelsCount":"-2147483648"}').ACSCallRecordingSummary.rows[0].AudioChannelsCount).toBe(
      -2147483648,
    );
    expect(() => one('{"AudioChannelsCount":2147483648}')).toThrow(
      /cannot use 2147483648; expected a whole number such as 3 \(outside int's range/,
    );
  });

  it("must read decimal text in int and real columns and refuse hex and exponents in int columns", () => {
    expect(one('{"ChunkCount":" 16 ","RecordingLength":"2e2"}').ACSCallRecordingSummary.rows[0]).toMatchObject({
      ChunkCount: 16,
      RecordingLength: 200,
    });
    expect(() => one('{"ChunkCount":"0x10"}')).toThrow(/ChunkCount \(int\): cannot use "0x10"/);
    expect(() => one('{"RecordingLength":"0x10"}')).toThrow(/RecordingLength \(real\): cannot use "0x10"/);
  });

  it("must keep a long JSON number-like id exact when quoted, and refuse it unquoted", () => {
    expect(one('{"CorrelationId":"12345678901234567890"}').ACSCallRecordingSummary.rows[0].CorrelationId).toBe(
      "12345678901234567890",
    );
    expect(one('{"CorrelationId":42}').ACSCallRecordingSummary.rows[0].CorrelationId).toBe("42");
    expect(() => one('{"CorrelationId":12345678901234567890}')).toThrow(
      /CorrelationId \(string\): cannot use 12345678901234567000/,
    );
  });

  it("must read datetimes as exact ticks and refuse numbers in datetime columns", () => {
    // 2026-01-01T00:00:00Z = 1767225600 s since 1970 = 17672256000000000 ticks
    expect(one('{"TimeGenerated":"2026-01-01T00:00:00.0000001Z"}').ACSCallRecordingSummary.rows[0].TimeGenerated).toBe(
      17672256000000001n,
    );
    expect(() => one('{"TimeGenerated":1767225600}')).toThrow(
      /TimeGenerated \(datetime\): cannot use 1767225600; .*unit \(seconds\? milliseconds\?\)/,
    );
  });

  it("must leave rows with no prototype chain, so data keys never meet Object.prototype", () => {
    const row = one('{"RecordingId":"r"}').ACSCallRecordingSummary.rows[0];
    expect(Object.getPrototypeOf(Object.getPrototypeOf(row))).toBeNull();
    expect((row as Record<string, unknown>).toString).toBeUndefined();
  });

  it("must store only the columns some row has a value in, and read every other column as null", () => {
    const rows = one('{"RecordingId":"r","TenantId":null}\n{"RecordingId":"s","RecordingLength":2.5}')
      .ACSCallRecordingSummary.rows;
    // RecordingLength first has a value on row 2: row 1 is rebuilt so both rows have one shape.
    expect(rows.map((r) => Object.keys(r))).toEqual([
      ["RecordingId", "RecordingLength"],
      ["RecordingId", "RecordingLength"],
    ]);
    expect(rows.map((r) => [r.RecordingId, r.RecordingLength, r.TenantId, r.ContentType])).toEqual([
      ["r", null, null, null],
      ["s", 2.5, null, null],
    ]);
    const keys: string[] = [];
    for (const k in rows[0]) keys.push(k);
    expect(keys).toHaveLength(21);
  });
});

describe("datetime cells in Azure's shape", () => {
  // An independent oracle: whole milliseconds from Date.parse, the sub-millisecond digits added as ticks.
  const oracle = (s: string) => {
    const [, frac = ""] = /\.(\d+)Z$/.exec(s) ?? [];
    const ms = Date.parse(s.replace(/\.\d+Z$/, "Z"));
    return BigInt(ms) * 10_000n + BigInt(`${frac}0000000`.slice(0, 7));
  };

  it("must read every fraction width, leap days and the year bounds exactly", () => {
    const samples = [
      "2022-08-17T23:18:26.4332392Z",
      "2024-02-29T00:00:00Z",
      "0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.9999999Z",
      "1969-12-31T23:59:59.5Z",
    ];
    for (let digits = 1; digits <= 7; digits++) samples.push(`2026-11-30T08:09:10.${"1234567".slice(0, digits)}Z`);
    for (const s of samples) expect(parseDatetime(s), s).toBe(oracle(s));
  });

  it("must refuse impossible values and a fraction without digits", () => {
    for (const s of ["2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.Z"]) {
      expect(parseDatetime(s), s).toBeNull();
    }
  });
});

describe("which files are read, and the summary", () => {
  it("must follow a symlinked folder once, even when links form a cycle, and say so", () => {
    const target = dirWith({ "PT1H.json": `${record({ RecordingId: "r1" })}\n` });
    const dir = dirWith({});
    fs.symlinkSync(target, path.join(dir, "linked"));
    fs.symlinkSync(dir, path.join(target, "back"));
    const { tables, summary } = loadData(dir);
    expect(tables.ACSCallRecordingSummary.rows).toHaveLength(1);
    expect(summary.links).toEqual([path.join(dir, "linked")]);
  });

  it("must concatenate one table's files from different folders and refuse two in one folder", () => {
    const split = dirWith({
      "day1/ACSBillingUsage.jsonl": '{"Quantity":1}\n',
      "day2/ACSBillingUsage.csv": "Quantity\n2\n",
    });
    expect(loadDataDir(split).ACSBillingUsage.rows.map((r) => r.Quantity)).toEqual([1, 2]);
    const twice = dirWith({ "ACSBillingUsage.json": "[]", "ACSBillingUsage.jsonl": "" });
    expect(() => loadDataDir(twice)).toThrow(
      /ACSBillingUsage is in 2 files \(ACSBillingUsage\.json, ACSBillingUsage\.jsonl\); keep one per folder/,
    );
  });

  it("must count files, rows per table and skipped categories in one line", () => {
    const dir = dirWith({
      "ACSBillingUsage.jsonl": '{"Quantity":1}\n{"Quantity":2}\n',
      "logs/PT1H.json": `${record({ RecordingId: "r1" })}\n${JSON.stringify({ time: "2026-01-15T10:00:00Z", category: "CallSummary", properties: {} })}\n`,
    });
    const said: string[] = [];
    loadData(dir, { report: (line) => said.push(line) });
    expect(said).toEqual([
      `read 1 table file and 1 diagnostic-log file from ${dir}: 1 ACSCallRecordingSummary, 0 ACSCallRecordingIncomingOperations, 2 ACSBillingUsage rows; 1 record of other categories skipped\n`,
    ]);
    expect(
      summaryLine({
        dir: "d",
        tableFiles: 0,
        recordFiles: 0,
        rows: { ACSCallRecordingSummary: 0, ACSCallRecordingIncomingOperations: 0, ACSBillingUsage: 0 },
        skippedRecords: 0,
        links: [],
      }),
    ).toBe(
      "read no data files from d: 0 ACSCallRecordingSummary, 0 ACSCallRecordingIncomingOperations, 0 ACSBillingUsage rows\n",
    );
  });

  it("must let the properties' value win over the envelope's for one column, and allow time with TimeGenerated", () => {
    const line = JSON.stringify({
      time: "2026-01-15T10:00:00Z",
      category: "CallRecordingSummary",
      Level: "Warning",
      properties: { TimeGenerated: "2026-01-15T11:00:00Z", Level: "Error" },
    });
    const row = loadDataDir(dirWith({ "PT1H.json": `${line}\n` })).ACSCallRecordingSummary.rows[0];
    // 2026-01-15T11:00:00Z = 1768474800 s
    expect(row).toMatchObject({ Level: "Error", TimeGenerated: 17684748000000000n });
  });

  it("must refuse an unknown envelope field, and accept Azure's common envelope fields", () => {
    const ok = JSON.stringify({
      time: "2026-01-15T10:00:00Z",
      category: "CallRecordingSummary",
      location: "westeurope",
      identity: {},
      resultDescription: "",
      properties: {},
    });
    expect(loadDataDir(dirWith({ "PT1H.json": `${ok}\n` })).ACSCallRecordingSummary.rows).toHaveLength(1);
    const bad = JSON.stringify({
      time: "2026-01-15T10:00:00Z",
      category: "CallRecordingSummary",
      recordingLenght: 1,
      properties: {},
    });
    expect(() => loadDataDir(dirWith({ "PT1H.json": `${bad}\n` }))).toThrow(
      /PT1H\.json:1: field recordingLenght is not a column of ACSCallRecordingSummary .*did you mean RecordingLength\?/,
    );
  });

  it("must refuse a property named like an Object.prototype member as any other unknown key", () => {
    const text = record({ RecordingId: "r", constructor: "x" });
    expect(() => loadDataDir(dirWith({ "PT1H.json": `${text}\n` }))).toThrow(
      /PT1H\.json:1: property constructor is not a column of ACSCallRecordingSummary/,
    );
  });
});
