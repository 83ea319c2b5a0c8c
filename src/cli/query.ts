// `acs-insights query`: runs KQL over a data directory (default: the bundled sample) with the saved functions declared.
import * as fs from "node:fs";
import * as path from "node:path";
import { loadDataDir, sampleDataDir } from "../data";
import { kqlFunctionDefs } from "../functions";
import { runQuery, toCsv, toJsonRows, toTextTable, type QueryResult } from "../kusto";
import { parseDateTime } from "../schema/tables";

const formats = ["table", "json", "csv"] as const;
type Format = (typeof formats)[number];

export const queryUsage = `usage: acs-insights query [--data DIR] [--now ISO] [--format table|json|csv] [--workspace ID [--inline-functions]] ("<KQL>" | --file q.kql)

  --data DIR       data directory, one file per table (default: the bundled sample data)
  --now ISO        the clock for now()/ago(), e.g. 2024-03-10T12:00:00Z (default: the wall clock)
  --format F       table (default), json (a JSON array of row objects, nothing else) or csv
  --csv-raw        with csv: write text cells exactly; by default a text cell starting with = + - @ gets a leading '
                   so a spreadsheet shows it instead of running it as a formula
  --file PATH      read the query from a file instead of the argument
  --workspace ID   run against a Log Analytics workspace (its customer id) instead of local data
  --inline-functions  with --workspace: define the saved functions the query calls in front of it, for a
                   workspace where the stack has not deployed them`;

interface QueryArgs {
  data: string;
  now?: number;
  format: Format;
  kql: string;
  workspace?: string;
  inlineFunctions: boolean;
  csvRaw: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): QueryArgs {
  let data = sampleDataDir;
  let now: number | undefined;
  let format: Format = "table";
  let file: string | undefined;
  let workspace: string | undefined;
  let inlineFunctions = false;
  let csvRaw = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--data") data = path.resolve(value());
    else if (arg === "--now") {
      const text = value();
      now = parseDateTime(text);
      if (!Number.isFinite(now)) throw new UsageError(`--now "${text}" is not an ISO 8601 datetime; use e.g. 2024-03-10T12:00:00Z`);
    } else if (arg === "--format") {
      const f = value();
      if (!(formats as readonly string[]).includes(f)) throw new UsageError(`--format "${f}" is not one of ${formats.join(", ")}`);
      format = f as Format;
    } else if (arg === "--file") file = value();
    else if (arg === "--workspace") workspace = value();
    else if (arg === "--inline-functions") inlineFunctions = true;
    else if (arg === "--csv-raw") csvRaw = true;
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (file !== undefined && positional.length > 0) throw new UsageError("give the query either as an argument or with --file, not both");
  if (positional.length > 1) throw new UsageError("give the query as one argument (quote it)");
  let kql = positional[0];
  if (file !== undefined) {
    if (!fs.existsSync(file)) throw new UsageError(`--file ${file} does not exist`);
    kql = fs.readFileSync(file, "utf8");
  }
  if (!kql || !kql.trim()) throw new UsageError("no query given");
  if (inlineFunctions && workspace === undefined) throw new UsageError("--inline-functions only applies with --workspace");
  return { data, now, format, kql, workspace, inlineFunctions, csvRaw };
}

function render(result: QueryResult, format: Format, csvRaw = false): string {
  if (format === "json") return JSON.stringify(toJsonRows(result)) + "\n";
  if (format === "csv") return toCsv(result, { neutralizeFormulas: !csvRaw });
  return toTextTable(result);
}

/** The remote path: src/templates/workspace.ts, loaded only here so local queries never load the Azure SDK. */
async function runOnWorkspace(args: QueryArgs): Promise<number> {
  const { queryWorkspace } = await import("../templates/workspace");
  const kql = args.inlineFunctions ? (await import("../templates/standalone")).withInlineFunctions(args.kql) : args.kql;
  const result = await queryWorkspace(args.workspace as string, kql, { now: args.now });
  process.stdout.write(render(result, args.format, args.csvRaw));
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(queryUsage + "\n");
    return 0;
  }
  let args: QueryArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`acs-insights query: ${err.message}\n\n${queryUsage}\n`);
    return 2;
  }
  try {
    if (args.workspace !== undefined) return await runOnWorkspace(args);
    const tables = loadDataDir(args.data);
    const result = runQuery(args.kql, tables, { functions: kqlFunctionDefs, now: args.now });
    process.stdout.write(render(result, args.format, args.csvRaw));
    return 0;
  } catch (err) {
    process.stderr.write(`acs-insights query: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
