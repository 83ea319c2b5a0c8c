// Assembles the workbook from its tabs; the single place that decides item order.

import { operationsTab } from "./content/operations";
import { overviewTab } from "./content/overview";
import { parametersItem } from "./content/parameters";
import { recordingsTab } from "./content/recordings";
import { usageTab } from "./content/usage";
import { markdown, tabs } from "./items";
import type { Workbook } from "./types";

export const selectedTabParameter = "selectedTab";

const intro = [
  "## Call recording insights",
  "",
  "How call recording is going in this Azure Communication Services resource: recordings, the API requests that drive them, and billed usage.",
  "",
  "| Tab | Fed by diagnostic category | Table |",
  "| --- | --- | --- |",
  "| Overview | CallRecordingSummary, CallRecordingOperational | both below |",
  "| Recordings | CallRecordingSummary | ACSCallRecordingSummary |",
  "| Operations | CallRecordingOperational | ACSCallRecordingIncomingOperations |",
  "| Usage | Usage | ACSBillingUsage |",
  "",
  "**A tab is empty?** Either its category is not enabled in the resource's diagnostic setting (Monitoring > Diagnostic settings: send it to this workspace), " +
    "or there is nothing to show yet: summaries arrive only after a recording is ready to download, usually minutes after the call ends. " +
    "All queries use the saved functions ACSRecordings, ACSRecordingsPerCall, ACSRecordingOperations, ACSRecordingOperationHealth, ACSRecordingUsage and ACSRecordingCallTimeline; they must exist in the workspace.",
].join("\n");

/** The committed form: the workspace is filled in at deploy time (see workbookForWorkspace). */
export const portalFallback = "Azure Monitor";

export function buildWorkbook(): Workbook {
  return {
    version: "Notebook/1.0",
    items: [
      markdown("intro", intro),
      parametersItem(),
      ...tabs("tabs", selectedTabParameter, [
        { key: "overview", label: "Overview", items: overviewTab() },
        { key: "recordings", label: "Recordings", items: recordingsTab() },
        { key: "operations", label: "Operations", items: operationsTab() },
        { key: "usage", label: "Usage", items: usageTab() },
      ]),
    ],
    isLocked: false,
    fallbackResourceIds: [portalFallback],
    $schema: "https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json",
  };
}
