import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkSources, run, shippedSources, textReport } from "../src/cli/check";
import { analyze } from "../src/kusto";

beforeAll(() => {
  analyze("print 1");
}, 60_000);

afterEach(() => vi.restoreAllMocks());

describe("acs-insights check", () => {
  it("must report file:line:col offset by where the KQL starts in its file", () => {
    // The KQL starts on line 10 of the file; the bad name is on its line 2, column 9 → file line 11.
    const diags = checkSources([
      { file: "kql/Bad.kql", line: 10, kql: "ACSCallRecordingSummary\n| where Recordinglength > 1" },
    ]);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ file: "kql/Bad.kql", line: 11, column: 9, severity: "error" });
  });

  it("must print file:line:col: message and a summary count", () => {
    // "Nope" starts at column 35 of the KQL's first line, which is line 3 of the file.
    const diags = checkSources([{ file: "kql/Bad.kql", line: 3, kql: "ACSCallRecordingSummary | project Nope" }]);
    const text = textReport(diags, 1);
    expect(text.split("\n")[0]).toMatch(/^kql\/Bad\.kql:3:35: .*Nope/);
    expect(text).toContain("checked 1 KQL texts: 1 error, 0 warnings");
  });

  it("must know the saved functions while checking", () => {
    expect(checkSources([{ file: "x", line: 1, kql: "ACSRecordings() | summarize count() by FormatType" }])).toEqual(
      [],
    );
  });

  it("must gather sources from functions, templates, workbook and alerts", () => {
    const files = shippedSources().map((s) => s.file);
    expect(files.some((f) => f.startsWith("kql/"))).toBe(true);
    expect(files.some((f) => f.startsWith("template:"))).toBe(true);
    expect(files.length).toBeGreaterThan(8);
  });

  it("must pass on everything the package ships and exit 0", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    const code = await run([]);
    expect(out).toMatch(/checked \d+ KQL texts: 0 errors/);
    expect(code).toBe(0);
  }, 60_000);

  it("must print the diagnostics array for --format json and reject unknown arguments", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await run(["--format", "json"])).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
    expect(await run(["--strict"])).toBe(2);
  }, 60_000);
});
