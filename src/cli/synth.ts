import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { type Plan, recordPlan, stableJson } from "../infra/plan";
import { type ParsedArgs, stringFlag, UsageError } from "./args";
import { synthSpec } from "./commands";
import { inputFileFlag, outputDirFlag } from "./flags";
import { replaceFile, replaceRefusal } from "./replace-file";
import { runCommand } from "./run";
import { explainSecureIssues, redactPlaceholders } from "./secrets";
import { readStackFile, stackFileConfig } from "./stack-file";

export { offlineSecret, stackFileConfig } from "./stack-file";

// `acs-insights synth`: the real program under Pulumi mocks, config from Pulumi.<stack>.yaml, written as a reviewable plan.

const projectRoot = path.resolve(__dirname, "..", "..");

function projectName(): string {
  const doc = parseYaml(fs.readFileSync(path.join(projectRoot, "Pulumi.yaml"), "utf8")) as { name?: unknown };
  if (typeof doc?.name !== "string") throw new Error("Pulumi.yaml: missing the project name");
  return doc.name;
}

export async function synthesize(stack: string, stackFile?: string): Promise<Plan> {
  const stackPath = stackFile ? path.resolve(stackFile) : path.join(projectRoot, `Pulumi.${stack}.yaml`);
  const file = path.basename(stackPath);
  if (!fs.existsSync(stackPath))
    throw new Error(
      `${stackPath} not found; create it (see README "Forking per environment") or pass --stack / --stack-file`,
    );
  const { config, secretKeys, securePaths, environments } = stackFileConfig(readStackFile(stackPath), file);
  if (environments.length > 0) {
    process.stderr.write(
      `note: ${file} imports ESC environments (${environments.join(", ")}); offline synth uses only the values in the file\n`,
    );
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
  const rows = plan.resources.map((r) => [
    r.type,
    r.name,
    r.parent ?? "-",
    [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : ""].filter(Boolean).join(",") || "-",
  ]);
  const header = ["TYPE", "NAME", "PARENT", "FLAGS"];
  // A loop, not Math.max(...rows): spreading a huge array overflows the call stack.
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** Relative to the working directory when inside it, absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

interface SynthArgs {
  readonly stack: string;
  readonly out: string;
  readonly stackFile?: string;
}

function synthArgs(args: ParsedArgs): SynthArgs {
  const stack = stringFlag(args, "stack") ?? "dev";
  if (!/^[\w.-]+$/.test(stack))
    throw new UsageError(`--stack must be a stack name such as dev or prod, got ${JSON.stringify(stack)}`);
  const out = outputDirFlag(args, "out", "out", "plan.json");
  const stackFile = inputFileFlag(args, "stack-file", "a Pulumi.<stack>.yaml file");
  const refusal = replaceRefusal(path.resolve(out, "plan.json"));
  if (refusal) throw new UsageError(`--out: ${refusal}`);
  return { stack, out, stackFile };
}

export async function execute(parsed: ParsedArgs): Promise<number> {
  const args = synthArgs(parsed);
  const planFile = path.resolve(args.out, "plan.json");
  let plan: Plan;
  try {
    plan = await synthesize(args.stack, args.stackFile);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The plan of an earlier run stays: this run only replaces what it wrote in full.
    const kept = fs.existsSync(planFile)
      ? `\n${displayPath(planFile)} was left as it was (it is not from this run)`
      : "";
    process.stderr.write(`acs-insights synth: ${message}${kept}\n`);
    return 1;
  }
  try {
    replaceFile(planFile, stableJson(plan));
  } catch (err) {
    process.stderr.write(
      `acs-insights synth: cannot write ${displayPath(planFile)}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `${summaryTable(plan)}\n\n${plan.resources.length} resources for stack "${args.stack}" → ${displayPath(planFile)}\n`,
  );
  return 0;
}

export const run = (argv: string[]): Promise<number> => runCommand({ ...synthSpec, load: async () => execute }, argv);
