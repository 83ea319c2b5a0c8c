// What the startup snapshot runs once at build time so the parser and binder paths a CLI process takes are already
// initialised: built-ins alone, then a made-up catalog (the engine knows no tables of its own) in the shapes callers use.
// The snapshot entry evaluates the compiled file as plain code: it must require nothing.

/** Queries over built-ins alone. */
export const builtinQueries: readonly string[] = [
  "print x = 1, y = now(), z = ago(1d) | extend s = strcat('a', tostring(x)) | where x > 0",
  "let T = datatable(a:string, b:long, c:datetime)[ 'x', 1, datetime(2024-01-01) ]; T | summarize count(), sum(b), percentile(b, 95), dcount(a), make_set(a) by bin(c, 1h), a | join kind=inner (T) on a | order by a asc | take 10",
];

/** A table, as TableSymbol's schema text. */
export const warmupTable = {
  name: "Events",
  schema:
    "(TimeGenerated:datetime, Id:string, Kind:string, Status:string, Length:real, Count:int, Size:long, Ok:bool, Span:timespan, Bag:dynamic, _ResourceId:string)",
};

/** Stored functions, as FunctionSymbol's parameter list and body: one filtering the table, one calling it. */
export const warmupFunctions: readonly { name: string; parameters: string; body: string }[] = [
  {
    name: "EventsIn",
    parameters:
      "(starttime:datetime=datetime(null), endtime:datetime=datetime(null), kinds:dynamic=dynamic([]), id:string='*')",
    body: `{
let known = dynamic(["a", "b"]);
Events
| where (isnull(starttime) or TimeGenerated >= starttime) and (isnull(endtime) or TimeGenerated < endtime)
| where id == '*' or _ResourceId =~ id
| summarize arg_max(TimeGenerated, *) by Id
| extend Key = replace_string(replace_string(tolower(Kind), " ", ""), "-", "")
| extend Kind = case(Key in ("ab", "ba"), "AB", Key == "a", "A", Kind), Code = toint(Status)
| where array_length(kinds) == 0 or Kind in~ (kinds)
| extend Length = toreal(Length), End = TimeGenerated + Length * 1s, Bad = isnotempty(Status) and Status !in~ (known)
| extend Class = case(isnull(Code), "unknown", Code between (200 .. 299), "2xx", "5xx"), Failed = iff(isnull(Code), Ok, Code >= 400)
| project TimeGenerated, Id, Kind, Length, End, Bad, Class, Failed, Size, _ResourceId
}`,
  },
  {
    name: "EventsSummary",
    parameters: "(starttime:datetime, endtime:datetime, kinds:dynamic=dynamic([]), id:string='*')",
    body: `{
let previous = starttime - (endtime - starttime);
let rows = EventsIn(previous, endtime, kinds, id = id) | extend Current = TimeGenerated >= starttime;
let p95 = rows | summarize P95 = percentile(Length, 95) by Current | summarize P = todouble(sumif(P95, Current)) | extend Pair = 1;
union (rows | project Current, Kind, Id, Seconds = Length, Bad), (rows | project Current, Kind = "other", Id, Seconds = 0.0, Bad = Failed)
| summarize N = countif(Current), Calls = dcountif(Id, Current), Seconds = sum(iff(Current, Seconds, 0.0)), BadN = countif(Bad) by Kind
| extend Pair = 1
| join kind=inner p95 on Pair
| project Kind, N, Calls, Seconds, BadN, P
}`,
  },
];

/** Calls of the functions with literal, named, let-bound and defaulted arguments. */
export const catalogQueries: readonly string[] = [
  'EventsIn(ago(15m)) | where Class == "5xx" | project TimeGenerated, Id, Kind',
  "let kinds = split(replace_string('a, b', ' ', ''), ','); EventsIn(datetime(\"2024-01-01T00:00:00.000Z\"), datetime(null), kinds, id = '*') | summarize N = count(), P = percentile(Length, 95), D = dcount(Id), S = make_set(Kind) by bin(TimeGenerated, 1d), Kind | order by TimeGenerated asc",
  "let starttime = datetime(2024-01-01); let endtime = datetime(2024-01-08); let grain = iff(0 == 0, 4h, 0m); EventsIn(starttime, endtime) | make-series N = count() default = 0 on TimeGenerated from bin(starttime, grain) to endtime step grain | mv-expand TimeGenerated, N | extend TimeGenerated = todatetime(TimeGenerated), N = tolong(N)",
  "EventsSummary(ago(7d), now()) | extend Change = strcat(iff(N >= Calls, '+', '-'), tostring(round(abs(100.0 * Seconds / N), 1)), '%') | top 5 by N desc",
  "EventsIn() | summarize arg_max(TimeGenerated, *) by Id | join kind=leftouter (EventsIn(ago(1d)) | project Id, Other = Length) on Id | project-away Id1",
];

/**
 * Parses and binds every query as the analyzer does (with the catalog declared, each called body expanded and
 * checked), given the Kusto.Language namespace and the Bridge runtime; returns the errors found, none when all is well.
 * `queries` run against the made-up catalog.
 */
export function warmUp(K: any, Bridge: any, queries: readonly string[] = catalogQueries): string[] {
  const S = K.Symbols;
  const members = [
    new S.TableSymbol.$ctor7(warmupTable.name, warmupTable.schema, ""),
    ...warmupFunctions.map((f) => new S.FunctionSymbol.$ctor16(f.name, f.parameters, f.body, "")),
  ];
  const withCatalog = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.$ctor2("db", null, members)).WithCache();
  const errors: string[] = [];
  const run = (kql: string, globals: any) => {
    const code = K.KustoCode.ParseAndAnalyze(kql, globals);
    const pending = [code.Syntax];
    while (pending.length > 0) {
      const node = pending.pop();
      if (!node || typeof node.GetChild !== "function") continue;
      if (node.CalledFunctionHasErrors) errors.push(`a called function does not analyze in: ${kql}`);
      for (let i = node.ChildCount - 1; i >= 0; i--) pending.push(node.GetChild(i));
    }
    for (const d of Bridge.toArray(code.GetDiagnostics())) {
      if (String(d.Severity) === "Error") errors.push(`${d.Message} in: ${kql}`);
    }
  };
  for (const kql of builtinQueries) run(kql, K.GlobalState.Default);
  for (const kql of queries) run(kql, withCatalog);
  return errors;
}
