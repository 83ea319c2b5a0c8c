// Typed KQL templates: one per question the functions and the workbook answer, runnable locally or on a workspace.
import type { KqlSource } from "../kusto/types";
import { callsWithoutRecording, operationHealth, operations } from "./operations";
import { overviewKpis } from "./overview";
import { endReasons, lengthStats, recordings, recordingsOverTime, recordingsPerCall } from "./recordings";
import { type KqlTemplate, renderTemplate } from "./template";
import { callTimeline } from "./timeline";
import { usage } from "./usage";

export {
  queryWorkspace,
  queryWorkspaceRaw,
  referencedFunctions,
  type WorkspaceQueryOptions,
  withInlineFunctions,
} from "../workspace";
export * from "./kql-literals";
export { parseRows } from "./rows";
export { type LocalOptions, runLocal, runOnWorkspace, type WorkspaceOptions } from "./run";
export {
  defineTemplate,
  type KqlTemplate,
  parseParams,
  renderTemplate,
  type TemplateParams,
  type TemplateRow,
} from "./template";
export {
  callsWithoutRecording,
  callTimeline,
  endReasons,
  lengthStats,
  operationHealth,
  operations,
  overviewKpis,
  recordings,
  recordingsOverTime,
  recordingsPerCall,
  usage,
};

export const templates = {
  recordings,
  recordingsPerCall,
  recordingsOverTime,
  endReasons,
  lengthStats,
  operations,
  operationHealth,
  callsWithoutRecording,
  usage,
  callTimeline,
  overviewKpis,
} as const;

export type TemplateName = keyof typeof templates;

export function templateByName(name: string): KqlTemplate {
  const t = (templates as Record<string, KqlTemplate>)[name];
  if (!t) throw new Error(`no template ${JSON.stringify(name)}; known: ${Object.keys(templates).join(", ")}`);
  return t;
}

/** Each template rendered with its example (default) parameters, for `acs-insights check`. */
export function kqlSources(): KqlSource[] {
  return Object.values(templates).map((t: KqlTemplate) => ({
    file: `template:${t.name}`,
    line: 1,
    kql: renderTemplate(t, t.example as never),
  }));
}
