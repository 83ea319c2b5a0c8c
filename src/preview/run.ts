// Runs the workbook offline: parameters at their defaults, each query through the local evaluator, in document order.

import { runQuery, toJsonRows } from "../kusto";
import type { ColumnInfo, Tables } from "../kusto/types";
import { msFromTicks } from "../kusto/values/time";
import { acsCatalog } from "../schema/catalog";
import { type DrillFilter, type DrillSpec, drillSpecs } from "../workbook";
import { defaultParameterValues } from "../workbook/defaults";
import { maxDatetimeMs, type ParameterValue, substituteParameters, timespanLiteral } from "../workbook/substitute";
import type { ConditionalVisibility, Item, Parameter, Workbook } from "../workbook/types";

export interface PreviewQuery {
  readonly kind: "query";
  readonly name: string;
  readonly title: string;
  readonly visualization: string;
  readonly width?: number;
  readonly kql: string;
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Record<string, unknown>[];
  readonly noDataMessage: string;
  readonly tileColumns?: { title: string; value: string; secondary?: string };
  readonly error?: string;
  /** Set when the preview stood in for a user's click on this grid's first row. */
  readonly selected?: { parameter: string; value: string };
  /** A click-through grid: its rows unfiltered (up to drillRowCap), filtered in the page by what a chart click picks. */
  readonly drill?: { readonly filters: readonly DrillFilter[]; readonly grainMs: number; readonly total: number };
  /** A chart whose clicks open records: the grids it feeds and which clicked field sets which parameter. */
  readonly drillTargets?: readonly {
    readonly grid: string;
    readonly exports: readonly { field: "x" | "series"; parameter: string }[];
  }[];
}

/** Rows of a click-through grid carried in the page: enough to browse, small enough for a data set of any size. */
export const drillRowCap = 300;

/** Values listed in a parameter chip before "N more". */
export const chipValueCap = 20;

export type PreviewItem =
  | PreviewQuery
  | { readonly kind: "markdown"; readonly name: string; readonly text: string; readonly width?: number }
  | {
      readonly kind: "tab";
      readonly name: string;
      readonly key: string;
      readonly label: string;
      readonly items: PreviewItem[];
    };

export interface PreviewParameter {
  readonly name: string;
  readonly label: string;
  readonly display: string;
  readonly error?: string;
}

export interface PreviewModel {
  readonly nowMs: number;
  readonly parameters: readonly PreviewParameter[];
  readonly items: readonly PreviewItem[];
  readonly errors: readonly { item: string; message: string }[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Latest TimeGenerated in the data, moved to the next whole minute so the newest row is inside [start, end) (capped at year 9999). */
export function previewNow(tables: Tables): number {
  let latest: bigint | undefined;
  for (const table of Object.values(tables)) {
    for (const row of table.rows) {
      const t = row.TimeGenerated;
      if (typeof t === "bigint" && (latest === undefined || t > latest)) latest = t;
    }
  }
  if (latest === undefined)
    throw new Error("the data has no TimeGenerated values; pass --now to choose the time range");
  // Data in the last minute of year 9999 would put "now" past the largest datetime; stop at its last millisecond.
  return Math.min(Math.floor(msFromTicks(latest) / 60_000) * 60_000 + 60_000, maxDatetimeMs);
}

function visible(when: ConditionalVisibility | undefined, values: Record<string, ParameterValue>): boolean {
  if (!when) return true;
  const v = values[when.parameterName];
  const text = v && v.kind === "text" ? v.value : "";
  return when.comparison === "isEqualTo" ? text === when.value : text !== when.value;
}

function describe(p: Parameter, v: ParameterValue, options: string[] | undefined): string {
  if (v.kind === "timeRange") {
    const range = `${new Date(v.startMs).toISOString()} to ${new Date(v.endMs).toISOString()}`;
    return `${substituteParameters(`{${p.name}:label}`, { [p.name]: v })} (${range}), grain ${timespanLiteral(v.grainMs)}`;
  }
  if (v.kind === "multi") {
    if (v.selected !== "all") return v.selected.join(", ");
    if (!options) return "All";
    if (options.length === 0) return "All (no values in range)";
    const shown = options.slice(0, chipValueCap).join(", ");
    return `All (${shown}${options.length > chipValueCap ? `, ${(options.length - chipValueCap).toLocaleString("en-US")} more` : ""})`;
  }
  if (p.type === 2 && p.jsonData) {
    const choice = (JSON.parse(p.jsonData) as { value: string; label: string }[]).find((c) => c.value === v.value);
    return choice ? choice.label : v.value;
  }
  return v.value;
}

export interface RunOptions {
  readonly nowMs?: number;
  readonly workspaceLabel?: string;
  /** The workbook's click-throughs (default: those of the shipped workbook). */
  readonly drills?: readonly DrillSpec[];
}

/** The bin width the queries' `grain` let resolves to: the TimeGrain choice in minutes, 0 = the range's automatic grain. */
function grainMs(values: Record<string, ParameterValue>): number {
  const range = Object.values(values).find((v) => v.kind === "timeRange");
  const picked = values.TimeGrain;
  const minutes = picked && picked.kind === "text" ? Number(picked.value) : 0;
  return minutes > 0 ? minutes * 60_000 : range && range.kind === "timeRange" ? range.grainMs : 3_600_000;
}

export function runWorkbook(workbook: Workbook, tables: Tables, options: RunOptions = {}): PreviewModel {
  const nowMs = options.nowMs ?? previewNow(tables);
  const values = defaultParameterValues(workbook, { nowMs, workspace: options.workspaceLabel ?? "local data" });
  const errors: { item: string; message: string }[] = [];
  const drills = options.drills ?? drillSpecs;
  const parameters: PreviewParameter[] = [];
  const run = (kql: string) => {
    const result = runQuery(kql, tables, { ...acsCatalog, now: nowMs });
    return { columns: result.columns, rows: toJsonRows(result) };
  };

  const visit = (items: readonly Item[]): PreviewItem[] => {
    const out: PreviewItem[] = [];
    for (const item of items) {
      if (item.type === 1) {
        if (visible(item.conditionalVisibility, values))
          out.push({
            kind: "markdown",
            name: item.name,
            text: item.content.json,
            width: Number(item.customWidth) || undefined,
          });
      } else if (item.type === 9) {
        for (const p of item.content.parameters) {
          let options: string[] | undefined;
          let error: string | undefined;
          if (p.type === 2 && p.query) {
            try {
              options = run(substituteParameters(p.query, values)).rows.map((r) => String(Object.values(r)[0]));
            } catch (e) {
              error = message(e);
              errors.push({ item: `${item.name}/${p.name}`, message: error });
            }
          }
          parameters.push({
            name: p.name,
            label: p.label,
            display: describe(p, values[p.name], options),
            ...(error ? { error } : {}),
          });
        }
      } else if (item.type === 12) {
        // Tab groups become sections of the page, all shown at once.
        const key = item.conditionalVisibility?.value ?? item.name;
        out.push({ kind: "tab", name: item.name, key, label: key, items: visit(item.content.items) });
      } else if (item.type === 3) {
        const drill = drills.find((d) => d.grid === item.name);
        if (!drill && !visible(item.conditionalVisibility, values)) continue;
        const c = item.content;
        const targets = drills.flatMap((d) =>
          d.charts.filter((ch) => ch.item === item.name).map((ch) => ({ grid: d.grid, exports: ch.exports })),
        );
        const base = {
          kind: "query" as const,
          name: item.name,
          visualization: c.visualization,
          width: Number(item.customWidth) || undefined,
          noDataMessage: c.noDataMessage,
          ...(targets.length ? { drillTargets: targets } : {}),
          ...(c.tileSettings
            ? {
                tileColumns: {
                  title: c.tileSettings.titleContent.columnMatch,
                  value: c.tileSettings.leftContent.columnMatch,
                  secondary: c.tileSettings.secondaryContent?.columnMatch,
                },
              }
            : {}),
        };
        let kql = c.query;
        let title = c.title;
        try {
          // A click-through grid runs once with every click parameter at '*' (no filter); the page filters by the click.
          const clicks = (value: string): Record<string, ParameterValue> =>
            drill ? Object.fromEntries(drill.filters.map((f) => [f.parameter, { kind: "text", value }])) : {};
          title = substituteParameters(c.title, { ...values, ...clicks("…") });
          kql = substituteParameters(c.query, { ...values, ...clicks("*") });
          const { columns, rows } = run(kql);
          if (drill) {
            out.push({
              ...base,
              title,
              kql,
              columns,
              rows: rows.slice(0, drillRowCap),
              drill: { filters: drill.filters, grainMs: grainMs(values), total: rows.length },
            });
            continue;
          }
          let selected: PreviewQuery["selected"];
          if (c.exportParameterName && c.exportFieldName && rows.length > 0) {
            const value = String(rows[0][c.exportFieldName] ?? "");
            values[c.exportParameterName] = { kind: "text", value };
            selected = { parameter: c.exportParameterName, value };
          }
          out.push({ ...base, title, kql, columns, rows, ...(selected ? { selected } : {}) });
        } catch (e) {
          errors.push({ item: item.name, message: message(e) });
          out.push({ ...base, title, kql, columns: [], rows: [], error: message(e) });
        }
      }
    }
    return out;
  };

  const tabLabels = new Map<string, string>();
  for (const item of workbook.items)
    if (item.type === 11) for (const l of item.content.links) tabLabels.set(l.subTarget, l.linkLabel);
  const items = visit(workbook.items).map((i) =>
    i.kind === "tab" ? { ...i, label: tabLabels.get(i.key) ?? i.key } : i,
  );
  return { nowMs, parameters, items, errors };
}
