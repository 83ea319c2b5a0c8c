import * as fs from "node:fs";
import * as path from "node:path";
import { stackFileConfig } from "../../src/cli/stack-file";
import { type BadInputCase, messageOf } from "./case";
import { runCliHere, runCliProcess, seen } from "./run-cli";
import { scratchDir } from "./temp";

// synth against hostile output directories and stack files: nothing of the user's is lost, no secret is printed.

const p = "acs-recording-insights:";
const stackFile = (...lines: string[]) =>
  ["config:", `  ${p}location: westeurope`, `  ${p}dataLocation: Europe`, ...lines, ""].join("\n");
const emails = [`  ${p}alerts:`, "    emails: [oncall@example.com]"];

function synth(tried: string, sees: string[], attempt: () => string | Promise<string>): BadInputCase {
  return { area: "synth", tried, sees, attempt };
}

/** Runs synth on a stack file in a fresh process (the program runs) and reports the exit, stderr and what plan.json holds. */
function synthStack(text: string): string {
  const dir = scratchDir({ "Pulumi.test.yaml": text });
  const r = runCliProcess([
    "synth",
    "--stack",
    "test",
    "--stack-file",
    path.join(dir, "Pulumi.test.yaml"),
    "--out",
    dir,
  ]);
  const plan = path.join(dir, "plan.json");
  return `${seen(r)}\nplan.json: ${fs.existsSync(plan) ? fs.readFileSync(plan, "utf8") : "(none)"}`;
}

export const synthCases: readonly BadInputCase[] = [
  synth(
    "a failed synth with a plan.json from an earlier run in --out",
    ["exit 1", "Pulumi.nosuch.yaml not found", "plan.json was left as it was", "plan.json still holds: keep"],
    async () => {
      const dir = scratchDir({ "plan.json": "keep\n" });
      const r = await runCliHere(["synth", "--stack", "nosuch", "--out", dir]);
      return `${seen(r)}\nplan.json still holds: ${fs.readFileSync(path.join(dir, "plan.json"), "utf8")}`;
    },
  ),
  synth(
    "out/plan.json a symbolic link to another file",
    [
      "exit 2",
      "--out:",
      "plan.json is a symbolic link",
      "synth does not write through links",
      "link target still holds: precious",
    ],
    async () => {
      const dir = scratchDir({ "target.txt": "precious\n" });
      const out = path.join(dir, "out");
      fs.mkdirSync(out);
      fs.symlinkSync(path.join(dir, "target.txt"), path.join(out, "plan.json"));
      const r = await runCliHere(["synth", "--stack", "dev", "--out", out]);
      return `${seen(r)}\nlink target still holds: ${fs.readFileSync(path.join(dir, "target.txt"), "utf8")}`;
    },
  ),
  synth("a secure: tag value", ["exit 0", '"costCenter": "[secret]"'], () => {
    const seenText = synthStack(
      stackFile(...emails, `  ${p}tags:`, "    costCenter:", "      secure: v1:AAAAencryptedtagAAAA"),
    );
    return seenText.includes("AAAAencryptedtagAAAA") || seenText.includes("secret.invalid")
      ? "LEAKED the secure value or its placeholder"
      : seenText;
  }),
  synth(
    "a secure: communication.name and a secure: alert e-mail",
    [
      "exit 1",
      "communication.name: is a secure (encrypted) value; offline synth cannot decrypt it, so it cannot check it",
      "fix: check it with `pulumi preview --stack test`",
      "alerts.emails[0]: is a secure (encrypted) value",
      "plan.json: (none)",
    ],
    () =>
      synthStack(
        stackFile(
          `  ${p}communication:`,
          "    name:",
          "      secure: v1:AAAAname",
          `  ${p}alerts:`,
          "    emails:",
          "      - secure: v1:AAAAmail",
        ),
      ),
  ),
];

function stackText(tried: string, text: string, sees: string[]): BadInputCase {
  return { area: "stack file", tried, sees, attempt: () => messageOf(() => stackFileConfig(text, "Pulumi.dev.yaml")) };
}

export const stackFileCases: readonly BadInputCase[] = [
  stackText("workspace.retentionInDays: .nan", `config:\n  ${p}workspace:\n    retentionInDays: .nan\n`, [
    `Pulumi.dev.yaml: ${p}workspace.retentionInDays is NaN (YAML .nan/.inf); Pulumi config holds only finite numbers, so write a number such as 30`,
  ]),
  stackText(
    "alerts.rules.start-latency.threshold: .inf",
    `config:\n  ${p}alerts:\n    rules:\n      start-latency:\n        threshold: .inf\n`,
    [`${p}alerts.rules.start-latency.threshold is Infinity (YAML .nan/.inf)`],
  ),
  stackText("a negative infinity in a list (-.inf)", `config:\n  ${p}tags:\n    x: [-.inf]\n`, [
    `${p}tags.x[0] is -Infinity`,
  ]),
  stackText("a YAML document that is only a string", "just some text\n", [
    'Pulumi.dev.yaml: must be a YAML map with a "config:" section, got a string; see Pulumi.dev.yaml for the shape',
  ]),
  stackText("a YAML document that is a list", "- config\n", [
    'must be a YAML map with a "config:" section, got a list',
  ]),
  stackText('"config" written as a list', "config:\n  - a\n", [
    'Pulumi.dev.yaml: "config" must be a map of keys to values',
  ]),
  stackText("a config key without the project namespace (location:)", "config:\n  location: westeurope\n", [
    'config key "location" must be namespaced, e.g. "acs-recording-insights:location"',
  ]),
];
