// Renders a preview model as one self-contained HTML page: ECharts inlined, data inlined, no network at view time.
import { readFileSync } from "node:fs";
import { chartKinds, chartOption } from "./charts";
import { escapeHtml, markdownToHtml } from "./markdown";
import type { PreviewItem, PreviewModel, PreviewQuery } from "./run";

const maxGridRows = 100;

/** JSON safe inside a <script> element: no "</script>" or "<!--" can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(Math.round(value * 1000) / 1000);
  if (typeof value === "object") return escapeHtml(JSON.stringify(value));
  return escapeHtml(String(value));
}

function grid(q: PreviewQuery): string {
  const head = q.columns.map((c) => `<th>${escapeHtml(c.name)}</th>`).join("");
  const body = q.rows
    .slice(0, maxGridRows)
    .map((r, i) => {
      const selected = q.selected && i === 0 ? ' class="selected"' : "";
      return `<tr${selected}>${q.columns.map((c) => `<td class="${c.type}">${cell(r[c.name])}</td>`).join("")}</tr>`;
    })
    .join("\n");
  const more = q.rows.length > maxGridRows ? `<p class="note">Showing ${maxGridRows} of ${q.rows.length} rows.</p>` : "";
  const selected = q.selected
    ? `<p class="note">Preview stands in for a click on the first row: ${escapeHtml(q.selected.parameter)} = <code>${escapeHtml(q.selected.value)}</code></p>`
    : "";
  return `<div class="grid-wrap"><table class="grid"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}${selected}`;
}

function tiles(q: PreviewQuery): string {
  const t = q.tileColumns!;
  return `<div class="tiles">${q.rows
    .map(
      (r) =>
        `<div class="tile"><div class="tile-title">${cell(r[t.title])}</div><div class="tile-value">${cell(r[t.value])}</div>` +
        (t.secondary ? `<div class="tile-sub">${cell(r[t.secondary])}</div>` : "") +
        "</div>",
    )
    .join("")}</div>`;
}

function queryBody(q: PreviewQuery, charts: { id: string; option: object }[]): string {
  if (q.error) return `<pre class="item-error">${escapeHtml(q.error)}</pre>`;
  if (q.rows.length === 0) return `<p class="no-data">${escapeHtml(q.noDataMessage)}</p>`;
  if (q.visualization === "tiles" && q.tileColumns) return tiles(q);
  if (chartKinds.has(q.visualization)) {
    const id = `chart-${q.name}`;
    try {
      charts.push({ id, option: chartOption(q.visualization, q.columns, q.rows) });
    } catch (e) {
      return `<pre class="item-error">${escapeHtml(e instanceof Error ? e.message : String(e))}</pre>`;
    }
    return `<div class="chart" id="${id}"></div>`;
  }
  return grid(q);
}

function renderItem(item: PreviewItem, charts: { id: string; option: object }[]): string {
  const width = (w?: number) => `style="flex-basis: calc(${w ?? 100}% - 16px)"`;
  switch (item.kind) {
    case "markdown":
      return `<div class="item text" data-item="${escapeHtml(item.name)}" data-status="ok" ${width(item.width)}>${markdownToHtml(item.text)}</div>`;
    case "tab":
      return `<section class="tab" id="tab-${escapeHtml(item.key)}"><h2>${escapeHtml(item.label)}</h2><div class="items">${item.items
        .map((i) => renderItem(i, charts))
        .join("\n")}</div></section>`;
    case "query": {
      const body = queryBody(item, charts);
      const status = body.includes('class="item-error"') ? "error" : item.rows.length === 0 ? "empty" : "ok";
      return (
        `<div class="item query" data-item="${escapeHtml(item.name)}" data-status="${status}" data-visualization="${escapeHtml(item.visualization)}" ${width(item.width)}>` +
        `<h3>${escapeHtml(item.title)}</h3>${body}<details><summary>KQL</summary><pre class="kql">${escapeHtml(item.kql)}</pre></details></div>`
      );
    }
  }
}

const style = `
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1b1b1f; }
header { background: #0b3d91; color: #fff; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; opacity: .85; font-size: 13px; }
.params { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 24px; background: #fff; border-bottom: 1px solid #dde1e6; }
.param { background: #eef2f8; border-radius: 12px; padding: 4px 10px; font-size: 12px; }
.param b { margin-right: 4px; }
.param.error { background: #fde7e9; }
nav { padding: 8px 24px; background: #fff; border-bottom: 1px solid #dde1e6; position: sticky; top: 0; z-index: 2; }
nav a { margin-right: 16px; color: #0b3d91; text-decoration: none; font-weight: 600; }
main { padding: 8px 24px 32px; }
.items { display: flex; flex-wrap: wrap; gap: 16px; }
.item { box-sizing: border-box; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 12px 16px; min-width: 280px; flex-grow: 1; }
.item h3 { margin: 0 0 8px; font-size: 15px; }
.tab { flex-basis: 100%; }
.tab > h2 { font-size: 18px; border-bottom: 2px solid #0b3d91; padding-bottom: 4px; }
.chart { height: 280px; width: 100%; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.tile { border: 1px solid #dde1e6; border-radius: 6px; padding: 10px 14px; }
.tile-title { font-size: 12px; color: #555; }
.tile-value { font-size: 26px; font-weight: 600; }
.tile-sub { font-size: 12px; color: #555; }
.grid-wrap { overflow-x: auto; max-height: 360px; }
table.grid, table.md { border-collapse: collapse; font-size: 12px; }
table.grid th, table.grid td, table.md th, table.md td { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left; white-space: nowrap; }
table.grid th { position: sticky; top: 0; background: #f0f2f5; }
td.int, td.long, td.real { text-align: right; }
tr.selected { background: #e5efff; }
.note { font-size: 12px; color: #555; }
.no-data { color: #6b6f76; font-style: italic; }
.item-error { color: #a4262c; background: #fde7e9; padding: 8px; white-space: pre-wrap; }
details { margin-top: 6px; font-size: 12px; }
pre.kql { background: #f6f8fa; padding: 8px; overflow-x: auto; }
`;

export function renderHtml(model: PreviewModel, title: string, source: string): string {
  const charts: { id: string; option: object }[] = [];
  const body = model.items.map((i) => renderItem(i, charts)).join("\n");
  const nav = model.items
    .filter((i): i is Extract<PreviewItem, { kind: "tab" }> => i.kind === "tab")
    .map((t) => `<a href="#tab-${escapeHtml(t.key)}">${escapeHtml(t.label)}</a>`)
    .join("");
  const params = model.parameters
    .map((p) => `<span class="param${p.error ? " error" : ""}" title="${escapeHtml(p.error ?? p.name)}"><b>${escapeHtml(p.label)}:</b>${escapeHtml(p.display)}</span>`)
    .join("");
  const echarts = readFileSync(require.resolve("echarts/dist/echarts.min.js"), "utf8").replace(/<\/script/gi, "<\\/script");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
<script>${echarts}</script>
</head>
<body data-errors="${model.errors.length}">
<header><h1>${escapeHtml(title)}</h1><p>Offline preview on ${escapeHtml(source)}; now = ${new Date(model.nowMs).toISOString()}; ${model.errors.length} item error(s).</p></header>
<div class="params">${params}</div>
<nav>${nav}</nav>
<main><div class="items">${body}</div></main>
<script>
(function () {
  var charts = ${scriptJson(charts)};
  charts.forEach(function (c) {
    var chart = echarts.init(document.getElementById(c.id), null, { renderer: "svg" });
    chart.setOption(c.option);
    window.addEventListener("resize", function () { chart.resize(); });
  });
  document.body.setAttribute("data-charts-rendered", String(charts.length));
})();
</script>
</body>
</html>
`;
}
