// The live side: querying a Log Analytics workspace, and making a query self-contained where the saved functions are not deployed.

export { referencedFunctions, withInlineFunctions } from "./inline";
export {
  everything,
  queryWorkspace,
  queryWorkspaceRaw,
  type RawWorkspaceResult,
  type WorkspaceQueryOptions,
} from "./query";
