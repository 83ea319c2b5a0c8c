import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";
import { Alerts } from "./alerts";
import { declareCommunication, declareDiagnostics } from "./communication";
import type { StackContent } from "./content";
import { type DeployContext, portalLink, sharedTags } from "./context";
import { declareWorkspace, declareWorkspaceLock } from "./logs";
import { stackOutputKeys } from "./outputs";
import { declareSavedSearches } from "./savedSearches";
import { declareWorkbooks } from "./workbook";

// The whole deployment as one component: ACS → diagnostic setting → workspace tables, functions, workbook and alerts.

export interface AcsRecordingInsightsArgs {
  readonly config: StackConfig;
  readonly content: StackContent;
}

export class AcsRecordingInsights extends pulumi.ComponentResource {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly workspaceId: pulumi.Output<string>;
  readonly workspaceName: pulumi.Output<string>;
  readonly workspaceCustomerId: pulumi.Output<string>;
  readonly communicationServiceId: pulumi.Output<string>;
  readonly communicationHostName: pulumi.Output<string>;
  readonly diagnosticSettingId: pulumi.Output<string | undefined>;
  readonly savedSearchIds: pulumi.Output<Record<string, string>>;
  readonly workbookId: pulumi.Output<string | undefined>;
  readonly actionGroupId: pulumi.Output<string | undefined>;
  readonly alertRuleIds: pulumi.Output<Record<string, string>>;
  readonly portalLinks: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: AcsRecordingInsightsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("acs-recording-insights:index:AcsRecordingInsights", name, {}, opts);
    const { config, content } = args;
    const tags = sharedTags(config);

    let resourceGroupName: pulumi.Output<string>;
    if (config.existing.resourceGroup) {
      resourceGroupName = pulumi.output(config.names.resourceGroup);
    } else {
      // Deleting a resource group deletes the workspace in it, so the group is as protected as the workspace.
      const group = new resources.ResourceGroup(
        `${name}-rg`,
        { resourceGroupName: config.names.resourceGroup, location: config.location, tags },
        { parent: this, protect: config.protect },
      );
      resourceGroupName = group.name;
    }
    const ctx: DeployContext = { name, parent: this, config, tags, resourceGroupName };

    const workspace = declareWorkspace(ctx);
    const acs = declareCommunication(ctx);
    const diagnostics = declareDiagnostics(ctx, acs.id, workspace.id);
    const savedSearches = declareSavedSearches(ctx, content.savedFunctions, workspace.id);
    declareWorkspaceLock(ctx, workspace.id, [...savedSearches, ...workspace.tableRetention]);
    const workbooks = content.workbook ? declareWorkbooks(ctx, content.workbook, workspace.id, acs.id) : undefined;
    const workbook = workbooks?.workspace;
    const alerts =
      config.alerts.enabled && content.alertRules.length > 0
        ? new Alerts(
            `${name}-alerts`,
            {
              config,
              rules: content.alertRules,
              tags,
              resourceGroupName,
              workspaceId: workspace.id,
              dependsOn: [...savedSearches, ...workspace.tableRetention],
            },
            { parent: this },
          )
        : undefined;

    this.resourceGroupName = resourceGroupName;
    this.workspaceId = workspace.id;
    this.workspaceName = workspace.name;
    this.workspaceCustomerId = workspace.customerId;
    this.communicationServiceId = acs.id;
    this.communicationHostName = acs.hostName;
    this.diagnosticSettingId = diagnostics ? diagnostics.id : pulumi.output(undefined);
    this.savedSearchIds = pulumi.output(
      Object.fromEntries(savedSearches.map((s, i) => [content.savedFunctions[i].name, s.id])),
    );
    this.workbookId = workbook ? workbook.id : pulumi.output(undefined);
    this.actionGroupId = alerts ? alerts.actionGroupId : pulumi.output(undefined);
    this.alertRuleIds = alerts ? alerts.ruleIds : pulumi.output<Record<string, string>>({});
    this.portalLinks = pulumi
      .all([workspace.id, acs.id, workbook ? workbook.id : "", workbooks ? workbooks.communication.id : ""])
      .apply(
        ([ws, acsId, wb, acsWb]): Record<string, string> => ({
          workspace: portalLink(ws),
          workspaceLogs: `${portalLink(ws)}/logs`,
          communicationService: portalLink(acsId),
          ...(wb ? { workbook: `${portalLink(wb)}/workbook` } : {}),
          ...(acsWb ? { communicationWorkbook: `${portalLink(acsWb)}/workbook` } : {}),
        }),
      );
    // Built from the one list of stack outputs, so the component and the stack cannot disagree.
    this.registerOutputs(Object.fromEntries(stackOutputKeys.map((key) => [key, this[key]])));
  }
}
