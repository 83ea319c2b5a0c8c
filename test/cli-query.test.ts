import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../src/cli/query";
import { analyze } from "../src/kusto";
import { captureCli } from "./cli-capture";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-query-"));
  const rows = [
    {
      TimeGenerated: "2024-03-10T10:00:00Z",
      RecordingId: "r1",
      RecordingLength: "30.5",
      FormatType: "mp4",
      CorrelationId: "c1",
    },
    {
      TimeGenerated: "2024-03-10T11:00:00Z",
      RecordingId: "r2",
      RecordingLength: 90,
      FormatType: "wav",
      CorrelationId: "c1",
    },
    {
      TimeGenerated: "2024-03-10T11:59:00Z",
      RecordingId: "r3",
      RecordingLength: 150,
      FormatType: "mp4",
      CorrelationId: "c2",
    },
  ];
  fs.writeFileSync(path.join(dir, "ACSCallRecordingSummary.json"), JSON.stringify(rows));
  fs.writeFileSync(
    path.join(dir, "q.kql"),
    "ACSCallRecordingSummary\n| summarize n = count() by FormatType\n| order by FormatType asc",
  );
  // Loading Microsoft's library takes seconds on a busy machine; pay it once here.
  analyze("print 1");
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const capture = (argv: string[]) => captureCli(run, argv);

describe("acs-insights query", () => {
  it("must print only a JSON array of rows for --format json, datetimes as ISO UTC with 7 fraction digits", async () => {
    const r = await capture([
      "--data",
      dir,
      "--format",
      "json",
      "ACSCallRecordingSummary | where RecordingLength > 60 | project RecordingId, TimeGenerated",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { RecordingId: "r2", TimeGenerated: "2024-03-10T11:00:00.0000000Z" },
      { RecordingId: "r3", TimeGenerated: "2024-03-10T11:59:00.0000000Z" },
    ]);
  });

  it("must use --now for ago()", async () => {
    // now 12:00, ago(30m) = 11:30: only r3 (11:59).
    const r = await capture([
      "--data",
      dir,
      "--now",
      "2024-03-10T12:00:00Z",
      "--format",
      "json",
      "ACSCallRecordingSummary | where TimeGenerated > ago(30m) | project RecordingId",
    ]);
    expect(JSON.parse(r.out)).toEqual([{ RecordingId: "r3" }]);
  });

  it("must read the query from --file and print CSV", async () => {
    // mp4: r1, r3 → 2; wav: r2 → 1.
    const r = await capture(["--data", dir, "--format", "csv", "--file", path.join(dir, "q.kql")]);
    expect(r.out).toBe("FormatType,n\nmp4,2\nwav,1\n");
  });

  it("must print an aligned table by default", async () => {
    const r = await capture(["--data", dir, "ACSCallRecordingSummary | summarize total = sum(RecordingLength)"]);
    // 30.5 + 90 + 150 = 270.5
    expect(r.out).toBe("total\n-----\n270.5\n(1 row)\n");
  });

  it("must say on stderr which data files were read, and nothing with --quiet", async () => {
    // the directory holds one table file (3 summary rows) and q.kql, which is not data
    const r = await capture(["--data", dir, "print 1"]);
    expect(r.err).toBe(
      `acs-insights query: read 1 table file from ${dir}: 3 ACSCallRecordingSummary, 0 ACSCallRecordingIncomingOperations, 0 ACSBillingUsage rows\n`,
    );
    expect((await capture(["--data", dir, "--quiet", "print 1"])).err).toBe("");
  });

  it("must exit 1 with the analyzer's message on stderr for a bad query", async () => {
    const r = await capture(["--data", dir, "ACSCallRecordingSummary | where Nope == 1"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/1:33: .*Nope/);
  });

  it("must exit 2 on usage errors, naming the option", async () => {
    expect((await capture(["--format", "xml", "print 1"])).err).toContain(
      '--format "xml" is not one of table, json, csv',
    );
    expect((await capture(["--now", "yesterday", "print 1"])).code).toBe(2);
    expect((await capture([])).err).toContain("no query given");
  });

  it("must refuse a --workspace that is not a GUID as a usage error, without touching the network", async () => {
    const r = await capture(["--workspace", "not-a-guid", "print 1"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--workspace "not-a-guid" is not a GUID');
    expect((await capture(["--inline-functions", "print 1"])).err).toContain(
      "--inline-functions only applies with --workspace",
    );
  });

  const forkQuery =
    'ACSCallRecordingSummary | fork mp4 = (where FormatType == "mp4" | count) (where FormatType == "wav" | count)';

  it("must print every result set of a fork for --format json, one JSON array per line", async () => {
    const r = await capture(["--data", dir, "--format", "json", forkQuery]);
    expect(r.code).toBe(0);
    // Two mp4 rows (r1, r3) and one wav row (r2) in the fixture.
    expect(
      r.out
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([[{ Count: 2 }], [{ Count: 1 }]]);
  });

  it("must title each result set of a fork in the text table, by its leg name where it has one", async () => {
    const r = await capture(["--data", dir, forkQuery]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# mp4\n[\s\S]*\b2\b[\s\S]*\n# result set 2\n[\s\S]*\b1\b/);
  });

  it("must refuse several result sets for --format csv, naming the formats that hold them", async () => {
    const r = await capture(["--data", dir, "--format", "csv", forkQuery]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2 result sets .*--format json/);
    expect(r.out).toBe("");
  });

  it("must run the saved functions over the bundled sample by default through the bin", () => {
    const bin = path.join(__dirname, "..", "dist", "cli", "bin.js");
    const out = execFileSync(
      process.execPath,
      [bin, "query", "--format", "json", "ACSRecordings() | summarize n = count()"],
      { encoding: "utf8" },
    );
    const rows = JSON.parse(out) as { n: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].n).toBeGreaterThan(0);
  }, 120_000);
});
