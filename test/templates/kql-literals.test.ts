import { describe, expect, it } from "vitest";
import { tablesFromRows } from "../../src/data";
import { analyze, runQuery, toJsonRows } from "../../src/kusto";
import { enumName, kustoLanguage, toArray } from "../../src/kusto/kusto-language";
import { acsCatalog } from "../../src/schema/catalog";
import {
  callTimeline,
  type KqlTemplate,
  kqlBool,
  kqlDateTime,
  kqlIdentifier,
  kqlLong,
  kqlReal,
  kqlString,
  kqlStringArray,
  kqlTimespan,
  operations,
  recordings,
  renderTemplate,
  usage,
} from "../../src/templates";

const hostile = [
  "'",
  '"',
  "\\",
  '\\"',
  '"; ACSBillingUsage | take 1000000 //',
  '" | where 1 == 1 | project "',
  "' or '1' == '1",
  "x\n| take 0\n",
  "a\r\nb\tc",
  "nul\u0000byte and bell\u0007",
  "line\u2028separator\u2029",
  "del\u007f and c1\u0085",
  "/* not a comment */",
  "// trailing comment",
  '@"verbatim"',
  'h"hidden"',
  "```",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the hostile input under test.
  "${injection}",
  "emoji 😀 and é",
  "\\u0022",
];

/** The token kinds of a query: a hostile value must not add, remove or change a single token. */
function tokenKinds(kql: string): string[] {
  const { Kusto } = kustoLanguage();
  return toArray(Kusto.Language.Parsing.TokenParser.ParseTokens(kql, null)).map((t: { Kind: number }) =>
    enumName(Kusto.Language.Syntax.SyntaxKind, t.Kind),
  );
}

describe("kqlString", () => {
  it("must escape backslashes, quotes and line breaks", () => {
    expect(kqlString('a"b')).toBe('"a\\"b"');
    expect(kqlString("a\\b")).toBe('"a\\\\b"');
    expect(kqlString("a\nb\r\tc")).toBe('"a\\nb\\r\\tc"');
    expect(kqlString("it's")).toBe('"it\'s"');
  });

  it("must escape control characters and Unicode line separators as \\uXXXX", () => {
    expect(kqlString("\u0000\u0007\u007f\u2028")).toBe('"\\u0000\\u0007\\u007f\\u2028"');
  });

  it("must reject a lone surrogate rather than emit broken text", () => {
    expect(() => kqlString("a\ud800b")).toThrow(/lone UTF-16 surrogate/);
  });

  it("must round-trip every hostile value through the evaluator unchanged", () => {
    const empty = tablesFromRows({});
    for (const value of hostile) {
      const rows = toJsonRows(runQuery(`print v = ${kqlString(value)}`, empty));
      expect(rows, JSON.stringify(value)).toEqual([{ v: value }]);
    }
  }, 60_000);

  it("must stay one string-literal token whatever the value", () => {
    for (const value of hostile) {
      expect(tokenKinds(`print ${kqlString(value)}`), JSON.stringify(value)).toEqual([
        "PrintKeyword",
        "StringLiteralToken",
        "EndOfTextToken",
      ]);
    }
  });
});

describe("the other literals", () => {
  it("must render a string array as dynamic([...]) of escaped strings", () => {
    expect(kqlStringArray([])).toBe("dynamic([])");
    expect(kqlStringArray(["mp4", 'w"av'])).toBe('dynamic(["mp4", "w\\"av"])');
  });

  it("must round-trip every hostile value inside a dynamic array through the evaluator", () => {
    const rows = toJsonRows(runQuery(`print v = ${kqlStringArray(hostile)}`, tablesFromRows({})));
    expect(rows).toEqual([{ v: hostile }]);
  }, 60_000);

  it("must render datetimes as ISO 8601 UTC and null as datetime(null)", () => {
    expect(kqlDateTime(Date.UTC(2024, 4, 1, 12, 30))).toBe("datetime(2024-05-01T12:30:00.000Z)");
    expect(kqlDateTime(new Date("2024-05-01T00:00:00.5Z"))).toBe("datetime(2024-05-01T00:00:00.500Z)");
    expect(kqlDateTime(null)).toBe("datetime(null)");
    expect(() => kqlDateTime(Number.NaN)).toThrow(/valid Date/);
  });

  it("must render timespans in the largest exact unit", () => {
    // 90 min = 5,400,000 ms: not whole hours, whole minutes
    expect([
      kqlTimespan(86_400_000),
      kqlTimespan(3_600_000),
      kqlTimespan(5_400_000),
      kqlTimespan(1500),
      kqlTimespan(2000),
    ]).toEqual(["1d", "1h", "90m", "1500ms", "2s"]);
    expect(() => kqlTimespan(0)).toThrow(/positive whole number/);
    expect(() => kqlTimespan(1.5)).toThrow(/positive whole number/);
  });

  it("must render numbers and bools, rejecting what is not finite", () => {
    expect([kqlLong(42), kqlReal(2), kqlReal(2.5), kqlBool(true)]).toEqual(["42", "2.0", "2.5", "true"]);
    expect(() => kqlLong(1.5)).toThrow(/whole number/);
    expect(() => kqlReal(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it("must accept identifiers and reject anything else", () => {
    expect(kqlIdentifier("RecordingLength")).toBe("RecordingLength");
    expect(kqlIdentifier("_ResourceId")).toBe("_ResourceId");
    for (const bad of ["", "1abc", "a b", "a|b", "a;drop", "['x']", "a-b", "x".repeat(129)]) {
      expect(() => kqlIdentifier(bad), bad).toThrow(/is not a KQL identifier/);
    }
  });
});

describe("templates with hostile parameter values", () => {
  const cases: [string, KqlTemplate, (v: string) => Record<string, unknown>][] = [
    ["recordings.correlationId", recordings, (v) => ({ correlationId: v })],
    ["recordings.formatTypes", recordings, (v) => ({ formatTypes: [v, "mp4"] })],
    ["recordings.contentTypes", recordings, (v) => ({ contentTypes: [v] })],
    ["recordings.channelTypes", recordings, (v) => ({ channelTypes: [v] })],
    ["operations.operations", operations, (v) => ({ operations: [v] })],
    ["operations.correlationId", operations, (v) => ({ correlationId: v })],
    ["usage.usageTypes", usage, (v) => ({ usageTypes: [v] })],
    ["callTimeline.correlationId", callTimeline, (v) => ({ correlationId: v })],
  ];

  for (const [label, template, params] of cases) {
    it(`must keep the query's tokens and bind cleanly: ${label}`, () => {
      const benign = tokenKinds(renderTemplate(template, params("benign") as never));
      for (const value of hostile) {
        const kql = renderTemplate(template, params(value) as never);
        expect(tokenKinds(kql), JSON.stringify(value)).toEqual(benign);
      }
      // Binding is slow (~0.15 s a query): bind the values that break naive quoting.
      for (const value of [hostile[2], hostile[4], hostile[5], hostile[7]]) {
        expect(analyze(renderTemplate(template, params(value) as never), acsCatalog), JSON.stringify(value)).toEqual(
          [],
        );
      }
    }, 60_000);
  }

  it("must find no rows for a hostile id rather than every row", () => {
    const tables = tablesFromRows({
      ACSCallRecordingSummary: [{ RecordingId: "r1", CorrelationId: "call-1", TimeGenerated: "2024-05-01T00:00:00Z" }],
    });
    for (const value of ['" or 1==1 or "', 'call-1" | where true | extend x="']) {
      const rows = toJsonRows(runQuery(renderTemplate(recordings, { correlationId: value }), tables, acsCatalog));
      expect(rows, value).toEqual([]);
    }
  }, 60_000);
});

describe("template parameters", () => {
  it("must reject bad values naming the template, the parameter and the fix", () => {
    expect(() => renderTemplate(recordings, { startTime: "yesterday" })).toThrow(
      /template recordings: parameter startTime: expected an ISO 8601 datetime.*got "yesterday"/,
    );
    expect(() =>
      renderTemplate(recordings, { startTime: "2024-05-02T00:00:00Z", endTime: "2024-05-01T00:00:00Z" }),
    ).toThrow(/parameter endTime: endTime must be after startTime/);
    expect(() => renderTemplate(usage, { timeGrain: "1 hour" })).toThrow(
      /parameter timeGrain: expected a time bin such as "15m"/,
    );
    expect(() => renderTemplate(recordings, { formatTypes: [""] })).toThrow(
      /parameter formatTypes\.0: a filter value must not be empty/,
    );
    expect(() => renderTemplate(callTimeline, { correlationId: "*" } as never)).toThrow(
      /parameter correlationId: expected one CorrelationId, not '\*'/,
    );
    expect(() => renderTemplate(recordings, { limit: 0 })).toThrow(/parameter limit/);
    expect(() => renderTemplate(recordings, { corelationId: "x" } as never)).toThrow(
      /template recordings: unknown parameter corelationId; known: startTime/,
    );
  });

  it("must accept Date, ISO text and epoch ms for a datetime", () => {
    const expected = "ACSRecordingUsage(datetime(2024-05-01T00:00:00.000Z), datetime(null), 1d, dynamic([]))";
    for (const startTime of [new Date("2024-05-01T00:00:00Z"), "2024-05-01T00:00:00Z", Date.UTC(2024, 4, 1)]) {
      expect(renderTemplate(usage, { startTime })).toBe(expected);
    }
  });
});
