import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import type * as pulumi from "@pulumi/pulumi";
import { savedSearchCategory, savedSearchId, type SavedFunctionContent } from "./content";
import type { DeployContext } from "./context";

// One workspace saved search per shipped KQL function, callable by its alias from queries, the workbook and the alerts.

export function declareSavedSearches(
  ctx: DeployContext,
  functions: readonly SavedFunctionContent[],
  workspace: { readonly name: pulumi.Input<string>; readonly resourceGroupName: pulumi.Input<string> },
): operationalinsights.SavedSearch[] {
  const seen = new Set<string>();
  return functions.map((fn) => {
    const id = savedSearchId(fn.name);
    if (seen.has(id)) throw new Error(`two saved functions map to the saved search id "${id}"; function names must differ beyond letter case`);
    seen.add(id);
    return new operationalinsights.SavedSearch(
      `${ctx.name}-fn-${fn.name}`,
      {
        resourceGroupName: workspace.resourceGroupName,
        workspaceName: workspace.name,
        savedSearchId: id,
        category: savedSearchCategory,
        displayName: fn.name,
        functionAlias: fn.name,
        functionParameters: fn.functionParameters,
        query: fn.body,
        version: 2,
        tags: [
          { name: "version", value: fn.version },
          { name: "managed-by", value: "pulumi" },
        ],
      },
      { parent: ctx.parent },
    );
  });
}
