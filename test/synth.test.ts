import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../src/cli/synth";
import { captureCli } from "./cli-capture";
import { dirWith } from "./data/temp-dir";
import { types, withoutStackTraces } from "./stack/harness";

// Each case runs the whole program under mocks; on a busy 2-core machine that can take seconds.
vi.setConfig({ testTimeout: 60_000 });

// The synth CLI end to end: the real program, config from the stack file, plan.json on disk.

async function synth(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  vi.resetModules();
  const { code, out, err } = await withoutStackTraces(() => captureCli(run, args));
  return { code, stdout: out, stderr: err };
}

const tmp = () => dirWith({}, "acs-synth-");

afterEach(() => vi.restoreAllMocks());

describe("acs-insights synth", () => {
  it("must write a plan with the expected resources for the dev stack and print a table of them", async () => {
    const dir = tmp();
    const result = await synth(["--stack", "dev", "--out", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const plan = JSON.parse(fs.readFileSync(path.join(dir, "plan.json"), "utf8"));
    const count = (type: string) => plan.resources.filter((r: { type: string }) => r.type === type).length;
    const kqlFiles = fs.readdirSync(path.resolve(__dirname, "../kql")).filter((f) => f.endsWith(".kql")).length;
    expect(count("azure-native:communication:CommunicationService")).toBe(1);
    expect(count("azure-native:operationalinsights:Workspace")).toBe(1);
    expect(count("azure-native:monitor:DiagnosticSetting")).toBe(1);
    expect(count(types.table)).toBe(3);
    expect(count(types.search)).toBe(kqlFiles);
    // One bound to the workspace, one to the ACS resource.
    expect(count("azure-native:applicationinsights:Workbook")).toBe(2);
    expect(count("azure-native:monitor:ActionGroup")).toBe(1);
    expect(count("azure-native:monitor:ScheduledQueryRule")).toBe(6);
    expect(plan.stack).toBe("dev");
    expect(result.stdout).toMatch(/^TYPE\s+NAME\s+PARENT\s+FLAGS/);
    expect(result.stdout).toContain(`${plan.resources.length} resources for stack "dev"`);
  });

  it("must write byte-identical plans on two runs of an unchanged stack", async () => {
    const [a, b] = [tmp(), tmp()];
    expect((await synth(["--stack", "prod", "--out", a])).code).toBe(0);
    expect((await synth(["--stack", "prod", "--out", b])).code).toBe(0);
    const first = fs.readFileSync(path.join(a, "plan.json"));
    expect(first.equals(fs.readFileSync(path.join(b, "plan.json")))).toBe(true);
    expect(first.toString("utf8")).not.toContain("\r");
    expect(first.toString("utf8").endsWith("}\n")).toBe(true);
  });

  it("must protect and lock the prod stack's stateful resources", async () => {
    const dir = tmp();
    expect((await synth(["--stack", "prod", "--out", dir])).code).toBe(0);
    const plan = JSON.parse(fs.readFileSync(path.join(dir, "plan.json"), "utf8"));
    const byType = (t: string) => plan.resources.find((r: { type: string }) => r.type === t);
    expect(byType("azure-native:operationalinsights:Workspace").protect).toBe(true);
    expect(byType("azure-native:communication:CommunicationService").protect).toBe(true);
    expect(byType("azure-native:authorization:ManagementLockByScope").inputs.level).toBe("CanNotDelete");
  });

  it("must exit 1 on bad config, name the key and the fix, and keep the earlier plan untouched", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "plan.json"), "{}\n");
    const stackFile = path.join(dir, "Pulumi.broken.yaml");
    fs.writeFileSync(
      stackFile,
      [
        "config:",
        "  acs-recording-insights:location: westeurope",
        "  acs-recording-insights:dataLocation: Atlantis",
        "  acs-recording-insights:alerts:",
        "    enabled: false",
        "",
      ].join("\n"),
    );
    const result = await synth(["--stack", "broken", "--stack-file", stackFile, "--out", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("acs-recording-insights:dataLocation");
    expect(result.stderr).toContain("pulumi config set dataLocation");
    expect(result.stderr).toContain("plan.json was left as it was (it is not from this run)");
    expect(fs.readFileSync(path.join(dir, "plan.json"), "utf8")).toBe("{}\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["Pulumi.broken.yaml", "plan.json"]);
  });

  it("must redact secure values from the plan", async () => {
    const dir = tmp();
    const stackFile = path.join(dir, "Pulumi.secret.yaml");
    fs.writeFileSync(
      stackFile,
      [
        "config:",
        "  acs-recording-insights:location: westeurope",
        "  acs-recording-insights:dataLocation: Europe",
        "  acs-recording-insights:alerts:",
        "    webhookUrl:",
        "      secure: v1:AAAAencryptedhookAAAA",
        "",
      ].join("\n"),
    );
    expect((await synth(["--stack", "secret", "--stack-file", stackFile, "--out", dir])).code).toBe(0);
    const text = fs.readFileSync(path.join(dir, "plan.json"), "utf8");
    expect(text).not.toContain("AAAAencryptedhookAAAA");
    expect(text).not.toContain("secret.invalid");
    expect(text).toContain('"webhookReceivers": "[secret]"');
  });

  it("must refuse unknown options with a usage message", async () => {
    const result = await synth(["--stak", "dev"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option --stak (did you mean --stack?)");
  });
});

describe("the acs-insights bin", () => {
  it("must synth through `node dist/cli/bin.js` in a fresh process with the same bytes as in-process", async () => {
    const [a, b] = [tmp(), tmp()];
    // The fresh process runs on the other core while the in-process synth runs here.
    const fresh = promisify(execFile)(process.execPath, [
      path.resolve(__dirname, "../dist/cli/bin.js"),
      "synth",
      "--stack",
      "dev",
      "--out",
      a,
    ]);
    expect((await synth(["--stack", "dev", "--out", b])).code).toBe(0);
    await fresh;
    expect(fs.readFileSync(path.join(a, "plan.json"), "utf8")).toBe(fs.readFileSync(path.join(b, "plan.json"), "utf8"));
  });
});

describe("stack files with ESC imports", () => {
  it("must say that imported ESC environments are not resolved offline, and still synth", async () => {
    const dir = tmp();
    const stackFile = path.join(dir, "Pulumi.esc.yaml");
    fs.writeFileSync(
      stackFile,
      [
        "environment:",
        "  - acs-recording-insights/shared",
        "config:",
        "  acs-recording-insights:location: westeurope",
        "  acs-recording-insights:dataLocation: Europe",
        "  acs-recording-insights:alerts:",
        "    emails: [a@example.com]",
        "",
      ].join("\n"),
    );
    const result = await synth(["--stack", "esc", "--stack-file", stackFile, "--out", dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("imports ESC environments (acs-recording-insights/shared)");
  });
});
