import * as pulumi from "@pulumi/pulumi";
import { type ArmConfig, savedFunctionShim } from "./armProviders";

// One saved KQL function as a workspace saved search, written with etag "*" so a changed .kql file updates in place
// (azure-native v3's SavedSearch exposes etag as an output only, so its update PUT would meet 409 Conflict).

export const savedFunctionType = "pulumi-nodejs:dynamic/acs-recording-insights:SavedFunction";

export interface SavedFunctionArgs {
  readonly workspaceId: pulumi.Input<string>;
  readonly savedSearchId: string;
  readonly stack: string;
  readonly category: string;
  readonly displayName: string;
  readonly functionAlias: string;
  readonly functionParameters?: string;
  readonly query: string;
  readonly version: number;
  readonly tags: readonly { readonly name: string; readonly value: string }[];
  readonly armConfig: ArmConfig;
}

export class SavedFunction extends pulumi.dynamic.Resource {
  constructor(name: string, args: SavedFunctionArgs, opts?: pulumi.CustomResourceOptions) {
    super(savedFunctionShim, name, { ...args }, opts, "acs-recording-insights", "SavedFunction");
  }
}
