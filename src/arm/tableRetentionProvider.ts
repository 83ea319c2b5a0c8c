import type * as pulumi from "@pulumi/pulumi";
import { type ArmClient, ArmError } from "./client";
import { tablePath } from "./ids";
import { type LiveRetention, patchTableRetention, readTableRetention } from "./tables";

// The dynamic provider behind TableRetention: Azure creates the built-in tables with the workspace and lets them be read and
// updated only, so "create" reads the live table and PATCHes its retention, and "delete" leaves table and retention alone.

export interface TableRetentionInputs {
  readonly workspaceId: string;
  readonly tableName: string;
  readonly retentionInDays: number;
  readonly totalRetentionInDays: number;
  readonly allowRetentionDecrease: boolean;
}

export interface TableRetentionOutputs extends TableRetentionInputs {
  /** What the table kept before this stack first changed it: the values to restore by hand if ever needed. */
  readonly previous: LiveRetention;
}

/** Refuses a shorter retention than the live table keeps, unless the stack allows it for this run. */
export function decreaseProblem(live: LiveRetention, wanted: TableRetentionInputs): string | undefined {
  if (wanted.allowRetentionDecrease) return undefined;
  const lower = (["retentionInDays", "totalRetentionInDays"] as const).filter((f) => wanted[f] < live[f]);
  if (lower.length === 0) return undefined;
  return `${wanted.tableName}: would lower ${lower.map((f) => `${f} from ${live[f]} to ${wanted[f]}`).join(" and ")} days; set allowRetentionDecrease true for this one run if the loss is intended`;
}

async function liveTable(client: ArmClient, inputs: TableRetentionInputs): Promise<LiveRetention> {
  const live = await readTableRetention(client, inputs.workspaceId, inputs.tableName);
  if (!live) {
    throw new Error(
      `table ${inputs.tableName} was not found in workspace ${inputs.workspaceId}; Azure creates it with the workspace, so check the workspace id and that the caller may read tables (Microsoft.OperationalInsights/workspaces/tables/read)`,
    );
  }
  return live;
}

/** Refuses a decrease, then PATCHes only when the live table differs (or still follows the workspace default). */
async function apply(client: ArmClient, inputs: TableRetentionInputs, live: LiveRetention): Promise<LiveRetention> {
  const problem = decreaseProblem(live, inputs);
  if (problem) throw new Error(problem);
  if (
    live.retentionInDays === inputs.retentionInDays &&
    live.totalRetentionInDays === inputs.totalRetentionInDays &&
    !live.retentionInDaysAsDefault
  ) {
    return live;
  }
  return patchTableRetention(client, inputs.workspaceId, inputs.tableName, {
    retentionInDays: inputs.retentionInDays,
    totalRetentionInDays: inputs.totalRetentionInDays,
  });
}

const fields = ["retentionInDays", "totalRetentionInDays", "allowRetentionDecrease"] as const;

export function tableRetentionProvider(connect: () => ArmClient): pulumi.dynamic.ResourceProvider {
  return {
    async create(inputs: TableRetentionInputs) {
      const client = connect();
      const previous = await liveTable(client, inputs);
      await apply(client, inputs, previous);
      const outs: TableRetentionOutputs = { ...inputs, previous };
      return { id: tablePath(inputs.workspaceId, inputs.tableName), outs };
    },
    async diff(_id: string, olds: TableRetentionOutputs, news: TableRetentionInputs) {
      const replaces = (["workspaceId", "tableName"] as const).filter((f) => olds[f] !== news[f]);
      const changed = fields.filter((f) => olds[f] !== news[f]);
      return { changes: replaces.length + changed.length > 0, replaces, deleteBeforeReplace: false };
    },
    async update(_id: string, olds: TableRetentionOutputs, news: TableRetentionInputs) {
      const client = connect();
      await apply(client, news, await liveTable(client, news));
      return { outs: { ...news, previous: olds.previous } };
    },
    async read(id: string, props: TableRetentionOutputs) {
      const live = await readTableRetention(connect(), props.workspaceId, props.tableName);
      if (!live) return { id: "", props: {} };
      return {
        id,
        props: { ...props, retentionInDays: live.retentionInDays, totalRetentionInDays: live.totalRetentionInDays },
      };
    },
    // Deleting a built-in table is not possible, and putting back an older, shorter retention would delete logs: leave it.
    async delete() {},
  };
}

/** A readable message for the errors a retention change meets, without request bodies or tokens. */
export function explainArmError(err: unknown): string {
  if (err instanceof ArmError && err.status === 403) {
    return `${err.message} (the identity lacks a permission: see README "Roles each part needs")`;
  }
  return err instanceof Error ? err.message : String(err);
}
