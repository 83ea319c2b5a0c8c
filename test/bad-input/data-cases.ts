import * as path from "node:path";
import { loadDataDir, tablesFromRows } from "../../src/data";
import { type BadInputCase, messageOf } from "./case";
import { scratchDir } from "./temp";

// Bad data rows: each case writes a small data directory whose one flaw the loader must name by file, line and column.

const start = JSON.stringify({
  TimeGenerated: "2026-01-15T11:00:00Z",
  OperationName: "StartCallRecording",
  DurationMs: 120,
});

// The directory is made when the case runs, so importing the cases to render the README table writes nothing.
function data(tried: string, files: Record<string, string>, sees: string[]): BadInputCase {
  return { area: "data file", tried, sees, attempt: () => messageOf(() => loadDataDir(scratchDir(files))) };
}

export const dataCases: readonly BadInputCase[] = [
  data(
    'text in an int column (DurationMs "fast") on line 2',
    { "ACSCallRecordingIncomingOperations.jsonl": `${start}\n{"DurationMs":"fast"}\n` },
    [
      'ACSCallRecordingIncomingOperations.jsonl:2: column DurationMs (int): cannot use "fast"; expected a whole number such as 3',
    ],
  ),
  data(
    "a fraction in an int column (AudioChannelsCount 1.5)",
    { "ACSCallRecordingSummary.jsonl": '{"AudioChannelsCount":1.5}\n' },
    ["ACSCallRecordingSummary.jsonl:1: column AudioChannelsCount (int): cannot use 1.5; expected a whole number"],
  ),
  data(
    "an impossible datetime (month 13)",
    { "ACSCallRecordingSummary.jsonl": '{"TimeGenerated":"2026-13-45T25:00:00Z"}\n' },
    [
      'ACSCallRecordingSummary.jsonl:1: column TimeGenerated (datetime): cannot use "2026-13-45T25:00:00Z"; expected an ISO 8601 datetime',
    ],
  ),
  data('a datetime written as "yesterday"', { "ACSCallRecordingSummary.jsonl": '{"TimeGenerated":"yesterday"}\n' }, [
    'ACSCallRecordingSummary.jsonl:1: column TimeGenerated (datetime): cannot use "yesterday"',
    "such as 2022-08-17T23:18:26.4332392Z",
  ]),
  data("a column the table does not have (Quantityy)", { "ACSBillingUsage.json": '[{"Quantityy": 1}]' }, [
    "ACSBillingUsage.json: row 1: column Quantityy is not a column of ACSBillingUsage; rename or drop it (columns:",
    "Quantity",
  ]),
  data(
    "a malformed JSON line in an .ndjson file",
    { "ACSCallRecordingIncomingOperations.ndjson": `${start}\n{"OperationName": "StopCallRecording",\n` },
    ["ACSCallRecordingIncomingOperations.ndjson:2: invalid JSON", "write one JSON object per line"],
  ),
  data(
    "a JSON array with a trailing comma on its third line",
    { "ACSCallRecordingSummary.json": '[\n  {"RecordingId": "a"},\n  {"RecordingId": "b",}\n]\n' },
    ["ACSCallRecordingSummary.json:3: invalid JSON"],
  ),
  data("a JSON array of numbers instead of rows", { "ACSBillingUsage.json": "[1, 2]" }, [
    "ACSBillingUsage.json: row 1: expected a JSON object of column values, got 1",
  ]),
  data(
    'a CSV cell "long" in a real column',
    {
      "ACSCallRecordingSummary.csv":
        "TimeGenerated [UTC],RecordingId,RecordingLength\n2026-01-15T10:00:00Z,rec-1,60.5\n2026-01-15T10:05:00Z,rec-2,long\n",
    },
    [
      'ACSCallRecordingSummary.csv:3 (row 2): column RecordingLength (real): cannot use "long"; expected a number such as 3.34',
    ],
  ),
  data(
    "a CSV portal datetime that does not exist (2/30/2026)",
    { "ACSCallRecordingSummary.csv": "TimeGenerated [UTC],RecordingId\n2/30/2026 10:00 AM,rec-1\n" },
    ['ACSCallRecordingSummary.csv:2 (row 1): column TimeGenerated (datetime): cannot use "2/30/2026 10:00 AM"'],
  ),
  data(
    "a CSV row with an unquoted comma (one field too many)",
    { "ACSCallRecordingSummary.csv": "RecordingId,RecordingLength\nrec-1,60.5,extra\n" },
    ["ACSCallRecordingSummary.csv:2 (row 1): has 3 fields but the header has 2; quote fields that contain commas"],
  ),
  data(
    "a CSV quoted field never closed",
    { "ACSCallRecordingSummary.csv": 'RecordingId,RecordingLength\n"rec-1,60.5\n' },
    ["ACSCallRecordingSummary.csv:2: CSV: a quoted field is not closed; add the closing quote"],
  ),
  data(
    "a CSV exported in local time",
    { "ACSCallRecordingSummary.csv": "TimeGenerated [Local Time],RecordingId\n1/15/2026 10:00 AM,rec-1\n" },
    [
      'ACSCallRecordingSummary.csv:1: column TimeGenerated is in "Local Time"; export from the portal with the display time zone set to UTC',
    ],
  ),
  data("a CSV file not named after a table", { "recordings.csv": "RecordingId\nrec-1\n" }, [
    "recordings.csv: a CSV file must be named after its table (ACSCallRecordingSummary.csv",
  ]),
  data(
    "a JSON file of rows without a diagnostic category",
    { "export.json": '{"time":"2026-01-15T10:00:00Z","operationName":"x"}' },
    ["export.json:1: not a diagnostic-log record (no category); put table rows in a file named after the table"],
  ),
  data(
    "a diagnostic-log record with a bad property",
    {
      "PT1H.json":
        '{"time":"2026-01-15T10:00:00Z","category":"CallRecordingSummary","properties":{"RecordingLength":"long"}}',
    },
    ['PT1H.json:1: column RecordingLength (real): cannot use "long"'],
  ),
  {
    area: "data file",
    tried: "a data directory that does not exist",
    sees: ["data directory", "does not exist; pass an existing directory with --data DIR"],
    attempt: () => messageOf(() => loadDataDir(path.join(scratchDir(), "missing"))),
  },
  {
    area: "data file",
    tried: 'an in-memory fixture row with Quantity "lots"',
    sees: ['ACSBillingUsage row 1: column Quantity (real): cannot use "lots"; expected a number such as 3.34'],
    attempt: () => messageOf(() => tablesFromRows({ ACSBillingUsage: [{ Quantity: "lots" }] })),
  },
];
