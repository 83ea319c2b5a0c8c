// Renders a preview model as one self-contained HTML page: ECharts inlined, data inlined, no network at view time.
import { readFileSync } from "node:fs";
import { chartKinds, chartOption } from "./charts";
import { escapeHtml, markdownToHtml } from "./markdown";
import type { PreviewItem, PreviewModel, PreviewQuery } from "./run";

const maxGridRows = 100;

// The page's click-through: a chart click picks values (x: the category or time, series: the slice or line), the grid keeps the
// records whose columns match them, as the portal's exported parameters and the grid's where-clauses do.
const drillScript = `
  function label(v) { return v === null || v === undefined || v === "" ? "(empty)" : typeof v === "object" ? JSON.stringify(v) : String(v); }
  function ms(v) { return Date.parse(String(v).replace(/(\\.\\d{3})\\d+/, "$1")); }
  function cell(v) { return v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v); }
  function picked(c, p, field) {
    if (field === "series") return c.visualization === "piechart" ? p.name : p.seriesName;
    return Array.isArray(p.value) && c.visualization !== "barchart" && c.visualization !== "piechart" ? p.value[0] : p.name;
  }
  function matches(d, row, values) {
    return d.filters.every(function (f) {
      var v = values[f.parameter];
      if (v === undefined) return true;
      if (f.match === "timeBin") { var t = ms(row[f.column]), s = ms(v); return t >= s && t < s + d.grainMs; }
      return label(row[f.column]) === label(v);
    });
  }
  function render(name, values) {
    var d = drills[name], box = document.getElementById("drill-" + name);
    if (!d || !box) return;
    var set = drillData[d.data];
    var rows = set.rows.filter(function (r) { return matches(d, r, values); });
    var shown = rows.slice(0, ${maxGridRows});
    var table = document.createElement("table"); table.className = "grid";
    var head = table.createTHead().insertRow();
    set.columns.forEach(function (c) { var th = document.createElement("th"); th.textContent = c.name; head.appendChild(th); });
    var body = table.createTBody();
    shown.forEach(function (r) { var tr = body.insertRow(); set.columns.forEach(function (c) { var td = tr.insertCell(); td.className = c.type; td.textContent = cell(r[c.name]); }); });
    var note = document.createElement("p"); note.className = "note drill-count";
    note.textContent = Object.keys(values).map(function (k) { return k + " = " + values[k]; }).join(", ") + ": " + rows.length + " record(s)" + (rows.length > shown.length ? ", showing " + shown.length : "");
    box.replaceChildren(note, table);
    box.setAttribute("data-selection", JSON.stringify(values));
    box.setAttribute("data-rows", String(rows.length));
    box.scrollIntoView({ block: "nearest" });
  }
  function openDrills(c, p) {
    c.targets.forEach(function (t) {
      var values = {};
      t.exports.forEach(function (e) { values[e.parameter] = picked(c, p, e.field); });
      render(t.grid, values);
    });
  }
  window.previewDrill = { render: render };
`;

/** JSON safe inside a <script> element: no "</script>" or "<!--" can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
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
  const more =
    q.rows.length > maxGridRows ? `<p class="note">Showing ${maxGridRows} of ${q.rows.length} rows.</p>` : "";
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

interface ChartEntry {
  readonly id: string;
  readonly option: object;
  readonly visualization: string;
  readonly targets?: PreviewQuery["drillTargets"];
}

interface DrillEntry {
  /** Index into the page's shared record sets: grids over the same records (five recordings grids) carry them once. */
  readonly data: number;
  readonly filters: NonNullable<PreviewQuery["drill"]>["filters"];
  readonly grainMs: number;
  readonly total: number;
}

interface DrillData {
  readonly columns: readonly { name: string; type: string }[];
  readonly rows: readonly Record<string, unknown>[];
}

interface Drills {
  readonly grids: Record<string, DrillEntry>;
  readonly data: DrillData[];
  readonly keys: string[];
}

/** A click-through grid: empty until a chart click, then the matching records (filled by the page's script). */
function drillBody(q: PreviewQuery, drills: Drills): string {
  const d = q.drill!;
  const key = JSON.stringify([q.columns, q.rows]);
  let data = drills.keys.indexOf(key);
  if (data < 0) {
    data = drills.keys.push(key) - 1;
    drills.data.push({ columns: q.columns, rows: q.rows });
  }
  drills.grids[q.name] = { data, filters: d.filters, grainMs: d.grainMs, total: d.total };
  const carried =
    d.total > q.rows.length
      ? ` (the newest ${q.rows.length} of ${d.total.toLocaleString("en-US")} records are in this page)`
      : "";
  return `<p class="note drill-hint">Click the chart above to see its records here${escapeHtml(carried)}.</p><div class="drill-result" id="drill-${escapeHtml(q.name)}"></div>`;
}

function queryBody(q: PreviewQuery, charts: ChartEntry[], drills: Drills): string {
  if (q.error) return `<pre class="item-error">${escapeHtml(q.error)}</pre>`;
  if (q.drill) return drillBody(q, drills);
  if (q.rows.length === 0) return `<p class="no-data">${escapeHtml(q.noDataMessage)}</p>`;
  if (q.visualization === "tiles" && q.tileColumns) return tiles(q);
  if (chartKinds.has(q.visualization)) {
    const id = `chart-${q.name}`;
    let note: string | undefined;
    try {
      const chart = chartOption(q.visualization, q.columns, q.rows);
      note = chart.note;
      charts.push({
        id,
        option: chart.option,
        visualization: q.visualization,
        ...(q.drillTargets ? { targets: q.drillTargets } : {}),
      });
    } catch (e) {
      return `<pre class="item-error">${escapeHtml(e instanceof Error ? e.message : String(e))}</pre>`;
    }
    const clickable = q.drillTargets ? ' data-drill="1"' : "";
    return `<div class="chart" id="${id}"${clickable}></div>${note ? `<p class="note chart-more">${escapeHtml(note)}</p>` : ""}`;
  }
  return grid(q);
}

function renderItem(item: PreviewItem, charts: ChartEntry[], drills: Drills): string {
  const width = (w?: number) => `style="flex-basis: calc(${w ?? 100}% - 16px)"`;
  switch (item.kind) {
    case "markdown":
      return `<div class="item text" data-item="${escapeHtml(item.name)}" data-status="ok" ${width(item.width)}>${markdownToHtml(item.text)}</div>`;
    case "tab":
      return `<section class="tab" id="tab-${escapeHtml(item.key)}"><h2>${escapeHtml(item.label)}</h2><div class="items">${item.items
        .map((i) => renderItem(i, charts, drills))
        .join("\n")}</div></section>`;
    case "query": {
      const body = queryBody(item, charts, drills);
      const status = body.includes('class="item-error"')
        ? "error"
        : item.drill
          ? "drill"
          : item.rows.length === 0
            ? "empty"
            : "ok";
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
.item { box-sizing: border-box; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 12px 16px; min-width: 0; max-width: 100%; flex-grow: 1; overflow: hidden; }
@media (max-width: 1100px) { .item { flex-basis: 100% !important; } }
.item h3 { margin: 0 0 8px; font-size: 15px; }
.tab { flex-basis: 100%; min-width: 0; }
.tab > h2 { font-size: 18px; border-bottom: 2px solid #0b3d91; padding-bottom: 4px; }
.chart { height: 280px; width: 100%; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.tile { border: 1px solid #dde1e6; border-radius: 6px; padding: 10px 14px; }
.tile-title { font-size: 12px; color: #555; }
.tile-value { font-size: 26px; font-weight: 600; }
.tile-sub { font-size: 12px; color: #555; }
.grid-wrap, .drill-result { overflow: auto; max-height: 360px; max-width: 100%; }
.drill-result:empty { display: none; }
.chart[data-drill] { cursor: pointer; }
table.grid, table.md { border-collapse: collapse; font-size: 12px; }
table.grid th, table.grid td, table.md th, table.md td { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left; white-space: nowrap; }
table.grid th { position: sticky; top: 0; background: #f0f2f5; }
td.int, td.long, td.real { text-align: right; }
tr.selected { background: #e5efff; }
.note { font-size: 12px; color: #555; }
.no-data { color: #6b6f76; font-style: italic; }
.item-error { color: #a4262c; background: #fde7e9; padding: 8px; white-space: pre-wrap; }
details { margin-top: 6px; font-size: 12px; }
pre.kql { background: #f6f8fa; padding: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
table.md { max-width: 100%; }
table.md td, table.md th { white-space: normal; }
.params { overflow-wrap: anywhere; }
.item-error { overflow-wrap: anywhere; }
`;

export function renderHtml(model: PreviewModel, title: string, source: string): string {
  const charts: ChartEntry[] = [];
  const drills: Drills = { grids: {}, data: [], keys: [] };
  const body = model.items.map((i) => renderItem(i, charts, drills)).join("\n");
  const nav = model.items
    .filter((i): i is Extract<PreviewItem, { kind: "tab" }> => i.kind === "tab")
    .map((t) => `<a href="#tab-${escapeHtml(t.key)}">${escapeHtml(t.label)}</a>`)
    .join("");
  const params = model.parameters
    .map(
      (p) =>
        `<span class="param${p.error ? " error" : ""}" title="${escapeHtml(p.error ?? p.name)}"><b>${escapeHtml(p.label)}:</b>${escapeHtml(p.display)}</span>`,
    )
    .join("");
  const echarts = readFileSync(require.resolve("echarts/dist/echarts.min.js"), "utf8").replace(
    /<\/script/gi,
    "<\\/script",
  );
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
  var drills = ${scriptJson(drills.grids)};
  var drillData = ${scriptJson(drills.data)};
${drillScript}
  charts.forEach(function (c) {
    var el = document.getElementById(c.id);
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(c.option);
    window.addEventListener("resize", function () { chart.resize(); });
    if (c.targets) chart.on("click", function (p) { openDrills(c, p); });
  });
  document.body.setAttribute("data-charts-rendered", String(charts.length));
})();
</script>
</body>
</html>
`;
}
