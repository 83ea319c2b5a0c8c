import * as pulumi from "@pulumi/pulumi";
import { type ArmConfig, tableRetentionShim } from "./armProviders";

// Retention of one built-in table, as a resource that updates the existing table and never creates or deletes it.
// azure-native's Table would GET first and refuse "cannot create already existing resource": tables have no default state in
// pulumi-azure-native provider/pkg/openapi/defaults/defaultResourcesState.go, and Azure creates these with the workspace.

export const tableRetentionType = "pulumi-nodejs:dynamic/acs-recording-insights:TableRetention";

export interface TableRetentionArgs {
  readonly workspaceId: pulumi.Input<string>;
  readonly tableName: string;
  readonly retentionInDays: number;
  readonly totalRetentionInDays: number;
  readonly allowRetentionDecrease: boolean;
  readonly armConfig: ArmConfig;
}

export class TableRetention extends pulumi.dynamic.Resource {
  /** Retention the table had before this stack first changed it (state only; destroy leaves the live value as it is). */
  declare readonly previous: pulumi.Output<{ retentionInDays: number; totalRetentionInDays: number }>;

  constructor(name: string, args: TableRetentionArgs, opts?: pulumi.CustomResourceOptions) {
    super(tableRetentionShim, name, { ...args, previous: undefined }, opts, "acs-recording-insights", "TableRetention");
  }
}
