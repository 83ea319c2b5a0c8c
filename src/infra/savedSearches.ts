import type * as pulumi from "@pulumi/pulumi";
import { type SavedFunctionContent, savedSearchCategory, savedSearchName } from "./content";
import type { DeployContext } from "./context";
import { SavedFunction } from "./savedFunction";

export { savedSearchName } from "./content";

// One workspace saved search per shipped KQL function, callable by its alias from queries, the workbook and the alerts.
// Written one after another (each depends on the previous): parallel writes to one workspace meet 409 "Newer data exists in
// the Customer Configuration Store" (ssc-spc-ccoe-cei/azure-guardrails-solution-accelerator#61).

export function declareSavedSearches(
  ctx: DeployContext,
  functions: readonly SavedFunctionContent[],
  workspaceId: pulumi.Input<string>,
): SavedFunction[] {
  const { config } = ctx;
  if (!config.functions.deploy) return [];
  const seen = new Set<string>();
  const declared: SavedFunction[] = [];
  for (const fn of functions) {
    const id = savedSearchName(config.names.savedSearchPrefix, fn.name);
    if (seen.has(id))
      throw new Error(
        `two saved functions map to the saved search id "${id}"; function names must differ beyond letter case`,
      );
    seen.add(id);
    const previous = declared[declared.length - 1];
    declared.push(
      new SavedFunction(
        `${ctx.name}-fn-${fn.name}`,
        {
          workspaceId,
          savedSearchId: id,
          stack: config.stack,
          category: savedSearchCategory,
          displayName: fn.name,
          functionAlias: fn.name,
          ...(fn.functionParameters ? { functionParameters: fn.functionParameters } : {}),
          query: fn.body,
          version: 2,
          tags: [
            { name: "version", value: fn.version },
            { name: "managed-by", value: "pulumi" },
            { name: "pulumi-stack", value: config.stack },
          ],
          armConfig: config.azure.forwarded,
        },
        { parent: ctx.parent, ...(previous ? { dependsOn: [previous] } : {}) },
      ),
    );
  }
  return declared;
}
