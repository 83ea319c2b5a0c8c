import * as communication from "@pulumi/azure-native/communication";
import * as monitor from "@pulumi/azure-native/monitor";
import * as pulumi from "@pulumi/pulumi";
import { tables } from "../schema/tables";
import type { DeployContext } from "./context";

// The ACS resource (or an existing one) and the diagnostic setting that sends its recording logs to the workspace.

export interface CommunicationRef {
  readonly id: pulumi.Output<string>;
  readonly hostName: pulumi.Output<string>;
}

/** The diagnostic categories this package reads, in the order of src/schema/tables. */
export const diagnosticCategories: readonly string[] = tables.map((t) => t.category);

export function declareCommunication(ctx: DeployContext): CommunicationRef {
  const { config, parent } = ctx;
  const existing = config.existing.communication;
  if (existing) {
    const found = communication.getCommunicationServiceOutput(
      { resourceGroupName: existing.resourceGroupName, communicationServiceName: existing.name },
      { parent },
    );
    return { id: pulumi.output(existing.id), hostName: found.hostName };
  }
  if (config.dataLocation === undefined)
    throw new Error("dataLocation: required to create the Communication Services resource");
  const acs = new communication.CommunicationService(
    `${ctx.name}-acs`,
    {
      resourceGroupName: ctx.resourceGroupName,
      communicationServiceName: config.names.communication,
      location: "global",
      dataLocation: config.dataLocation,
      disableLocalAuth: config.communication.disableLocalAuth,
      tags: ctx.tags,
    },
    { parent, protect: config.protect },
  );
  return { id: acs.id, hostName: acs.hostName };
}

export function declareDiagnostics(
  ctx: DeployContext,
  acsId: pulumi.Input<string>,
  workspaceId: pulumi.Input<string>,
): monitor.DiagnosticSetting | undefined {
  if (!ctx.config.diagnostics.deploy) return undefined;
  return new monitor.DiagnosticSetting(
    `${ctx.name}-diagnostics`,
    {
      name: ctx.config.names.diagnosticSetting,
      resourceUri: acsId,
      workspaceId,
      // "Dedicated" lands each category in its own resource-specific table instead of AzureDiagnostics.
      logAnalyticsDestinationType: "Dedicated",
      logs: diagnosticCategories.map((category) => ({ category, enabled: true })),
      // ACS files its platform metrics under the category "Traffic", not "AllMetrics": the Category column of "Supported metrics
      // for Microsoft.Communication/CommunicationServices" (learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/
      // microsoft-communication-communicationservices-metrics) lists every metric under Traffic.
      metrics: ctx.config.diagnostics.metrics ? [{ category: "Traffic", enabled: true }] : [],
    },
    { parent: ctx.parent },
  );
}
