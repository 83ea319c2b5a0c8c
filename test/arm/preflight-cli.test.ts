import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import { acsId, type FakeArm, startFakeArm, subscriptionId, workspaceId } from "./fakeArm";

// `acs-insights preflight` end to end against the fake ARM: exit 0 when nothing blocks, 1 with a message per blocking
// finding, 2 for a usage error; --format json prints only the JSON document.

vi.setConfig({ testTimeout: 60_000 });

// Hermetic: the credential settings of the shell running the tests must not decide the sign-in method here.
beforeEach(() => {
  for (const name of [
    "ARM_CLIENT_SECRET",
    "ARM_USE_OIDC",
    "ARM_USE_MSI",
    "ARM_USE_DEFAULT_AZURE_CREDENTIAL",
    "ARM_CLIENT_CERTIFICATE_PATH",
    "ARM_ENVIRONMENT",
  ]) {
    vi.stubEnv(name, "");
  }
});

let arm: FakeArm | undefined;
let dir: string | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function stackFile(extra = ""): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-preflight-"));
  const file = path.join(dir, "Pulumi.shared.yaml");
  fs.writeFileSync(
    file,
    `config:
  azure-native:subscriptionId: ${subscriptionId}
  acs-recording-insights:location: westeurope
  acs-recording-insights:workspace:
    existingResourceId: ${workspaceId}
  acs-recording-insights:communication:
    existingResourceId: ${acsId}
  acs-recording-insights:alerts:
    emails: [oncall@example.com]
${extra}`,
  );
  return file;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe("acs-insights preflight", () => {
  it("must exit 0 and say nothing blocks when the subscription is ready", async () => {
    arm = await startFakeArm({ acs: { [acsId]: { location: "global", diagnosticSettings: new Map() } } });
    vi.stubEnv("ACS_INSIGHTS_ARM_ENDPOINT", arm.url);
    const r = await run(["preflight", "--stack", "shared", "--stack-file", stackFile()]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "ok    table-retention: ACSCallRecordingSummary keeps 30/30 days (workspace default); the stack sets 90/365",
    );
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("preflight: nothing blocks pulumi up");
  });

  it("must exit 1 and print each blocking finding with what to do, as JSON with --format json", async () => {
    arm = await startFakeArm({ acs: { [acsId]: { location: "global", diagnosticSettings: new Map() } } });
    arm.state.workspaces.get(workspaceId.toLowerCase())!.location = "eastus";
    vi.stubEnv("ACS_INSIGHTS_ARM_ENDPOINT", arm.url);
    const r = await run(["preflight", "--stack", "shared", "--stack-file", stackFile(), "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ stack: "shared", subscriptionId, blocking: true });
    expect(doc.findings.filter((f: { severity: string }) => f.severity === "block")).toEqual([
      {
        check: "workspace-region",
        severity: "block",
        message:
          "workspace is in eastus, but location is westeurope: the alert rules and the workbook would be created in westeurope",
        action: "pulumi config set location eastus --stack shared",
      },
    ]);
  });

  it("must exit 2 for a usage error, naming the flag", async () => {
    const r = await run(["preflight", "--format", "yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('acs-insights preflight: --format "yaml" is not one of text, json');
  });

  it("must exit 1 with a blocking finding when no subscription can be told", async () => {
    arm = await startFakeArm();
    vi.stubEnv("ACS_INSIGHTS_ARM_ENDPOINT", arm.url);
    vi.stubEnv("ARM_SUBSCRIPTION_ID", "");
    const file = stackFile();
    // A stack that creates its own workspace and names no subscription: only the Azure CLI's default would tell.
    fs.writeFileSync(
      file,
      "config:\n  acs-recording-insights:location: westeurope\n  acs-recording-insights:dataLocation: Europe\n  acs-recording-insights:alerts:\n    emails: [oncall@example.com]\n",
    );
    const r = await run(["preflight", "--stack", "shared", "--stack-file", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("BLOCK subscription: cannot tell which subscription the provider deploys to");
    expect(arm.calls).toEqual([]);
  });
});
