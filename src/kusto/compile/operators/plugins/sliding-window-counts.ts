// sliding_window_counts(Id, Timeline, Start, End, LookbackWindow, Bin [, dim...]): for each Bin window from Start to
// End, the rows and distinct ids of the last LookbackWindow (rounded down to whole bins, the current one included).
// Windows holding no row are not listed. https://learn.microsoft.com/kusto/query/sliding-window-counts-plugin
import { hashKey } from "../../../scalars";
import type { Value } from "../../../types";
import { guardGrowth, newRow, type OperatorFn, type Row, resultColumns, type Scope, unsupported } from "../../context";
import { compileScalar } from "../../expressions";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";
import { type Instant, instant, positiveStep, windowIndex } from "./timeline";

/** Whole bins from `start` to `t` (floor), as a number. */
const binIndex = (t: Instant, start: Instant, bin: Instant): number => Number(windowIndex(t, bin, start));

function binAt(start: Instant, bin: Instant, i: number): Instant {
  return typeof start === "bigint" && typeof bin === "bigint"
    ? start + BigInt(i) * bin
    : Number(start) + i * Number(bin);
}

export function slidingWindowCounts(call: PluginCall, scope: Scope): OperatorFn {
  const [idArg, timeArg, startArg, endArg, lookbackArg, binArg, ...dimArgs] = call.positional;
  if (call.named.size > 0 || !binArg)
    throw unsupported(
      scope,
      call.call,
      "sliding_window_counts arguments (Id, Timeline, Start, End, LookbackWindow, Bin [, dims])",
    );
  const id = compileScalar(idArg, scope);
  const time = compileScalar(timeArg, scope);
  const timeName = columnArgument(timeArg, scope, call, "the timeline");
  const dims = dimArgs.map((d) => columnArgument(d, scope, call, "a dimension"));
  const [start, end, lookback, bin] = [startArg, endArg, lookbackArg, binArg].map((a) => constantArgument(a, scope));
  const columns = resultColumns(call.node);
  // The binder spells them Count and Dcount; the page's table writes dcount.
  const countName = columns.find((c) => c.name.toLowerCase() === "count")?.name ?? "Count";
  const dcountName = columns.find((c) => c.name.toLowerCase() === "dcount")?.name ?? "Dcount";
  const name = "sliding_window_counts";
  return (input, ctx) => {
    const from = instant(start(ctx), "Start", name);
    const to = instant(end(ctx), "End", name);
    const by = positiveStep(bin(ctx), name);
    const back = positiveStep(lookback(ctx), name);
    const last = binIndex(to, from, by);
    const span = Math.max(1, binIndex(back, typeof back === "bigint" ? 0n : 0, by));
    // Per dimension combination: per bin index, the rows' ids.
    const groups = new Map<string, { dims: Value[]; bins: Map<number, string[]> }>();
    for (const row of input.rows) {
      const t = time(row, ctx);
      if (typeof t !== "bigint" && typeof t !== "number") continue;
      const b = binIndex(t, from, by);
      if (b < 0 || b > last) continue;
      const dimValues = dims.map((d) => row[d] ?? null);
      const gk = dimValues.map(hashKey).join("\u0001");
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { dims: dimValues, bins: new Map() }));
      const list = g.bins.get(b);
      const v = id(row, ctx);
      const key = v === null ? "\u0000null" : hashKey(v);
      if (list) list.push(key);
      else g.bins.set(b, [key]);
    }
    const rows: Row[] = [];
    for (const g of groups.values()) {
      const first = Math.min(...g.bins.keys());
      const stop = Math.min(last, Math.max(...g.bins.keys()) + span - 1);
      for (let b = first; b <= stop; b++) {
        let count = 0;
        const ids = new Set<string>();
        for (let k = b - span + 1; k <= b; k++) {
          for (const key of g.bins.get(k) ?? []) {
            count++;
            if (key !== "\u0000null") ids.add(key);
          }
        }
        if (count === 0) continue;
        const out = newRow();
        out[columns[0]?.name ?? timeName] = binAt(from, by, b);
        dims.forEach((d, i) => (out[d] = g.dims[i]));
        out[countName] = count;
        out[dcountName] = ids.size;
        rows.push(out);
        guardGrowth(ctx, rows.length, name);
      }
    }
    return { columns, rows };
  };
}
