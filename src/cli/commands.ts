// Every command's name, usage and flags, with no heavy imports: `--help` and usage errors never load a command's module.
import type { CommandSpec, ParsedArgs } from "./args";

/** A command's body: the parsed flags, and the raw argv for commands that still read it themselves. */
export type CommandBody = (args: ParsedArgs, argv: readonly string[]) => Promise<number>;

export interface Command extends CommandSpec {
  readonly load: () => Promise<CommandBody>;
}

export const synthSpec: CommandSpec = {
  name: "synth",
  summary: "run the Pulumi program offline under mocks and write out/plan.json",
  usage: `usage: acs-insights synth [--stack NAME] [--out DIR] [--stack-file PATH]

Runs the stack program offline under Pulumi mocks and writes DIR/plan.json (only when the run succeeds).

  --stack NAME       stack name; config from Pulumi.NAME.yaml (default dev)
  --out DIR          output directory (default out)
  --stack-file PATH  read the config from this file instead of Pulumi.NAME.yaml`,
  flags: { stack: { type: "string" }, out: { type: "string" }, "stack-file": { type: "string" } },
  maxPositionals: 0,
};

export const querySpec: CommandSpec = {
  name: "query",
  summary: "run KQL on a data directory (default: bundled sample) or a workspace",
  usage: `usage: acs-insights query [--data DIR] [--now ISO] [--format table|json|csv] [--workspace ID [--inline-functions]] ("<KQL>" | --file q.kql)

  --data DIR       data directory, one file per table (default: the bundled sample data)
  --now ISO        the clock for now()/ago(), e.g. 2024-03-10T12:00:00Z (default: the wall clock; local data only)
  --format F       table (default), json (a JSON array of row objects, nothing else; one per line when the
                   query returns several result sets) or csv (one result set only)
  --csv-raw        with csv: write text cells exactly; by default a text cell starting with = + - @ gets a leading '
                   so a spreadsheet shows it instead of running it as a formula
  --file PATH      read the query from a file instead of the argument
  --quiet          do not print which data files were read (one line on stderr)
  --workspace ID   run against a Log Analytics workspace (its customer id) instead of local data
  --inline-functions  with --workspace: define the saved functions the query calls in front of it, for a
                   workspace where the stack has not deployed them`,
  flags: {
    data: { type: "string" },
    now: { type: "string" },
    format: { type: "string" },
    "csv-raw": { type: "boolean" },
    file: { type: "string" },
    workspace: { type: "string" },
    "inline-functions": { type: "boolean" },
    quiet: { type: "boolean" },
  },
  maxPositionals: 1,
};

export const checkSpec: CommandSpec = {
  name: "check",
  summary: "analyze every KQL text the package ships against the table schemas",
  usage: `usage: acs-insights check [--format text|json] [--no-cache]

Analyzes the saved functions, query templates, workbook queries and alert queries with Microsoft's KQL
parser and binder. Prints file:line:col: message for each problem and exits 1 if any is an error.

  --format F    text (default: file:line:col: message lines and a count) or json (the diagnostics array)
  --no-cache    analyze every text again, without reading or writing the cache. The cache keeps each text's
                diagnostics under a hash of the text, the table schemas, the saved functions, Kusto.Language's
                files and the analyzer's code, so any change to one of them analyzes again; it lives in
                $XDG_CACHE_HOME/acs-insights, or node_modules/.cache/acs-insights in the package's folder`,
  flags: { format: { type: "string" }, "no-cache": { type: "boolean" } },
  maxPositionals: 0,
};

export const previewSpec: CommandSpec = {
  name: "preview",
  summary: "render the workbook as a self-contained HTML page from local data",
  usage: `usage: acs-insights preview [--data DIR] [--out FILE] [--now ISO] [--quiet] [--write-workbook]

  --data DIR         data directory, one file per table (default: the bundled sample data)
  --out FILE         where to write the page (default: out/preview.html)
  --now ISO          "now" for the time range, e.g. 2024-05-02T00:00:00Z (default: just after the latest TimeGenerated)
  --quiet            do not print which data files were read (one line on stderr)
  --write-workbook   rewrite workbooks/acs-call-recording.workbook.json from the builder and exit`,
  flags: {
    data: { type: "string" },
    out: { type: "string" },
    now: { type: "string" },
    quiet: { type: "boolean" },
    "write-workbook": { type: "boolean" },
  },
  maxPositionals: 0,
};

export const benchSpec: CommandSpec = {
  name: "bench",
  summary: "benchmark the local KQL evaluator and loader against hand-written code",
  usage: `usage: acs-insights bench [--rows N] [--repeat R] [--curve N,N,...|none] [--dir DIR]

Generates NDJSON summary and operation rows (default 1000000 each; reused from DIR) and times three query shapes
in-process and as a whole \`acs-insights query --data DIR\` process against hand-written code, then the loader at each
--curve size. See src/cli/bench.ts for the targets.

  --rows N        rows per table (default 1000000)
  --repeat R      runs per measurement; the median is reported
  --curve N,...   sizes for the loader curve, or none
  --dir DIR       where the generated rows are kept and reused`,
  flags: { rows: { type: "string" }, repeat: { type: "string" }, curve: { type: "string" }, dir: { type: "string" } },
  maxPositionals: 0,
};

export const preflightSpec: CommandSpec = {
  name: "preflight",
  summary: "read-only checks of the live subscription before the first pulumi up",
  usage: `usage: acs-insights preflight [--stack NAME] [--stack-file PATH] [--format text|json]

Reads (never writes) what the stack will meet in Azure, signed in as the azure-native provider would be (ARM_* variables,
else the Azure CLI): the three tables and their retention, the ACS resource's diagnostic settings, saved searches and
function aliases this stack does not own, whether the caller may create the lock, and the workspace's region.
Exit 0 when nothing blocks pulumi up, 1 when a finding does.

  --stack NAME       stack name; config from Pulumi.NAME.yaml (default dev)
  --stack-file PATH  read the config from this file instead
  --format F         text (default) or json`,
  flags: { stack: { type: "string" }, "stack-file": { type: "string" }, format: { type: "string" } },
  maxPositionals: 0,
};

export const commands: readonly Command[] = [
  { ...synthSpec, load: async () => (await import("./synth")).execute },
  { ...querySpec, load: async () => (await import("./query")).execute },
  { ...checkSpec, load: async () => (await import("./check")).execute },
  { ...previewSpec, load: async () => (await import("./preview")).execute },
  // bench.ts reads its own argv; the flags were already checked against benchSpec here.
  { ...preflightSpec, load: async () => (await import("./preflight")).execute },
  {
    ...benchSpec,
    load: async () => {
      const { run } = await import("./bench");
      return (_args, argv) => run([...argv]);
    },
  },
];
