import type * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";
import { AcsRecordingInsights } from "./component";
import type { StackContent } from "./content";
import { guardRetention } from "./retentionGuard";

// The program body: guard first (nothing declared yet), then the component, then the stack outputs. No keys, no connection strings.

export interface StackOutputs {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly workspaceId: pulumi.Output<string>;
  readonly workspaceName: pulumi.Output<string>;
  readonly workspaceCustomerId: pulumi.Output<string>;
  readonly communicationServiceId: pulumi.Output<string>;
  readonly communicationHostName: pulumi.Output<string>;
  readonly diagnosticSettingId: pulumi.Output<string>;
  readonly savedSearchIds: pulumi.Output<Record<string, string>>;
  readonly workbookId: pulumi.Output<string | undefined>;
  readonly actionGroupId: pulumi.Output<string | undefined>;
  readonly alertRuleIds: pulumi.Output<Record<string, string>>;
  readonly portalLinks: pulumi.Output<Record<string, string>>;
}

export async function deploy(config: StackConfig, content: StackContent): Promise<StackOutputs> {
  await guardRetention(config);
  const app = new AcsRecordingInsights("acs-recording-insights", { config, content });
  return {
    resourceGroupName: app.resourceGroupName,
    workspaceId: app.workspaceId,
    workspaceName: app.workspaceName,
    workspaceCustomerId: app.workspaceCustomerId,
    communicationServiceId: app.communicationServiceId,
    communicationHostName: app.communicationHostName,
    diagnosticSettingId: app.diagnosticSettingId,
    savedSearchIds: app.savedSearchIds,
    workbookId: app.workbookId,
    actionGroupId: app.actionGroupId,
    alertRuleIds: app.alertRuleIds,
    portalLinks: app.portalLinks,
  };
}
