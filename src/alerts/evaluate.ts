import { runQuery } from "../kusto";
import type { Tables } from "../kusto/types";
import { acsCatalog } from "../schema/catalog";
import { type AlertSeries, measureAlert } from "./measure";
import type { AlertRuleDef } from "./types";

// Runs one alert locally: the query over in-memory tables at an injected now, then the rule's criteria as Azure applies them.

export interface AlertEvaluationOptions {
  /** Defaults to the rule's default threshold. */
  readonly threshold?: number;
  /** Defaults to the rule's default window. */
  readonly windowMinutes?: number;
}

export interface AlertEvaluation {
  readonly key: AlertRuleDef["key"];
  readonly query: string;
  readonly threshold: number;
  readonly windowMinutes: number;
  readonly fired: boolean;
  /** One entry per dimension combination (a single entry for an unsplit rule with data). */
  readonly measured: readonly AlertSeries[];
}

export function evaluateAlert(
  rule: AlertRuleDef,
  options: AlertEvaluationOptions,
  tables: Tables,
  now: number | Date,
): AlertEvaluation {
  const threshold = options.threshold ?? rule.defaults.threshold;
  if (typeof threshold !== "number" || !Number.isFinite(threshold)) {
    throw new Error(`alert "${rule.key}": threshold must be a finite number (got ${JSON.stringify(threshold)})`);
  }
  const nowMs = now instanceof Date ? now.getTime() : now;
  if (!Number.isFinite(nowMs)) throw new Error(`alert "${rule.key}": now must be a valid time (got ${String(now)})`);
  const windowMinutes = options.windowMinutes ?? rule.defaults.windowMinutes;
  const query = rule.query({ windowMinutes });
  const result = runQuery(query, tables, { ...acsCatalog, now: nowMs });
  const { fired, measured } = measureAlert(rule, threshold, result);
  return { key: rule.key, query, threshold, windowMinutes, fired, measured };
}
