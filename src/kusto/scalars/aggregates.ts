// Aggregation functions for summarize: one small accumulator class per kind, configured at factory time.
import type { KType, Value } from "../types";
import { isIntegerType, isPlainObject } from "./common";
import { addLong, type Long } from "./int64";
import { compareValues, hashKey } from "./compare";
import { toDynamicValue } from "./format";

export interface Aggregator {
  add(args: readonly Value[], rowIndex: number): void;
  result(): Value;
}

export type AggregateFactory = (
  argTypes: readonly KType[],
  resultType: KType,
  literalArgs: readonly (Value | undefined)[],
) => (() => Aggregator) | undefined;

class Count implements Aggregator {
  n = 0;
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    if (this.pred < 0 || args[this.pred] === true) this.n++;
  }
  result(): Value {
    return this.n;
  }
}

/** sum ignores nulls; with no value at all it is 0, Kusto's documented default for sum. */
class Sum implements Aggregator {
  s = 0;
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (typeof v === "number" && (this.pred < 0 || args[this.pred] === true)) this.s += v;
  }
  result(): Value {
    return this.s === 0 ? 0 : this.s;
  }
}

/** sum of int/long: exact Int64 (wrapping at 64 bits), numbers while the running total stays safe. */
class SumLong implements Aggregator {
  s: Long = 0;
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (this.pred >= 0 && args[this.pred] !== true) return;
    if (typeof v === "number" && typeof this.s === "number") {
      const r = this.s + v;
      if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) {
        this.s = r;
        return;
      }
    }
    if (typeof v === "number" || typeof v === "bigint") this.s = addLong(this.s, v);
  }
  result(): Value {
    return this.s;
  }
}

class Avg implements Aggregator {
  s = 0;
  n = 0;
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (typeof v === "number" && (this.pred < 0 || args[this.pred] === true)) {
      this.s += v;
      this.n++;
    }
  }
  result(): Value {
    return this.n === 0 ? null : this.s / this.n;
  }
}

class Extreme implements Aggregator {
  best: Value = null;
  constructor(private readonly cmp: (a: Value, b: Value) => number, private readonly sign: 1 | -1, private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    if (this.best === null || this.sign * this.cmp(v, this.best) > 0) this.best = v;
  }
  result(): Value {
    return this.best;
  }
}

/** arg_max/arg_min: the rowIndex of the winning row; a later row must be strictly better, so ties keep the first. */
class ArgExtreme implements Aggregator {
  best: Value = null;
  row: number | null = null;
  constructor(private readonly cmp: (a: Value, b: Value) => number, private readonly sign: 1 | -1) {}
  add(args: readonly Value[], rowIndex: number): void {
    const v = args[0];
    if (v === null || v === undefined) return;
    if (this.row === null || this.sign * this.cmp(v, this.best) > 0) {
      this.best = v;
      this.row = rowIndex;
    }
  }
  result(): Value {
    return this.row;
  }
}

class DCount implements Aggregator {
  readonly seen = new Set<string>();
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    this.seen.add(hashKey(v));
  }
  result(): Value {
    return this.seen.size;
  }
}

/** Nearest rank: the value at rank ceil(p/100 * n) of the sorted values, rank 1 for p = 0. */
export function nearestRankIndex(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n))) - 1;
}

/** Moves the k-th smallest of a[lo..hi] to a[k] (smaller ones before it, larger after): O(n), no full sort. */
export function quickselect(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three keeps sorted and reversed input linear.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Values go to a growing Float64Array (no boxing); each level is found by selection, lowest rank first. */
class Percentiles implements Aggregator {
  buf = new Float64Array(16);
  n = 0;
  levels: readonly number[] | undefined;
  constructor(levels: readonly number[] | undefined, private readonly levelArgs: readonly number[], private readonly single: boolean) {
    this.levels = levels;
  }
  add(args: readonly Value[]): void {
    if (this.levels === undefined) this.levels = this.levelArgs.map((i) => readLevel(args[i]));
    const v = args[0];
    if (typeof v !== "number" || v !== v) return;
    if (this.n === this.buf.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.n++] = v;
  }
  result(): Value {
    const levels = this.levels ?? [];
    const out: (number | null)[] = new Array(levels.length).fill(null);
    if (this.n > 0) {
      const a = this.buf.subarray(0, this.n);
      const order = levels.map((p, i) => [nearestRankIndex(this.n, p), i]).sort((x, y) => x[0] - y[0]);
      // After selecting rank k, everything above k is >= a[k], so the next (higher) rank searches only there.
      let lo = 0;
      for (const [k, i] of order) {
        out[i] = quickselect(a, k, lo);
        lo = k;
      }
    }
    return this.single ? out[0] ?? null : out;
  }
}

function readLevel(v: Value | undefined): number {
  if (typeof v !== "number" || v < 0 || v > 100) {
    throw new Error(`percentile: the level must be a number from 0 to 100, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** make_list/make_set (and *_if): nulls are skipped; make_set keeps the first-seen order. */
class MakeList implements Aggregator {
  readonly items: unknown[] = [];
  readonly seen: Set<string> | undefined;
  constructor(
    private readonly type: KType,
    dedupe: boolean,
    private readonly pred: number,
    private readonly max: number,
    private readonly keepNulls = false,
  ) {
    this.seen = dedupe ? new Set() : undefined;
  }
  add(args: readonly Value[]): void {
    const v = args[0];
    if (this.items.length >= this.max || (this.pred >= 0 && args[this.pred] !== true)) return;
    if (v === null || v === undefined) {
      if (this.keepNulls) this.items.push(null);
      return;
    }
    if (!this.seen) {
      this.items.push(toDynamicValue(v, this.type));
      return;
    }
    // make_set of a dynamic array collects its elements, as Kusto's "set from array column" example shows.
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && x !== undefined && this.items.length < this.max) this.addDistinct(x as Value);
      return;
    }
    this.addDistinct(toDynamicValue(v, this.type));
  }
  private addDistinct(v: Value): void {
    const k = hashKey(v);
    if (this.seen!.has(k)) return;
    this.seen!.add(k);
    this.items.push(v);
  }
  result(): Value {
    return this.items;
  }
}

class MakeBag implements Aggregator {
  readonly bag: Record<string, unknown> = {};
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (!isPlainObject(v) || (this.pred >= 0 && args[this.pred] !== true)) return;
    for (const k of Object.keys(v)) if (!(k in this.bag)) this.bag[k] = v[k];
  }
  result(): Value {
    return this.bag;
  }
}

/** take_any(x): the first non-null value seen; with several arguments (or *), the rowIndex of the first row. */
class TakeAny implements Aggregator {
  value: Value = null;
  row: number | null = null;
  constructor(private readonly byRow: boolean, private readonly pred: number) {}
  add(args: readonly Value[], rowIndex: number): void {
    if (this.pred >= 0 && args[this.pred] !== true) return;
    if (this.byRow) {
      if (this.row === null) this.row = rowIndex;
      return;
    }
    const v = args[0];
    if (this.value === null && v !== null && v !== undefined) this.value = v;
  }
  result(): Value {
    return this.byRow ? this.row : this.value;
  }
}

/** Welford's running variance; sample (n - 1) unless population; 0 for fewer than two values (Kusto's default). */
class Variance implements Aggregator {
  n = 0;
  mean = 0;
  m2 = 0;
  constructor(private readonly population: boolean, private readonly sqrt: boolean, private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (typeof v !== "number" || (this.pred >= 0 && args[this.pred] !== true)) return;
    this.n++;
    const d = v - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (v - this.mean);
  }
  result(): Value {
    const denom = this.population ? this.n : this.n - 1;
    if (denom <= 0) return 0;
    const variance = this.m2 / denom;
    return this.sqrt ? Math.sqrt(variance) : variance;
  }
}

function literalCount(v: Value | undefined, fn: string): number {
  if (v === undefined || v === null) return Number.MAX_SAFE_INTEGER;
  if (typeof v !== "number" || v < 1) throw new Error(`${fn}: the size limit must be a positive number, got ${JSON.stringify(v)}`);
  return Math.trunc(v);
}

const simple = (arity: number, make: () => Aggregator): AggregateFactory => (argTypes) =>
  argTypes.length === arity ? make : undefined;

function extremes(sign: 1 | -1, withPred: boolean): AggregateFactory {
  return (argTypes) => {
    if (argTypes.length !== (withPred ? 2 : 1)) return undefined;
    const cmp = compareValues(argTypes[0]);
    const pred = withPred ? 1 : -1;
    return () => new Extreme(cmp, sign, pred);
  };
}

function argExtreme(sign: 1 | -1): AggregateFactory {
  return (argTypes) => {
    if (argTypes.length < 1) return undefined;
    const cmp = compareValues(argTypes[0]);
    return () => new ArgExtreme(cmp, sign);
  };
}

function percentiles(single: boolean): AggregateFactory {
  return (argTypes, _resultType, literalArgs) => {
    if (argTypes.length < 2 || (single && argTypes.length !== 2)) return undefined;
    const levelArgs = argTypes.slice(1).map((_, i) => i + 1);
    const constant = levelArgs.every((i) => literalArgs[i] !== undefined);
    const levels = constant ? levelArgs.map((i) => readLevel(literalArgs[i])) : undefined;
    return () => new Percentiles(levels, levelArgs, single);
  };
}

function makeList(dedupe: boolean, withPred: boolean, fn: string): AggregateFactory {
  return (argTypes, _resultType, literalArgs) => {
    const base = withPred ? 2 : 1;
    if (argTypes.length < base || argTypes.length > base + 1) return undefined;
    const max = literalCount(literalArgs[base], fn);
    const type = argTypes[0];
    const pred = withPred ? 1 : -1;
    return () => new MakeList(type, dedupe, pred, max);
  };
}

function variance(population: boolean, sqrt: boolean, withPred: boolean): AggregateFactory {
  return simple(withPred ? 2 : 1, () => new Variance(population, sqrt, withPred ? 1 : -1));
}

export const aggregateFactories: Readonly<Record<string, AggregateFactory>> = {
  count: (argTypes) => (argTypes.length === 0 ? () => new Count(-1) : undefined),
  countif: simple(1, () => new Count(0)),
  sum: (argTypes) => (argTypes.length === 1 ? (isIntegerType(argTypes[0]) ? () => new SumLong(-1) : () => new Sum(-1)) : undefined),
  sumif: (argTypes) => (argTypes.length === 2 ? (isIntegerType(argTypes[0]) ? () => new SumLong(1) : () => new Sum(1)) : undefined),
  avg: simple(1, () => new Avg(-1)),
  avgif: simple(2, () => new Avg(1)),
  min: extremes(-1, false),
  max: extremes(1, false),
  minif: extremes(-1, true),
  maxif: extremes(1, true),
  dcount: (argTypes) => (argTypes.length === 1 || argTypes.length === 2 ? () => new DCount(-1) : undefined),
  count_distinct: simple(1, () => new DCount(-1)),
  dcountif: (argTypes) => (argTypes.length === 2 || argTypes.length === 3 ? () => new DCount(1) : undefined),
  percentile: percentiles(true),
  percentiles: percentiles(false),
  percentiles_array: percentiles(false),
  make_set: makeList(true, false, "make_set"),
  make_list: makeList(false, false, "make_list"),
  make_set_if: makeList(true, true, "make_set_if"),
  make_list_if: makeList(false, true, "make_list_if"),
  make_list_with_nulls: (argTypes, _r, literalArgs) =>
    argTypes.length === 1 || argTypes.length === 2
      ? () => new MakeList(argTypes[0], false, -1, literalCount(literalArgs[1], "make_list_with_nulls"), true)
      : undefined,
  make_bag: (argTypes) => (argTypes.length >= 1 && argTypes.length <= 2 ? () => new MakeBag(-1) : undefined),
  make_bag_if: (argTypes) => (argTypes.length >= 2 && argTypes.length <= 3 ? () => new MakeBag(1) : undefined),
  arg_max: argExtreme(1),
  arg_min: argExtreme(-1),
  any: (argTypes) => () => new TakeAny(argTypes.length !== 1, -1),
  take_any: (argTypes) => () => new TakeAny(argTypes.length !== 1, -1),
  take_anyif: simple(2, () => new TakeAny(false, 1)),
  stdev: variance(false, true, false),
  stdevif: variance(false, true, true),
  stdevp: variance(true, true, false),
  variance: variance(false, false, false),
  varianceif: variance(false, false, true),
  variancep: variance(true, false, false),
};
