import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderPreview } from "../../src/preview";

const outDir = join(__dirname, "..", "..", "out");
const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe("preview in a real browser", () => {
  it("must render every item of the sample preview without an error, draw every chart and take a screenshot", async () => {
    const { html, model } = renderPreview();
    expect(model.errors).toEqual([]);
    mkdirSync(outDir, { recursive: true });
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

      const items = await tab.$$eval("[data-item]", (els) => els.map((e) => ({ name: e.getAttribute("data-item"), status: e.getAttribute("data-status") })));
      expect(items.filter((i) => i.status === "error")).toEqual([]);
      expect(await tab.$$(".item-error")).toHaveLength(0);
      // the sample covers every tab, so no query item should fall back to its no-data message
      expect(items.filter((i) => i.status === "empty")).toEqual([]);
      expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(["overview-tiles", "recordings-per-bin", "call-timeline", "latency-by-operation", "usage-over-time"]));

      const charts = await tab.$$eval(".chart", (els) => els.map((e) => ({ id: e.id, drawn: e.querySelector("svg, canvas") !== null })));
      expect(charts.length).toBeGreaterThanOrEqual(10);
      expect(charts.filter((c) => !c.drawn)).toEqual([]);
      expect(await tab.$$eval(".tile", (els) => els.length)).toBe(7);
      expect(pageErrors).toEqual([]);
      expect(requests).toEqual([]);

      await tab.screenshot({ path: join(outDir, "preview.png"), fullPage: true });
      for (const section of await tab.$$("section.tab")) {
        await section.screenshot({ path: join(outDir, `preview-${(await section.getAttribute("id"))!}.png`) });
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
