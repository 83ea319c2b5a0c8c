import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadData, loadDataDir } from "../../src/data";
import { type BadInputCase, messageOf } from "./case";
import { scratchDir } from "./temp";

// Hostile data files for the streaming loader (issue 13): what cannot be read exactly is refused, naming file and line.

function dataDir(files: Record<string, string | Buffer>): string {
  const dir = scratchDir();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function refused(tried: string, files: Record<string, string | Buffer>, sees: string[]): BadInputCase {
  return { area: "data file", tried, sees, attempt: () => messageOf(() => loadDataDir(dataDir(files))) };
}

const summary = (line: string) =>
  JSON.stringify({ category: "CallRecordingSummary", time: "2026-01-15T10:00:00Z", properties: JSON.parse(line) });

export const loaderCases: readonly BadInputCase[] = [
  {
    area: "data file",
    tried: "a named pipe (FIFO) named ACSBillingUsage.jsonl in the data folder",
    sees: ["ACSBillingUsage.jsonl: is a named pipe (FIFO); the loader reads regular files only"],
    attempt: () => {
      const dir = dataDir({});
      execFileSync("mkfifo", [path.join(dir, "ACSBillingUsage.jsonl")]);
      return messageOf(() => loadDataDir(dir));
    },
  },
  {
    area: "data file",
    tried: "a link to /dev/zero named PT1H.json",
    sees: ["PT1H.json: is a character device; the loader reads regular files only"],
    attempt: () => {
      const dir = dataDir({});
      fs.symlinkSync("/dev/zero", path.join(dir, "PT1H.json"));
      return messageOf(() => loadDataDir(dir));
    },
  },
  {
    area: "data file",
    tried: "a 9 GB data file",
    sees: ["ACSCallRecordingSummary.jsonl: is 9216 MB, over the 8192 MB one data file may have; split it"],
    attempt: () => {
      const dir = dataDir({});
      // Sparse: the size is real to stat(), no disk is used and nothing is read.
      const file = path.join(dir, "ACSCallRecordingSummary.jsonl");
      fs.closeSync(fs.openSync(file, "w"));
      fs.truncateSync(file, 9 * 1024 ** 3);
      return messageOf(() => loadDataDir(dir));
    },
  },
  refused("an empty .json table file", { "ACSBillingUsage.json": "" }, [
    "ACSBillingUsage.json: the file is empty; write [] for a table with no rows, or remove the file",
  ]),
  refused(
    "a pretty-printed PT1H.json with a missing comma on line 5",
    {
      "PT1H.json":
        '{\n  "time": "2026-01-15T10:00:00Z",\n  "category": "CallRecordingSummary",\n  "properties": {\n    "RecordingId": "r1"\n    "RecordingLength": 60\n  }\n}\n',
    },
    ["PT1H.json:5: invalid JSON"],
  ),
  refused(
    "a CSV with the header RecordingId twice",
    { "ACSCallRecordingSummary.csv": "RecordingId,RecordingLength,RecordingId\nr1,60,r2\n" },
    ["ACSCallRecordingSummary.csv:1: columns 1 and 3 are both named RecordingId; rename or remove one"],
  ),
  refused(
    "a Latin-1 accent (0xE9) on line 2 of a CSV",
    { "ACSCallRecordingSummary.csv": Buffer.from("RecordingId,ContentType\nr1,Vid\xe9o\n", "latin1") },
    [
      "ACSCallRecordingSummary.csv:2: byte 0xE9 is not UTF-8 (the file looks like Latin-1 or Windows-1252); save it as UTF-8",
    ],
  ),
  refused(
    "a UTF-16 NDJSON file with its byte-order mark",
    { "ACSBillingUsage.jsonl": Buffer.from('\ufeff{"Quantity":1}\n', "utf16le") },
    ["ACSBillingUsage.jsonl:1: starts with a UTF-16 byte-order mark; save it as UTF-8"],
  ),
  refused(
    "a UTF-16 NDJSON file without a byte-order mark",
    { "ACSBillingUsage.jsonl": Buffer.from('{"Quantity":1}\n', "utf16le") },
    ["ACSBillingUsage.jsonl:1: contains a NUL byte, so it is UTF-16 or binary, not UTF-8 text; save it as UTF-8"],
  ),
  refused(
    "a diagnostic record with the misspelt property RecordingLenght",
    { "PT1H.json": `${summary('{"RecordingId":"r1","RecordingLenght":60}')}\n` },
    [
      "PT1H.json:1: property RecordingLenght is not a column of ACSCallRecordingSummary",
      "did you mean RecordingLength?",
    ],
  ),
  refused(
    "a diagnostic record with both recordingId and RecordingId",
    { "PT1H.json": `${summary('{"recordingId":"r1","RecordingId":"r2"}')}\n` },
    ["PT1H.json:1: recordingId and RecordingId are two spellings of column RecordingId; keep one"],
  ),
  refused(
    "ACSBillingUsage as .csv and .jsonl in one folder",
    { "ACSBillingUsage.csv": "Quantity\n1\n", "ACSBillingUsage.jsonl": '{"Quantity":2}\n' },
    ["ACSBillingUsage is in 2 files (ACSBillingUsage.csv, ACSBillingUsage.jsonl); keep one per folder"],
  ),
  {
    area: "data file",
    tried: "a symlinked sub-folder of diagnostic logs",
    sees: ["read 1 diagnostic-log file from", "1 ACSCallRecordingSummary", "followed 1 linked folder"],
    attempt: () => {
      const target = dataDir({ "PT1H.json": `${summary('{"RecordingId":"r1"}')}\n` });
      const dir = dataDir({});
      fs.symlinkSync(target, path.join(dir, "y=2026"));
      let said = "";
      loadData(dir, { report: (line) => (said += line) });
      return said;
    },
  },
  refused(
    "99999999999 in an int column (AudioChannelsCount)",
    { "ACSCallRecordingSummary.jsonl": '{"AudioChannelsCount":99999999999}\n' },
    [
      "ACSCallRecordingSummary.jsonl:1: column AudioChannelsCount (int): cannot use 99999999999",
      "outside int's range -2147483648..2147483647",
    ],
  ),
  refused('"0x10" in an int column (ChunkCount)', { "ACSCallRecordingSummary.jsonl": '{"ChunkCount":"0x10"}\n' }, [
    'ACSCallRecordingSummary.jsonl:1: column ChunkCount (int): cannot use "0x10"',
    "hex such as 0x10 and exponents such as 2e2 are not read",
  ]),
  refused(
    '"2e2" in an int column (DurationMs)',
    { "ACSCallRecordingIncomingOperations.jsonl": '{"DurationMs":"2e2"}\n' },
    ['ACSCallRecordingIncomingOperations.jsonl:1: column DurationMs (int): cannot use "2e2"'],
  ),
  refused(
    "the JSON number 12345678901234567890 in a string id column (CorrelationId)",
    { "ACSCallRecordingSummary.jsonl": '{"CorrelationId":12345678901234567890}\n' },
    [
      "ACSCallRecordingSummary.jsonl:1: column CorrelationId (string)",
      "a JSON number too large to keep every digit; quote it as a string",
    ],
  ),
  refused(
    "the epoch number 1767225600 in a datetime column",
    { "ACSCallRecordingSummary.jsonl": '{"TimeGenerated":1767225600}\n' },
    [
      "ACSCallRecordingSummary.jsonl:1: column TimeGenerated (datetime): cannot use 1767225600",
      "a number, whose unit (seconds? milliseconds?) would be a guess; write ISO 8601 text",
    ],
  ),
];
