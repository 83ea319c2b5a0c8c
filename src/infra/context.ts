import type * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";

// What every declaring function needs: where to hang children, the config, the shared tags and the resource group.

export interface DeployContext {
  /** Logical-name prefix, so two instances of the component in one stack never collide. */
  readonly name: string;
  readonly parent: pulumi.Resource;
  readonly config: StackConfig;
  readonly tags: Readonly<Record<string, string>>;
  readonly resourceGroupName: pulumi.Input<string>;
}

/** Tags every resource carries: the user's tags win over nothing, the stack's own markers win over the user's. */
export function sharedTags(config: StackConfig): Record<string, string> {
  return {
    ...config.tags,
    environment: config.environment,
    "managed-by": "pulumi",
    project: config.project,
    "pulumi-stack": config.stack,
  };
}

export function portalLink(resourceId: string): string {
  return `https://portal.azure.com/#@/resource${resourceId}`;
}
