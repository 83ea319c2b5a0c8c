import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as pulumi from "@pulumi/pulumi";
import type { WorkbookContent } from "./content";
import type { DeployContext } from "./context";
import { workbookResourceName } from "./uuid";

// The shared workbook, bound to the workspace; its name is a v5 UUID so a redeploy updates it instead of adding a twin.

export function declareWorkbook(
  ctx: DeployContext,
  content: WorkbookContent,
  workspaceId: pulumi.Input<string>,
): applicationinsights.Workbook {
  const { config } = ctx;
  const displayName = content.workbookDisplayName(config.environment);
  return new applicationinsights.Workbook(
    `${ctx.name}-workbook`,
    {
      resourceGroupName: ctx.resourceGroupName,
      resourceName: workbookResourceName(config.project, config.stack, content.workbookKey),
      location: config.location,
      kind: "shared",
      category: "workbook",
      displayName,
      serializedData: content.workbookForWorkspace
        ? pulumi.output(workspaceId).apply((id) => content.workbookForWorkspace!(id))
        : content.serializedWorkbook,
      // Azure stores sourceId lower-cased; sending it that way keeps previews free of case-only diffs.
      sourceId: pulumi.output(workspaceId).apply((id) => id.toLowerCase()),
      version: "Notebook/1.0",
      // Azure adds "hidden-title" itself; declaring it avoids a diff on every preview.
      tags: { ...ctx.tags, "hidden-title": displayName },
    },
    { parent: ctx.parent },
  );
}
