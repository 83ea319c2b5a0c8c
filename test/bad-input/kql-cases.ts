import { alertRule } from "../../src/alerts";
import { tablesFromRows } from "../../src/data";
import { analyze, parseAndAnalyze, runQuery } from "../../src/kusto";
import { enumName, kustoLanguage } from "../../src/kusto/kusto-language";
import { acsCatalog } from "../../src/schema/catalog";
import { renderTemplate, templates } from "../../src/templates";
import { type BadInputCase, messageOf } from "./case";

// Hostile values for the typed KQL parameters: each is either refused with the parameter named, or matched as plain text.

const now = Date.parse("2026-01-15T12:00:00Z");

/** The query's tokens with every string literal's text blanked: equal shapes mean a value could only change a literal. */
export function queryShape(kql: string): string[] {
  const { Kusto } = kustoLanguage();
  const kinds = Kusto.Language.Syntax.SyntaxKind;
  const shape: string[] = [];
  for (let t = parseAndAnalyze(kql, acsCatalog).Syntax.GetFirstToken(); t; t = t.GetNextToken()) {
    const kind = enumName(kinds, t.Kind);
    shape.push(kind === "StringLiteralToken" ? kind : `${kind}:${t.Text}`);
  }
  return shape;
}

const operationRow = (correlationId: string, operationName = "StartCallRecording") => ({
  TimeGenerated: "2026-01-15T11:00:00Z",
  OperationName: operationName,
  ResultType: "Succeeded",
  ResultSignature: 202,
  DurationMs: 120,
  CorrelationId: correlationId,
});

/** Runs the operations template with the hostile value and describes, in words, what came back and how the query looked. */
function literalOutcome(field: "correlationId" | "operations", hostile: string): string {
  const benign = field === "correlationId" ? { correlationId: "call-benign" } : { operations: ["StopCallRecording"] };
  const params = field === "correlationId" ? { correlationId: hostile } : { operations: [hostile] };
  const kql = renderTemplate(templates.operations, params);
  const errors = analyze(kql, acsCatalog).filter((d) => d.severity === "error");
  const sameShape =
    JSON.stringify(queryShape(kql)) === JSON.stringify(queryShape(renderTemplate(templates.operations, benign)));
  const rows =
    field === "correlationId"
      ? [operationRow("call-other"), operationRow(hostile)]
      : [operationRow("call-1"), operationRow("call-2", hostile)];
  const result = runQuery(kql, tablesFromRows({ ACSCallRecordingIncomingOperations: rows }), { ...acsCatalog, now });
  const column = field === "correlationId" ? "CorrelationId" : "OperationName";
  const exact = result.rows.every((r) => r[column] === hostile);
  return [
    `${result.rows.length} row(s), ${column} ${exact ? "exactly the text given" : "NOT the text given"}`,
    `query shape ${sameShape ? "unchanged" : "CHANGED"}`,
    `${errors.length} analyzer error(s)`,
  ].join("; ");
}

const matchedLiterally = ["1 row(s)", "exactly the text given", "query shape unchanged", "0 analyzer error(s)"];

function literal(tried: string, field: "correlationId" | "operations", hostile: string): BadInputCase {
  return { area: "KQL parameter", tried, sees: matchedLiterally, attempt: () => literalOutcome(field, hostile) };
}

function refused(tried: string, render: () => unknown, sees: string[]): BadInputCase {
  return { area: "KQL parameter", tried, sees, attempt: () => messageOf(render) };
}

export const templateCases: readonly BadInputCase[] = [
  literal("correlationId with double and single quotes: a\"b'c", "correlationId", `a"b'c`),
  literal(
    'correlationId closing the string: x" | drop table ACSCallRecordingSummary //',
    "correlationId",
    'x" | drop table ACSCallRecordingSummary //',
  ),
  literal("correlationId with backslashes, one at the end: C:\\calls\\", "correlationId", "C:\\calls\\"),
  literal("correlationId with a newline and a pipe: id\\n| take 0", "correlationId", "id\n| take 0"),
  literal(
    "correlationId as a control command: '; .drop table ACSBillingUsage; '",
    "correlationId",
    "'; .drop table ACSBillingUsage; '",
  ),
  literal(
    "correlationId with comment markers: */ ACSBillingUsage /* and //",
    "correlationId",
    "*/ ACSBillingUsage /* //",
  ),
  literal(
    "correlationId in Unicode: emoji, Greek, right-to-left override, line separator",
    "correlationId",
    "☎️ Ωμέγα \u202eevil\u2028next",
  ),
  literal(
    'operations filter value breaking out of dynamic([]): Start"]) | drop //',
    "operations",
    'Start"]) | drop //',
  ),
  literal("operations filter value with a tab and NUL character", "operations", "Start\tCall\u0000Recording"),
  refused("correlationId empty", () => renderTemplate(templates.operations, { correlationId: "" }), [
    "template operations: parameter correlationId: use '*' for every call, or a CorrelationId",
  ]),
  refused(
    "correlationId of 300 characters",
    () => renderTemplate(templates.operations, { correlationId: "x".repeat(300) }),
    ["template operations: parameter correlationId: a CorrelationId is at most 256 characters"],
  ),
  refused(
    "callTimeline correlationId of 257 characters",
    () => renderTemplate(templates.callTimeline, { correlationId: "x".repeat(257) }),
    ["template callTimeline: parameter correlationId: a CorrelationId is at most 256 characters"],
  ),
  refused("callTimeline correlationId '*'", () => renderTemplate(templates.callTimeline, { correlationId: "*" }), [
    "template callTimeline: parameter correlationId: expected one CorrelationId, not '*'",
  ]),
  refused(
    "correlationId with a lone UTF-16 surrogate",
    () => renderTemplate(templates.operations, { correlationId: "call-\ud800" }),
    ["template operations: parameter correlationId: holds a lone UTF-16 surrogate; pass well-formed Unicode text"],
  ),
  refused(
    "operations filter value with a lone low surrogate",
    () => renderTemplate(templates.operations, { operations: ["Start\udc00"] }),
    ["template operations: parameter operations.0: holds a lone UTF-16 surrogate"],
  ),
  refused(
    "operations filter value of 257 characters",
    () => renderTemplate(templates.operations, { operations: ["x".repeat(257)] }),
    ["template operations: parameter operations.0: a filter value must be at most 256 characters"],
  ),
  refused("an empty operations filter value", () => renderTemplate(templates.operations, { operations: [""] }), [
    "template operations: parameter operations.0: a filter value must not be empty",
  ]),
  refused(
    "51 operations filter values",
    () => renderTemplate(templates.operations, { operations: Array.from({ length: 51 }, (_, i) => `op${i}`) }),
    ["template operations: parameter operations: at most 50 filter values"],
  ),
  refused(
    "startTime epoch 9e15 ms (beyond Date's ±8.64e15)",
    () => renderTemplate(templates.operations, { startTime: 9e15 }),
    ["template operations: parameter startTime:", "between years 1 and 9999", "got 9000000000000000"],
  ),
  refused("endTime epoch -9e15 ms", () => renderTemplate(templates.operations, { endTime: -9e15 }), [
    "template operations: parameter endTime:",
    "between years 1 and 9999",
    "got -9000000000000000",
  ]),
  refused(
    "startTime as an invalid Date object",
    () => renderTemplate(templates.operations, { startTime: new Date(Number.NaN) }),
    ["template operations: parameter startTime:", "expected an ISO 8601 datetime"],
  ),
  refused(
    'startTime "2024-02-30T00:00:00Z" (no such day)',
    () => renderTemplate(templates.operations, { startTime: "2024-02-30T00:00:00Z" }),
    ["template operations: parameter startTime:", 'got "2024-02-30T00:00:00Z"'],
  ),
  refused('timeGrain "0m"', () => renderTemplate(templates.operationHealth, { timeGrain: "0m" }), [
    'template operationHealth: parameter timeGrain: expected a time bin such as "15m"',
    'got "0m"',
  ]),
  refused('timeGrain "400d" (over 366 days)', () => renderTemplate(templates.operationHealth, { timeGrain: "400d" }), [
    "template operationHealth: parameter timeGrain:",
    "up to 366d",
    'got "400d"',
  ]),
  refused("limit 0", () => renderTemplate(templates.operations, { limit: 0 }), [
    "template operations: parameter limit:",
  ]),
  refused("limit 1.5", () => renderTemplate(templates.operations, { limit: 1.5 }), [
    "template operations: parameter limit: limit must be a whole number",
  ]),
  refused('timeGrain "1h) | drop"', () => renderTemplate(templates.operationHealth, { timeGrain: "1h) | drop" }), [
    'template operationHealth: parameter timeGrain: expected a time bin such as "15m", "1h" or "1d"',
    'got "1h) | drop"',
  ]),
  refused(
    'startTime "2026-01-15T00:00:00Z) | drop"',
    () => renderTemplate(templates.operations, { startTime: "2026-01-15T00:00:00Z) | drop" }),
    [
      "template operations: parameter startTime: expected an ISO 8601 datetime such as 2024-05-01T00:00:00Z",
      'got "2026-01-15T00:00:00Z) | drop"',
    ],
  ),
  refused(
    'limit "10 | drop" (text for a number)',
    () => renderTemplate(templates.operations, { limit: "10 | drop" as unknown as number }),
    ["template operations: parameter limit:", "expected number"],
  ),
  refused(
    "an extra parameter named query",
    () => renderTemplate(templates.operations, { query: "ACSBillingUsage" } as never),
    ["template operations: unknown parameter query; known: startTime, endTime, operations, correlationId"],
  ),
];

function alertWindow(tried: string, value: unknown, sees: string[]): BadInputCase {
  return {
    area: "KQL parameter",
    tried,
    sees,
    attempt: () => messageOf(() => alertRule("start-latency").query({ windowMinutes: value as number })),
  };
}

export const alertWindowCases: readonly BadInputCase[] = [
  alertWindow('alert windowMinutes "60m) | drop" (text smuggled into the timespan)', "60m) | drop", [
    'alert "start-latency": windowMinutes must be a whole number of minutes from 5 to 2880 (got "60m) | drop")',
    'set windowMinutes for "start-latency" in the stack config\'s alerts section',
  ]),
  alertWindow("alert windowMinutes 1e9", 1e9, [
    "windowMinutes must be a whole number of minutes from 5 to 2880 (got 1000000000)",
  ]),
];
