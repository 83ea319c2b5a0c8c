// Entry of the V8 startup snapshot (node --build-snapshot): evaluates Microsoft's Kusto.Language and runs its
// static initialisers once at build time, so a CLI process deserialises a ready library instead of ~2 s of start-up.
// Only built-in modules may be required here (Node's user-land snapshot rule); the library comes as source text.

const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");

const dir = process.env.ACS_KUSTO_LANGUAGE_DIR;
if (!dir) throw new Error("ACS_KUSTO_LANGUAGE_DIR must name @kusto/language-service-next's folder");
for (const file of ["bridge.min.js", "Kusto.Language.Bridge.min.js"]) {
  // biome-ignore lint/security/noGlobalEval: indirect eval runs Microsoft's UMD bundle at global scope, as require() does.
  (0, eval)(`${fs.readFileSync(path.join(dir, file), "utf8")}\n//# sourceURL=${path.join(dir, file)}`);
}
const K = globalThis.Kusto.Language;
// Warm the parser, binder and built-in function tables with the shapes the CLI runs.
for (const kql of [
  "print x = 1, y = now(), z = ago(1d) | extend s = strcat('a', tostring(x)) | where x > 0",
  "let T = datatable(a:string, b:long, c:datetime)[ 'x', 1, datetime(2024-01-01) ]; T | summarize count(), sum(b), percentile(b, 95), dcount(a), make_set(a) by bin(c, 1h), a | join kind=inner (T) on a | order by a asc | take 10",
]) {
  K.KustoCode.ParseAndAnalyze(kql, K.GlobalState.Default);
}

// Warm the paths a catalog of tables and stored functions takes (declaring them, expanding called bodies at each
// call site, walking the tree for called-function errors), with made-up names: the engine knows no tables of its own.
const S = K.Symbols;
const members = [
  new S.TableSymbol.$ctor7(
    "Events",
    "(TimeGenerated:datetime, Id:string, Kind:string, Status:string, Length:real, Count:int, Size:long, Ok:bool, Span:timespan, Bag:dynamic, _ResourceId:string)",
    "",
  ),
  new S.FunctionSymbol.$ctor16(
    "EventsIn",
    "(starttime:datetime=datetime(null), endtime:datetime=datetime(null), kinds:dynamic=dynamic([]), id:string='*')",
    `{
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
    "",
  ),
  new S.FunctionSymbol.$ctor16(
    "EventsSummary",
    "(starttime:datetime, endtime:datetime, kinds:dynamic=dynamic([]), id:string='*')",
    `{
let previous = starttime - (endtime - starttime);
let rows = EventsIn(previous, endtime, kinds, id = id) | extend Current = TimeGenerated >= starttime;
let p95 = rows | summarize P95 = percentile(Length, 95) by Current | summarize P = todouble(sumif(P95, Current)) | extend Pair = 1;
union (rows | project Current, Kind, Id, Seconds = Length, Bad), (rows | project Current, Kind = "other", Id, Seconds = 0.0, Bad = Failed)
| summarize N = countif(Current), Calls = dcountif(Id, Current), Seconds = sum(iff(Current, Seconds, 0.0)), BadN = countif(Bad) by Kind
| extend Pair = 1
| join kind=inner p95 on Pair
| project Kind, N, Calls, Seconds, BadN, P
}`,
    "",
  ),
];
const catalogGlobals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.$ctor2("db", null, members)).WithCache();
for (const kql of [
  'EventsIn(ago(15m)) | where Class == "5xx" | project TimeGenerated, Id, Kind',
  "let kinds = split(replace_string('a, b', ' ', ''), ','); EventsIn(datetime(\"2024-01-01T00:00:00.000Z\"), datetime(null), kinds, id = '*') | summarize N = count(), P = percentile(Length, 95), D = dcount(Id), S = make_set(Kind) by bin(TimeGenerated, 1d), Kind | order by TimeGenerated asc",
  "let starttime = datetime(2024-01-01); let endtime = datetime(2024-01-08); let grain = iff(0 == 0, 4h, 0m); EventsIn(starttime, endtime) | make-series N = count() default = 0 on TimeGenerated from bin(starttime, grain) to endtime step grain | mv-expand TimeGenerated, N | extend TimeGenerated = todatetime(TimeGenerated), N = tolong(N)",
  "EventsSummary(ago(7d), now()) | extend Change = strcat(iff(N >= Calls, '+', '-'), tostring(round(abs(100.0 * Seconds / N), 1)), '%') | top 5 by N desc",
  "EventsIn() | summarize arg_max(TimeGenerated, *) by Id | join kind=leftouter (EventsIn(ago(1d)) | project Id, Other = Length) on Id | project-away Id1",
]) {
  const code = K.KustoCode.ParseAndAnalyze(kql, catalogGlobals);
  const pending = [code.Syntax];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node.GetChild !== "function") continue;
    if (node.CalledFunctionHasErrors) node.GetCalledFunctionDiagnostics();
    for (let i = node.ChildCount - 1; i >= 0; i--) pending.push(node.GetChild(i));
  }
  for (const d of globalThis.Bridge.toArray(code.GetDiagnostics())) {
    if (String(d.Severity) === "Error")
      throw new Error(`snapshot warm-up query does not analyze: ${d.Message} in ${kql}`);
  }
}

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // The launcher (dist/cli/bin.js) names the compiled package and passes the user's arguments after `--`.
  const dist = process.env.ACS_INSIGHTS_DIST;
  const bin = path.join(dist, "cli", "bin.js");
  process.argv = [process.execPath, bin, ...process.argv.slice(1)];
  process.env.ACS_INSIGHTS_BIN = "1";
  const load = require("node:module").createRequire(bin);
  if (process.env.ACS_INSIGHTS_PEAK_FILE) load("../bench/measure.js").reportPeakAtExit();
  load("./main.js");
});
