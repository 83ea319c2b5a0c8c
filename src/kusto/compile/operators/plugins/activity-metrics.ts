// activity_metrics(Id, Timeline, Start, End, Window [, dim...]): per window of Window from Start (rows with Start <=
// Timeline <= End) and dimension values, the distinct ids, those not seen in the previous window, and retention =
// (ids now - new ids) / ids in the previous window, churn = 1 - retention (NaN for the first window).
// https://learn.microsoft.com/kusto/query/activity-metrics-plugin
import { newRow, type OperatorFn, type Row, resultColumns, type Scope, typeOf, unsupported } from "../../context";
import { compileScalar } from "../../expressions";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";
import { activityGroups, windowStarts } from "./activity-windows";
import { instant, keyOf, positiveStep } from "./timeline";

export function activityMetrics(call: PluginCall, scope: Scope): OperatorFn {
  const [idArg, timeArg, startArg, endArg, stepArg, ...dimArgs] = call.positional;
  if (call.named.size > 0 || !stepArg)
    throw unsupported(scope, call.call, "activity_metrics arguments (Id, Timeline, Start, End, Window [, dims])");
  // week/month/year windows follow startofweek/month/year; where the first one starts the page leaves open.
  if (typeOf(scope, stepArg) === "string")
    throw unsupported(scope, stepArg, "activity_metrics with a calendar window (week, month, year)");
  const id = compileScalar(idArg, scope);
  const time = compileScalar(timeArg, scope);
  columnArgument(timeArg, scope, call, "the timeline");
  const dims = dimArgs.map((d) => columnArgument(d, scope, call, "a dimension"));
  const [start, end, step] = [startArg, endArg, stepArg].map((a) => constantArgument(a, scope));
  const columns = resultColumns(call.node);
  const timeColumn = columns[0].name;
  const name = "activity_metrics";
  return (input, ctx) => {
    const from = instant(start(ctx), "Start", name);
    const to = instant(end(ctx), "End", name);
    const by = positiveStep(step(ctx), name);
    const rows: Row[] = [];
    for (const g of activityGroups(input.rows, ctx, { id, time, dims, from, to, step: by })) {
      const starts = windowStarts(from, to, by);
      // The page shows every window holding rows; whether Kusto lists an empty one, or compares across it, it does not say.
      if (starts.some((at) => !g.windows.has(keyOf(at))))
        throw unsupported(scope, call.call, "activity_metrics with a window without rows between Start and End");
      let previous = new Set<string>();
      for (const at of starts) {
        const ids = g.windows.get(keyOf(at)) ?? new Set<string>();
        let returned = 0;
        for (const k of ids) if (previous.has(k)) returned++;
        const out = newRow();
        out[timeColumn] = at;
        dims.forEach((d, i) => (out[d] = g.dims[i]));
        out.dcount_values = ids.size;
        out.dcount_newvalues = ids.size - returned;
        // 0 / 0 is NaN, as the page's first window shows.
        out.retention_rate = returned / previous.size;
        out.churn_rate = (previous.size - returned) / previous.size;
        rows.push(out);
        previous = ids;
      }
    }
    return { columns, rows };
  };
}
