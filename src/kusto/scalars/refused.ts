// Built-in functions the engine refuses on purpose, with the reason shown in `unsupported: <reason> at line:col`.

const noPrincipal = "a local engine runs as no signed-in principal (Kusto answers from the caller's Entra ID token)";
const noCluster = "a local engine has no cluster or database (Kusto answers from the service it runs on)";
const noExtents = "a local engine stores no data extents (Kusto answers from its storage shards)";
const noCursor = "a local engine keeps no database cursor (Kusto answers from its ingestion history)";

const reasons: Readonly<Record<string, string>> = {
  current_principal: noPrincipal,
  current_principal_details: noPrincipal,
  current_principal_is_member_of: noPrincipal,
  current_database: noCluster,
  current_cluster_endpoint: noCluster,
  extent_id: noExtents,
  extent_tags: noExtents,
  row_id: noExtents,
  ingestion_time:
    "loaded tables carry no ingestion time (Kusto reads the hidden $IngestionTime column its ingestion policy writes)",
  cursor_after: noCursor,
  cursor_before_or_at: noCursor,
  cursor_current: noCursor,
  hash_combine: "Kusto does not document how hash_combine mixes its hashes (hash-combine-function.md)",
  hash_many: "Kusto does not document how hash_many mixes the values' hashes (hash-many-function.md)",
  set_equals: "set_equals has no reference page stating its rules",
  datetime_list_timezones: "Kusto lists its own time-zone table, which a local engine does not have",
  parse_user_agent: "Kusto matches against a large set of predefined user-agent patterns it does not publish",
  weekofyear:
    "the obsolete week number is not ISO 8601 and the reference does not state its rule exactly (week-of-year-function.md); use week_of_year()",
};

/** Every function refused on purpose, with its reason, by name (the README's list is generated from it). */
export const refusedFunctions: ReadonlyArray<readonly [name: string, reason: string]> = Object.entries(reasons).sort();

/** Why the engine refuses a built-in function by lower-cased name, or undefined when it does not refuse it on purpose. */
export function refusalReason(name: string): string | undefined {
  return Object.hasOwn(reasons, name) ? `${name}(): ${reasons[name]}` : undefined;
}
