import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { overviewKpis, parseParams } from "../../src/templates";
import {
  buildWorkbook,
  deployedWorkbook,
  kqlSources,
  serializedWorkbook,
  stableStringify,
  workbookDisplayName,
  workbookFile,
  workbookForWorkspace,
  workbookKey,
} from "../../src/workbook";
import { referencedParameters } from "../../src/workbook/substitute";
import { allItems, declaredParameters, implicitParameters, queryItems } from "../../src/workbook/walk";

const workbook = buildWorkbook();
const root = join(__dirname, "..", "..");

describe("workbook structure", () => {
  it("must be a Notebook/1.0 document", () => {
    expect(workbook.version).toBe("Notebook/1.0");
    expect(workbookKey).toBe("acs-call-recording");
  });

  it("must give every item a unique name", () => {
    const names = allItems(workbook).map((p) => p.item.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("must query the workspace parameter with KqlItem/1.0 log queries", () => {
    for (const item of queryItems(workbook)) {
      expect(item.content.version, item.name).toBe("KqlItem/1.0");
      expect(item.content.queryType, item.name).toBe(0);
      expect(item.content.resourceType, item.name).toBe("microsoft.operationalinsights/workspaces");
      expect(item.content.crossComponentResources, item.name).toEqual(["{Workspace}"]);
      expect(item.content.noDataMessage.length, item.name).toBeGreaterThan(20);
    }
  });

  it("must define, before use, every parameter that a query, a dropdown query or a title refers to", () => {
    const declared = new Set<string>();
    const uses = (text: string, where: string) => {
      for (const name of referencedParameters(text))
        expect([...declared], `${where} uses {${name}} before it is defined`).toContain(name);
    };
    for (const { item } of allItems(workbook)) {
      if (item.type === 9) {
        for (const p of item.content.parameters) {
          if (p.type === 2 && p.query) uses(p.query, `parameter ${p.name}`);
          declared.add(p.name);
        }
      } else if (item.type === 11) {
        for (const link of item.content.links) declared.add(link.cellValue);
      } else if (item.type === 3) {
        uses(item.content.query + item.content.title, item.name);
        if (item.content.exportParameterName) declared.add(item.content.exportParameterName);
        for (const e of item.content.exportedParameters ?? []) declared.add(e.parameterName);
      }
    }
    expect(declared.size).toBe(declaredParameters(workbook).length + implicitParameters(workbook).length);
  });

  it("must offer the workspace, a 5-minute to 90-day time range defaulting to 7 days, a grain and four multi-selects", () => {
    const params = declaredParameters(workbook);
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.Workspace.type).toBe(5);
    const range = byName.TimeRange;
    if (range.type !== 4) throw new Error("TimeRange must be a time range picker");
    expect(range.value.durationMs).toBe(7 * 86_400_000);
    const durations = range.typeSettings.selectableValues.map((v) => v.durationMs);
    expect(Math.min(...durations)).toBe(5 * 60_000);
    expect(Math.max(...durations)).toBe(90 * 86_400_000);
    // 14, 28 and 30 days as Microsoft's Overview workbook offers them
    for (const days of [14, 28, 30]) expect(durations).toContain(days * 86_400_000);
    expect(byName.TimeGrain.type).toBe(2);
    for (const name of ["ContentType", "FormatType", "ChannelType", "Operation"]) {
      const p = byName[name];
      expect(p.type === 2 && p.multiSelect, name).toBe(true);
    }
  });

  it("must carry no subscription or resource id", () => {
    expect(serializedWorkbook).not.toMatch(/\/subscriptions\//i);
    expect(serializedWorkbook).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(workbook.fallbackResourceIds).toEqual(["Azure Monitor"]);
  });

  it("must put the overview, recordings, operations and usage tabs in groups shown by the tab strip", () => {
    const groups = allItems(workbook).flatMap((p) => (p.item.type === 12 ? [p.item] : []));
    expect(groups.map((g) => g.conditionalVisibility?.value)).toEqual([
      "overview",
      "recordings",
      "operations",
      "usage",
    ]);
    const tabsOf = (tab: string) =>
      allItems(workbook)
        .filter((p) => p.tab === tab && p.item.type === 3)
        .map((p) => p.item.name);
    expect(tabsOf("recordings")).toContain("recordings-grid");
    expect(tabsOf("operations")).toContain("latency-by-operation");
  });

  it("must drill from the recordings grid into the call timeline through an exported parameter", () => {
    const grid = queryItems(workbook).find((i) => i.name === "recordings-grid");
    const timeline = queryItems(workbook).find((i) => i.name === "call-timeline");
    expect(grid?.content.exportParameterName).toBe("SelectedCallId");
    expect(timeline?.content.query).toContain("{SelectedCallId:escape}");
    expect(timeline?.conditionalVisibility).toEqual({
      parameterName: "SelectedCallId",
      comparison: "isNotEqualTo",
      value: "",
    });
  });

  it("must call the saved functions, never the raw tables they wrap", () => {
    for (const source of kqlSources()) {
      expect(source.kql, source.file).not.toMatch(
        /\bACS(CallRecordingSummary|CallRecordingIncomingOperations|BillingUsage)\b/,
      );
      expect(source.kql, source.file).toMatch(/\bACSRecording\w*\(/);
    }
  });
});

describe("workbook serialisation", () => {
  it("must match the committed workbooks/acs-call-recording.workbook.json (regenerate with npm run generate)", () => {
    expect(readFileSync(join(root, workbookFile), "utf8")).toBe(serializedWorkbook);
  });

  it("must be byte-identical across builds, with sorted keys, \\n line ends and a trailing newline", () => {
    expect(stableStringify(buildWorkbook())).toBe(serializedWorkbook);
    expect(serializedWorkbook).not.toContain("\r");
    expect(serializedWorkbook.endsWith("}\n")).toBe(true);
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe(
      '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n',
    );
  });

  it("must point fallbackResourceIds and the Workspace parameter at the deployed workspace and change nothing else", () => {
    const id =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws";
    const deployed = JSON.parse(workbookForWorkspace(id));
    expect(deployed.fallbackResourceIds).toEqual([id]);
    expect(declaredParameters(deployed).find((p) => p.name === "Workspace")).toMatchObject({ type: 5, value: id });
    const committed = JSON.parse(serializedWorkbook);
    expect(declaredParameters(committed).find((p) => p.name === "Workspace")).toMatchObject({ value: "value::1" });
    // the committed form with the workspace filled in is the deployed form
    const filled = JSON.parse(JSON.stringify(committed).replace('"value":"value::1"', `"value":${JSON.stringify(id)}`));
    expect(filled).toEqual({ ...deployed, fallbackResourceIds: ["Azure Monitor"] });
    expect(() => workbookForWorkspace("")).toThrow(/workspaceId must be/);
  });

  it("must open from the ACS resource as well: the workspace named outright, the stack's ACS resource the Resource default", () => {
    const ws =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws";
    const acs =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/Acs-Dev";
    const deployed = JSON.parse(deployedWorkbook({ workspaceId: ws, communicationId: acs }));
    expect(deployed.fallbackResourceIds).toEqual([ws, acs]);
    const params = declaredParameters(deployed);
    expect(params.find((p) => p.name === "Workspace")).toMatchObject({ value: ws });
    // Log Analytics stores _ResourceId lower-cased
    expect(params.find((p) => p.name === "Resource")).toMatchObject({ type: 2, value: acs.toLowerCase() });
    expect(declaredParameters(JSON.parse(serializedWorkbook)).find((p) => p.name === "Resource")).toMatchObject({
      value: "*",
    });
    expect(() => deployedWorkbook({ workspaceId: ws, communicationId: ws })).toThrow(
      /communicationId must be a resource id/,
    );
    expect(() => deployedWorkbook({ workspaceId: acs })).toThrow(/workspaceId must be a resource id/);
  });

  it("must make the stack's normal end reasons the NormalEndReasons default, refusing a name that could break the query", () => {
    const id =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws";
    const param = (json: string) => declaredParameters(JSON.parse(json)).find((p) => p.name === "NormalEndReasons");
    // shipped default: the two reasons Microsoft documents
    expect(param(serializedWorkbook)).toMatchObject({ type: 1, value: "CallEnded, InitiatorLeft" });
    expect(param(workbookForWorkspace(id, { normalEndReasons: ["CallEnded", "RecordingStopped"] }))).toMatchObject({
      value: "CallEnded, RecordingStopped",
    });
    expect(() => workbookForWorkspace(id, { normalEndReasons: ["x', 'y"] })).toThrow(/not a RecordingEndReason name/);
  });

  it("must compute the overview tiles with the one saved function the overviewKpis template calls", () => {
    const tiles = queryItems(workbook).find((i) => i.name === "overview-tiles")!;
    expect(tiles.content.query).toContain("ACSRecordingOverview(");
    expect(overviewKpis.kql(parseParams(overviewKpis, overviewKpis.example as never))).toMatch(
      /^ACSRecordingOverview\(/,
    );
    // neither recomputes the KPIs from the row-level functions
    expect(tiles.content.query).not.toMatch(/ACSRecordings\(|ACSRecordingOperations\(/);
  });

  it("must name the environment in the display name", () => {
    expect(workbookDisplayName("prod")).toBe("ACS call recording insights (prod)");
    expect(() => workbookDisplayName(" ")).toThrow(/environment/);
  });
});
