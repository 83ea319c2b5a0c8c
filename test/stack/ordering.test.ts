import { describe, expect, it, vi } from "vitest";
import { stableJson } from "../../src/infra/plan";
import { baseConfig, ofType, one, runStack, types as T } from "./harness";

// Order and ownership that real Azure needs: serial saved-search writes, the lock last, and one owner per shared resource.

vi.setConfig({ testTimeout: 60_000 });

describe("deploy order", () => {
  it("must write saved functions one after another, each depending on exactly the one before", async () => {
    const plan = await runStack(baseConfig);
    const searches = ofType(plan, T.search);
    const byName = new Map(searches.map((s) => [s.name, s]));
    // A chain: one head with no dependency, every other one depends on one saved function, and no two on the same one.
    const heads = searches.filter((s) => s.dependsOn.length === 0);
    expect(heads).toHaveLength(1);
    const predecessors = searches.filter((s) => s.dependsOn.length > 0).map((s) => s.dependsOn);
    for (const deps of predecessors) expect(deps.length === 1 && byName.has(deps[0])).toBe(true);
    expect(new Set(predecessors.map((d) => d[0])).size).toBe(searches.length - 1);
  });

  it("must order the workspace lock after every saved function and table retention, so destroy removes it first", async () => {
    const plan = await runStack({ ...baseConfig, lock: "true" });
    const lock = one(plan, T.lock);
    const expected = [...ofType(plan, T.search), ...ofType(plan, T.table)].map((r) => r.name).sort();
    expect(lock.dependsOn).toEqual(expected);
  });
});

describe("two stacks on one workspace or ACS resource", () => {
  it("must name saved searches and the diagnostic setting per environment", async () => {
    const dev = await runStack(baseConfig, { stack: "dev" });
    const prod = await runStack(baseConfig, { stack: "prod" });
    const names = (p: typeof dev) => new Set(ofType(p, T.search).map((s) => String(s.inputs.savedSearchId)));
    const shared = [...names(dev)].filter((n) => names(prod).has(n));
    expect(shared).toEqual([]);
    expect(one(dev, T.diag).inputs.name).toBe("acs-recording-insights-dev");
    expect(one(prod, T.diag).inputs.name).toBe("acs-recording-insights-prod");
  });

  it("must tag each saved function with the stack that owns it", async () => {
    const plan = await runStack(baseConfig, { stack: "prod" });
    for (const s of ofType(plan, T.search))
      expect(s.inputs.tags).toContainEqual({ name: "pulumi-stack", value: "prod" });
  });

  it("must deploy no saved functions when functions.deploy is false, and keep the alerts that call the owner's", async () => {
    const plan = await runStack({ ...baseConfig, functions: { deploy: false } });
    expect(ofType(plan, T.search)).toHaveLength(0);
    expect(plan.outputs.savedSearchIds).toEqual({});
    expect(ofType(plan, T.rule)).toHaveLength(6);
  });

  it("must declare no diagnostic setting when diagnostics.deploy is false", async () => {
    const plan = await runStack({ ...baseConfig, diagnostics: { deploy: false } });
    expect(ofType(plan, T.diag)).toHaveLength(0);
    expect(plan.outputs.diagnosticSettingId).toBeUndefined();
  });
});

describe("the recorded plan", () => {
  it("must hold no serialised provider code and no path of this machine, so it is the same on every machine", async () => {
    const text = stableJson(await runStack(baseConfig));
    expect(text).not.toContain("__provider");
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain("ts-node");
  });
});
