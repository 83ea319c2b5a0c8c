import type { QueryResult, Value } from "../kusto/types";
import type { AlertOperator, AlertRuleDef, AlertTimeAggregation } from "./types";

// Applies a rule's criteria to a query result the way a LogAlert with one evaluation period does:
// rows are split by the dimension columns, each split is aggregated (Count = rows, else over metricMeasureColumn)
// and compared with the threshold on its own.

export interface AlertSeries {
  /** Dimension column → value as Azure shows it (a null dimension is the empty string). */
  readonly dimensions: Readonly<Record<string, string>>;
  /** Result rows in this split. */
  readonly rows: number;
  readonly value: number;
  readonly fired: boolean;
}

export interface AlertMeasurement {
  readonly fired: boolean;
  readonly measured: readonly AlertSeries[];
}

export function compare(value: number, operator: AlertOperator, threshold: number): boolean {
  switch (operator) {
    case "GreaterThan":
      return value > threshold;
    case "GreaterThanOrEqual":
      return value >= threshold;
    case "LessThan":
      return value < threshold;
    case "LessThanOrEqual":
      return value <= threshold;
    case "Equals":
      return value === threshold;
  }
}

function aggregate(values: readonly number[], how: Exclude<AlertTimeAggregation, "Count">): number {
  switch (how) {
    case "Average":
      return values.reduce((a, b) => a + b, 0) / values.length;
    case "Minimum":
      return Math.min(...values);
    case "Maximum":
      return Math.max(...values);
    case "Total":
      return values.reduce((a, b) => a + b, 0);
  }
}

const dimensionText = (v: Value | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

export function measureAlert(
  rule: Pick<AlertRuleDef, "key" | "operator" | "timeAggregation" | "metricMeasureColumn" | "dimensions">,
  threshold: number,
  result: Pick<QueryResult, "columns" | "rows">,
): AlertMeasurement {
  const names = new Set(result.columns.map((c) => c.name));
  for (const d of rule.dimensions) {
    if (!names.has(d))
      throw new Error(
        `alert "${rule.key}": dimension column ${d} is not in the query result (columns: ${[...names].join(", ")})`,
      );
  }
  const measure = rule.metricMeasureColumn;
  if (rule.timeAggregation !== "Count") {
    if (!measure)
      throw new Error(`alert "${rule.key}": timeAggregation ${rule.timeAggregation} needs a metricMeasureColumn`);
    if (!names.has(measure))
      throw new Error(
        `alert "${rule.key}": metricMeasureColumn ${measure} is not in the query result (columns: ${[...names].join(", ")})`,
      );
  }

  const groups = new Map<string, { dimensions: Record<string, string>; rows: Record<string, Value>[] }>();
  for (const row of result.rows) {
    const dimensions = Object.fromEntries(rule.dimensions.map((d) => [d, dimensionText(row[d])]));
    const id = JSON.stringify(rule.dimensions.map((d) => dimensions[d]));
    const group = groups.get(id) ?? { dimensions, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  // An unsplit row count of an empty result is 0, which is how "no data for N hours" rules fire at all.
  if (groups.size === 0 && rule.timeAggregation === "Count" && rule.dimensions.length === 0)
    groups.set("[]", { dimensions: {}, rows: [] });

  const measured: AlertSeries[] = [];
  for (const { dimensions, rows } of groups.values()) {
    let value: number;
    if (rule.timeAggregation === "Count") value = rows.length;
    else {
      const values = rows
        .map((r) => r[measure as string])
        .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      // A split whose measure is all null has no data point, so Azure has nothing to compare.
      if (values.length === 0) continue;
      value = aggregate(values, rule.timeAggregation);
    }
    measured.push({ dimensions, rows: rows.length, value, fired: compare(value, rule.operator, threshold) });
  }
  return { fired: measured.some((s) => s.fired), measured };
}
