// dcount_intersect(hll_1, ..., hll_n): adds s0..s(n-1) to each row, the distinct counts of S1, S1∩S2, ..., S1∩...∩Sn.
// https://learn.microsoft.com/kusto/query/dcount-intersect-plugin — Kusto estimates from HyperLogLog sketches; this
// engine's hll() keeps every distinct key, so the counts here are exact.
import { hllKeys } from "../../../scalars/sketches";
import type { ColumnInfo, Value } from "../../../types";
import { newRow, type OperatorFn, type Scope, unsupported } from "../../context";
import { compileScalar } from "../../expressions";
import type { PluginCall } from "../evaluate";

export function dcountIntersect(call: PluginCall, scope: Scope): OperatorFn {
  const n = call.positional.length;
  // "N in range of [2..16]" (the plugin's reference page).
  if (n < 2 || n > 16 || call.named.size > 0)
    throw unsupported(scope, call.call, `dcount_intersect with ${n} sketches (it takes 2 to 16 hll values)`);
  const sets = call.positional.map((a) => compileScalar(a, scope));
  const names = sets.map((_, i) => `s${i}`);
  // Per row, like extend: Kusto.Language types the result as the input's columns then s0..s(n-1) long, and the
  // docs' churn example reads the row's other columns (Day) after the plugin.
  const added: ColumnInfo[] = names.map((name) => ({ name, type: "long" }));
  return (input, ctx) => {
    const columns = [...input.columns.filter((c) => !names.includes(c.name)), ...added];
    const rows = input.rows.map((row) => {
      const out = newRow();
      for (const c of input.columns) out[c.name] = row[c.name] ?? null;
      let common: Set<string> | undefined;
      sets.forEach((fn, i) => {
        const keys = sketchKeys(fn(row, ctx), i);
        common = common ? new Set(keys.filter((k) => common?.has(k))) : new Set(keys);
        out[names[i]] = common.size;
      });
      return out;
    });
    return { columns, rows };
  };
}

/** A sketch's keys; null (hll() of no values) is the empty set. */
function sketchKeys(v: Value, i: number): string[] {
  if (v === null) return [];
  const keys = hllKeys(v);
  if (!keys) throw new Error(`dcount_intersect: argument ${i + 1} is not an hll() or hll_merge() value`);
  return keys;
}
