import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderHtml, runWorkbook } from "../../src/preview";
import { buildWorkbook } from "../../src/workbook";
import { distinctValues, largeNowMs, largeTables } from "./large-data";

const outDir = join(__dirname, "..", "..", "out");

describe("preview of a data set with 20,000 distinct values per column", () => {
  it("must stay small, cap every chip, chart and grid with N more, and open quickly without overflowing", async () => {
    const model = runWorkbook(buildWorkbook(), largeTables(), { nowMs: largeNowMs });
    expect(model.errors).toEqual([]);
    const html = renderHtml(model, "large", "generated");
    // ECharts alone is about 1.1 MB; grids, charts and click-through records add about 1 MB whatever the number of distinct values
    expect(html.length).toBeLessThan(2_500_000);

    // 20,000 formats in the range: 20 listed, 19,980 counted
    expect(model.parameters.find((p) => p.name === "FormatType")!.display).toMatch(/, 19,980 more\)$/);
    // pies keep 12 slices, bars 30 categories, split time charts 10 lines (the query keeps the busiest 10)
    expect(html).toContain(`${(distinctValues - 12).toLocaleString("en-US")} more slices not drawn`);
    expect(html).toContain(`${(distinctValues - 30).toLocaleString("en-US")} more categories not drawn`);
    expect(html).toMatch(/Showing 100 of [\d,]+ rows\./);

    mkdirSync(outDir, { recursive: true });
    const page = join(outDir, "preview.large.html");
    writeFileSync(page, html);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.goto(pathToFileURL(page).href);
      // Drawing speed is a benchmark figure, not a test: here the page only has to finish drawing every chart.
      await tab.waitForSelector("body[data-charts-rendered]", { timeout: 120_000 });
      expect(
        await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
    } finally {
      await browser.close();
    }
  }, 900_000);
});
