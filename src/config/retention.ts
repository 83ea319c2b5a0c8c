import { type ConfigIssue, fullKey, setCommand } from "./issues";

// Retention guards: logs are the product here, so shortening how long they are kept must never happen by accident.

interface RetentionView {
  readonly workspace: { readonly retentionInDays: number };
  readonly tables: Readonly<
    Record<string, { readonly retentionInDays: number; readonly totalRetentionInDays: number }>
  >;
  readonly alerts: {
    readonly enabled: boolean;
    readonly rules: Readonly<Record<string, { readonly enabled: boolean; readonly windowMinutes: number }>>;
  };
}

/** An alert that looks further back than the data is kept would evaluate a partly empty window and misfire. */
export function retentionWindowIssues(config: RetentionView, stack: string): ConfigIssue[] {
  if (!config.alerts.enabled) return [];
  const windows = Object.entries(config.alerts.rules).filter(([, r]) => r.enabled);
  if (windows.length === 0) return [];
  const [longestKey, longest] = windows.reduce((a, b) => (b[1].windowMinutes > a[1].windowMinutes ? b : a));
  const neededDays = Math.ceil(longest.windowMinutes / 1440);
  const kept: [string[], number][] = [
    [["workspace", "retentionInDays"], config.workspace.retentionInDays],
    ...Object.entries(config.tables).map(([t, r]): [string[], number] => [
      ["tables", t, "retentionInDays"],
      r.retentionInDays,
    ]),
  ];
  return kept
    .filter(([, days]) => days * 1440 < longest.windowMinutes)
    .map(([path, days]) => ({
      key: fullKey(path),
      problem: `keeps ${days} day(s) of logs, shorter than the ${longest.windowMinutes}-minute window of alert "${longestKey}"`,
      fix: setCommand(path, String(neededDays), stack),
    }));
}

/** What Azure currently keeps for one table, read from the live workspace; undefined fields are unknown. */
export interface LiveTableRetention {
  readonly retentionInDays?: number;
  readonly totalRetentionInDays?: number;
}

interface DecreaseView {
  readonly allowRetentionDecrease: boolean;
  readonly tables: Readonly<
    Record<string, { readonly retentionInDays: number; readonly totalRetentionInDays: number }>
  >;
}

const consequence = {
  retentionInDays:
    "logs older than that stop being queryable by the workbook and the alerts (they move to long-term retention, or are removed if total retention is no longer)",
  totalRetentionInDays: "Azure removes the older logs for good 30 days after the change",
} as const;

/** Refuses any table setting below what the live workspace keeps today, unless allowRetentionDecrease says it is meant. */
export function retentionDecreaseIssues(
  config: DecreaseView,
  live: Readonly<Record<string, LiveTableRetention | undefined>>,
  stack: string,
): ConfigIssue[] {
  if (config.allowRetentionDecrease) return [];
  const issues: ConfigIssue[] = [];
  for (const [table, wanted] of Object.entries(config.tables)) {
    const now = live[table];
    if (!now) continue;
    for (const field of ["retentionInDays", "totalRetentionInDays"] as const) {
      const current = now[field];
      if (current === undefined || current < 0 || wanted[field] >= current) continue;
      issues.push({
        key: fullKey(["tables", table, field]),
        problem:
          `would lower ${table} ${field} from ${current} to ${wanted[field]} days; ${consequence[field]}. ` +
          `Keep ${current}, or if the loss is intended set allowRetentionDecrease for this one run`,
        fix: `${setCommand(["tables", table, field], String(current), stack)}  # or, deliberately: pulumi config set allowRetentionDecrease true --stack ${stack}`,
      });
    }
  }
  return issues;
}

/**
 * Total retention Azure accepts: 4-730 days, or whole years up to 12 (learn.microsoft.com/azure/azure-monitor/logs/
 * data-retention-configure, REST tab: "between 4 and 730; or 1095, 1460, 1826, 2191, 2556, 2922, 3288, 3653, 4018, or 4383").
 */
export const totalRetentionYears = [1095, 1460, 1826, 2191, 2556, 2922, 3288, 3653, 4018, 4383] as const;

export function isAllowedTotalRetention(days: number): boolean {
  return (
    Number.isInteger(days) && ((days >= 4 && days <= 730) || (totalRetentionYears as readonly number[]).includes(days))
  );
}

/** The allowed values just below and just above `days` (one of them when `days` is off either end). */
export function nearestTotalRetention(days: number): number[] {
  const allowed = [4, 730, ...totalRetentionYears];
  if (days < 4) return [4];
  if (days > 4383) return [4383];
  if (days > 730) {
    const below = allowed.filter((d) => d <= days).pop() as number;
    const above = allowed.find((d) => d >= days) as number;
    return below === above ? [below] : [below, above];
  }
  return [Math.round(days)];
}
