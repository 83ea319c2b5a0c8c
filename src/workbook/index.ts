// The Azure Monitor workbook: its object, its committed JSON, and the KQL it runs (for `acs-insights check`).
import type { KqlSource } from "../kusto/types";
import { buildWorkbook, portalFallback } from "./build";
import { defaultParameterValues } from "./defaults";
import { stableStringify } from "./serialize";
import { substituteParameters } from "./substitute";
import { checkNormalEndReasons } from "../functions";
import { normalEndReasonsParameter } from "./content/parameters";
import type { Item, Workbook } from "./types";
import { allItems } from "./walk";

export { buildWorkbook } from "./build";
export { defaultParameterValues } from "./defaults";
export { stableStringify } from "./serialize";
export { substituteParameters, type ParameterValue } from "./substitute";
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

export interface DeployedWorkbookOptions {
  /** The stack setting recording.normalEndReasons: the NormalEndReasons parameter's default. */
  readonly normalEndReasons?: readonly string[];
}

/** Replaces the default of one declared parameter, wherever it sits. */
function withParameterValue(items: readonly Item[], name: string, value: string): Item[] {
  return items.map((item): Item => {
    if (item.type === 9) return { ...item, content: { ...item.content, parameters: item.content.parameters.map((p) => (p.name === name && p.type === 1 ? { ...p, value } : p)) } };
    if (item.type === 12) return { ...item, content: { ...item.content, items: withParameterValue(item.content.items, name, value) } };
    return item;
  });
}

/** The deployed form: fallbackResourceIds points at the workspace, so the Workspace picker defaults to it; stack settings become parameter defaults. */
export function workbookForWorkspace(workspaceId: string, options: DeployedWorkbookOptions = {}): string {
  const id = typeof workspaceId === "string" ? workspaceId.trim() : "";
  if (!id || /\s/.test(id)) {
    throw new Error(`workbookForWorkspace: workspaceId must be the workspace's resource id (/subscriptions/.../workspaces/<name>), got ${JSON.stringify(workspaceId)}`);
  }
  const workbook = buildWorkbook();
  if (workbook.fallbackResourceIds.join() !== portalFallback) throw new Error("workbookForWorkspace: the built workbook no longer has the portal fallback to replace");
  const items = options.normalEndReasons
    ? withParameterValue(workbook.items, normalEndReasonsParameter, checkNormalEndReasons(options.normalEndReasons).join(", "))
    : workbook.items;
  return stableStringify({ ...workbook, items, fallbackResourceIds: [id] });
}

/** A fixed "now" for static analysis, so `check` output does not change from run to run. */
const analysisNowMs = Date.UTC(2025, 0, 1);

/** Every KQL text the workbook runs (query items and dropdown queries), with parameters at their defaults. */
export function kqlSources(): KqlSource[] {
  const workbook: Workbook = buildWorkbook();
  const values = defaultParameterValues(workbook, { nowMs: analysisNowMs, workspace: "workspace" });
  const sources: KqlSource[] = [];
  for (const { item } of allItems(workbook)) {
    if (item.type === 3) sources.push({ file: `workbook:${item.name}`, line: 1, kql: substituteParameters(item.content.query, values) });
    if (item.type === 9) {
      for (const p of item.content.parameters) {
        if (p.type === 2 && p.query) sources.push({ file: `workbook:${item.name}/${p.name}`, line: 1, kql: substituteParameters(p.query, values) });
      }
    }
  }
  return sources;
}
