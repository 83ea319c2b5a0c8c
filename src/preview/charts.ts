// Turns a query result into an ECharts option the way the portal reads its columns for each chart type.
import type { ColumnInfo } from "../kusto/types";

type JsonRow = Record<string, unknown>;

const numeric = new Set(["int", "long", "real", "decimal"]);
const isNumeric = (c: ColumnInfo) => numeric.has(c.type);
const isText = (c: ColumnInfo) => c.type === "string" || c.type === "bool" || c.type === "dynamic";

function seriesSplit(columns: readonly ColumnInfo[], x: ColumnInfo): { split?: ColumnInfo; measures: ColumnInfo[] } {
  const split = columns.find((c) => c !== x && isText(c));
  const measures = columns.filter((c) => c !== x && isNumeric(c));
  return { split, measures: split ? measures.slice(0, 1) : measures };
}

/** How a value is named on an axis, in a legend and in a click (the page's drill-down matches records by this text). */
export const label = (v: unknown) =>
  v === null || v === undefined || v === "" ? "(empty)" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** Caps that keep a page small and quick whatever the data: the rest is named in a "N more" note under the chart. */
export const chartCaps = { series: 10, categories: 30, slices: 12 } as const;

export interface ChartResult {
  readonly option: object;
  /** Set when the chart leaves values out: "12,345 more series not drawn". */
  readonly note?: string;
}

const more = (n: number, what: string) => (n > 0 ? `${n.toLocaleString("en-US")} more ${what} not drawn` : undefined);

const base = {
  animation: false,
  tooltip: { trigger: "axis" },
  legend: { type: "scroll", bottom: 0 },
  grid: { left: 56, right: 24, top: 24, bottom: 48 },
};

function timechart(columns: readonly ColumnInfo[], rows: readonly JsonRow[]): ChartResult {
  const x = columns.find((c) => c.type === "datetime");
  if (!x) throw new Error("a time chart needs a datetime column");
  const { split, measures } = seriesSplit(columns, x);
  if (measures.length === 0) throw new Error("a time chart needs a numeric column");
  const groups = new Map<string, [unknown, unknown][]>();
  for (const row of rows) {
    for (const m of measures) {
      const name = split ? label(row[split.name]) : m.name;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name)!.push([row[x.name], row[m.name]]);
    }
  }
  // The busiest series are kept: total of each series' values, largest first, ties in query order.
  const total = (data: [unknown, unknown][]) => data.reduce((sum, [, v]) => sum + (typeof v === "number" ? v : 0), 0);
  const all = [...groups];
  const kept =
    all.length > chartCaps.series ? [...all].sort((a, b) => total(b[1]) - total(a[1])).slice(0, chartCaps.series) : all;
  return {
    option: {
      ...base,
      xAxis: { type: "time" },
      yAxis: { type: "value" },
      // Points are drawn (and so clickable for a drill-down) up to 200 per line; beyond that the SVG would get heavy.
      series: kept.map(([name, data]) => ({ name, type: "line", showSymbol: data.length <= 200, symbolSize: 6, data })),
    },
    note: more(all.length - kept.length, "series"),
  };
}

function barchart(columns: readonly ColumnInfo[], rows: readonly JsonRow[]): ChartResult {
  const x = columns[0];
  const { split, measures } = seriesSplit(columns, x);
  if (measures.length === 0) throw new Error("a bar chart needs a numeric column");
  const allCategories = [...new Set(rows.map((r) => label(r[x.name])))];
  // Categories in query order (the queries sort by size), the first ones kept.
  const categories = allCategories.slice(0, chartCaps.categories);
  const index = new Map(categories.map((c, i) => [c, i]));
  const groups = new Map<string, (number | null)[]>();
  for (const row of rows) {
    const at = index.get(label(row[x.name]));
    if (at === undefined) continue;
    for (const m of measures) {
      const name = split ? label(row[split.name]) : m.name;
      if (!groups.has(name))
        groups.set(
          name,
          categories.map(() => null),
        );
      groups.get(name)![at] = row[m.name] as number | null;
    }
  }
  const series = [...groups].slice(0, chartCaps.series);
  const notes = [
    more(allCategories.length - categories.length, "categories"),
    more(groups.size - series.length, "series"),
  ].filter(Boolean);
  return {
    option: {
      ...base,
      xAxis: {
        type: "category",
        data: categories,
        axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0, width: 120, overflow: "truncate" },
      },
      yAxis: { type: "value" },
      series: series.map(([name, data]) => ({ name, type: "bar", stack: split ? "total" : undefined, data })),
    },
    note: notes.length ? notes.join("; ") : undefined,
  };
}

function piechart(columns: readonly ColumnInfo[], rows: readonly JsonRow[]): ChartResult {
  const name = columns.find(isText) ?? columns[0];
  const value = columns.find((c) => c !== name && isNumeric(c));
  if (!value) throw new Error("a pie chart needs a numeric column");
  const slices = rows.map((r) => ({ name: label(r[name.name]), value: r[value.name] }));
  const kept =
    slices.length > chartCaps.slices
      ? [...slices].sort((a, b) => Number(b.value) - Number(a.value)).slice(0, chartCaps.slices)
      : slices;
  return {
    option: {
      animation: false,
      tooltip: { trigger: "item" },
      legend: { type: "scroll", bottom: 0 },
      series: [{ type: "pie", radius: ["35%", "65%"], data: kept }],
    },
    note: more(slices.length - kept.length, "slices"),
  };
}

export const chartKinds = new Set(["timechart", "linechart", "areachart", "barchart", "piechart"]);

export function chartOption(
  visualization: string,
  columns: readonly ColumnInfo[],
  rows: readonly JsonRow[],
): ChartResult {
  switch (visualization) {
    case "timechart":
    case "linechart":
    case "areachart":
      return timechart(columns, rows);
    case "barchart":
      return barchart(columns, rows);
    case "piechart":
      return piechart(columns, rows);
    default:
      throw new Error(`no chart for visualization "${visualization}"`);
  }
}
