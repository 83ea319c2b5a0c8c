// The Azure Monitor workbook: its object, its committed JSON, and the KQL it runs (for `acs-insights check`).
import type { KqlSource } from "../kusto/types";
import { buildWorkbook } from "./build";
import type { DrillSpec } from "./content/drill";
import { operationDrills } from "./content/operations";
import { recordingDrills } from "./content/recordings";
import { defaultParameterValues } from "./defaults";
import { stableStringify } from "./serialize";
import { substituteParameters } from "./substitute";
import type { Workbook } from "./types";
import { allItems } from "./walk";

export { buildWorkbook } from "./build";
export { defaultParameterValues } from "./defaults";
export { stableStringify } from "./serialize";
export { type ParameterValue, substituteParameters } from "./substitute";
export type { Workbook } from "./types";

export const workbookKey = "acs-call-recording";

/** Repository-relative path of the committed workbook JSON (importable through the portal's Advanced Editor). */
export const workbookFile = `workbooks/${workbookKey}.workbook.json`;

export const serializedWorkbook: string = stableStringify(buildWorkbook());

export function workbookDisplayName(environment: string): string {
  const env = environment.trim();
  if (!env) throw new Error("workbookDisplayName: environment must be a non-empty name such as dev or prod");
  return `ACS call recording insights (${env})`;
}

export { type DrillFilter, type DrillSpec, drillFilterKql } from "./content/drill";
export { type DeployedWorkbookOptions, deployedWorkbook, workbookForWorkspace } from "./deploy";

/** Every click-through of the workbook: which chart sets which parameter, and the records grid it opens. */
export const drillSpecs: readonly DrillSpec[] = [...recordingDrills, ...operationDrills];

/** A fixed "now" for static analysis, so `check` output does not change from run to run. */
const analysisNowMs = Date.UTC(2025, 0, 1);

/** Every KQL text the workbook runs (query items and dropdown queries), with parameters at their defaults. */
export function kqlSources(): KqlSource[] {
  const workbook: Workbook = buildWorkbook();
  const values = defaultParameterValues(workbook, { nowMs: analysisNowMs, workspace: "workspace" });
  const sources: KqlSource[] = [];
  for (const { item } of allItems(workbook)) {
    if (item.type === 3)
      sources.push({ file: `workbook:${item.name}`, line: 1, kql: substituteParameters(item.content.query, values) });
    if (item.type === 9) {
      for (const p of item.content.parameters) {
        if (p.type === 2 && p.query)
          sources.push({
            file: `workbook:${item.name}/${p.name}`,
            line: 1,
            kql: substituteParameters(p.query, values),
          });
      }
    }
  }
  return sources;
}
