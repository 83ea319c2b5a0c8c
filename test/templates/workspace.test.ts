import "./with-resolvers";
import type { TokenCredential } from "@azure/identity";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordingsPerCall, runOnWorkspace, usage } from "../../src/templates";
import { queryWorkspace } from "../../src/workspace";

const workspaceId = "7d4a1c3e-0b5f-4e8e-9a51-2f3c4d5e6f70";
const api = "https://api.loganalytics.io";
const path = `/v1/workspaces/${workspaceId}/query`;
const credential: TokenCredential = {
  getToken: async () => ({ token: "test-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

// The shape of a Log Analytics query API response: tables[].columns[{name,type}] and rows[[...]] in column order.
function body(columns: [string, string][], rows: unknown[][], extra: Record<string, unknown> = {}) {
  return {
    tables: [{ name: "PrimaryResult", columns: columns.map(([name, type]) => ({ name, type })), rows }],
    ...extra,
  };
}

const usageColumns: [string, string][] = [
  ["TimeGenerated", "datetime"],
  ["UsageType", "string"],
  ["UnitType", "string"],
  ["Quantity", "real"],
  ["Records", "long"],
];

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("runOnWorkspace", () => {
  it("must POST the rendered KQL with the template's time range and a bearer token, and type the rows", async () => {
    let seen: { query?: string; timespan?: string } = {};
    // matchHeader: the request only matches with the credential's bearer token.
    nock(api)
      .matchHeader("authorization", "Bearer test-token")
      .post(path, (b) => {
        seen = b;
        return true;
      })
      .reply(
        200,
        body(usageColumns, [
          ["2024-05-01T00:00:00Z", "CallRecording", "Minute", 99.75, 7],
          ["2024-05-01T00:00:00Z", "SMS", "Message", 3, 1],
        ]),
      );
    const rows = await runOnWorkspace(
      usage,
      { startTime: "2024-05-01T00:00:00Z", endTime: "2024-05-02T00:00:00Z", usageTypes: ["CallRecording", "SMS"] },
      { workspaceId, credential },
    );
    expect(seen.query).toBe(
      'ACSRecordingUsage(datetime(2024-05-01T00:00:00.000Z), datetime(2024-05-02T00:00:00.000Z), 1d, dynamic(["CallRecording", "SMS"]))',
    );
    expect(seen.timespan).toBe("2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z");
    expect(rows).toEqual([
      {
        TimeGenerated: new Date("2024-05-01T00:00:00Z"),
        UsageType: "CallRecording",
        UnitType: "Minute",
        Quantity: 99.75,
        Records: 7,
      },
      {
        TimeGenerated: new Date("2024-05-01T00:00:00Z"),
        UsageType: "SMS",
        UnitType: "Message",
        Quantity: 3,
        Records: 1,
      },
    ]);
  });

  it("must parse dynamic columns the service sends as JSON text", async () => {
    nock(api)
      .post(path)
      .reply(
        200,
        body(
          [
            ["CorrelationId", "string"],
            ["Recordings", "long"],
            ["RecordedSeconds", "real"],
            ["FirstStart", "datetime"],
            ["LastEnd", "datetime"],
            ["Formats", "dynamic"],
            ["EndReasons", "dynamic"],
            ["AbnormalEnds", "long"],
          ],
          [
            [
              "call-b",
              2,
              540.5,
              "2024-05-01T09:00:00Z",
              "2024-05-01T09:14:00.5Z",
              '["wav"]',
              '["RecordingStopped","CallEnded"]',
              0,
            ],
          ],
        ),
      );
    const [row] = await runOnWorkspace(recordingsPerCall, {}, { workspaceId, credential });
    expect(row).toEqual({
      CorrelationId: "call-b",
      Recordings: 2,
      RecordedSeconds: 540.5,
      FirstStart: new Date("2024-05-01T09:00:00Z"),
      LastEnd: new Date("2024-05-01T09:14:00.500Z"),
      Formats: ["wav"],
      EndReasons: ["RecordingStopped", "CallEnded"],
      AbnormalEnds: 0,
    });
  });

  it("must reject a row whose column does not match the row schema, naming row and column", async () => {
    nock(api)
      .post(path)
      .reply(
        200,
        body(usageColumns, [
          ["2024-05-01T00:00:00Z", "SMS", "Message", 3, 1],
          ["2024-05-01T00:00:00Z", "SMS", "Message", "three", 1],
        ]),
      );
    await expect(runOnWorkspace(usage, {}, { workspaceId, credential })).rejects.toThrow(
      /template usage \(workspace\): row 2, column Quantity: expected a number, got "three"/,
    );
  });

  it("must reject a result that lacks a column or carries an unknown one", async () => {
    nock(api)
      .post(path)
      .reply(200, body(usageColumns.slice(0, 4), [["2024-05-01T00:00:00Z", "SMS", "Message", 3]]));
    await expect(runOnWorkspace(usage, {}, { workspaceId, credential })).rejects.toThrow(
      /row 1, column Records: missing from the result/,
    );
    nock(api)
      .post(path)
      .reply(
        200,
        body([...usageColumns, ["Extra", "string"]], [["2024-05-01T00:00:00Z", "SMS", "Message", 3, 1, "x"]]),
      );
    await expect(runOnWorkspace(usage, {}, { workspaceId, credential })).rejects.toThrow(
      /row 1, column Extra: not a column of the row schema/,
    );
  });

  it("must turn a partial failure into an error with the service's message", async () => {
    nock(api)
      .post(path)
      .reply(
        200,
        body(usageColumns, [], { error: { code: "PartialError", message: "Query exceeded the result size limit" } }),
      );
    await expect(runOnWorkspace(usage, {}, { workspaceId, credential })).rejects.toThrow(
      /did not complete: Query exceeded the result size limit/,
    );
  });

  it("must surface an HTTP error from the service", async () => {
    nock(api)
      .post(path)
      .reply(400, { error: { code: "BadArgumentError", message: "The request had some invalid properties" } });
    await expect(runOnWorkspace(usage, {}, { workspaceId, credential })).rejects.toThrow(/invalid properties/);
  });

  it("must send the saved functions as let definitions when asked to inline them", async () => {
    let query = "";
    nock(api)
      .post(path, (b) => ((query = b.query), true))
      .reply(200, body(usageColumns, []));
    await runOnWorkspace(usage, {}, { workspaceId, credential, inlineFunctions: true });
    expect(
      query.startsWith(
        "let ACSRecordingUsage = (starttime:datetime=datetime(null), endtime:datetime=datetime(null), timegrain:timespan=1d, usagetypes:dynamic=dynamic([]), resourceid:string='*') {\nACSBillingUsage\n",
      ),
    ).toBe(true);
    expect(query.endsWith("};\nACSRecordingUsage(datetime(null), datetime(null), 1d, dynamic([]))")).toBe(true);
  });

  it("must reject a workspace id that is not a GUID before any request", async () => {
    await expect(runOnWorkspace(usage, {}, { workspaceId: "my-workspace", credential })).rejects.toThrow(
      /is not a GUID; pass the workspace's customer id/,
    );
  });
});

describe("queryWorkspace (the CLI's --workspace path)", () => {
  it("must return the engine's value model: datetimes and timespans as bigint 100-ns ticks", async () => {
    nock(api)
      .post(path)
      .reply(
        200,
        body(
          [
            ["TimeGenerated", "datetime"],
            ["Grain", "timespan"],
            ["n", "long"],
          ],
          [["2024-05-01T00:00:00Z", "1.02:00:00", 5]],
        ),
      );
    const result = await queryWorkspace(workspaceId, "print 1", { credential });
    // 2024-05-01 = 1,714,521,600,000 ms after the epoch, x 10,000 ticks/ms; 1.02:00:00 = 26 h = 93,600 s x 10^7 ticks/s
    expect(result.rows).toEqual([{ TimeGenerated: 17_145_216_000_000_000n, Grain: 936_000_000_000n, n: 5 }]);
    expect(result.columns.map((c) => c.type)).toEqual(["datetime", "timespan", "long"]);
  });

  it("must refuse --now, which only local data honours", async () => {
    await expect(queryWorkspace(workspaceId, "print 1", { credential, now: 0 })).rejects.toThrow(
      /--now sets the clock of local data only/,
    );
  });
});
