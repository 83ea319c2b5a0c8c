// rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [, dim...]): per bin of Index (bin(), as the page's
// daily example shows) that holds rows, and per dimension values, the nearest-rank percentile of Value over that bin
// and the BinsPerWindow - 1 bins before it. https://learn.microsoft.com/kusto/query/rolling-percentile-plugin
import { compareValues, hashKey } from "../../../scalars";
import { nearestRankIndex } from "../../../scalars/aggregates";
import type { Value } from "../../../types";
import { newRow, type OperatorFn, type Row, resultColumns, type Scope, typeOf, unsupported } from "../../context";
import { compileScalar } from "../../expressions";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";
import { positiveStep, windowStart } from "./timeline";

export function rollingPercentile(call: PluginCall, scope: Scope): OperatorFn {
  const [valueArg, pctArg, indexArg, binArg, countArg, ...dimArgs] = call.positional;
  if (call.named.size > 0 || !countArg)
    throw unsupported(
      scope,
      call.call,
      "rolling_percentile arguments (Value, Percentile, Index, BinSize, BinsPerWindow [, dims])",
    );
  const value = compileScalar(valueArg, scope);
  const compare = compareValues(typeOf(scope, valueArg));
  const index = compileScalar(indexArg, scope);
  const indexName = columnArgument(indexArg, scope, call, "the index column");
  const dims = dimArgs.map((d) => columnArgument(d, scope, call, "a dimension"));
  const [pct, binSize, perWindow] = [pctArg, binArg, countArg].map((a) => constantArgument(a, scope));
  const columns = resultColumns(call.node);
  const resultName = columns[columns.length - 1].name;
  return (input, ctx) => {
    const p = Number(pct(ctx));
    const size = positiveStep(binSize(ctx), "rolling_percentile");
    const window = Number(perWindow(ctx));
    if (!Number.isInteger(window) || window < 1)
      throw new Error(
        `rolling_percentile: BinsPerWindow must be a positive whole number, got ${String(perWindow(ctx))}`,
      );
    const origin = typeof size === "bigint" ? 0n : 0;
    const groups = new Map<string, { dims: Value[]; bins: Map<string, { at: bigint | number; values: Value[] }> }>();
    for (const row of input.rows) {
      const t = index(row, ctx);
      const v = value(row, ctx);
      if ((typeof t !== "bigint" && typeof t !== "number") || v === null) continue;
      const dimValues = dims.map((d) => row[d] ?? null);
      const gk = dimValues.map(hashKey).join("\u0001");
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { dims: dimValues, bins: new Map() }));
      const at = windowStart(t, size, origin);
      const bk = String(at);
      const bin = g.bins.get(bk);
      if (bin) bin.values.push(v);
      else g.bins.set(bk, { at, values: [v] });
    }
    const rows: Row[] = [];
    for (const g of groups.values()) {
      const ordered = [...g.bins.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (const bin of ordered) {
        // The window: this bin and the ones that start less than BinsPerWindow bins before it.
        const earliest =
          typeof bin.at === "bigint"
            ? bin.at - BigInt(window - 1) * (size as bigint)
            : bin.at - (window - 1) * Number(size);
        const values = ordered
          .filter((b) => b.at >= earliest && b.at <= bin.at)
          .flatMap((b) => b.values)
          .sort(compare);
        const out = newRow();
        out[columns[0]?.name ?? indexName] = bin.at;
        dims.forEach((d, i) => (out[d] = g.dims[i]));
        out[resultName] = values[nearestRankIndex(values.length, p)] ?? null;
        rows.push(out);
      }
    }
    return { columns, rows };
  };
}
