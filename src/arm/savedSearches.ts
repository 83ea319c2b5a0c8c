import type { ArmClient } from "./client";
import { savedSearchPath, workspacePath } from "./ids";

// Workspace saved searches (the saved KQL functions) through ARM. Every write sends etag "*": Azure answers 409 to a PUT
// over an existing saved search without it (MicrosoftDocs/azure-docs#49275; Azure/ResourceModules#1413 sets etag "*").
// REST: Azure/azure-rest-api-specs operationalinsights stable/2020-08-01 SavedSearches.json (etag at the top level).

export const savedSearchesApiVersion = "2020-08-01";

export interface SavedSearchTag {
  readonly name: string;
  readonly value: string;
}

export interface SavedSearchProperties {
  readonly category: string;
  readonly displayName: string;
  readonly query: string;
  readonly functionAlias?: string;
  readonly functionParameters?: string;
  readonly version: number;
  readonly tags: readonly SavedSearchTag[];
}

export interface LiveSavedSearch extends SavedSearchProperties {
  readonly name: string;
  readonly etag?: string;
}

/** ARM's examples spell properties both camelCase and PascalCase (SavedSearchesListByWorkspace.json); read either. */
function prop(props: Record<string, unknown>, name: string): unknown {
  return props[name] ?? props[name[0].toUpperCase() + name.slice(1)];
}

export function decodeSavedSearch(item: unknown): LiveSavedSearch {
  const o = (item ?? {}) as { id?: unknown; name?: unknown; etag?: unknown; properties?: Record<string, unknown> };
  const props = o.properties ?? {};
  const rawTags = prop(props, "tags");
  const tags = Array.isArray(rawTags)
    ? rawTags.map((t) => {
        const tag = (t ?? {}) as Record<string, unknown>;
        return { name: String(prop(tag, "name") ?? ""), value: String(prop(tag, "value") ?? "") };
      })
    : [];
  const name = typeof o.name === "string" ? o.name : typeof o.id === "string" ? (o.id.split("/").pop() ?? "") : "";
  const alias = prop(props, "functionAlias");
  const params = prop(props, "functionParameters");
  return {
    name,
    ...(typeof o.etag === "string" ? { etag: o.etag } : {}),
    category: String(prop(props, "category") ?? ""),
    displayName: String(prop(props, "displayName") ?? ""),
    query: String(prop(props, "query") ?? ""),
    ...(typeof alias === "string" && alias !== "" ? { functionAlias: alias } : {}),
    ...(typeof params === "string" && params !== "" ? { functionParameters: params } : {}),
    version: Number(prop(props, "version") ?? 1),
    tags,
  };
}

export async function getSavedSearch(
  client: ArmClient,
  workspaceId: string,
  name: string,
): Promise<LiveSavedSearch | undefined> {
  const res = await client.find({
    method: "GET",
    path: savedSearchPath(workspaceId, name),
    apiVersion: savedSearchesApiVersion,
  });
  return res ? decodeSavedSearch(res.body) : undefined;
}

export async function listSavedSearches(client: ArmClient, workspaceId: string): Promise<LiveSavedSearch[]> {
  const res = await client.send({
    method: "GET",
    path: `${workspacePath(workspaceId).id}/savedSearches`,
    apiVersion: savedSearchesApiVersion,
  });
  const body = res.body as { value?: unknown } | unknown[] | undefined;
  const items = Array.isArray(body)
    ? body
    : Array.isArray((body as { value?: unknown })?.value)
      ? (body as { value: unknown[] }).value
      : [];
  return items.map(decodeSavedSearch);
}

/** Creates or overwrites: etag "*" makes the PUT an unconditional write. */
export async function putSavedSearch(
  client: ArmClient,
  workspaceId: string,
  name: string,
  props: SavedSearchProperties,
): Promise<LiveSavedSearch> {
  const res = await client.send({
    method: "PUT",
    path: savedSearchPath(workspaceId, name),
    apiVersion: savedSearchesApiVersion,
    body: { etag: "*", properties: { ...props, tags: props.tags.map((t) => ({ name: t.name, value: t.value })) } },
  });
  return decodeSavedSearch(res.body);
}

/** Deletes; an already missing saved search is not an error. */
export async function deleteSavedSearch(client: ArmClient, workspaceId: string, name: string): Promise<void> {
  await client.find({
    method: "DELETE",
    path: savedSearchPath(workspaceId, name),
    apiVersion: savedSearchesApiVersion,
  });
}
