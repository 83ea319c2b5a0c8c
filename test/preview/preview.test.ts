import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/preview";
import { loadDataDir } from "../../src/data";
import { previewNow, renderHtml, runWorkbook } from "../../src/preview";
import { markdownToHtml } from "../../src/preview/markdown";
import { buildWorkbook } from "../../src/workbook";
import { markdown, query } from "../../src/workbook/items";
import type { Workbook } from "../../src/workbook/types";
import { dirWith } from "../data/temp-dir";

const scenario = join(__dirname, "..", "fixtures", "scenario");
const tables = loadDataDir(scenario);

describe("offline preview", () => {
  it("must place now just after the latest TimeGenerated, so the newest row is inside the range", () => {
    // latest rows in the scenario: S9, O19 and U12 at 2024-05-02T00:00:00Z -> next whole minute
    expect(new Date(previewNow(tables)).toISOString()).toBe("2024-05-02T00:01:00.000Z");
  });

  it("must stop now at 9999-12-31T23:59:59.999Z when the latest row is in the last minute Kusto can hold", () => {
    // the next whole minute after 9999-12-31T23:59:30Z would be year 10000, which no datetime holds
    const last = { ACSCallRecordingSummary: { rows: [{ TimeGenerated: 2_534_023_007_700_000_000n }] } };
    expect(new Date(previewNow(last as never)).toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });

  it("must resolve the 7-day default range from now and show it with the parameters", () => {
    const model = runWorkbook(buildWorkbook(), tables, { nowMs: Date.UTC(2024, 4, 2) });
    const range = model.parameters.find((p) => p.name === "TimeRange");
    // 2024-05-02 minus 7 days = 2024-04-25; a 7-day range bins by 4h (168h / 4h = 42 bins)
    expect(range?.display).toBe("Last 7 days (2024-04-25T00:00:00.000Z to 2024-05-02T00:00:00.000Z), grain 4h");
    expect(model.errors).toEqual([]);
  }, 60_000);

  it("must show the call timeline of the first row of the recordings grid", () => {
    const model = runWorkbook(buildWorkbook(), tables, { nowMs: Date.UTC(2024, 4, 2) });
    const items = model.items.flatMap((i) => (i.kind === "tab" ? i.items : [i]));
    const grid = items.find((i) => i.name === "recordings-grid");
    // latest recording in the last 7 days before May 2: rec-f1 of call-f (S8 at 15:05)
    expect(grid?.kind === "query" && grid.selected).toEqual({ parameter: "SelectedCallId", value: "call-f" });
    const timeline = items.find((i) => i.name === "call-timeline");
    expect(timeline?.kind === "query" && timeline.title).toBe("Call timeline: call-f");
    expect(items.some((i) => i.name === "call-timeline-hint")).toBe(false);
  }, 60_000);

  it("must show an item's error in the page and count it, instead of stopping", () => {
    const broken: Workbook = {
      ...buildWorkbook(),
      items: [
        markdown("note", "A **bold** note"),
        query("bad", {
          title: "Broken",
          kql: "ACSRecordings() | summarize by NoSuchColumn",
          visualization: "table",
          noDataMessage: "none here at all, sorry",
        }),
      ],
    };
    const model = runWorkbook(broken, tables, { nowMs: Date.UTC(2024, 4, 2) });
    expect(model.errors.map((e) => e.item)).toEqual(["bad"]);
    const html = renderHtml(model, "t", "scenario");
    expect(html).toMatch(/data-item="bad" data-status="error"/);
    expect(html).toContain('class="item-error"');
  });

  it("must render a self-contained page: ECharts inline, no external script, style or link", () => {
    const html = renderHtml(runWorkbook(buildWorkbook(), tables, { nowMs: Date.UTC(2024, 4, 2) }), "t", "scenario");
    const echarts = readFileSync(require.resolve("echarts/dist/echarts.min.js"), "utf8");
    expect(html).toContain(echarts.slice(0, 2000));
    const page = html.replace(echarts, "");
    // URLs may appear as data (the URI column), never as something the browser fetches
    expect(page).not.toMatch(/<script\s[^>]*src=|<link\s|<img\s|<iframe\s|\s(src|href)=["']?(https?:)?\/\//i);
    for (const tab of ["overview", "recordings", "operations", "usage"]) expect(html).toContain(`id="tab-${tab}"`);
  }, 60_000);

  it("must escape text from the data and the markdown", () => {
    expect(markdownToHtml("## T\n\n<b>x</b> **y**")).toBe("<h3>T</h3>\n<p>&lt;b&gt;x&lt;/b&gt; <strong>y</strong></p>");
  });
});

describe("acs-insights preview", () => {
  it("must write the page and exit 0 when every item runs", async () => {
    const out = join(dirWith({}, "preview-"), "p.html");
    expect(await run(["--data", scenario, "--out", out, "--now", "2024-05-02T00:00:00Z"])).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('data-errors="0"');
  }, 60_000);

  it("must refuse data with no TimeGenerated at all, pointing at --now", async () => {
    const empty = dirWith({}, "preview-empty-");
    await expect(run(["--data", empty, "--out", join(empty, "p.html")])).rejects.toThrow(/--now/);
  });

  it("must reject a bad --now or an unknown option with exit code 2", async () => {
    expect(await run(["--now", "yesterday"])).toBe(2);
    expect(await run(["--bogus"])).toBe(2);
    expect(await run(["--data"])).toBe(2);
  });
});
