// What Azure refuses in a log alert query, checked before deploy (by config, by the mock cloud, by the tests).
// - A query starting with search or union: "We don't support creating or modifying log search alert rules that use search
//   or union operators, except for cross-resource queries" (learn.microsoft.com/azure/azure-monitor/alerts/alerts-log-query).
// - One-minute frequency with a query Azure cannot optimise, such as one calling saved functions: "One-minute frequency is not
//   supported for this query" (MicrosoftDocs/azure-docs#120598, aka.ms/lsa_1m_limits).

/** Drops // comments and string literals so keywords inside them are not mistaken for operators. */
function code(query: string): string {
  return query
    .replace(/\/\/[^\n]*/g, " ")
    .replace(/@"(?:[^"]|"")*"|@'(?:[^']|'')*'/g, '""')
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
}

/** The first word of the query's first statement (after any let statements). */
export function leadingOperator(query: string): string {
  const statements = code(query)
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  const body = statements.find((s) => !/^let\b/i.test(s)) ?? "";
  return (/^[A-Za-z_][\w]*/.exec(body)?.[0] ?? "").toLowerCase();
}

/** Cross-resource union (workspace(), app(), resource()) is the documented exception. */
function isCrossResourceUnion(query: string): boolean {
  const afterUnion = code(query)
    .replace(/^\s*union\b(\s+\w+\s*=\s*\w+)*/i, "")
    .trim();
  const legs = afterUnion.split(/,(?![^(]*\))/).map((l) => l.trim().split(/\s|\|/)[0]);
  return legs.length > 0 && legs.every((l) => /^(workspace|app|resource)\s*\(/i.test(l));
}

/** Names from `functionNames` the query calls, in order of first use. */
export function calledFunctions(query: string, functionNames: readonly string[]): string[] {
  const text = code(query);
  return functionNames.filter((name) => new RegExp(`(^|[^\\w.])${name}\\s*\\(`).test(text));
}

export interface AlertQueryCheck {
  readonly key: string;
  readonly query: string;
  readonly frequencyMinutes: number;
}

/** Every reason Azure would refuse this rule's query at this frequency; empty when it would accept it. */
export function alertQueryProblems(rule: AlertQueryCheck, functionNames: readonly string[]): string[] {
  const problems: string[] = [];
  const first = leadingOperator(rule.query);
  if (first === "search" || (first === "union" && !isCrossResourceUnion(rule.query))) {
    problems.push(
      `alert "${rule.key}": the query starts with ${first}; Azure refuses log alert queries that start with search or union (start from a table or function)`,
    );
  }
  const calls = calledFunctions(rule.query, functionNames);
  if (rule.frequencyMinutes === 1 && calls.length > 0) {
    problems.push(
      `alert "${rule.key}": frequencyMinutes 1 with a query that calls ${calls.join(", ")}; Azure does not run such queries every minute (use 5 or more)`,
    );
  }
  return problems;
}
