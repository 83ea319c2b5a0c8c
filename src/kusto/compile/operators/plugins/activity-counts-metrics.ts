// activity_counts_metrics(Id, Timeline, Start, End, Step [, dim...]): per window of Step from Start (rows with Start <=
// Timeline <= End) and dimension values: count of rows, dcount of ids, ids new since the first window, and ids seen so
// far. Windows without rows are not listed. https://learn.microsoft.com/kusto/query/activity-counts-metrics-plugin
import { hashKey } from "../../../scalars";
import type { Value } from "../../../types";
import { newRow, type OperatorFn, type Row, resultColumns, type Scope, unsupported } from "../../context";
import { compileScalar } from "../../expressions";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";
import { type Instant, instant, keyOf, less, positiveStep, windowStart } from "./timeline";

export function activityCountsMetrics(call: PluginCall, scope: Scope): OperatorFn {
  const [idArg, timeArg, startArg, endArg, stepArg, ...dimArgs] = call.positional;
  if (call.named.size > 0 || !stepArg)
    throw unsupported(scope, call.call, "activity_counts_metrics arguments (Id, Timeline, Start, End, Step [, dims])");
  const id = compileScalar(idArg, scope);
  const time = compileScalar(timeArg, scope);
  const timeName = columnArgument(timeArg, scope, call, "the timeline");
  const dims = dimArgs.map((d) => columnArgument(d, scope, call, "a dimension"));
  const [start, end, step] = [startArg, endArg, stepArg].map((a) => constantArgument(a, scope));
  const columns = resultColumns(call.node);
  return (input, ctx) => {
    const name = "activity_counts_metrics";
    const from = instant(start(ctx), "Start", name);
    const to = instant(end(ctx), "End", name);
    const by = positiveStep(step(ctx), name);
    // Per dimension combination: its windows in time order, each with its row count and ids.
    const groups = new Map<
      string,
      { dims: Value[]; windows: Map<string, { at: Instant; count: number; ids: Set<string> }> }
    >();
    for (const row of input.rows) {
      const t = time(row, ctx);
      if (t === null || typeof t === "boolean" || typeof t === "string" || typeof t === "object") continue;
      if (less(t, from) || less(to, t)) continue;
      const dimValues = dims.map((d) => row[d] ?? null);
      const gk = dimValues.map(hashKey).join("\u0001");
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { dims: dimValues, windows: new Map() }));
      const at = windowStart(t, by, from);
      let w = g.windows.get(keyOf(at));
      if (!w) g.windows.set(keyOf(at), (w = { at, count: 0, ids: new Set() }));
      w.count++;
      const v = id(row, ctx);
      if (v !== null) w.ids.add(hashKey(v));
    }
    const rows: Row[] = [];
    for (const g of groups.values()) {
      const seen = new Set<string>();
      const ordered = [...g.windows.values()].sort((a, b) => (less(a.at, b.at) ? -1 : less(b.at, a.at) ? 1 : 0));
      for (const w of ordered) {
        let fresh = 0;
        for (const k of w.ids) if (!seen.has(k)) fresh++;
        for (const k of w.ids) seen.add(k);
        const out = newRow();
        out[columns[0]?.name ?? timeName] = w.at;
        dims.forEach((d, i) => (out[d] = g.dims[i]));
        out.count = w.count;
        out.dcount = w.ids.size;
        out.new_dcount = fresh;
        out.aggregated_dcount = seen.size;
        rows.push(out);
      }
    }
    return { columns, rows };
  };
}
