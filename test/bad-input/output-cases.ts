import type { BadInputCase } from "./case";
import { runCliHere } from "./run-cli";
import { scratchDir } from "./temp";

// Hostile text in the data, printed by `query`: it must not drive the terminal or a spreadsheet.

const recording = (id: string) =>
  JSON.stringify({ TimeGenerated: "2026-01-15T10:00:00Z", RecordingId: id, RecordingLength: 60 });

/** Runs `query` on one summary row whose RecordingId is `id`, and shows stdout with any raw control character flagged. */
async function printed(id: string, args: string[]): Promise<string> {
  const dir = scratchDir({ "ACSCallRecordingSummary.jsonl": `${recording(id)}\n` });
  const r = await runCliHere(["query", "--data", dir, ...args, "ACSCallRecordingSummary | project RecordingId"]);
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.out);
  return `exit ${r.code}\n${r.out}${raw ? "RAW CONTROL CHARACTERS in the output" : "no raw control characters"}`;
}

function output(tried: string, id: string, args: string[], sees: string[]): BadInputCase {
  return { area: "query output", tried, sees, attempt: () => printed(id, args) };
}

export const outputCases: readonly BadInputCase[] = [
  output(
    "a terminal title escape in the data (ESC ]0;pwned BEL), table format",
    "\u001b]0;pwned\u0007",
    [],
    ["exit 0", "\\u001b]0;pwned\\u0007", "(1 row)", "no raw control characters"],
  ),
  output(
    "a carriage return and a clear-screen sequence in the data, table format",
    "ok\r\u001b[2Jgone",
    [],
    ["ok\\u000d\\u001b[2Jgone", "no raw control characters"],
  ),
  output(
    'a CSV cell starting with "=" (=HYPERLINK(...))',
    '=HYPERLINK("http://x.invalid","click")',
    ["--format", "csv"],
    ["RecordingId\n", `"'=HYPERLINK(""http://x.invalid"",""click"")"`],
  ),
  output('a CSV cell starting with "@" (@SUM(1+1))', "@SUM(1+1)", ["--format", "csv"], ["RecordingId\n'@SUM(1+1)\n"]),
  output('a CSV cell starting with "-" (-2+3)', "-2+3", ["--format", "csv"], ["RecordingId\n'-2+3\n"]),
  output('a CSV cell starting with "+" (+1)', "+1", ["--format", "csv"], ["RecordingId\n'+1\n"]),
  output(
    "a CSV formula cell with --csv-raw (the guard turned off)",
    "=1+1",
    ["--format", "csv", "--csv-raw"],
    ["RecordingId\n=1+1\n"],
  ),
];
