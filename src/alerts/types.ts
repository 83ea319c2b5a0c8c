// The shape of one log alert as the stack turns it into a ScheduledQueryRule; pure data, no Pulumi.

export type AlertKey =
  | "operation-failures"
  | "server-errors"
  | "abnormal-ends"
  | "silent-summaries"
  | "silent-usage"
  | "start-latency";

export type AlertOperator = "GreaterThan" | "GreaterThanOrEqual" | "LessThan" | "LessThanOrEqual" | "Equals";

export type AlertTimeAggregation = "Count" | "Average" | "Minimum" | "Maximum" | "Total";

export interface AlertDefaults {
  readonly enabled: boolean;
  readonly threshold: number;
  readonly windowMinutes: number;
  readonly frequencyMinutes: number;
}

export interface AlertQueryOptions {
  readonly windowMinutes: number;
  /** The stack setting recording.normalEndReasons; unset, the saved functions' default list applies. */
  readonly normalEndReasons?: readonly string[];
}

export interface AlertRuleDef {
  readonly key: AlertKey;
  readonly displayName: string;
  readonly description: string;
  readonly severity: 0 | 1 | 2 | 3 | 4;
  readonly defaults: AlertDefaults;
  readonly operator: AlertOperator;
  readonly timeAggregation: AlertTimeAggregation;
  /** Required unless timeAggregation is "Count" (which counts result rows, as Azure's "Table rows" measure does). */
  readonly metricMeasureColumn?: string;
  /** Result columns the rule is split by; each combination is evaluated (and alerts) on its own. */
  readonly dimensions: readonly string[];
  query(options: AlertQueryOptions): string;
}
