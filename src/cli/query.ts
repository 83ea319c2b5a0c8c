// `acs-insights query`: runs KQL over a data directory (default: the bundled sample) with the saved functions declared.
import * as fs from "node:fs";
import { loadDataDir, sampleDataDir } from "../data";
import {
  type QueryResult,
  type QueryResults,
  type ResultSet,
  runQuery,
  toCsv,
  toJsonRows,
  toTextTable,
} from "../kusto";
import { acsCatalog } from "../schema/catalog";
import { booleanFlag, choiceFlag, type ParsedArgs, UsageError } from "./args";
import { querySpec } from "./commands";
import { dataDirFlag, inputFileFlag, nowFlag, workspaceFlag } from "./flags";
import { runCommand } from "./run";

const formats = ["table", "json", "csv"] as const;
type Format = (typeof formats)[number];

interface QueryArgs {
  readonly data: string;
  readonly now?: number;
  readonly format: Format;
  readonly kql: string;
  readonly workspace?: string;
  readonly inlineFunctions: boolean;
  readonly csvRaw: boolean;
  readonly quiet: boolean;
}

function queryArgs(args: ParsedArgs): QueryArgs {
  const format = choiceFlag(args, "format", formats, "table");
  const now = nowFlag(args, "2024-03-10T12:00:00Z");
  const workspace = workspaceFlag(args);
  const data = dataDirFlag(args);
  const inlineFunctions = booleanFlag(args, "inline-functions");
  const csvRaw = booleanFlag(args, "csv-raw");
  const quiet = booleanFlag(args, "quiet");
  if (inlineFunctions && workspace === undefined)
    throw new UsageError("--inline-functions only applies with --workspace");
  if (workspace !== undefined && now !== undefined)
    throw new UsageError(
      "--now sets the clock of local data only; a --workspace query runs on the service's clock, so drop --now",
    );
  if (workspace !== undefined && data !== undefined)
    throw new UsageError("--data and --workspace both name where the rows come from; give one");
  if (csvRaw && format !== "csv") throw new UsageError("--csv-raw only applies with --format csv");
  const file = inputFileFlag(args, "file", "a .kql file");
  if (file !== undefined && args.positionals.length > 0)
    throw new UsageError("give the query either as an argument or with --file, not both");
  const kql = file !== undefined ? fs.readFileSync(file, "utf8") : args.positionals[0];
  if (!kql?.trim())
    throw new UsageError(file !== undefined ? `--file ${file} is empty; write the query in it` : "no query given");
  return { data: data ?? sampleDataDir, now, format, kql, workspace, inlineFunctions, csvRaw, quiet };
}

function render(result: QueryResult, args: QueryArgs): string {
  if (args.format === "json") return `${JSON.stringify(toJsonRows(result))}\n`;
  if (args.format === "csv") return toCsv(result, { neutralizeFormulas: !args.csvRaw });
  return toTextTable(result);
}

/** Every result set of a fork, facet or several statements: one JSON array per line, or titled text tables. */
function renderAll(result: QueryResults, args: QueryArgs): string {
  const sets: readonly ResultSet[] = result.resultSets ?? [result];
  if (sets.length === 1) return render(result, args);
  // One CSV document holds one table; a blank line between tables would not parse as CSV.
  if (args.format === "csv")
    throw new Error(
      `the query returns ${sets.length} result sets and --format csv writes one table: use --format json (one array per line) or table, or keep one result set`,
    );
  if (args.format === "json") return sets.map((set) => render(set, args)).join("");
  return sets.map((set, i) => `# ${set.name ?? `result set ${i + 1}`}\n${render(set, args)}`).join("\n");
}

/** The remote path: src/workspace/query.ts, loaded only here so local queries never load the Azure SDK. */
async function runOnWorkspace(args: QueryArgs): Promise<number> {
  const { queryWorkspace } = await import("../workspace/query");
  const kql = args.inlineFunctions ? (await import("../workspace/inline")).withInlineFunctions(args.kql) : args.kql;
  const result = await queryWorkspace(args.workspace as string, kql, {});
  process.stdout.write(render(result, args));
  return 0;
}

export async function execute(parsed: ParsedArgs): Promise<number> {
  const args = queryArgs(parsed);
  try {
    if (args.workspace !== undefined) return await runOnWorkspace(args);
    const report = args.quiet ? undefined : (summary: string) => process.stderr.write(`acs-insights query: ${summary}`);
    const tables = loadDataDir(args.data, { report });
    const result = runQuery(args.kql, tables, { ...acsCatalog, now: args.now });
    process.stdout.write(renderAll(result, args));
    return 0;
  } catch (err) {
    process.stderr.write(`acs-insights query: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

export const run = (argv: string[]): Promise<number> => runCommand({ ...querySpec, load: async () => execute }, argv);
