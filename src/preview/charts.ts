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

const label = (v: unknown) => (v === null || v === undefined || v === "" ? "(empty)" : typeof v === "object" ? JSON.stringify(v) : String(v));

const base = { animation: false, tooltip: { trigger: "axis" }, legend: { type: "scroll", bottom: 0 }, grid: { left: 56, right: 24, top: 24, bottom: 48 } };

function timechart(columns: readonly ColumnInfo[], rows: readonly JsonRow[]): object {
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
  return {
    ...base,
    xAxis: { type: "time" },
    yAxis: { type: "value" },
    series: [...groups].map(([name, data]) => ({ name, type: "line", showSymbol: data.length < 40, data })),
  };
}

function barchart(columns: readonly ColumnInfo[], rows: readonly JsonRow[]): object {
  const x = columns[0];
  const { split, measures } = seriesSplit(columns, x);
  if (measures.length === 0) throw new Error("a bar chart needs a numeric column");
  const categories = [...new Set(rows.map((r) => label(r[x.name])))];
  const groups = new Map<string, (number | null)[]>();
  for (const row of rows) {
    for (const m of measures) {
      const name = split ? label(row[split.name]) : m.name;
      if (!groups.has(name)) groups.set(name, categories.map(() => null));
      groups.get(name)![categories.indexOf(label(row[x.name]))] = row[m.name] as number | null;
    }
  }
  return {
    ...base,
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: "value" },
    series: [...groups].map(([name, data]) => ({ name, type: "bar", stack: split ? "total" : undefined, data })),
  };
}

function piechart(columns: readonly ColumnInfo[], rows: readonly JsonRow[]): object {
  const name = columns.find(isText) ?? columns[0];
  const value = columns.find((c) => c !== name && isNumeric(c));
  if (!value) throw new Error("a pie chart needs a numeric column");
  return {
    animation: false,
    tooltip: { trigger: "item" },
    legend: { type: "scroll", bottom: 0 },
    series: [{ type: "pie", radius: ["35%", "65%"], data: rows.map((r) => ({ name: label(r[name.name]), value: r[value.name] })) }],
  };
}

export const chartKinds = new Set(["timechart", "linechart", "areachart", "barchart", "piechart"]);

export function chartOption(visualization: string, columns: readonly ColumnInfo[], rows: readonly JsonRow[]): object {
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
