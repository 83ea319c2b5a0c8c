import type { StackConfig } from "../config";
import { AcsRecordingInsights } from "./component";
import type { StackContent } from "./content";
import { guardRetention } from "./retentionGuard";

// The program body: guard first (nothing declared yet), then the component, then the stack outputs. No keys, no connection strings.

/** What the stack exports, in this order: the component's public outputs, never keys or connection strings. */
export const stackOutputKeys = [
  "resourceGroupName",
  "workspaceId",
  "workspaceName",
  "workspaceCustomerId",
  "communicationServiceId",
  "communicationHostName",
  "diagnosticSettingId",
  "savedSearchIds",
  "workbookId",
  "actionGroupId",
  "alertRuleIds",
  "portalLinks",
] as const;

export type StackOutputs = Pick<AcsRecordingInsights, (typeof stackOutputKeys)[number]>;

export async function deploy(config: StackConfig, content: StackContent): Promise<StackOutputs> {
  await guardRetention(config);
  const app = new AcsRecordingInsights("acs-recording-insights", { config, content });
  return Object.fromEntries(stackOutputKeys.map((key) => [key, app[key]])) as unknown as StackOutputs;
}
