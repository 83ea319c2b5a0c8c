import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it, vi } from "vitest";
import { savedFunctionShim, tableRetentionShim } from "../../src/infra/armProviders";
import { callLines, type FakeArm, startFakeArm, workspaceId } from "../arm/fakeArm";

// The dynamic providers as `pulumi up` runs them: Pulumi serialises the provider closure and a separate Node process (the
// dynamic provider host, which has no TypeScript loader) evaluates it with require-from-string. Done here for real, in a
// child process started outside the project directory, against the fake ARM.

vi.setConfig({ testTimeout: 120_000 });

let arm: FakeArm | undefined;
let dir: string | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const requireFromString = require.resolve("require-from-string");

async function runSerialized(
  provider: pulumi.dynamic.ResourceProvider,
  method: string,
  args: unknown[],
  env: Record<string, string>,
): Promise<unknown> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-provider-"));
  const file = path.join(dir, "provider.js");
  fs.writeFileSync(file, serialized.text);
  const script = `
    const rfs = require(${JSON.stringify(requireFromString)});
    const provider = rfs(require("fs").readFileSync(${JSON.stringify(file)}, "utf8")).handler();
    provider[${JSON.stringify(method)}](...${JSON.stringify(args)}).then(
      (r) => process.stdout.write(JSON.stringify(r ?? null)),
      (e) => { process.stderr.write(String(e && e.message)); process.exitCode = 1; });`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["-e", script],
      { cwd: dir, env: { PATH: process.env.PATH ?? "", ...env } },
      (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(JSON.parse(stdout))),
    );
  });
}

describe("the serialised dynamic providers", () => {
  it("must hold no secret and no module object, only paths: the closure text names src/arm and ts-node, nothing else of ours", async () => {
    const text = (await pulumi.runtime.serializeFunction(() => tableRetentionShim, { allowSecrets: true })).text;
    expect(text).toContain(path.resolve(__dirname, "../../src/arm"));
    expect(text).not.toMatch(/ARM_CLIENT_SECRET|Bearer|password/i);
    expect(text.length).toBeLessThan(20_000);
  });

  it("TableRetention.create must run in a plain Node process and PATCH the table through the fake ARM", async () => {
    arm = await startFakeArm();
    const out = (await runSerialized(
      tableRetentionShim,
      "create",
      [
        {
          workspaceId,
          tableName: "ACSBillingUsage",
          retentionInDays: 60,
          totalRetentionInDays: 400,
          allowRetentionDecrease: false,
          armConfig: {},
        },
      ],
      { ACS_INSIGHTS_ARM_ENDPOINT: arm.url },
    )) as { id: string };
    const table = `${workspaceId}/tables/ACSBillingUsage`;
    expect(out.id).toBe(table);
    expect(callLines(arm.calls)).toEqual([`GET ${table}`, `PATCH ${table}`]);
  });

  it("SavedFunction.update must run in a plain Node process and PUT with etag *", async () => {
    arm = await startFakeArm();
    const inputs = {
      workspaceId,
      savedSearchId: "acs-recording-insights-dev-acsrecordings",
      stack: "dev",
      category: "ACS Call Recording",
      displayName: "ACSRecordings",
      functionAlias: "ACSRecordings",
      query: "ACSCallRecordingSummary",
      version: 2,
      tags: [],
      armConfig: {},
    };
    await runSerialized(savedFunctionShim, "update", [inputs.savedSearchId, inputs, inputs], {
      ACS_INSIGHTS_ARM_ENDPOINT: arm.url,
    });
    expect(callLines(arm.calls)).toEqual([`PUT ${workspaceId}/savedSearches/acs-recording-insights-dev-acsrecordings`]);
    expect(arm.calls[0].body.etag).toBe("*");
  });
});
