import { afterEach, describe, expect, it } from "vitest";
import { ArmError, createArmClient } from "../../src/arm/client";
import { connectArm, loopbackToken } from "../../src/arm/connect";
import { getSavedSearch, putSavedSearch } from "../../src/arm/savedSearches";
import { callLines, type FakeArm, startFakeArm, subscriptionId, workspaceId } from "./fakeArm";

// The ARM client against the fake: the wrong subscription is a 404, errors carry ARM's code, and the loopback endpoint
// never receives a real credential.

let arm: FakeArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

const client = (url: string) => createArmClient({ endpoint: url, token: async () => "t", retryDelaysMs: [0, 0, 0] });

describe("ARM client", () => {
  it("must surface a wrong subscription as ARM's 404 SubscriptionNotFound", async () => {
    arm = await startFakeArm();
    const other = workspaceId.replace(subscriptionId, "99999999-2222-3333-4444-555555555555");
    const error = await getSavedSearch(client(arm.url), other, "x").catch((e: unknown) => e);
    // find() answers undefined only for a 404 it asked about; SubscriptionNotFound is also a 404, so it reads as missing.
    expect(error).toBeUndefined();
    const direct = await client(arm.url)
      .send({ method: "GET", path: other, apiVersion: "2022-10-01" })
      .catch((e: unknown) => e as ArmError);
    expect(direct).toBeInstanceOf(ArmError);
    expect((direct as ArmError).code).toBe("SubscriptionNotFound");
    expect((direct as ArmError).status).toBe(404);
  });

  it("must refuse a path that is not a plain resource path", async () => {
    arm = await startFakeArm();
    await expect(
      client(arm.url).send({ method: "GET", path: `${workspaceId}/../../x`, apiVersion: "1" }),
    ).rejects.toThrow(/not a plain resource path/);
    await expect(client(arm.url).send({ method: "GET", path: "https://evil/x", apiVersion: "1" })).rejects.toThrow(
      /not a plain resource path/,
    );
    expect(arm.calls).toEqual([]);
  });

  it("must retry 409 Newer data exists, then succeed", async () => {
    arm = await startFakeArm();
    arm.state.newerDataConflicts = 2;
    await putSavedSearch(client(arm.url), workspaceId, "s", {
      category: "c",
      displayName: "d",
      query: "q",
      version: 2,
      tags: [],
    });
    expect(callLines(arm.calls)).toEqual(Array(3).fill(`PUT ${workspaceId}/savedSearches/s`));
    expect(arm.state.workspaces.get(workspaceId.toLowerCase())!.savedSearches.has("s")).toBe(true);
  });

  it("must give up after its retries with ARM's code and message, and no request body", async () => {
    arm = await startFakeArm();
    arm.state.newerDataConflicts = 10;
    const error = (await putSavedSearch(client(arm.url), workspaceId, "s", {
      category: "c",
      displayName: "d",
      query: "secret-ish query text",
      version: 2,
      tags: [],
    }).catch((e: unknown) => e)) as ArmError;
    expect(error.code).toBe("Conflict");
    expect(error.message).toBe(
      `PUT ${workspaceId}/savedSearches/s answered 409 Conflict: Newer data exists in the Customer Configuration Store.`,
    );
    expect(arm.calls).toHaveLength(4);
  });

  it("must send only the placeholder token to a loopback endpoint, whatever credential is configured", async () => {
    arm = await startFakeArm();
    const { client: c, endpointKind } = connectArm(
      {},
      {
        ACS_INSIGHTS_ARM_ENDPOINT: arm.url,
        ARM_CLIENT_SECRET: "real-secret",
        ARM_TENANT_ID: "t",
        ARM_CLIENT_ID: "c",
        ARM_SUBSCRIPTION_ID: subscriptionId,
      },
    );
    expect(endpointKind).toBe("loopback");
    await c.send({ method: "GET", path: workspaceId, apiVersion: "2022-10-01" });
    expect(arm.calls[0].authorization).toBe(`Bearer ${loopbackToken}`);
    expect(JSON.stringify(arm.calls)).not.toContain("real-secret");
  });
});
