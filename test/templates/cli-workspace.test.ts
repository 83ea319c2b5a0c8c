import "./with-resolvers";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/query";
import { captureCli } from "../cli-capture";

vi.setConfig({ testTimeout: 60_000 });

const tenant = "72f988bf-0000-4000-8000-000000000001";
const workspaceId = "7d4a1c3e-0b5f-4e8e-9a51-2f3c4d5e6f70";
const saved = { ...process.env };

const capture = (argv: string[]) => captureCli(run, argv);

beforeAll(() => {
  nock.disableNetConnect();
  // DefaultAzureCredential takes a service principal from the environment first.
  Object.assign(process.env, {
    AZURE_TENANT_ID: tenant,
    AZURE_CLIENT_ID: "00000000-0000-4000-8000-00000000c11e",
    AZURE_CLIENT_SECRET: "test-secret",
  });
});

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  process.env = saved;
});

describe("acs-insights query --workspace", () => {
  it("must sign in with DefaultAzureCredential, query the workspace and print JSON rows", async () => {
    let tokenRequests = 0;
    nock("https://login.microsoftonline.com")
      .persist()
      .get(/discovery\/instance/)
      .reply(200, {
        tenant_discovery_endpoint: `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [
          {
            preferred_network: "login.microsoftonline.com",
            preferred_cache: "login.windows.net",
            aliases: ["login.microsoftonline.com", "login.windows.net"],
          },
        ],
      })
      .get(/openid-configuration/)
      .reply(200, {
        token_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
        issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        end_session_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/logout`,
      })
      .post(/\/oauth2\/v2.0\/token/)
      .reply(200, () => {
        tokenRequests += 1;
        return { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: "cli-token" };
      });
    let query = "";
    nock("https://api.loganalytics.io")
      .matchHeader("authorization", "Bearer cli-token")
      .post(`/v1/workspaces/${workspaceId}/query`, (b) => ((query = b.query), true))
      .reply(200, {
        tables: [
          {
            name: "PrimaryResult",
            columns: [
              { name: "TimeGenerated", type: "datetime" },
              { name: "n", type: "long" },
            ],
            rows: [["2024-05-01T00:00:00Z", 3]],
          },
        ],
      });
    const result = await capture([
      "--workspace",
      workspaceId,
      "--format",
      "json",
      "ACSRecordings() | summarize n = count() by TimeGenerated = bin(TimeGenerated, 1d)",
    ]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(query).toBe("ACSRecordings() | summarize n = count() by TimeGenerated = bin(TimeGenerated, 1d)");
    expect(JSON.parse(result.out)).toEqual([{ TimeGenerated: "2024-05-01T00:00:00.0000000Z", n: 3 }]);
    expect(tokenRequests).toBe(1);
  });

  it("must reject a workspace id that is not a GUID with the fix", async () => {
    const result = await capture(["--workspace", "prod-logs", "print 1"]);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/"prod-logs" is not a GUID; pass the workspace's customer id/);
  });
});
