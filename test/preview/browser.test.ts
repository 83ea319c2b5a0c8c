import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderPreview } from "../../src/preview";

const outDir = join(__dirname, "..", "..", "out");
/** Kept by CI as an artifact: one screenshot per tab and width. */
export const screenshotDir = join(outDir, "screenshots");
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A real mouse click on the first non-zero point (or slice) of a chart, at the pixel ECharts drew it. */
async function clickFirstPoint(tab: Page, chartId: string): Promise<unknown> {
  await tab.locator(`#${chartId}`).scrollIntoViewIfNeeded();
  const at = await tab.evaluate((id) => {
    const dom = document.getElementById(id)!;
    const chart = (window as unknown as { echarts: { getInstanceByDom(d: Element): any } }).echarts.getInstanceByDom(
      dom,
    );
    const series = chart.getOption().series[0];
    const r = dom.getBoundingClientRect();
    if (series.type === "pie") {
      // the middle of the first slice's arc, from the layout ECharts computed
      const layout = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
      const angle = (layout.startAngle + layout.endAngle) / 2;
      const radius = (layout.r0 + layout.r) / 2;
      return {
        x: r.left + layout.cx + radius * Math.cos(angle),
        y: r.top + layout.cy + radius * Math.sin(angle),
        value: series.data[0].name,
      };
    }
    const i = series.data.findIndex((d: [unknown, number]) => d[1] > 0);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, series.data[i]);
    return { x: r.left + x, y: r.top + y, value: series.data[i][0] };
  }, chartId);
  await tab.mouse.click(at.x, at.y);
  return at.value;
}

describe("preview in a real browser", () => {
  it("must render every item of the sample preview, fit 1280 to 1920 px, open records on a click and screenshot each tab", async () => {
    const { html, model } = renderPreview();
    expect(model.errors).toEqual([]);
    mkdirSync(screenshotDir, { recursive: true });
    const page = join(outDir, "preview.browser-test.html");
    writeFileSync(page, html);

    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
    try {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
      const requests: string[] = [];
      tab.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      const pageErrors: string[] = [];
      tab.on("pageerror", (e) => pageErrors.push(e.message));
      await tab.goto(pathToFileURL(page).href);
      await tab.waitForSelector("body[data-charts-rendered]");

      const items = await tab.$$eval("[data-item]", (els) =>
        els.map((e) => ({ name: e.getAttribute("data-item"), status: e.getAttribute("data-status") })),
      );
      expect(items.filter((i) => i.status === "error")).toEqual([]);
      expect(await tab.$$(".item-error")).toHaveLength(0);
      // the sample covers every tab, so no query item should fall back to its no-data message
      expect(items.filter((i) => i.status === "empty")).toEqual([]);
      expect(items.map((i) => i.name)).toEqual(
        expect.arrayContaining([
          "overview-tiles",
          "recordings-per-bin",
          "call-timeline",
          "latency-by-operation",
          "usage-over-time",
        ]),
      );
      expect(items.filter((i) => i.status === "drill").map((i) => i.name)).toHaveLength(8);

      const charts = await tab.$$eval(".chart", (els) =>
        els.map((e) => ({ id: e.id, drawn: e.querySelector("svg, canvas") !== null })),
      );
      expect(charts.length).toBeGreaterThanOrEqual(10);
      expect(charts.filter((c) => !c.drawn)).toEqual([]);
      expect(await tab.$$eval(".tile", (els) => els.length)).toBe(7);

      // nothing wider than the window at the narrowest and widest supported widths
      for (const width of [1280, 1920]) {
        await tab.setViewportSize({ width, height: 900 });
        await tab.waitForTimeout(300);
        const layout = await tab.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          window: document.documentElement.clientWidth,
          wide: Array.from(document.querySelectorAll("[data-item]"))
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((e) => e.getAttribute("data-item")),
        }));
        expect(layout.wide, `items wider than ${width} px`).toEqual([]);
        expect(layout.page, `page width at ${width} px`).toBeLessThanOrEqual(layout.window);
        for (const section of await tab.$$("section.tab")) {
          await section.screenshot({
            path: join(screenshotDir, `${(await section.getAttribute("id"))!}-${width}.png`),
          });
        }
      }

      // a click on a time bin opens that bin's recordings; a click on a format slice opens that format's
      await tab.setViewportSize({ width: 1400, height: 900 });
      const bin = await clickFirstPoint(tab, "chart-recordings-per-bin");
      const binGrid = tab.locator("#drill-recordings-in-bin");
      await expect.poll(() => binGrid.getAttribute("data-selection")).toBe(JSON.stringify({ ClickedBin: bin }));
      const binRows = Number(await binGrid.getAttribute("data-rows"));
      expect(binRows).toBeGreaterThan(0);
      expect(await binGrid.locator("tbody tr").count()).toBe(Math.min(binRows, 100));
      // every record shown lies in the clicked bin [bin, bin + grain)
      const grid = model.items
        .flatMap((i) => (i.kind === "tab" ? i.items : [i]))
        .find((i) => i.name === "recordings-in-bin");
      const grainMs = grid?.kind === "query" && grid.drill ? grid.drill.grainMs : 0;
      const column = await binGrid
        .locator("thead th")
        .evaluateAll((ths) => ths.findIndex((th) => th.textContent === "TimeGenerated"));
      const times = await binGrid
        .locator("tbody tr")
        .evaluateAll((trs, col) => trs.map((tr) => tr.children[col].textContent ?? ""), column);
      const start = Date.parse(String(bin).replace(/(\.\d{3})\d+/, "$1"));
      for (const t of times) {
        const at = Date.parse(t.replace(/(\.\d{3})\d+/, "$1"));
        expect(at >= start && at < start + grainMs, `${t} in the bin from ${String(bin)}`).toBe(true);
      }
      const format = await clickFirstPoint(tab, "chart-recordings-by-format");
      const formatGrid = tab.locator("#drill-recordings-of-format");
      await expect
        .poll(() => formatGrid.getAttribute("data-selection"))
        .toBe(JSON.stringify({ ClickedFormat: format }));
      const formats = await formatGrid
        .locator("tbody tr")
        .evaluateAll(
          (trs, col) => trs.map((tr) => tr.children[col].textContent),
          await formatGrid
            .locator("thead th")
            .evaluateAll((ths) => ths.findIndex((th) => th.textContent === "FormatType")),
        );
      expect(formats.length).toBeGreaterThan(0);
      expect(new Set(formats)).toEqual(new Set([format]));

      expect(pageErrors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 240_000);
});
