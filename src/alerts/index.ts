// The recording alerts as pure data: definitions, their KQL for `acs-insights check`, and a local evaluation of their criteria.
import type { KqlSource } from "../kusto/types";
import { alertRules } from "./rules";

export { alertDefaults } from "./defaults";
export type { AlertEvaluation, AlertEvaluationOptions } from "./evaluate";
export { evaluateAlert } from "./evaluate";
export type { AlertMeasurement, AlertSeries } from "./measure";
export { compare, measureAlert } from "./measure";
export {
  alertRule,
  alertRules,
  checkWindow,
  minWindowMinutes,
  recordingOperations,
  summaryGraceMinutes,
  windowLimits,
} from "./rules";
export type {
  AlertDefaults,
  AlertKey,
  AlertOperator,
  AlertQueryOptions,
  AlertRuleDef,
  AlertTimeAggregation,
} from "./types";
export { alertQueryProblems, calledFunctions, leadingOperator } from "./validate";

/** Each rule's query with its default window, named "alerts:<key>" for check's file:line:col. */
export function kqlSources(): KqlSource[] {
  return alertRules.map((rule) => ({
    file: `alerts:${rule.key}`,
    line: 1,
    kql: rule.query({ windowMinutes: rule.defaults.windowMinutes }),
  }));
}
