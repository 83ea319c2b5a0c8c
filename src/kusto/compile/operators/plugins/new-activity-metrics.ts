// new_activity_metrics(Id, Timeline, Start, End, Window [, Cohort] [, dim...] [, Lookback]): for each cohort window
// `from` (ids first seen in it: not in an earlier window nor in Lookback) and each window `to` >= from: the ids of `to`
// not seen up to `from` (for to = from, the cohort), the cohort's ids seen / not seen in `to`, and their shares of the
// cohort. Every window from Start to End is listed, rows or not (the page's 11/6 row).
// https://learn.microsoft.com/kusto/query/new-activity-metrics-plugin
import { hashKey } from "../../../scalars";
import {
  kindOf,
  newRow,
  type OperatorFn,
  type Row,
  resultColumns,
  type Scope,
  symbolKindOf,
  type TabularFn,
  typeOf,
  unsupported,
} from "../../context";
import { compileScalar } from "../../expressions";
import type { NameReference } from "../../syntax";
import { compileTabular } from "../../tabular";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";
import { activityGroups, windowStarts } from "./activity-windows";
import { instant, keyOf, positiveStep } from "./timeline";

export function newActivityMetrics(call: PluginCall, scope: Scope): OperatorFn {
  const [idArg, timeArg, startArg, endArg, stepArg, ...rest] = call.positional;
  if (call.named.size > 0 || !stepArg)
    throw unsupported(
      scope,
      call.call,
      "new_activity_metrics arguments (Id, Timeline, Start, End, Window [, Cohort] [, dims] [, Lookback])",
    );
  // week/month/year windows follow startofweek/month/year; where the first one starts the page leaves open.
  if (typeOf(scope, stepArg) === "string")
    throw unsupported(scope, stepArg, "new_activity_metrics with a calendar window (week, month, year)");
  const id = compileScalar(idArg, scope);
  const time = compileScalar(timeArg, scope);
  columnArgument(timeArg, scope, call, "the timeline");
  // After Window: an optional constant cohort, dimension columns, and a final tabular lookback.
  const last = rest[rest.length - 1];
  const lookbackArg = last?.ResultType && symbolKindOf(last.ResultType) === "Table" ? rest.pop() : undefined;
  const cohortArg = rest[0] && kindOf(rest[0]) !== "NameReference" ? rest.shift() : undefined;
  const dims = rest.map((d) => columnArgument(d, scope, call, "a dimension"));
  const [start, end, step, cohort] = [startArg, endArg, stepArg, cohortArg].map((a) => constantArgument(a, scope));
  const idName = kindOf(idArg) === "NameReference" ? String((idArg as NameReference).SimpleName) : undefined;
  const lookback: TabularFn | undefined = lookbackArg ? compileTabular(lookbackArg, scope) : undefined;
  if (lookback && !idName)
    throw unsupported(scope, idArg, "new_activity_metrics lookback with an id that is not a column name");
  const columns = resultColumns(call.node);
  const [fromColumn, toColumn] = [columns[0].name, columns[1].name];
  const name = "new_activity_metrics";
  return (input, ctx) => {
    const from = instant(start(ctx), "Start", name);
    const to = instant(end(ctx), "End", name);
    const by = positiveStep(step(ctx), name);
    const only = cohortArg ? keyOf(instant(cohort(ctx), "Cohort", name)) : undefined;
    // Ids of the lookback table count as seen before Start.
    const before = new Set<string>();
    if (lookback && idName) {
      const t = lookback(ctx);
      if (!t.columns.some((c) => c.name === idName))
        throw new Error(`new_activity_metrics: the lookback table has no column ${idName} (the id column)`);
      for (const r of t.rows) if ((r[idName] ?? null) !== null) before.add(hashKey(r[idName]));
    }
    const starts = windowStarts(from, to, by);
    const rows: Row[] = [];
    for (const g of activityGroups(input.rows, ctx, { id, time, dims, from, to, step: by })) {
      const idsAt = starts.map((at) => g.windows.get(keyOf(at)) ?? new Set<string>());
      const seen = new Set(before);
      starts.forEach((at, i) => {
        const cohortIds = [...idsAt[i]].filter((k) => !seen.has(k));
        for (const k of idsAt[i]) seen.add(k);
        if (only !== undefined && keyOf(at) !== only) return;
        for (let j = i; j < starts.length; j++) {
          const later = idsAt[j];
          let retained = 0;
          for (const k of cohortIds) if (later.has(k)) retained++;
          let fresh = cohortIds.length;
          if (j > i) {
            fresh = 0;
            for (const k of later) if (!seen.has(k)) fresh++;
          }
          const out = newRow();
          out[fromColumn] = at;
          out[toColumn] = starts[j];
          dims.forEach((d, n) => (out[d] = g.dims[n]));
          out.dcount_new_values = fresh;
          out.dcount_retained_values = retained;
          out.dcount_churn_values = cohortIds.length - retained;
          out.retention_rate = retained / cohortIds.length;
          out.churn_rate = (cohortIds.length - retained) / cohortIds.length;
          rows.push(out);
        }
      });
    }
    return { columns, rows };
  };
}
