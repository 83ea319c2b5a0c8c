import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { recordPlan, stableJson, type Plan } from "../infra/plan";
import { replaceFile, replaceRefusal } from "./replace-file";
import { explainSecureIssues, redactPlaceholders } from "./secrets";
import { stackFileConfig } from "./stack-file";

export { offlineSecret, stackFileConfig } from "./stack-file";

// `acs-insights synth`: the real program under Pulumi mocks, config from Pulumi.<stack>.yaml, written as a reviewable plan.

const projectRoot = path.resolve(__dirname, "..", "..");

const usage = [
  "usage: acs-insights synth [--stack <name>] [--out <dir>] [--stack-file <path>]",
  "  runs the stack program offline under Pulumi mocks and writes <dir>/plan.json",
  "  --stack       stack name; config from Pulumi.<stack>.yaml (default dev)",
  "  --out         output directory (default out)",
  "  --stack-file  read the config from this file instead of Pulumi.<stack>.yaml",
].join("\n");

interface SynthArgs {
  readonly stack: string;
  readonly out: string;
  readonly stackFile?: string;
}

function parseArgs(argv: string[]): SynthArgs | string {
  let stack = "dev";
  let out = "out";
  let stackFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--stack" || flag === "--out" || flag === "--stack-file") {
      if (value === undefined || value.startsWith("--")) return `${flag} needs a value`;
      if (flag === "--stack") stack = value;
      else if (flag === "--out") out = value;
      else stackFile = value;
      i++;
    } else {
      return `unknown option ${JSON.stringify(flag)}`;
    }
  }
  if (!/^[\w.-]+$/.test(stack)) return `--stack must be a stack name such as dev or prod, got ${JSON.stringify(stack)}`;
  return { stack, out, stackFile };
}

function projectName(): string {
  const doc = parseYaml(fs.readFileSync(path.join(projectRoot, "Pulumi.yaml"), "utf8")) as { name?: unknown };
  if (typeof doc?.name !== "string") throw new Error("Pulumi.yaml: missing the project name");
  return doc.name;
}

export async function synthesize(stack: string, stackFile?: string): Promise<Plan> {
  const stackPath = stackFile ? path.resolve(stackFile) : path.join(projectRoot, `Pulumi.${stack}.yaml`);
  const file = path.basename(stackPath);
  if (!fs.existsSync(stackPath)) throw new Error(`${stackPath} not found; create it (see README "Forking per environment") or pass --stack / --stack-file`);
  const { config, secretKeys, securePaths, environments } = stackFileConfig(fs.readFileSync(stackPath, "utf8"), file);
  if (environments.length > 0) {
    process.stderr.write(`note: ${file} imports ESC environments (${environments.join(", ")}); offline synth uses only the values in the file\n`);
  }
  try {
    const plan = await recordPlan({ project: projectName(), stack, config, secretKeys }, async () => {
      const program: Record<string, unknown> = await import("../index");
      return Object.fromEntries(Object.entries(program).filter(([k]) => k !== "default" && k !== "__esModule"));
    });
    return redactPlaceholders(plan);
  } catch (err) {
    throw explainSecureIssues(err, securePaths);
  }
}

export function summaryTable(plan: Plan): string {
  const rows = plan.resources.map((r) => [r.type, r.name, r.parent ?? "-", [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : ""].filter(Boolean).join(",") || "-"]);
  const header = ["TYPE", "NAME", "PARENT", "FLAGS"];
  // A loop, not Math.max(...rows): spreading a huge array overflows the call stack.
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** Relative to the working directory when inside it, absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`acs-insights synth: ${args}\n${usage}\n`);
    return 2;
  }
  const planFile = path.resolve(args.out, "plan.json");
  const refusal = replaceRefusal(planFile);
  if (refusal) {
    process.stderr.write(`acs-insights synth: --out: ${refusal}\n`);
    return 2;
  }
  let plan: Plan;
  try {
    plan = await synthesize(args.stack, args.stackFile);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The plan of an earlier run stays: this run only replaces what it wrote in full.
    const kept = fs.existsSync(planFile) ? `\n${displayPath(planFile)} was left as it was (it is not from this run)` : "";
    process.stderr.write(`acs-insights synth: ${message}${kept}\n`);
    return 1;
  }
  try {
    replaceFile(planFile, stableJson(plan));
  } catch (err) {
    process.stderr.write(`acs-insights synth: cannot write ${displayPath(planFile)}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(`${summaryTable(plan)}\n\n${plan.resources.length} resources for stack "${args.stack}" → ${displayPath(planFile)}\n`);
  return 0;
}
