import * as pulumi from "@pulumi/pulumi";
import { savedFunctions } from "../functions";
import {
  type LiveTables,
  type MockWorld,
  mockClash,
  mockInvoke,
  mockRefusal,
  mockResourceId,
  mockState,
} from "./mockCloud";

// Runs a Pulumi program under mocks and records every resource it declares: the reviewable, byte-stable plan behind `synth`.

// Not in the public typings, but the only way to know the mocked engine has seen the last RPC.
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs: () => Promise<void> };

export interface PlannedResource {
  readonly type: string;
  readonly name: string;
  readonly parent: string | null;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly dependsOn: readonly string[];
  readonly inputs: Record<string, unknown>;
}

export interface Plan {
  readonly project: string;
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  readonly outputs: Record<string, unknown>;
}

export interface RecordOptions {
  readonly project: string;
  readonly stack: string;
  /** Flat "project:key" → string, as Pulumi hands config to a program. */
  readonly config: Record<string, string>;
  readonly secretKeys?: readonly string[];
  /** What the live workspace keeps today, per table; absent means the workspace does not exist yet (unless brought). */
  readonly liveTables?: LiveTables;
  /** Saved functions alert queries may call (default: the shipped kql/ functions). */
  readonly functionNames?: readonly string[];
}

export class MockCloudRefusal extends Error {
  constructor(readonly refusals: readonly string[]) {
    super(`the mock cloud refused what Azure would refuse:\n${refusals.map((r) => `  - ${r}`).join("\n")}`);
    this.name = "MockCloudRefusal";
  }
}

/** The brought workspace's name from the raw config, so the mock world knows it exists before the run. */
function broughtWorkspace(config: Record<string, string>, project: string): string | undefined {
  try {
    const id = (JSON.parse(config[`${project}:workspace`] ?? "{}") as { existingResourceId?: unknown })
      .existingResourceId;
    return typeof id === "string" ? id.split("/").pop() : undefined;
  } catch {
    return undefined;
  }
}

/** Machine-specific and not part of what is deployed: the dynamic providers' serialised code. */
const unrecordedInputs = new Set(["__provider"]);

export const redacted = "[secret]";
/** Code-unit order: unlike localeCompare it does not depend on the machine's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const secretSigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

/** Replaces every secret with a marker and drops undefined fields, so the plan is safe to commit and review. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[secretSigKey] === secretSig) return redacted;
    return Object.fromEntries(
      Object.entries(obj)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** JSON with object keys sorted at every level and a final newline: identical input, identical bytes. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

async function resolveAll(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value))
    return resolveAll(await new Promise((resolve) => (value as pulumi.Output<unknown>).apply(resolve)));
  if (value instanceof Promise) return resolveAll(await value);
  if (Array.isArray(value)) return Promise.all(value.map(resolveAll));
  if (value && typeof value === "object") {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveAll(v)])));
  }
  return value;
}

/** Runs `program` under mocks with the given config and returns what it declared, sorted by type and name. */
export async function recordPlan(
  options: RecordOptions,
  program: () => Promise<Record<string, unknown>>,
): Promise<Plan> {
  const inputsByKey = new Map<string, Record<string, unknown>>();
  const refusals: string[] = [];
  const declared = new Map<string, string>();
  const functionNames = options.functionNames ?? savedFunctions.map((f) => f.name);
  const world: MockWorld = {
    liveTables: options.liveTables,
    broughtWorkspace: broughtWorkspace(options.config, options.project),
  };
  pulumi.runtime.setAllConfig(options.config, [...(options.secretKeys ?? [])]);
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const id = mockResourceId(args.type, args.name, args.inputs);
        const refusal =
          mockRefusal(args.type, args.name, args.inputs, functionNames) ??
          mockClash(args.type, args.name, args.inputs, declared);
        if (refusal) refusals.push(refusal);
        inputsByKey.set(
          `${args.type}::${args.name}`,
          Object.fromEntries(Object.entries(args.inputs).filter(([k]) => !unrecordedInputs.has(k))),
        );
        return { id: args.custom ? id : undefined, state: args.custom ? mockState(args.type, id, args.inputs) : {} };
      },
      call(args) {
        return mockInvoke(args.token, args.inputs, world);
      },
    },
    options.project,
    options.stack,
    false,
  );

  const seen: { resource: pulumi.Resource; type: string; name: string; opts: pulumi.CustomResourceOptions }[] = [];
  const names = new Map<pulumi.Resource, string>();
  let failure: { error: unknown } | undefined;
  const outputs = await pulumi.runtime.runInPulumiStack(async () => {
    pulumi.runtime.registerStackTransformation((args) => {
      names.set(args.resource, args.name);
      seen.push({
        resource: args.resource,
        type: args.type,
        name: args.name,
        opts: args.opts as pulumi.CustomResourceOptions,
      });
      return undefined;
    });
    // Caught here and rethrown below: a rejection inside the stack's init leaves copies in Pulumi's promises that nobody handles.
    try {
      return await resolveAll(await program());
    } catch (error) {
      failure = { error };
      return {};
    }
  });
  await Promise.all(seen.map(({ resource }) => new Promise((resolve) => resource.urn.apply(resolve))));
  // The stack registers its outputs after runInPulumiStack resolves; drain that RPC before the next run swaps the mock monitor.
  await waitForRPCs();
  if (failure) throw failure.error;
  if (refusals.length > 0) throw new MockCloudRefusal(refusals.sort(compare));

  const dependencyNames = (deps: unknown): string[] =>
    (Array.isArray(deps) ? deps : deps ? [deps] : []).map((d) => names.get(d as pulumi.Resource) ?? "?").sort();
  const resources = seen
    .map(({ type, name, opts }) => ({
      type,
      name,
      parent: (opts.parent && names.get(opts.parent)) ?? null,
      protect: opts.protect === true,
      retainOnDelete: opts.retainOnDelete === true,
      dependsOn: dependencyNames(opts.dependsOn),
      inputs: redact(inputsByKey.get(`${type}::${name}`) ?? {}) as Record<string, unknown>,
    }))
    .sort((a, b) => (a.type === b.type ? compare(a.name, b.name) : compare(a.type, b.type)));
  return {
    project: options.project,
    stack: options.stack,
    resources,
    outputs: redact(outputs) as Record<string, unknown>,
  };
}
