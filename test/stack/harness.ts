import { vi } from "vitest";
import { type Plan, type PlannedResource, recordPlan } from "../../src/infra/plan";

// Runs the real program (src/index.ts) under Pulumi mocks with a given config, in fresh module state for each distinct config.

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

type StackOptions = {
  stack?: string;
  liveTables?: Record<string, { retentionInDays?: number; totalRetentionInDays?: number }>;
};

/** Runs the program once per distinct config and options in this worker: its plan is a pure function of them. */
const runs = new Map<string, Promise<Plan>>();

/** The plan of `config`; deep-frozen, so a test that changed a shared plan would fail instead of misleading another. */
export function runStack(config: Record<string, unknown>, options: StackOptions = {}): Promise<Plan> {
  const key = JSON.stringify([rawConfig(config), options.stack ?? "dev", options.liveTables ?? null]);
  let run = runs.get(key);
  if (!run) {
    run = runStackFresh(config, options).then(deepFreeze);
    runs.set(key, run);
  }
  return run;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function runStackFresh(config: Record<string, unknown>, options: StackOptions): Promise<Plan> {
  vi.resetModules();
  // Hermetic: the program compares brought ids with ARM_SUBSCRIPTION_ID, which a developer's shell may set.
  vi.stubEnv("ARM_SUBSCRIPTION_ID", "");
  try {
    return await withoutStackTraces(() =>
      recordPlan(
        { project, stack: options.stack ?? "dev", config: rawConfig(config), liveTables: options.liveTables },
        async () => {
          // Imported only now, after setMocks and setAllConfig, so the program sees the mocked engine and this config.
          const program: Record<string, unknown> = await import("../../src/index");
          return Object.fromEntries(Object.entries(program).filter(([k]) => k !== "default" && k !== "__esModule"));
        },
      ),
    );
  } finally {
    vi.unstubAllEnvs();
  }
}

/** `run()` with stack traces off: Pulumi records one per promise, mapped through source maps, 40% of a program run. */
export async function withoutStackTraces<T>(run: () => Promise<T>): Promise<T> {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return await run();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
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
