// Offline preview of the workbook: load data, run every item, render one HTML page.
import { loadDataDir, sampleDataDir } from "../data";
import { buildWorkbook, workbookDisplayName } from "../workbook";
import { renderHtml } from "./html";
import { type PreviewModel, runWorkbook } from "./run";

export { renderHtml } from "./html";
export { type PreviewItem, type PreviewModel, type PreviewQuery, previewNow, runWorkbook } from "./run";

export interface PreviewOptions {
  /** Data directory (default: the bundled sample). */
  readonly dataDir?: string;
  /** "Now" for the relative time range, epoch ms (default: just after the latest TimeGenerated in the data). */
  readonly nowMs?: number;
  /** Receives the one-line summary of the data files read. */
  readonly report?: (summary: string) => void;
}

export function renderPreview(options: PreviewOptions = {}): { html: string; model: PreviewModel } {
  const dataDir = options.dataDir ?? sampleDataDir;
  const tables = loadDataDir(dataDir, { report: options.report });
  const model = runWorkbook(buildWorkbook(), tables, {
    nowMs: options.nowMs,
    workspaceLabel: `local data (${dataDir})`,
  });
  return { html: renderHtml(model, workbookDisplayName("preview"), dataDir), model };
}
