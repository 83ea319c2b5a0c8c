import { vi } from "vitest";
import { type Plan, type PlannedResource, recordPlan } from "../../src/infra/plan";

// Runs the real program (src/index.ts) under Pulumi mocks with a given config, fresh module state each time.

export const project = "acs-recording-insights";

/** The type tokens the stack tests look resources up by. */
export const types = {
  rg: "azure-native:resources:ResourceGroup",
  workspace: "azure-native:operationalinsights:Workspace",
  table: "pulumi-nodejs:dynamic/acs-recording-insights:TableRetention",
  azureTable: "azure-native:operationalinsights:Table",
  acs: "azure-native:communication:CommunicationService",
  diag: "azure-native:monitor:DiagnosticSetting",
  search: "pulumi-nodejs:dynamic/acs-recording-insights:SavedFunction",
  workbook: "azure-native:applicationinsights:Workbook",
  rule: "azure-native:monitor:ScheduledQueryRule",
  actionGroup: "azure-native:monitor:ActionGroup",
  lock: "azure-native:authorization:ManagementLockByScope",
} as const;

/** A small valid config; each test overrides what it is about. */
export const baseConfig: Record<string, unknown> = {
  location: "westeurope",
  dataLocation: "Europe",
  alerts: { emails: ["oncall@example.com"] },
};

/** Flattens to what Pulumi hands a program: "project:key" → string, objects JSON-encoded. */
export function rawConfig(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k.includes(":") ? k : `${project}:${k}`,
      typeof v === "string" ? v : JSON.stringify(v),
    ]),
  );
}

export async function runStack(
  config: Record<string, unknown>,
  options: {
    stack?: string;
    liveTables?: Record<string, { retentionInDays?: number; totalRetentionInDays?: number }>;
  } = {},
): Promise<Plan> {
  vi.resetModules();
  // Hermetic: the program compares brought ids with ARM_SUBSCRIPTION_ID, which a developer's shell may set.
  vi.stubEnv("ARM_SUBSCRIPTION_ID", "");
  try {
    return await recordPlan(
      { project, stack: options.stack ?? "dev", config: rawConfig(config), liveTables: options.liveTables },
      async () => {
        // Imported only now, after setMocks and setAllConfig, so the program sees the mocked engine and this config.
        const program: Record<string, unknown> = await import("../../src/index");
        return Object.fromEntries(Object.entries(program).filter(([k]) => k !== "default" && k !== "__esModule"));
      },
    );
  } finally {
    vi.unstubAllEnvs();
  }
}

export function ofType(plan: Plan, type: string): PlannedResource[] {
  return plan.resources.filter((r) => r.type === type);
}

export function one(plan: Plan, type: string): PlannedResource {
  const found = ofType(plan, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0];
}
