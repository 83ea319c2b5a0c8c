import { afterEach, describe, expect, it } from "vitest";
import { createArmClient } from "../../src/arm/client";
import {
  type TableRetentionInputs,
  type TableRetentionOutputs,
  tableRetentionProvider,
} from "../../src/arm/tableRetentionProvider";
import { callLines, type FakeArm, startFakeArm, workspaceId } from "./fakeArm";

// TableRetention's lifecycle against the fake ARM: each step asserts the exact HTTP calls. Built-in tables exist from the
// start (TablesGet.json answers 200), so create is GET + PATCH, and delete makes no call at all.

let arm: FakeArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

const api = "2022-10-01";
const table = `${workspaceId}/tables/ACSCallRecordingSummary`;
const inputs = (over: Partial<TableRetentionInputs> = {}): TableRetentionInputs => ({
  workspaceId,
  tableName: "ACSCallRecordingSummary",
  retentionInDays: 90,
  totalRetentionInDays: 365,
  allowRetentionDecrease: false,
  ...over,
});

async function provider() {
  arm = await startFakeArm();
  const url = arm.url;
  return tableRetentionProvider(() => createArmClient({ endpoint: url, token: async () => "t", retryDelaysMs: [] }));
}

describe("table retention lifecycle", () => {
  it("create must read the live table, PATCH only the two retention fields, and record what it kept before", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    expect(callLines(arm!.calls)).toEqual([`GET ${table}`, `PATCH ${table}`]);
    expect(arm!.calls.every((c) => c.apiVersion === api)).toBe(true);
    expect(arm!.calls[1].body).toEqual({ properties: { retentionInDays: 90, totalRetentionInDays: 365 } });
    expect(created.id).toBe(table);
    // The fake's table started at Azure's default: 30 days, following the workspace.
    expect((created.outs as TableRetentionOutputs).previous).toEqual({
      retentionInDays: 30,
      totalRetentionInDays: 30,
      retentionInDaysAsDefault: true,
      totalRetentionInDaysAsDefault: true,
    });
  });

  it("update of the retention must GET then PATCH the new values, keeping the first 'previous'", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    arm!.calls.length = 0;
    const olds = created.outs as TableRetentionOutputs;
    const diff = await p.diff!(table, olds, inputs({ totalRetentionInDays: 730 }));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const updated = await p.update!(table, olds, inputs({ totalRetentionInDays: 730 }));
    expect(callLines(arm!.calls)).toEqual([`GET ${table}`, `PATCH ${table}`]);
    expect(arm!.calls[1].body).toEqual({ properties: { retentionInDays: 90, totalRetentionInDays: 730 } });
    expect((updated.outs as TableRetentionOutputs).previous).toEqual(olds.previous);
  });

  it("must refuse to lower the live retention unless allowRetentionDecrease, making no PATCH", async () => {
    const p = await provider();
    const created = await p.create!(inputs({ retentionInDays: 180, totalRetentionInDays: 365 }));
    arm!.calls.length = 0;
    await expect(p.update!(table, created.outs, inputs({ retentionInDays: 90 }))).rejects.toThrow(
      /ACSCallRecordingSummary: would lower retentionInDays from 180 to 90 days; set allowRetentionDecrease true/,
    );
    expect(callLines(arm!.calls)).toEqual([`GET ${table}`]);
    await p.update!(table, created.outs, inputs({ retentionInDays: 90, allowRetentionDecrease: true }));
    expect(callLines(arm!.calls)).toEqual([`GET ${table}`, `GET ${table}`, `PATCH ${table}`]);
  });

  it("destroy must make no call: the table and its retention stay as they are", async () => {
    const p = await provider();
    const created = await p.create!(inputs());
    arm!.calls.length = 0;
    await p.delete!(table, created.outs);
    expect(arm!.calls).toEqual([]);
    expect(
      arm!.state.workspaces.get(workspaceId.toLowerCase())!.tables.get("ACSCallRecordingSummary")!.retentionInDays,
    ).toBe(90);
  });

  it("a different workspace or table must be a replacement; a changed flag alone an in-place update", async () => {
    const p = await provider();
    const olds = {
      ...inputs(),
      previous: {
        retentionInDays: 30,
        totalRetentionInDays: 30,
        retentionInDaysAsDefault: true,
        totalRetentionInDaysAsDefault: true,
      },
    };
    expect(await p.diff!(table, olds, inputs({ tableName: "ACSBillingUsage" }))).toMatchObject({
      replaces: ["tableName"],
    });
    expect(await p.diff!(table, olds, inputs())).toMatchObject({ changes: false });
    expect(arm!.calls).toEqual([]);
  });

  it("must follow a 202 by reading the table until it has settled", async () => {
    const p = await provider();
    arm!.state.patchAccepted = 2;
    const { patchTableRetention } = await import("../../src/arm/tables");
    const c = createArmClient({ endpoint: arm!.url, token: async () => "t", retryDelaysMs: [] });
    const settled = await patchTableRetention(
      c,
      workspaceId,
      "ACSBillingUsage",
      { retentionInDays: 60, totalRetentionInDays: 60 },
      [0, 0, 0, 0],
    );
    const billing = `${workspaceId}/tables/ACSBillingUsage`;
    expect(callLines(arm!.calls)).toEqual([`PATCH ${billing}`, `GET ${billing}`, `GET ${billing}`, `GET ${billing}`]);
    expect(settled.retentionInDays).toBe(60);
    void p;
  });

  it("must fail with a clear message when the table is not there, instead of creating it", async () => {
    const p = await provider();
    arm!.state.workspaces.get(workspaceId.toLowerCase())!.tables.delete("ACSCallRecordingSummary");
    await expect(p.create!(inputs())).rejects.toThrow(
      /table ACSCallRecordingSummary was not found in workspace .*Azure creates it with the workspace/,
    );
    expect(arm!.calls.map((c) => c.method)).toEqual(["GET"]);
  });
});
