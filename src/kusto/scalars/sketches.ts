// hll and tdigest "sketches", kept EXACT here: Kusto stores a HyperLogLog / t-digest and estimates from it, this engine
// stores the distinct keys / every value, so dcount_hll, percentile_tdigest and rank_tdigest give exact answers where
// Kusto's are estimates within its documented error. The sketch is a dynamic bag whose shape is this engine's own
// (Kusto's is an opaque binary): printing one never matches Kusto, and such outputs are nondeterministic in the suite.
import type { KType, Value } from "../types";
import { unboxReal } from "../values/dynamic-real";
import type { AggregateFactory, Aggregator } from "./aggregates";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { compareValues, hashKey } from "./compare";
import { toDynamicValue } from "./format";
import { toDouble } from "./int64";

const HLL = "exact_distinct_keys";
const TDIGEST = "exact_values";

interface Digest {
  readonly type: KType;
  readonly values: Value[];
  readonly weights: number[];
}

function bag(entries: Record<string, unknown>): Value {
  return Object.assign(Object.create(null), entries) as Value;
}

/** The distinct keys an hll()/hll_merge() value holds (exact here), or null when v is not such a sketch. */
export function hllKeys(v: Value): string[] | null {
  const keys =
    v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[HLL] : undefined;
  return Array.isArray(keys) ? (keys as string[]) : null;
}

function digestOf(v: Value): Digest | null {
  const d =
    v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[TDIGEST] : undefined;
  if (!d || typeof d !== "object") return null;
  const { type, values, weights } = d as Record<string, unknown>;
  return typeof type === "string" && Array.isArray(values) && Array.isArray(weights)
    ? { type: type as KType, values: values as Value[], weights: weights as number[] }
    : null;
}

/** hll(x[, accuracy]) and hll_if(x, predicate[, accuracy]): the set of distinct non-null keys. */
class HllExact implements Aggregator {
  readonly keys = new Set<string>();
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    this.keys.add(hashKey(v));
  }
  result(): Value {
    // No value at all gives null, as summarize-operator.md's empty-table example shows for hll() and tdigest().
    return this.keys.size === 0 ? null : bag({ [HLL]: [...this.keys] });
  }
}

/** hll_merge(h): the union of the sets; null when no sketch came (null is its default, summarize-operator.md). */
class HllMerge implements Aggregator {
  readonly keys = new Set<string>();
  seen = false;
  add(args: readonly Value[]): void {
    const keys = hllKeys(args[0]);
    if (keys === null) return;
    this.seen = true;
    for (const k of keys) this.keys.add(k);
  }
  result(): Value {
    return this.seen ? bag({ [HLL]: [...this.keys] }) : null;
  }
}

/** tdigest(x[, weight]): every non-null value with its weight. */
class TDigestExact implements Aggregator {
  readonly values: Value[] = [];
  readonly weights: number[] = [];
  constructor(
    private readonly type: KType,
    private readonly weighted: boolean,
  ) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (typeof v === "number" && v !== v)) return;
    const w = this.weighted ? toDouble(args[1]) : 1;
    if (w === null || !(w > 0)) return;
    this.values.push(v);
    this.weights.push(w);
  }
  result(): Value {
    if (this.values.length === 0) return null;
    return bag({ [TDIGEST]: bag({ type: this.type, values: this.values, weights: this.weights }) });
  }
}

/** tdigest_merge/merge_tdigest: the concatenation (digests of different types cannot merge: null). */
class TDigestMerge implements Aggregator {
  type: KType | undefined;
  mixed = false;
  readonly values: Value[] = [];
  readonly weights: number[] = [];
  add(args: readonly Value[]): void {
    const d = digestOf(args[0]);
    if (!d) return;
    if (this.type !== undefined && this.type !== d.type) this.mixed = true;
    this.type ??= d.type;
    this.values.push(...d.values);
    this.weights.push(...d.weights);
  }
  result(): Value {
    if (this.type === undefined || this.mixed) return null;
    return bag({ [TDIGEST]: bag({ type: this.type, values: this.values, weights: this.weights }) });
  }
}

export const sketchAggregates: Readonly<Record<string, AggregateFactory>> = {
  hll: (argTypes) => (argTypes.length === 1 || argTypes.length === 2 ? () => new HllExact(-1) : undefined),
  hll_if: (argTypes) => (argTypes.length === 2 || argTypes.length === 3 ? () => new HllExact(1) : undefined),
  hll_merge: (argTypes) => (argTypes.length === 1 ? () => new HllMerge() : undefined),
  tdigest: (argTypes) =>
    argTypes.length === 1 || argTypes.length === 2
      ? () => new TDigestExact(argTypes[0], argTypes.length === 2)
      : undefined,
  tdigest_merge: (argTypes) => (argTypes.length === 1 ? () => new TDigestMerge() : undefined),
  merge_tdigest: (argTypes) => (argTypes.length === 1 ? () => new TDigestMerge() : undefined),
};

/** The digest's values in order with cumulative weights. */
function sortedDigest(d: Digest): { values: Value[]; cum: number[]; total: number } {
  const cmp = compareValues(d.type);
  const order = d.values.map((_, i) => i).sort((a, b) => cmp(d.values[a], d.values[b]));
  const values = order.map((i) => d.values[i]);
  const cum: number[] = [];
  let total = 0;
  for (const i of order) cum.push((total += d.weights[i]));
  return { values, cum, total };
}

/** Weighted nearest rank, the rule percentile() uses: the first value whose cumulative weight reaches p% of the total. */
function percentileOf(s: { values: Value[]; cum: number[]; total: number }, p: number): Value {
  if (s.values.length === 0 || !(p >= 0 && p <= 100)) return null;
  const target = Math.max((p / 100) * s.total, Number.MIN_VALUE);
  for (let i = 0; i < s.values.length; i++) if (s.cum[i] >= target) return s.values[i];
  return s.values[s.values.length - 1];
}

/** A result typed by the binder: a dynamic result carries datetimes/timespans as their text, like any dynamic. */
function typed(v: Value, from: KType, resultType: KType): Value {
  return resultType === "dynamic" ? toDynamicValue(v, from) : v;
}

const percentileTdigest: ScalarFactory = arity(2, 3, (_argTypes, resultType) => (args) => {
  const d = digestOf(args[0]);
  const p = toDouble(args[1]);
  if (!d || p === null) return null;
  return typed(percentileOf(sortedDigest(d), p), d.type, resultType);
});

const percentilesArrayTdigest: ScalarFactory = (argTypes) => {
  if (argTypes.length < 2) return undefined;
  return (args) => {
    const d = digestOf(args[0]);
    if (!d) return null;
    const levels = args[1] !== null && Array.isArray(args[1]) ? (args[1] as Value[]) : args.slice(1);
    const s = sortedDigest(d);
    return levels.map((p) => {
      // A whole real level inside the dynamic array (50.0) is boxed; its number is the level.
      const level = toDouble(unboxReal(p as Value));
      return level === null ? null : toDynamicValue(percentileOf(s, level), d.type);
    });
  };
};

/** rank_tdigest: the total weight of values at or below v (the rank of 685 in 1..1000 is 685, rank-tdigest-function.md). */
function rankOf(d: Digest, v: Value): number | null {
  if (v === null || v === undefined) return null;
  const cmp = compareValues(d.type);
  let rank = 0;
  for (let i = 0; i < d.values.length; i++) if (cmp(d.values[i], v) <= 0) rank += d.weights[i];
  return rank;
}

const rankTdigest: ScalarFactory = arity(2, 2, () => (args) => {
  const d = digestOf(args[0]);
  return d ? rankOf(d, args[1]) : null;
});

const percentrankTdigest: ScalarFactory = arity(2, 2, () => (args) => {
  const d = digestOf(args[0]);
  if (!d) return null;
  const rank = rankOf(d, args[1]);
  const total = d.weights.reduce((a, b) => a + b, 0);
  return rank === null || total === 0 ? null : (rank * 100) / total;
});

const dcountHll: ScalarFactory = arity(1, 1, () => (args) => {
  const keys = hllKeys(args[0]);
  return keys ? keys.length : null;
});

/** hll_merge(h1, h2, ...) as a scalar: the union. */
const hllMergeScalar: ScalarFactory = (argTypes) =>
  argTypes.length < 2
    ? undefined
    : (args) => {
        const keys = new Set<string>();
        for (const a of args) for (const k of hllKeys(a) ?? []) keys.add(k);
        return bag({ [HLL]: [...keys] });
      };

/** merge_tdigest(d1, d2, ...) / tdigest_merge as scalars: the concatenation; digests of different types give null. */
const mergeTdigestScalar: ScalarFactory = (argTypes) =>
  argTypes.length < 1
    ? undefined
    : (args) => {
        const m = new TDigestMerge();
        for (const a of args) m.add([a]);
        return m.result();
      };

export const sketchFunctions: ScalarTable = {
  merge_tdigest: mergeTdigestScalar,
  tdigest_merge: mergeTdigestScalar,
  dcount_hll: dcountHll,
  hll_merge: hllMergeScalar,
  percentile_tdigest: percentileTdigest,
  percentiles_array_tdigest: percentilesArrayTdigest,
  rank_tdigest: rankTdigest,
  percentrank_tdigest: percentrankTdigest,
};
