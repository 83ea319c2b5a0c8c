// The ids seen per time window and dimension combination, which activity_metrics and new_activity_metrics compare.
import { hashKey } from "../../../scalars";
import type { Value } from "../../../types";
import type { Row, RunContext, ScalarFn } from "../../context";
import { type Instant, keyOf, less, windowStart } from "./timeline";

export interface ActivityGroup {
  readonly dims: Value[];
  /** Window start (keyOf) → the ids (hashKey) seen in it. */
  readonly windows: Map<string, Set<string>>;
}

export interface ActivitySpec {
  readonly id: ScalarFn;
  readonly time: ScalarFn;
  readonly dims: readonly string[];
  readonly from: Instant;
  readonly to: Instant;
  readonly step: Instant;
}

/** Rows with from <= Timeline <= to, by dimension values, then by window of `step` from `from`; null ids are skipped. */
export function activityGroups(rows: readonly Row[], ctx: RunContext, spec: ActivitySpec): ActivityGroup[] {
  const groups = new Map<string, ActivityGroup>();
  for (const row of rows) {
    const t = spec.time(row, ctx);
    if (typeof t !== "bigint" && typeof t !== "number") continue;
    if (less(t, spec.from) || less(spec.to, t)) continue;
    const v = spec.id(row, ctx);
    if (v === null) continue;
    const dimValues = spec.dims.map((d) => row[d] ?? null);
    const gk = dimValues.map(hashKey).join("\u0001");
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { dims: dimValues, windows: new Map() }));
    const wk = keyOf(windowStart(t, spec.step, spec.from));
    let ids = g.windows.get(wk);
    if (!ids) g.windows.set(wk, (ids = new Set()));
    ids.add(hashKey(v));
  }
  return [...groups.values()];
}

/** Every window start from `from` through the window holding `to`. */
export function windowStarts(from: Instant, to: Instant, step: Instant): Instant[] {
  const last = windowStart(to, step, from);
  const out: Instant[] = [];
  for (let at = from; !less(last, at); at = typeof at === "bigint" ? at + (step as bigint) : Number(at) + Number(step))
    out.push(at);
  return out;
}
