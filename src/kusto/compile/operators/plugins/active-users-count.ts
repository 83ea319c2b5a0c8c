// active_users_count(Id, Timeline, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin [, dim...]): an appearance
// (a row with Start <= Timeline <= End) is active when its id appears in at least ActivePeriodsCount distinct Periods
// within (appearance - LookbackWindow, appearance]; per Bin window from Start, the distinct ids with an active
// appearance. Windows without one are not listed, as the page's example shows.
// https://learn.microsoft.com/kusto/query/active-users-count-plugin
import { hashKey } from "../../../scalars";
import type { Value } from "../../../types";
import { newRow, type OperatorFn, type Row, resultColumns, type Scope, unsupported } from "../../context";
import { compileScalar } from "../../expressions";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";
import { type Instant, instant, keyOf, less, minus, positiveStep, windowStart } from "./timeline";

export function activeUsersCount(call: PluginCall, scope: Scope): OperatorFn {
  const [idArg, timeArg, startArg, endArg, lookbackArg, periodArg, countArg, binArg, ...dimArgs] = call.positional;
  if (call.named.size > 0 || !binArg)
    throw unsupported(
      scope,
      call.call,
      "active_users_count arguments (Id, Timeline, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin [, dims])",
    );
  const id = compileScalar(idArg, scope);
  const time = compileScalar(timeArg, scope);
  const timeName = columnArgument(timeArg, scope, call, "the timeline");
  const dims = dimArgs.map((d) => columnArgument(d, scope, call, "a dimension"));
  const [start, end, lookback, period, needed, bin] = [startArg, endArg, lookbackArg, periodArg, countArg, binArg].map(
    (a) => constantArgument(a, scope),
  );
  const columns = resultColumns(call.node);
  const name = "active_users_count";
  return (input, ctx) => {
    const from = instant(start(ctx), "Start", name);
    const to = instant(end(ctx), "End", name);
    const back = positiveStep(lookback(ctx), name);
    const per = positiveStep(period(ctx), name);
    const by = positiveStep(bin(ctx), name);
    const min = Number(needed(ctx));
    // Every appearance (the lookback may reach before Start), per dimension combination and id, in time order.
    const byId = new Map<string, { dims: Value[]; id: string; times: Instant[] }>();
    for (const row of input.rows) {
      const t = time(row, ctx);
      const v = id(row, ctx);
      if (v === null || t === null || (typeof t !== "bigint" && typeof t !== "number")) continue;
      const dimValues = dims.map((d) => row[d] ?? null);
      const key = `${dimValues.map(hashKey).join("\u0001")}\u0002${hashKey(v)}`;
      let e = byId.get(key);
      if (!e) byId.set(key, (e = { dims: dimValues, id: hashKey(v), times: [] }));
      e.times.push(t);
    }
    const windows = new Map<string, { at: Instant; dims: Value[]; ids: Set<string> }>();
    for (const e of byId.values()) {
      for (const t of e.times) {
        if (less(t, from) || less(to, t)) continue;
        const earliest = minus(t, back);
        const periods = new Set<string>();
        for (const u of e.times)
          if (less(earliest, u) && !less(t, u))
            periods.add(keyOf(windowStart(u, per, typeof per === "bigint" ? 0n : 0)));
        if (periods.size < min) continue;
        const at = windowStart(t, by, from);
        const wk = `${keyOf(at)}\u0002${e.dims.map(hashKey).join("\u0001")}`;
        let w = windows.get(wk);
        if (!w) windows.set(wk, (w = { at, dims: e.dims, ids: new Set() }));
        w.ids.add(e.id);
      }
    }
    const rows: Row[] = [...windows.values()]
      .sort((a, b) => (less(a.at, b.at) ? -1 : less(b.at, a.at) ? 1 : 0))
      .map((w) => {
        const out = newRow();
        out[columns[0]?.name ?? timeName] = w.at;
        dims.forEach((d, i) => (out[d] = w.dims[i]));
        out.dcount = w.ids.size;
        return out;
      });
    return { columns, rows };
  };
}
