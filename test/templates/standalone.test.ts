import * as path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadDataDir } from "../../src/data";
import { analyze, runQuery, toJsonRows } from "../../src/kusto";
import { acsTables } from "../../src/schema/catalog";
import { type KqlTemplate, renderTemplate, runLocal, templates } from "../../src/templates";
import { referencedFunctions, withInlineFunctions } from "../../src/workspace";

vi.setConfig({ testTimeout: 120_000 });

const tables = loadDataDir(path.resolve(__dirname, "..", "fixtures", "scenario"));
const W = { startTime: "2024-05-01T00:00:00Z", endTime: "2024-05-02T00:00:00Z" };

describe("withInlineFunctions", () => {
  it("must define callees before callers and only what the query reaches", () => {
    // the timeline calls ACSRecordingOperations and ACSRecordings (visited in file order); both precede it
    expect(referencedFunctions("ACSRecordingCallTimeline('x')").map((f) => f.name)).toEqual([
      "ACSRecordingOperations",
      "ACSRecordings",
      "ACSRecordingCallTimeline",
    ]);
    expect(referencedFunctions("ACSRecordingsPerCall()").map((f) => f.name)).toEqual([
      "ACSRecordings",
      "ACSRecordingsPerCall",
    ]);
    expect(referencedFunctions("ACSRecordingOperationHealth()").map((f) => f.name)).toEqual([
      "ACSRecordingOperations",
      "ACSRecordingOperationHealth",
    ]);
    expect(referencedFunctions("ACSBillingUsage | take 1")).toEqual([]);
  });

  it("must make every template self-contained: it binds with no functions declared and gives the same rows", async () => {
    for (const t of Object.values(templates) as KqlTemplate[]) {
      const params = (
        t.name === "callTimeline" ? { correlationId: "call-b" } : t.name === "overviewKpis" ? W : {}
      ) as never;
      const standalone = withInlineFunctions(renderTemplate(t, params));
      expect(analyze(standalone, { tables: acsTables }), t.name).toEqual([]);
      const viaLets = toJsonRows(runQuery(standalone, tables, { tables: acsTables }));
      const viaFunctions = await runLocal(t, params, tables);
      expect(
        viaLets.map((r) => t.row.parse(r)),
        t.name,
      ).toEqual(viaFunctions);
    }
  });
});

describe("src/workspace", () => {
  it("must hold the workspace query and inlining code, with nothing of it left under src/templates", async () => {
    const fs = await import("node:fs");
    for (const file of ["src/templates/workspace.ts", "src/templates/standalone.ts"])
      expect(fs.existsSync(file), file).toBe(false);
    for (const file of ["src/workspace/query.ts", "src/workspace/inline.ts"])
      expect(fs.existsSync(file), file).toBe(true);
  });
});
