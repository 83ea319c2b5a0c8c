import * as fs from "node:fs";
import { describe, expect, it, vi } from "vitest";
import {
  kqlSources,
  normalEndReasons,
  parseSavedFunction,
  savedFunction,
  savedFunctions,
  savedFunctionsWith,
} from "../../src/functions";
import { analyze } from "../../src/kusto";
import { acsCatalog } from "../../src/schema/catalog";

vi.setConfig({ testTimeout: 60_000 });

describe("saved functions in kql/", () => {
  it("must ship the contract's functions plus the investigator's next ones", () => {
    expect(savedFunctions.map((f) => f.name)).toEqual([
      "ACSRecordingCallTimeline",
      "ACSRecordingCallsWithoutRecording",
      "ACSRecordingEndReasons",
      "ACSRecordingLengthStats",
      "ACSRecordingOperationHealth",
      "ACSRecordingOperations",
      "ACSRecordingOverview",
      "ACSRecordingUsage",
      "ACSRecordings",
      "ACSRecordingsPerCall",
    ]);
  });

  it('must give functionParameters as name:type=default joined by ", " with starttime and endtime first', () => {
    expect(savedFunction("ACSRecordings").functionParameters).toBe(
      `starttime:datetime=datetime(null), endtime:datetime=datetime(null), contenttypes:dynamic=dynamic([]), formattypes:dynamic=dynamic([]), channeltypes:dynamic=dynamic([]), correlationid:string='*', normalendreasons:dynamic=dynamic(["CallEnded","InitiatorLeft"]), resourceid:string='*'`,
    );
    expect(savedFunction("ACSRecordingOperationHealth").functionParameters).toBe(
      "starttime:datetime=datetime(null), endtime:datetime=datetime(null), timegrain:timespan=1h, operations:dynamic=dynamic([]), resourceid:string='*'",
    );
    expect(savedFunction("ACSRecordingCallTimeline").functionParameters).toBe(
      "correlationid:string, resourceid:string='*'",
    );
    for (const fn of savedFunctions.filter((f) => f.parameters.some((p) => p.name === "starttime"))) {
      expect(
        fn.parameters.slice(0, 2).map((p) => p.name),
        fn.name,
      ).toEqual(["starttime", "endtime"]);
    }
  });

  it("must carry a version, a description and a body starting after the header", () => {
    const fn = savedFunction("ACSRecordingUsage");
    expect(fn.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fn.description.length).toBeGreaterThan(20);
    expect(fn.file).toBe("kql/ACSRecordingUsage.kql");
    // header: lines 1-9, blank line 10, body from line 11
    expect(fn.bodyLine).toBe(11);
    expect(fn.body.startsWith("ACSBillingUsage\n| where (isnull(starttime)")).toBe(true);
  });

  it("must filter on TimeGenerated before anything else where the function reads a table", () => {
    for (const fn of savedFunctions) {
      const lines = fn.body.split("\n").filter((l) => !l.startsWith("//") && !l.startsWith("let "));
      if (/^ACS(CallRecordingSummary|CallRecordingIncomingOperations|BillingUsage)$/.test(lines[0])) {
        expect(lines[1], fn.name).toMatch(
          /^\| where \(isnull\(starttime\) or TimeGenerated >= starttime\) and \(isnull\(endtime\) or TimeGenerated < endtime\)$/,
        );
      }
    }
  });

  it("must analyze cleanly with Microsoft's binder, every file", () => {
    for (const src of kqlSources()) expect(analyze(src.kql, acsCatalog), src.file).toEqual([]);
  });

  it("must report a body error on the file's own line", () => {
    const src = kqlSources().find((s) => s.file === "kql/ACSRecordings.kql")!;
    const broken = src.kql.replace("ChunkCount, RecordingEndReason", "ChunkCountX, RecordingEndReason");
    const [d] = analyze(broken, acsCatalog);
    const fileLines = fs.readFileSync("kql/ACSRecordings.kql", "utf8").split("\n");
    expect(fileLines[src.line + d.line - 2]).toContain("ChunkCount, RecordingEndReason");
  });

  it("must ship as normal only the end reasons Microsoft documents by name", () => {
    // CallEnded: the recording summary log sample; InitiatorLeft: RecordingFileStatusUpdated's sessionEndReason in the Call Recording docs
    expect(normalEndReasons).toEqual(["CallEnded", "InitiatorLeft"]);
    expect(normalEndReasons).not.toContain("RecordingStopped");
  });

  it("must put a configured normal list into every normalendreasons default, and only there", () => {
    const fns = savedFunctionsWith({ normalEndReasons: ["CallEnded", "RecordingStopped"] });
    const changed = fns.filter((f, i) => f !== savedFunctions[i]).map((f) => f.name);
    expect(changed).toEqual([
      "ACSRecordingEndReasons",
      "ACSRecordingOverview",
      "ACSRecordings",
      "ACSRecordingsPerCall",
    ]);
    const rec = fns.find((f) => f.name === "ACSRecordings")!;
    expect(rec.functionParameters).toContain('normalendreasons:dynamic=dynamic(["CallEnded","RecordingStopped"])');
    expect(rec.body).toBe(savedFunction("ACSRecordings").body);
    expect(savedFunctionsWith({})).toBe(savedFunctions);
  });

  it("must refuse a normal end reason that is empty or could break out of the KQL literal", () => {
    expect(() => savedFunctionsWith({ normalEndReasons: [] })).toThrow(/at least one/);
    expect(() => savedFunctionsWith({ normalEndReasons: ['CallEnded"]); print 1; //'] })).toThrow(
      /not a RecordingEndReason name/,
    );
    expect(() => savedFunctionsWith({ normalEndReasons: ["Call Ended"] })).toThrow(/not a RecordingEndReason name/);
  });
});

describe("parseSavedFunction", () => {
  const header = "// Name: F\n// Version: 1.0.0\n// Description: A test function.\n// Parameters:\n";

  it("must read optional parameters after required ones", () => {
    const fn = parseSavedFunction(
      `${header}//   id:string  The id.\n//   n:int=5  Count.\n\nprint id, n\n`,
      "kql/F.kql",
    );
    expect(fn.parameters).toEqual([
      { name: "id", type: "string", description: "The id." },
      { name: "n", type: "int", defaultValue: "5", description: "Count." },
    ]);
    expect(fn.functionParameters).toBe("id:string, n:int=5");
    expect(fn.bodyLine).toBe(8);
  });

  it("must reject a bad header, naming the file, line and fix", () => {
    expect(() => parseSavedFunction("// Name: F\n\nprint 1", "kql/F.kql")).toThrow(
      /kql\/F\.kql:1: the header has no "\/\/ Version:" line/,
    );
    expect(() => parseSavedFunction(`${header}//   n:integer=5\n\nprint 1`, "kql/F.kql")).toThrow(
      /kql\/F\.kql:5: parameter n has type integer; use one of/,
    );
    expect(() => parseSavedFunction(`${header}//   n:int=5\n//   id:string\n\nprint 1`, "kql/F.kql")).toThrow(
      /with a default must come after/,
    );
    expect(() => parseSavedFunction(`${header}\n`, "kql/F.kql")).toThrow(/no body/);
  });
});
