import type * as pulumi from "@pulumi/pulumi";
import { type ArmClient, ArmError } from "./client";
import { savedSearchPath } from "./ids";
import {
  deleteSavedSearch,
  getSavedSearch,
  listSavedSearches,
  putSavedSearch,
  type SavedSearchProperties,
} from "./savedSearches";

// The dynamic provider behind SavedFunction: PUT with etag "*" so a changed KQL file updates in place, and refusals where two
// stacks would otherwise fight over one saved search or one function alias in a shared workspace.

export interface SavedFunctionInputs extends SavedSearchProperties {
  readonly workspaceId: string;
  /** ARM name of the saved search. */
  readonly savedSearchId: string;
  /** The stack that owns it, also written as the "pulumi-stack" tag. */
  readonly stack: string;
}

export const ownerTag = "pulumi-stack";

const ownerOf = (tags: readonly { name: string; value: string }[]) => tags.find((t) => t.name === ownerTag)?.value;

function properties(inputs: SavedFunctionInputs): SavedSearchProperties {
  return {
    category: inputs.category,
    displayName: inputs.displayName,
    query: inputs.query,
    ...(inputs.functionAlias ? { functionAlias: inputs.functionAlias } : {}),
    ...(inputs.functionParameters ? { functionParameters: inputs.functionParameters } : {}),
    version: inputs.version,
    tags: inputs.tags,
  };
}

/** Refuses to take over a saved search or an alias another stack (or a person) owns; returns nothing when the way is clear. */
export async function ownershipProblem(client: ArmClient, inputs: SavedFunctionInputs): Promise<string | undefined> {
  const existing = await getSavedSearch(client, inputs.workspaceId, inputs.savedSearchId);
  if (existing && ownerOf(existing.tags) !== inputs.stack) {
    return `saved search ${inputs.savedSearchId} already exists in the workspace and is not owned by stack "${inputs.stack}" (owner: ${ownerOf(existing.tags) ?? "none recorded"}); delete it, or let that stack keep the functions (functions.deploy false here)`;
  }
  if (!inputs.functionAlias) return undefined;
  const alias = inputs.functionAlias.toLowerCase();
  const clash = (await listSavedSearches(client, inputs.workspaceId)).find(
    (s) => s.name.toLowerCase() !== inputs.savedSearchId.toLowerCase() && s.functionAlias?.toLowerCase() === alias,
  );
  if (clash) {
    return `function alias ${inputs.functionAlias} is already defined by saved search ${clash.name} (owner: ${ownerOf(clash.tags) ?? "none recorded"}); one stack per workspace deploys the functions: set functions.deploy false on this stack, or remove that saved search`;
  }
  return undefined;
}

const editable = [
  "category",
  "displayName",
  "query",
  "functionAlias",
  "functionParameters",
  "version",
  "tags",
] as const;

export function savedFunctionProvider(connect: () => ArmClient): pulumi.dynamic.ResourceProvider {
  return {
    async create(inputs: SavedFunctionInputs) {
      const client = connect();
      const problem = await ownershipProblem(client, inputs);
      if (problem) throw new Error(problem);
      await putSavedSearch(client, inputs.workspaceId, inputs.savedSearchId, properties(inputs));
      return { id: savedSearchPath(inputs.workspaceId, inputs.savedSearchId), outs: inputs };
    },
    async diff(_id: string, olds: SavedFunctionInputs, news: SavedFunctionInputs) {
      const replaces = (["workspaceId", "savedSearchId"] as const).filter((f) => olds[f] !== news[f]);
      const changed = [...editable, "stack" as const].filter(
        (f) => JSON.stringify(olds[f]) !== JSON.stringify(news[f]),
      );
      // The old saved search holds the same function alias: remove it before writing the new one, or the alias check refuses.
      return { changes: replaces.length + changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 };
    },
    async update(_id: string, _olds: SavedFunctionInputs, news: SavedFunctionInputs) {
      await putSavedSearch(connect(), news.workspaceId, news.savedSearchId, properties(news));
      return { outs: news };
    },
    async read(id: string, props: SavedFunctionInputs) {
      const live = await getSavedSearch(connect(), props.workspaceId, props.savedSearchId);
      if (!live) return { id: "", props: {} };
      return { id, props: { ...props, ...properties({ ...props, ...live }) } };
    },
    async delete(_id: string, props: SavedFunctionInputs) {
      try {
        await deleteSavedSearch(connect(), props.workspaceId, props.savedSearchId);
      } catch (err) {
        if (err instanceof ArmError && err.code === "ScopeLocked") {
          throw new Error(
            `saved search ${props.savedSearchId} cannot be deleted while the workspace's CanNotDelete lock is in place; set lock false and run pulumi up first (the stack orders the lock after the saved searches so destroy removes it first): ${err.armMessage}`,
          );
        }
        throw err;
      }
    },
  };
}
