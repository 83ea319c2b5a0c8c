import type { AlertRuleDef } from "../alerts/types";

// What the stack deploys besides Azure resources: the shapes it needs from the functions, workbook and alerts modules.

/** One saved KQL function, as src/functions ships it (a structural subset of SavedFunction). */
export interface SavedFunctionContent {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  /** `name:type=default` joined by ", ", as SavedSearch.functionParameters expects. */
  readonly functionParameters: string;
  readonly body: string;
}

/** The workbook template, as src/workbook ships it. */
export interface WorkbookContent {
  /** Deterministic JSON (stable key order, "\n" only), so an unchanged workbook shows no diff. */
  readonly serializedWorkbook: string;
  readonly workbookKey: string;
  workbookDisplayName(environment: string): string;
  /** The deployed form: the stack's workspace, ACS resource and normal end reasons become parameter defaults. */
  deployedWorkbook(options: {
    readonly workspaceId: string;
    readonly communicationId?: string;
    readonly normalEndReasons?: readonly string[];
  }): string;
}

export interface StackContent {
  readonly savedFunctions: readonly SavedFunctionContent[];
  readonly workbook?: WorkbookContent;
  readonly alertRules: readonly AlertRuleDef[];
}

export const savedSearchCategory = "ACS Call Recording";

/** ARM name of a function's saved search: per environment prefix plus the function name, stable across deploys. */
export function savedSearchName(prefix: string, functionName: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(functionName)) {
    throw new Error(
      `saved function name ${JSON.stringify(functionName)} is not a valid KQL function name; rename the kql/<Name>.kql file`,
    );
  }
  return `${prefix}-${functionName.toLowerCase()}`;
}

/** Whole minutes as an ISO 8601 duration, the form ScheduledQueryRule expects. */
export function isoMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0)
    throw new Error(`expected a positive whole number of minutes, got ${minutes}`);
  if (minutes % 1440 === 0) return `P${minutes / 1440}D`;
  if (minutes % 60 === 0) return `PT${minutes / 60}H`;
  return `PT${minutes}M`;
}
