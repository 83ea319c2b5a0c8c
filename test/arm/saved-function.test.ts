import { afterEach, describe, expect, it } from "vitest";
import { createArmClient } from "../../src/arm/client";
import { type SavedFunctionInputs, savedFunctionProvider } from "../../src/arm/savedSearchProvider";
import { callLines, type FakeArm, startFakeArm, workspaceId } from "./fakeArm";

// SavedFunction's lifecycle against the fake ARM, which answers a PUT over an existing saved search without etag "*" with
// 409 (as Azure does) and a delete under a CanNotDelete lock with ScopeLocked. Each step asserts the exact HTTP calls.

let arm: FakeArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

const name = "acs-recording-insights-dev-acsrecordings";
const path = `${workspaceId}/savedSearches/${name}`;
const list = `${workspaceId}/savedSearches`;
const inputs = (over: Partial<SavedFunctionInputs> = {}): SavedFunctionInputs => ({
  workspaceId,
  savedSearchId: name,
  stack: "dev",
  category: "ACS Call Recording",
  displayName: "ACSRecordings",
  functionAlias: "ACSRecordings",
  functionParameters: "starttime:datetime=datetime(null)",
  query: "ACSCallRecordingSummary | take 1",
  version: 2,
  tags: [{ name: "pulumi-stack", value: "dev" }],
  ...over,
});

async function provider() {
  arm = await startFakeArm();
  const url = arm.url;
  return savedFunctionProvider(() => createArmClient({ endpoint: url, token: async () => "t", retryDelaysMs: [] }));
}

const searches = () => arm!.state.workspaces.get(workspaceId.toLowerCase())!.savedSearches;

describe("saved function lifecycle", () => {
  it("create must check the name and the alias are free, then PUT with etag *", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    expect(callLines(arm!.calls)).toEqual([`GET ${path}`, `GET ${list}`, `PUT ${path}`]);
    expect(arm!.calls[2].apiVersion).toBe("2020-08-01");
    expect(arm!.calls[2].body).toEqual({
      etag: "*",
      properties: {
        category: "ACS Call Recording",
        displayName: "ACSRecordings",
        query: "ACSCallRecordingSummary | take 1",
        functionAlias: "ACSRecordings",
        functionParameters: "starttime:datetime=datetime(null)",
        version: 2,
        tags: [{ name: "pulumi-stack", value: "dev" }],
      },
    });
    expect(created.id).toBe(path);
  });

  it("update of a changed function body must be one PUT with etag *, which the fake (like Azure) accepts over the existing one", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    arm!.calls.length = 0;
    const news = inputs({ query: "ACSCallRecordingSummary | take 2" });
    expect(await p.diff!(path, created.outs, news)).toMatchObject({ changes: true, replaces: [] });
    await p.update!(path, created.outs, news);
    expect(callLines(arm!.calls)).toEqual([`PUT ${path}`]);
    expect(arm!.calls[0].body.etag).toBe("*");
    expect(searches().get(name)!.properties.query).toBe("ACSCallRecordingSummary | take 2");
  });

  it("the fake must answer 409 to a PUT over an existing saved search without etag, the failure etag * avoids", async () => {
    const p = await provider();
    await p.create!(inputs());
    const c = createArmClient({ endpoint: arm!.url, token: async () => "t", retryDelaysMs: [] });
    const res = await c
      .send({ method: "PUT", path, apiVersion: "2020-08-01", body: { properties: { query: "x" } } })
      .catch((e: unknown) => e as Error);
    expect((res as Error).message).toMatch(/answered 409 Conflict/);
  });

  it("destroy must DELETE the saved search", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    arm!.calls.length = 0;
    await p.delete!(path, created.outs);
    expect(callLines(arm!.calls)).toEqual([`DELETE ${path}`]);
    expect(searches().has(name)).toBe(false);
  });

  it("destroy under the workspace lock must fail with ScopeLocked explained, and succeed once the lock is gone", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    const ws = arm!.state.workspaces.get(workspaceId.toLowerCase())!;
    ws.locks.set("acs-recording-insights-keep-logs", { level: "CanNotDelete" });
    await expect(p.delete!(path, created.outs)).rejects.toThrow(
      /cannot be deleted while the workspace's CanNotDelete lock is in place; set lock false.*ScopeLocked|following scope\(s\) are locked/,
    );
    ws.locks.clear();
    await p.delete!(path, created.outs);
    expect(searches().has(name)).toBe(false);
  });

  it("create must refuse a saved search of the same name that another stack owns, writing nothing", async () => {
    const p = await provider();
    searches().set(name, {
      etag: "e1",
      properties: { query: "theirs", tags: [{ name: "pulumi-stack", value: "prod" }] },
    });
    await expect(p.create!(inputs())).rejects.toThrow(
      /already exists in the workspace and is not owned by stack "dev" \(owner: prod\)/,
    );
    expect(arm!.calls.map((c) => c.method)).toEqual(["GET"]);
  });

  it("create must refuse an alias another saved search already defines, naming it and functions.deploy", async () => {
    const p = await provider();
    searches().set("acs-recording-insights-prod-acsrecordings", {
      etag: "e1",
      properties: { functionAlias: "ACSRecordings", tags: [{ name: "pulumi-stack", value: "prod" }] },
    });
    await expect(p.create!(inputs())).rejects.toThrow(
      /function alias ACSRecordings is already defined by saved search acs-recording-insights-prod-acsrecordings \(owner: prod\).*functions.deploy false/,
    );
    expect(callLines(arm!.calls)).toEqual([`GET ${path}`, `GET ${list}`]);
  });

  it("create must take over its own saved search left by an interrupted run", async () => {
    const p = await provider();
    searches().set(name, {
      etag: "e1",
      properties: { functionAlias: "ACSRecordings", tags: [{ name: "pulumi-stack", value: "dev" }] },
    });
    await p.create!(inputs());
    expect(callLines(arm!.calls)).toEqual([`GET ${path}`, `GET ${list}`, `PUT ${path}`]);
  });

  it("a renamed saved search or another workspace must be a replacement", async () => {
    const p = await provider();
    // Deleted first: the old one holds the same alias, which the new one's create would otherwise refuse.
    expect(await p.diff!(path, inputs(), inputs({ savedSearchId: "other" }))).toMatchObject({
      replaces: ["savedSearchId"],
      deleteBeforeReplace: true,
    });
    expect(await p.diff!(path, inputs(), inputs())).toMatchObject({ changes: false });
  });
});
