import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as pulumi from "@pulumi/pulumi";
import type { WorkbookContent } from "./content";
import type { DeployContext } from "./context";
import { workbookResourceName } from "./uuid";

// The shared workbook twice over, same content: one bound to the workspace, one to the ACS resource (its Monitoring >
// Workbooks blade). A workbook has one sourceId ("ResourceId for a source resource", Microsoft.Insights/workbooks in
// Azure/azure-rest-api-specs applicationinsights workbooks_API.json), so each place it opens from is its own resource.

/** The ACS-bound twin's key under workbookResourceName: a name of its own, stable per stack. */
export const communicationWorkbookSuffix = "communication";

/** Display names must differ within a resource group ("A Workbook with the same name already exists", MicrosoftDocs/azure-docs#52844). */
export function communicationWorkbookDisplayName(displayName: string): string {
  return `${displayName} - ACS resource`;
}

export interface DeclaredWorkbooks {
  readonly workspace: applicationinsights.Workbook;
  readonly communication: applicationinsights.Workbook;
}

export function declareWorkbooks(
  ctx: DeployContext,
  content: WorkbookContent,
  workspaceId: pulumi.Input<string>,
  communicationId: pulumi.Input<string>,
): DeclaredWorkbooks {
  const { config } = ctx;
  const normalEndReasons = config.recording.normalEndReasons;
  const serializedData = pulumi.all([workspaceId, communicationId]).apply(([ws, acs]) =>
    content.deployedWorkbook({
      workspaceId: ws,
      communicationId: acs,
      ...(normalEndReasons ? { normalEndReasons } : {}),
    }),
  );
  const declare = (logical: string, key: string, displayName: string, sourceId: pulumi.Input<string>) =>
    new applicationinsights.Workbook(
      logical,
      {
        resourceGroupName: ctx.resourceGroupName,
        resourceName: workbookResourceName(config.project, config.stack, key),
        location: config.location,
        kind: "shared",
        category: "workbook",
        displayName,
        serializedData,
        // Azure stores sourceId lower-cased; sending it that way keeps previews free of case-only diffs.
        sourceId: pulumi.output(sourceId).apply((id) => id.toLowerCase()),
        version: "Notebook/1.0",
        // Azure adds "hidden-title" itself; declaring it avoids a diff on every preview.
        tags: { ...ctx.tags, "hidden-title": displayName },
      },
      { parent: ctx.parent },
    );
  const displayName = content.workbookDisplayName(config.environment);
  return {
    // The workspace-bound one keeps its original logical and ARM names, so existing stacks update it in place.
    workspace: declare(`${ctx.name}-workbook`, content.workbookKey, displayName, workspaceId),
    communication: declare(
      `${ctx.name}-workbook-acs`,
      `${content.workbookKey}/${communicationWorkbookSuffix}`,
      communicationWorkbookDisplayName(displayName),
      communicationId,
    ),
  };
}
