import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../config";
import { recordPlan, stableJson, type Plan } from "../infra/plan";

// `acs-insights synth`: the real program under Pulumi mocks, config from Pulumi.<stack>.yaml, written as a reviewable plan.

const projectRoot = path.resolve(__dirname, "..", "..");

/** Stands in for a `secure:` value, which cannot be decrypted offline; an https URL so a secret webhook still validates. */
export const offlineSecret = "https://secret.invalid/not-decrypted-offline";

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

/** Flattens a stack file's `config:` to what Pulumi hands a program: "project:key" → string, objects as JSON. */
export function stackFileConfig(text: string, file: string): { config: Record<string, string>; secretKeys: string[]; environments: string[] } {
  const doc = (parseYaml(text) ?? {}) as { config?: Record<string, unknown>; environment?: unknown };
  if (doc.config !== undefined && (typeof doc.config !== "object" || doc.config === null || Array.isArray(doc.config))) {
    throw new Error(`${file}: "config" must be a map of keys to values`);
  }
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const isSecure = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && "secure" in v;
  const unsecure = (v: unknown): unknown =>
    isSecure(v) ? offlineSecret : Array.isArray(v) ? v.map(unsecure) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unsecure(x)])) : v;
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    if (!key.includes(":")) throw new Error(`${file}: config key "${key}" must be namespaced, e.g. "acs-recording-insights:${key}"`);
    const plain = unsecure(value);
    if (JSON.stringify(plain) !== JSON.stringify(value)) secretKeys.push(key);
    config[key] = typeof plain === "string" ? plain : typeof plain === "object" && plain !== null ? JSON.stringify(plain) : String(plain);
  }
  const environments = Array.isArray(doc.environment) ? doc.environment.map(String) : [];
  return { config, secretKeys, environments };
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
  const { config, secretKeys, environments } = stackFileConfig(fs.readFileSync(stackPath, "utf8"), file);
  if (environments.length > 0) {
    process.stderr.write(`note: ${file} imports ESC environments (${environments.join(", ")}); offline synth uses only the values in the file\n`);
  }
  return recordPlan({ project: projectName(), stack, config, secretKeys }, async () => {
    const program: Record<string, unknown> = await import("../index");
    return Object.fromEntries(Object.entries(program).filter(([k]) => k !== "default" && k !== "__esModule"));
  });
}

export function summaryTable(plan: Plan): string {
  const rows = plan.resources.map((r) => [r.type, r.name, r.parent ?? "-", [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : ""].filter(Boolean).join(",") || "-"]);
  const header = ["TYPE", "NAME", "PARENT", "FLAGS"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
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
  let plan: Plan;
  try {
    plan = await synthesize(args.stack, args.stackFile);
  } catch (err) {
    // A stale plan next to a failed synth would be reviewed as if it were current.
    fs.rmSync(planFile, { force: true });
    const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`acs-insights synth: ${message}\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(planFile), { recursive: true });
  fs.writeFileSync(planFile, stableJson(plan));
  process.stdout.write(`${summaryTable(plan)}\n\n${plan.resources.length} resources for stack "${args.stack}" → ${displayPath(planFile)}\n`);
  return 0;
}
