import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The CI/CD path, checked as data: triggers, OIDC, no stored secrets, and the offline tests before any Pulumi step.

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  env?: Record<string, unknown>;
  steps: Step[];
  needs?: string | string[];
}
interface Workflow {
  on: Record<string, any>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const dir = path.resolve(__dirname, "../.github/workflows");
const load = (file: string): { text: string; wf: Workflow } => {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return { text, wf: parse(text) as Workflow };
};
const pulumiSteps = (job: Job) => job.steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
const index = (job: Job, match: (s: Step) => boolean) => job.steps.findIndex(match);

const workflows = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe("GitHub workflows", () => {
  it("must preview on pull requests and comment the preview on the PR", () => {
    const { wf } = load("preview.yml");
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    const steps = Object.values(wf.jobs).flatMap(pulumiSteps);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(s.with).toMatchObject({ command: "preview", "comment-on-pr": true });
    expect(wf.permissions["pull-requests"]).toBe("write");
  });

  it("must run pulumi up on pushes to main only", () => {
    const { wf } = load("up.yml");
    expect(Object.keys(wf.on)).toEqual(["push"]);
    expect(wf.on.push.branches).toEqual(["main"]);
    const steps = Object.values(wf.jobs).flatMap(pulumiSteps);
    expect(steps.map((s) => s.with?.command)).toEqual(["up", "up"]);
    // prod only after dev went through.
    expect(wf.jobs["up-prod"].needs).toBe("up-dev");
  });

  for (const file of workflows) {
    it(`${file} must log in to Azure with OIDC from repository variables`, () => {
      const { wf } = load(file);
      expect(wf.permissions["id-token"]).toBe("write");
      for (const job of Object.values(wf.jobs).filter((j) => pulumiSteps(j).length > 0)) {
        expect(job.env?.ARM_USE_OIDC).toBe("true");
        for (const v of ["ARM_CLIENT_ID", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID"])
          expect(String(job.env?.[v])).toMatch(/^\$\{\{ vars\.[A-Z_]+ \}\}$/);
      }
    });

    it(`${file} must hold no long-lived secrets`, () => {
      const { text } = load(file);
      const secrets = [...text.matchAll(/secrets\.([A-Za-z_]+)/g)].map((m) => m[1]);
      expect(secrets.filter((s) => s !== "PULUMI_ACCESS_TOKEN")).toEqual([]);
      expect(text).not.toMatch(/ARM_CLIENT_SECRET|ARM_CLIENT_CERTIFICATE|AZURE_CREDENTIALS/);
    });

    it(`${file} must set up Node, npm ci and run the offline tests before any Pulumi step`, () => {
      const { wf } = load(file);
      for (const job of Object.values(wf.jobs).filter((j) => pulumiSteps(j).length > 0)) {
        const node = index(job, (s) => s.uses?.startsWith("actions/setup-node@") === true);
        const ci = index(job, (s) => /^npm ci\b/.test(s.run ?? ""));
        const test = index(job, (s) => (s.run ?? "").trim() === "npm test");
        const auth = index(job, (s) => s.uses?.startsWith("pulumi/auth-actions@") === true);
        const pulumi = index(job, (s) => s.uses?.startsWith("pulumi/actions@") === true);
        expect([node, ci, test].every((i) => i >= 0)).toBe(true);
        expect(node).toBeLessThan(ci);
        expect(ci).toBeLessThan(test);
        expect(test).toBeLessThan(auth);
        expect(auth).toBeLessThan(pulumi);
      }
    });

    it(`${file} must install and test with the same commands as .ci/run`, () => {
      const { wf } = load(file);
      const ciRun = fs.readFileSync(path.resolve(__dirname, "../.ci/run"), "utf8");
      const commands = ciRun
        .split("\n")
        .filter((l) => /^npm /.test(l.trim()))
        .map((l) => l.trim());
      // .ci/run's two commands, each present verbatim as a step of every job that tests.
      expect(commands).toEqual(["npm ci --no-audit --no-fund", "npm test"]);
      for (const job of Object.values(wf.jobs)) {
        const runs = job.steps.map((s) => (s.run ?? "").trim());
        expect(runs).toEqual(expect.arrayContaining(commands));
      }
    });

    it(`${file} must keep the browser test's screenshots as an artifact, also when the tests fail`, () => {
      const { wf } = load(file);
      const names: unknown[] = [];
      for (const job of Object.values(wf.jobs)) {
        const test = index(job, (s) => (s.run ?? "").trim() === "npm test");
        const upload = index(
          job,
          (s) => s.uses?.startsWith("actions/upload-artifact@") === true && s.with?.path === "out/screenshots/",
        );
        expect(upload).toBeGreaterThan(test);
        expect((job.steps[upload] as Step & { if?: string }).if).toBe("always()");
        names.push(job.steps[upload].with?.name);
      }
      // upload-artifact v4 refuses a second artifact of the same name in one run.
      expect(new Set(names).size).toBe(names.length);
    });

    it(`${file} must get its Pulumi token through OIDC and pin every action to a version`, () => {
      const { wf } = load(file);
      for (const job of Object.values(wf.jobs)) {
        const auth = job.steps.find((s) => s.uses?.startsWith("pulumi/auth-actions@"));
        expect(auth?.with?.["requested-token-type"]).toBe("urn:pulumi:token-type:access_token:organization");
        for (const s of job.steps.filter((x) => x.uses)) expect(s.uses).toMatch(/@v\d+$/);
      }
    });
  }
});
