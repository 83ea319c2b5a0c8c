// Click-through from a chart to the raw records behind the clicked bar, slice or time bin, as Microsoft's Recording tab does.
import { query } from "../items";
import { ItemSize, type QueryItem } from "../types";
import { kql } from "./common";

/** One filter a click sets: the record column it tests and how (equal to the clicked value, or inside the clicked time bin). */
export interface DrillFilter {
  readonly parameter: string;
  readonly column: string;
  readonly match: "equals" | "timeBin";
}

/** What the offline preview needs to replay a click without Azure: the charts that set the filters and the grid they open. */
export interface DrillSpec {
  readonly grid: string;
  readonly charts: readonly {
    readonly item: string;
    readonly exports: readonly { field: "x" | "series"; parameter: string }[];
  }[];
  readonly filters: readonly DrillFilter[];
}

/**
 * The KQL filter for one click. '*' stands for "no click" (the offline preview runs the grid once unfiltered and filters
 * in the page); the portal never sends it, since the grid is hidden until a click sets the parameter.
 */
export function drillFilterKql(f: DrillFilter): string {
  const value = `'{${f.parameter}:escape}'`;
  return f.match === "equals"
    ? `| where ${value} == '*' or tostring(${f.column}) == ${value}`
    : `| where ${value} == '*' or (${f.column} >= todatetime(${value}) and ${f.column} < todatetime(${value}) + grain)`;
}

export interface DrillGridOptions {
  readonly name: string;
  readonly title: string;
  /** The lets and the function call that give the records, before the click filters. */
  readonly source: readonly string[];
  readonly filters: readonly DrillFilter[];
  readonly noDataMessage: string;
}

/** The grid a click opens: every column of the matching records, newest first, shown only once the first filter is set. */
export function drillGrid(o: DrillGridOptions): QueryItem {
  return query(o.name, {
    title: o.title,
    kql: kql(...o.source, ...o.filters.map(drillFilterKql), "| order by TimeGenerated desc", "| take 1000"),
    visualization: "table",
    size: ItemSize.Medium,
    noDataMessage: o.noDataMessage,
    gridSettings: { filter: true },
    visibleWhen: { parameterName: o.filters[0].parameter, comparison: "isNotEqualTo", value: "" },
  });
}
