import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { BadInputCase } from "./case";
import { bin, runCliHere, seen } from "./run-cli";
import { scratchDir } from "./temp";

// How each command is called: a mistake is a usage error (exit 2) naming the flag and the fix, before any work starts.

function cli(
  tried: string,
  argv: (dir: string) => string[],
  sees: string[],
  files: Record<string, string> = {},
): BadInputCase {
  return {
    area: "CLI",
    tried,
    sees,
    attempt: async () => {
      const dir = scratchDir(files);
      return seen(await runCliHere(argv(dir)));
    },
  };
}

const none = () => [] as string[];

export const cliCases: readonly BadInputCase[] = [
  cli("acs-insights with no command", none, [
    "exit 2",
    "acs-insights: no command given",
    "usage: acs-insights <command> [options]",
  ]),
  cli("an unknown command (synht)", () => ["synht"], [
    "exit 2",
    'acs-insights: unknown command "synht"',
    "usage: acs-insights <command>",
  ]),
  cli("a misspelt option (synth --stak dev)", () => ["synth", "--stak", "dev"], [
    "exit 2",
    "acs-insights synth: unknown option --stak (did you mean --stack?); synth takes --stack, --out, --stack-file",
    "usage: acs-insights synth",
  ]),
  cli("bench --rows without a value", () => ["bench", "--rows"], [
    "exit 2",
    "acs-insights bench: --rows needs a value",
    "usage: acs-insights bench",
  ]),
  cli("bench --rows 100000000 (would exhaust memory)", () => ["bench", "--rows", "100000000"], [
    "exit 2",
    "acs-insights bench: --rows 100,000,000 is above 1,000,000 rows",
    "larger volumes belong to --curve",
  ]),
  cli("bench --curve beyond the measured 5M rows", () => ["bench", "--curve", "100000,6000000"], [
    "exit 2",
    "acs-insights bench: --curve 6,000,000 is above 5,000,000 rows",
  ]),
  cli(
    "a flag followed by another flag instead of its value (query --data --format json)",
    () => ["query", "--data", "--format", "json", "print 1"],
    ["exit 2", "acs-insights query: --data needs a value"],
  ),
  cli("check --format yaml", () => ["check", "--format", "yaml"], [
    "exit 2",
    'acs-insights check: --format "yaml" is not one of text, json',
    "usage: acs-insights check",
  ]),
  cli("query --format xml", () => ["query", "--format", "xml", "print 1"], [
    "exit 2",
    '--format "xml" is not one of table, json, csv',
  ]),
  cli(
    "the same flag twice (query --format json --format csv)",
    () => ["query", "--format", "json", "--format", "csv", "print 1"],
    ["exit 2", "--format is given twice; give it once"],
  ),
  cli("a value for an on/off flag (preview --write-workbook=yes)", () => ["preview", "--write-workbook=yes"], [
    "exit 2",
    "acs-insights preview: --write-workbook takes no value",
  ]),
  cli("a stray argument (synth dev)", () => ["synth", "dev"], [
    "exit 2",
    'acs-insights synth: unexpected argument "dev"; synth takes only options',
  ]),
  cli(
    "the query unquoted (query ACSBillingUsage | take 1 as separate words)",
    () => ["query", "ACSBillingUsage", "take", "1"],
    ["exit 2", "give the query as one argument (quote it)"],
  ),
  cli("query with no query", () => ["query"], [
    "exit 2",
    "acs-insights query: no query given",
    "usage: acs-insights query",
  ]),
  cli("query --workspace not-a-guid", () => ["query", "--workspace", "not-a-guid", "print 1"], [
    "exit 2",
    '--workspace "not-a-guid" is not a GUID; pass the workspace\'s customer id',
  ]),
  cli(
    "query --workspace with --now",
    () => ["query", "--workspace", "0f0e0d0c-0b0a-0908-0706-050403020100", "--now", "2024-03-10T12:00:00Z", "print 1"],
    [
      "exit 2",
      "--now sets the clock of local data only; a --workspace query runs on the service's clock, so drop --now",
    ],
  ),
  cli(
    "query --workspace with --data",
    () => ["query", "--workspace", "0f0e0d0c-0b0a-0908-0706-050403020100", "--data", ".", "print 1"],
    ["exit 2", "--data and --workspace both name where the rows come from; give one"],
  ),
  cli("query --inline-functions without --workspace", () => ["query", "--inline-functions", "print 1"], [
    "exit 2",
    "--inline-functions only applies with --workspace",
  ]),
  cli("query --csv-raw without --format csv", () => ["query", "--csv-raw", "print 1"], [
    "exit 2",
    "--csv-raw only applies with --format csv",
  ]),
  cli('query --now "yesterday"', () => ["query", "--now", "yesterday", "print 1"], [
    "exit 2",
    '--now "yesterday" is not an ISO 8601 datetime between years 1 and 9999; use e.g. 2024-03-10T12:00:00Z',
  ]),
  cli("query --now in year 10000", () => ["query", "--now", "10000-01-01T00:00:00Z", "print 1"], [
    "exit 2",
    '--now "10000-01-01T00:00:00Z" is not an ISO 8601 datetime between years 1 and 9999',
  ]),
  cli("query --file pointing at a directory", (d) => ["query", "--file", d], [
    "exit 2",
    "is a directory; pass the path of a .kql file inside it",
  ]),
  cli("query --file that does not exist", (d) => ["query", "--file", path.join(d, "q.kql")], [
    "exit 2",
    "q.kql does not exist; pass the path of a .kql file",
  ]),
  cli(
    "query --file that is empty",
    (d) => ["query", "--file", path.join(d, "q.kql")],
    ["exit 2", "q.kql is empty; write the query in it"],
    { "q.kql": "\n" },
  ),
  cli(
    "query --file and a query argument",
    (d) => ["query", "--file", path.join(d, "q.kql"), "print 2"],
    ["exit 2", "give the query either as an argument or with --file, not both"],
    { "q.kql": "print 1" },
  ),
  cli(
    "query --data pointing at a file",
    (d) => ["query", "--data", path.join(d, "ACSBillingUsage.json"), "print 1"],
    ["exit 2", "ACSBillingUsage.json is a file, not a directory; pass the directory that holds it (--data "],
    {
      "ACSBillingUsage.json": "[]",
    },
  ),
  cli('query --data ""', () => ["query", "--data", "", "print 1"], ["exit 2", "--data needs a non-empty value"]),
  cli("query --data / (the filesystem root)", () => ["query", "--data", "/", "print 1"], [
    "exit 2",
    "--data / is the filesystem root; pass the directory that holds the table files",
  ]),
  cli("query --data that does not exist", (d) => ["query", "--data", path.join(d, "missing"), "print 1"], [
    "exit 2",
    "missing does not exist; pass the directory that holds the table files",
  ]),
  cli(
    "preview --data pointing at a file",
    (d) => ["preview", "--data", path.join(d, "x.json")],
    ["exit 2", "x.json is a file, not a directory"],
    { "x.json": "[]" },
  ),
  cli("preview --out pointing at a directory", (d) => ["preview", "--out", d], [
    "exit 2",
    "is a directory; pass a file path such as",
    "preview.html",
  ]),
  cli('preview --now "soon"', () => ["preview", "--now", "soon"], [
    "exit 2",
    '--now "soon" is not an ISO 8601 datetime',
    "use e.g. 2024-05-02T00:00:00Z",
  ]),
  cli(
    "synth --out pointing at a file",
    (d) => ["synth", "--out", path.join(d, "notes.txt")],
    ["exit 2", "notes.txt is a file; pass a directory (plan.json is written inside it)"],
    { "notes.txt": "x" },
  ),
  cli(
    "synth --out inside a file (notes.txt/out)",
    (d) => ["synth", "--out", path.join(d, "notes.txt", "out")],
    ["exit 2", "notes.txt, which is a file; pass a directory"],
    { "notes.txt": "x" },
  ),
  cli(
    "synth --out where plan.json is a directory",
    (d) => (fs.mkdirSync(path.join(d, "plan.json")), ["synth", "--out", d]),
    ["exit 2", "plan.json exists and is not a regular file; remove it or choose another directory"],
  ),
  cli("synth --stack-file pointing at a directory", (d) => ["synth", "--stack-file", d], [
    "exit 2",
    "is a directory; pass the path of a Pulumi.<stack>.yaml file inside it",
  ]),
  cli("synth --stack-file that does not exist", (d) => ["synth", "--stack-file", path.join(d, "Pulumi.x.yaml")], [
    "exit 2",
    "Pulumi.x.yaml does not exist; pass the path of a Pulumi.<stack>.yaml file",
  ]),
  cli('synth --stack "../prod" (a path, not a name)', () => ["synth", "--stack", "../prod"], [
    "exit 2",
    '--stack must be a stack name such as dev or prod, got "../prod"',
  ]),
  cli(
    "synth --stack-file of 2 MB",
    (d) => ["synth", "--stack-file", path.join(d, "Pulumi.big.yaml"), "--out", d],
    ["exit 1", "Pulumi.big.yaml is 2097152 bytes; a stack file is at most 1 MiB"],
    {
      "Pulumi.big.yaml": "#".repeat(2 * 1024 * 1024),
    },
  ),
  cli("synth --stack nosuch (no Pulumi.nosuch.yaml)", () => ["synth", "--stack", "nosuch", "--out", scratchDir()], [
    "exit 1",
    "Pulumi.nosuch.yaml not found; create it",
    "or pass --stack / --stack-file",
  ]),
];

export const previewCases: readonly BadInputCase[] = [
  cli(
    "preview on data whose TimeGenerated is the number 9e15 (beyond Date's range)",
    (d) => ["preview", "--data", d, "--out", path.join(d, "p.html")],
    [
      "exit 1",
      "acs-insights preview: ",
      "ACSCallRecordingSummary.jsonl:1: column TimeGenerated (datetime): cannot use 9000000000000000",
    ],
    { "ACSCallRecordingSummary.jsonl": '{"TimeGenerated":9000000000000000,"RecordingId":"r1"}\n' },
  ),
  cli(
    "preview on data whose newest row is at 9999-12-31T23:59:30Z, the last minute a Kusto datetime holds",
    (d) => ["preview", "--data", d, "--out", path.join(d, "p.html")],
    // "Now" stops at 9999-12-31T23:59:59.999Z instead of the next whole minute, which no datetime can hold.
    ["exit 0", "acs-insights preview: read 1 table file from", ": 1 ACSCallRecordingSummary, 0 ", " rows"],
    {
      "ACSCallRecordingSummary.jsonl":
        '{"TimeGenerated":"9999-12-31T23:59:30Z","RecordingId":"r1","CorrelationId":"c1","RecordingLength":60,"RecordingStartTime":"9999-12-31T23:58:00Z"}\n',
    },
  ),
  {
    area: "CLI",
    tried: "preview --quiet (the list of files read is not wanted)",
    sees: ["exit 0", "stderr: (empty)"],
    attempt: async () => {
      const dir = scratchDir();
      const r = await runCliHere(["preview", "--quiet", "--out", path.join(dir, "p.html")]);
      return `exit ${r.code}\nstderr: ${r.err || "(empty)"}`;
    },
  },
];

/** The runs that need a real process: a pipe closed by its reader, a FIFO. */
export const processCases: readonly BadInputCase[] = [
  {
    area: "CLI",
    tried: "query ... | head -1 (the reader closes the pipe early)",
    sees: ["first line: x", "exit 0", "stderr: (empty)"],
    attempt: () => {
      const err = path.join(scratchDir(), "stderr.txt");
      const out = execFileSync(
        "bash",
        [
          "-c",
          `"${process.execPath}" "${bin}" query --quiet "range x from 1 to 300000 step 1" 2>"${err}" | head -1; echo "\${PIPESTATUS[0]}"`,
        ],
        { encoding: "utf8" },
      );
      const [first, code] = out.trim().split("\n");
      const stderr = fs.readFileSync(err, "utf8");
      return `first line: ${first}\nexit ${code}\nstderr: ${stderr || "(empty)"}`;
    },
  },
  {
    area: "CLI",
    tried: "query printing 150,000 rows as a table",
    sees: ["exit 0", "(150000 rows)"],
    attempt: async () => {
      const r = await runCliHere(["query", "range x from 1 to 150000 step 1"]);
      return `exit ${r.code}\n${r.err}${r.out.slice(-20)}`;
    },
  },
  {
    area: "CLI",
    tried: "synth --stack-file pointing at a FIFO (named pipe)",
    sees: ["exit 2", "is not a regular file; pass the path of a Pulumi.<stack>.yaml file"],
    attempt: async () => {
      const fifo = path.join(scratchDir(), "Pulumi.fifo.yaml");
      execFileSync("mkfifo", [fifo]);
      return seen(await runCliHere(["synth", "--stack-file", fifo]));
    },
  },
];
