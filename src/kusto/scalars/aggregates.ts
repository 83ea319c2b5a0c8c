// Aggregation functions for summarize: one small accumulator class per kind, configured at factory time.
import type { KType, Value } from "../types";
import { unboxReal } from "../values/dynamic-real";
import { AvgTicks, SumTicks } from "../values/time-aggregates";
import { BuildSchema } from "./buildschema";
import { isIntegerType, isPlainObject } from "./common";
import { compareValues, hashKey } from "./compare";
import { toDynamicValue } from "./format";
import { addLong, type Long, normLong, toDouble } from "./int64";
import { sketchAggregates } from "./sketches";

const isTicksType = (t: KType): boolean => t === "datetime" || t === "timespan";

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
    if (this.pred >= 0 && args[this.pred] !== true) return;
    if (typeof v === "number") {
      this.s += v;
      this.n++;
    } else if (typeof v === "bigint") {
      this.s += Number(v);
      this.n++;
    }
  }
  result(): Value {
    // avg over no values is 0/0 = NaN, as summarize-operator.md's empty-table example shows.
    return this.n === 0 ? NaN : this.s / this.n;
  }
}

class Extreme implements Aggregator {
  best: Value = null;
  constructor(
    private readonly cmp: (a: Value, b: Value) => number,
    private readonly sign: 1 | -1,
    private readonly pred: number,
  ) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    if (this.best === null || this.sign * this.cmp(v, this.best) > 0) this.best = v;
  }
  result(): Value {
    return this.best;
  }
}

/**
 * arg_max/arg_min: the rowIndex of the winning row; a later row must be strictly better, so ties keep the first.
 * When the expression is null on every row, one row is picked (arg-min-aggregation-function.md, "Null handling"): the first.
 */
class ArgExtreme implements Aggregator {
  best: Value = null;
  row: number | null = null;
  first: number | null = null;
  constructor(
    private readonly cmp: (a: Value, b: Value) => number,
    private readonly sign: 1 | -1,
  ) {}
  add(args: readonly Value[], rowIndex: number): void {
    const v = args[0];
    if (this.first === null) this.first = rowIndex;
    if (v === null || v === undefined) return;
    if (this.row === null || this.sign * this.cmp(v, this.best) > 0) {
      this.best = v;
      this.row = rowIndex;
    }
  }
  result(): Value {
    return this.row ?? this.first;
  }
}

/** Past this many keys after the first, a KeySet moves to a Set (a linear search beats hashing below it). */
const SMALL_SET = 8;

/**
 * Distinct keys: the first key in a field, the next few in a short array searched linearly, a Set
 * only past SMALL_SET keys. Groups by a high-cardinality key mostly hold one or two, where a Set each costs far more.
 */
export class KeySet {
  size = 0;
  private first = "";
  private list: string[] | undefined;
  private set: Set<string | number> | undefined;
  /** Adds the key; true when it was not there yet. */
  insert(k: string): boolean {
    if (this.size === 0) {
      this.first = k;
      this.size = 1;
      return true;
    }
    if (this.set !== undefined) {
      const c = setKey(k);
      if (this.set.has(c)) return false;
      this.set.add(c);
      this.size++;
      return true;
    }
    if (k === this.first) return false;
    const list = this.list;
    if (list === undefined) {
      this.list = [k];
      this.size++;
      return true;
    }
    for (let i = 0; i < list.length; i++) if (list[i] === k) return false;
    if (list.length < SMALL_SET) list.push(k);
    else {
      this.set = new Set([this.first, ...list, k].map(setKey));
      this.list = undefined;
    }
    this.size++;
    return true;
  }
  /** insert(hashKey(v)) for a number, without building its key once the keys fill a Set. */
  insertNumber(v: number): boolean {
    if (this.set === undefined) return this.insert(hashKey(v));
    // hashKey prints -0 as 0; the Set's SameValueZero already treats NaN as itself.
    const n = v === 0 ? 0 : v;
    if (this.set.has(n)) return false;
    this.set.add(n);
    this.size++;
    return true;
  }
}

/**
 * A key as a Set holds it: a number's key (MARK "#" and its String, which a bigint or decimal of the same text
 * shares) as that number, so numbers need no key text; String and Number are inverse on such texts, so keys stay equal
 * exactly when their texts are.
 */
export function setKey(k: string): string | number {
  if (k.charCodeAt(0) !== 1 || k.charCodeAt(1) !== 35) return k;
  const text = k.slice(2);
  const n = Number(text);
  return String(n) === text ? n : k;
}

/** dcount/dcountif: EXACT distinct counts here, where Kusto estimates with HyperLogLog (error within its accuracy level). */
class DCount extends KeySet implements Aggregator {
  // The key set itself, not a field holding one: one object per group.
  constructor(private readonly pred: number) {
    super();
  }
  add(args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    if (typeof v === "number") this.insertNumber(v);
    else this.insert(hashKey(v));
  }
  result(): Value {
    return this.size;
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

/** Percentile levels: constant ones known up front, else read from the first row's level arguments. */
abstract class LevelledAggregate {
  constructor(
    protected levels: readonly number[] | undefined,
    protected readonly levelArgs: readonly number[],
    protected readonly single: boolean,
  ) {}
  protected readLevelsOnce(args: readonly Value[]): void {
    if (this.levels === undefined) this.levels = this.levelArgs.flatMap((i) => readLevels(args[i]));
  }
  /** One value for percentile/percentilew, the array for the plural forms. */
  protected shaped(out: readonly Value[]): Value {
    return this.single ? (out[0] ?? null) : (out as Value[]);
  }
}

/** Values go to a growing Float64Array (no boxing); each level is found by selection, lowest rank first. */
class Percentiles extends LevelledAggregate implements Aggregator {
  buf = new Float64Array(16);
  n = 0;
  /** Set once a long beyond 2^53 (a bigint) arrives: from then on values are kept exact and sorted at the end. */
  exact: ExactPercentiles | undefined;
  add(args: readonly Value[]): void {
    if (this.exact) {
      this.exact.add(args);
      return;
    }
    this.readLevelsOnce(args);
    const v = args[0];
    if (typeof v === "bigint") {
      this.exact = new ExactPercentiles(this.levels, this.levelArgs, this.single, compareValues("long"));
      for (let i = 0; i < this.n; i++) this.exact.values.push(this.buf[i]);
      this.exact.add(args);
      return;
    }
    if (typeof v !== "number" || v !== v) return;
    if (this.n === this.buf.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.n++] = v;
  }
  result(): Value {
    if (this.exact) return this.exact.result();
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
    return this.shaped(out);
  }
}

/** The same nearest-rank rule over values of any ordered type (sorted once when the group ends). */
class ExactPercentiles extends LevelledAggregate implements Aggregator {
  readonly values: Value[] = [];
  constructor(
    levels: readonly number[] | undefined,
    levelArgs: readonly number[],
    single: boolean,
    private readonly cmp: (a: Value, b: Value) => number,
  ) {
    super(levels, levelArgs, single);
  }
  add(args: readonly Value[]): void {
    this.readLevelsOnce(args);
    const v = args[0];
    if (v === null || v === undefined || (typeof v === "number" && v !== v)) return;
    this.values.push(v);
  }
  result(): Value {
    const levels = this.levels ?? [];
    const sorted = this.values.sort(this.cmp);
    const out = levels.map((p) => (sorted.length === 0 ? null : sorted[nearestRankIndex(sorted.length, p)]));
    return this.shaped(out);
  }
}

function readLevel(v: Value | undefined): number {
  if (typeof v !== "number" || v < 0 || v > 100) {
    throw new Error(
      `percentile: the level must be a number from 0 to 100, got ${typeof v === "bigint" ? v.toString() : JSON.stringify(v)}`,
    );
  }
  return v;
}

/** make_list/make_set (and *_if): nulls are skipped; make_set keeps the first-seen order. */
class MakeList extends KeySet implements Aggregator {
  // make_set's keys seen are the object itself (a KeySet), so a group costs one object, not two.
  items: unknown[] = [];
  constructor(
    private readonly type: KType,
    private readonly dedupe: boolean,
    private readonly pred: number,
    private readonly max: number,
    private readonly keepNulls = false,
  ) {
    super();
  }
  add(args: readonly Value[]): void {
    const v = args[0];
    if (this.items.length >= this.max || (this.pred >= 0 && args[this.pred] !== true)) return;
    if (v === null || v === undefined) {
      if (this.keepNulls) this.items.push(null);
      return;
    }
    if (!this.dedupe) {
      this.items.push(toDynamicValue(v, this.type));
      return;
    }
    // make_set of a dynamic array collects its elements, as Kusto's "set from array column" example shows.
    if (Array.isArray(v)) {
      for (const x of v)
        if (x !== null && x !== undefined && this.items.length < this.max) this.addDistinct(x as Value);
      return;
    }
    // Keyed by the value as added (a typed value keys one-to-one with its dynamic form), converted only once kept.
    this.addDistinct(v, this.type);
  }
  private addDistinct(raw: Value, type: KType = "dynamic"): void {
    if (!this.insert(hashKey(raw))) return;
    const v = type === "dynamic" ? raw : toDynamicValue(raw, type);
    // The first item gets an array of its own size (push reserves 16 spare slots), as most sets by a high-cardinality key stay small.
    if (this.items.length === 0) this.items = [v];
    else this.items.push(v);
  }
  result(): Value {
    return this.items;
  }
}

/** make_bag: the first value of each key wins; keys are plain data (a null-prototype bag), at most maxSize of them. */
class MakeBag implements Aggregator {
  readonly bag: Record<string, unknown> = Object.create(null);
  size = 0;
  constructor(
    private readonly pred: number,
    private readonly max: number,
  ) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (!isPlainObject(v) || (this.pred >= 0 && args[this.pred] !== true)) return;
    for (const k of Object.keys(v)) {
      if (this.size >= this.max) return;
      if (!Object.hasOwn(this.bag, k)) {
        this.bag[k] = v[k];
        this.size++;
      }
    }
  }
  result(): Value {
    return this.bag;
  }
}

/**
 * take_any(x): the first non-null, non-empty value seen ("it will attempt to return a non-null/non-empty value",
 * take-any-aggregation-function.md), else "" when only empty strings came; with several arguments (or *), the
 * rowIndex of the first row.
 */
class TakeAny implements Aggregator {
  value: Value = null;
  row: number | null = null;
  sawEmpty = false;
  constructor(
    private readonly byRow: boolean,
    private readonly pred: number,
  ) {}
  add(args: readonly Value[], rowIndex: number): void {
    if (this.pred >= 0 && args[this.pred] !== true) return;
    if (this.byRow) {
      if (this.row === null) this.row = rowIndex;
      return;
    }
    const v = args[0];
    if (this.value !== null || v === null || v === undefined) return;
    if (v === "") this.sawEmpty = true;
    else this.value = v;
  }
  result(): Value {
    return this.byRow ? this.row : (this.value ?? (this.sawEmpty ? "" : null));
  }
}

/**
 * Welford's running variance; sample (n - 1) unless population. With no value the sample forms give 0 and the
 * population forms null (summarize-operator.md, "Default values of aggregations": only variance/stdev(+if) default to 0).
 */
class Variance implements Aggregator {
  n = 0;
  mean = 0;
  m2 = 0;
  constructor(
    private readonly population: boolean,
    private readonly sqrt: boolean,
    private readonly pred: number,
  ) {}
  add(args: readonly Value[]): void {
    const v = toDouble(args[0]);
    if (v === null || (this.pred >= 0 && args[this.pred] !== true)) return;
    this.n++;
    const d = v - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (v - this.mean);
  }
  result(): Value {
    if (this.n === 0) return this.population ? null : 0;
    const denom = this.population ? this.n : this.n - 1;
    if (denom <= 0) return 0;
    const variance = this.m2 / denom;
    return this.sqrt ? Math.sqrt(variance) : variance;
  }
}

/** make_list/make_set/make_bag keep at most 1,048,576 items: "The default and max value is 1048576" (make-list-aggregation-function.md). */
export const MAX_MAKE_SIZE = 1_048_576;

/** Co-moment by Welford's method; sample (n - 1) unless population; null with no pair (covariance is not among the 0 defaults of summarize-operator.md), 0 for one pair in the sample form. */
class Covariance implements Aggregator {
  n = 0;
  mx = 0;
  my = 0;
  c = 0;
  constructor(
    private readonly population: boolean,
    private readonly pred: number,
  ) {}
  add(args: readonly Value[]): void {
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    if (x === null || y === null || (this.pred >= 0 && args[this.pred] !== true)) return;
    this.n++;
    const dx = x - this.mx;
    this.mx += dx / this.n;
    this.my += (y - this.my) / this.n;
    this.c += dx * (y - this.my);
  }
  result(): Value {
    if (this.n === 0) return null;
    const denom = this.population ? this.n : this.n - 1;
    return denom <= 0 ? 0 : this.c / denom;
  }
}

/** binary_all_and/or/xor over Int64 values; null when no value was seen. */
class BinaryAll implements Aggregator {
  acc: bigint | null = null;
  constructor(private readonly op: (a: bigint, b: bigint) => bigint) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    const b = typeof v === "bigint" ? v : typeof v === "number" && Number.isInteger(v) ? BigInt(v) : null;
    if (b === null) return;
    this.acc = this.acc === null ? b : this.op(this.acc, b);
  }
  result(): Value {
    return this.acc === null ? null : normLong(this.acc);
  }
}

/**
 * Weighted nearest rank: each value counts weight times; the level-p value is the first, in sorted order, whose
 * cumulative weight reaches p% of the total (percentilesw-aggregation-function.md: "as if it was repeated" weight times).
 */
class WeightedPercentiles extends LevelledAggregate implements Aggregator {
  // Numbers, or bigints (longs beyond 2^53, datetime/timespan ticks) kept exact: the answer is one of the values.
  readonly values: (number | bigint)[] = [];
  readonly weights: number[] = [];
  add(args: readonly Value[]): void {
    this.readLevelsOnce(args);
    const v = args[0];
    const w = toDouble(args[1]);
    if ((typeof v !== "number" && typeof v !== "bigint") || v !== v || w === null || !(w > 0)) return;
    this.values.push(v);
    this.weights.push(w);
  }
  result(): Value {
    const levels = this.levels ?? [];
    const vs = this.values;
    const order = vs.map((_, i) => i).sort((a, b) => (vs[a] < vs[b] ? -1 : vs[a] > vs[b] ? 1 : 0));
    const total = this.weights.reduce((a, b) => a + b, 0);
    const out = levels.map((p) => {
      if (order.length === 0) return null;
      const target = Math.max((p / 100) * total, Number.MIN_VALUE);
      let cum = 0;
      for (const i of order) {
        cum += this.weights[i];
        if (cum >= target) return this.values[i];
      }
      return this.values[order[order.length - 1]];
    });
    return this.shaped(out);
  }
}

/** A level argument: a number, or (percentiles_array forms) a dynamic array of numbers. */
function readLevels(v: Value | undefined): number[] {
  return Array.isArray(v) ? v.map((x) => readLevel(unboxReal(x as Value))) : [readLevel(v)];
}

/** The *_array forms: the array holds each value in its dynamic form (a whole real stays 5.0, a datetime its text). */
function asDynamicArray(factory: AggregateFactory): AggregateFactory {
  return (argTypes, resultType, literalArgs) => {
    const make = factory(argTypes, resultType, literalArgs);
    const t = argTypes[0];
    if (!make) return undefined;
    return () => {
      const inner = make();
      return {
        add: (args, rowIndex) => inner.add(args, rowIndex),
        result: () => {
          const r = inner.result();
          // Levels are all null only over no value: then the aggregate's default, null (summarize-operator.md).
          if (Array.isArray(r) && r.every((v) => v === null)) return null;
          return Array.isArray(r) ? r.map((v) => toDynamicValue(v as Value, t)) : r;
        },
      };
    };
  };
}

function weightedPercentiles(single: boolean): AggregateFactory {
  return (argTypes, _resultType, literalArgs) => {
    if (argTypes.length < 3 || (single && argTypes.length !== 3)) return undefined;
    // The answer is one of the values, so ticks (datetime, timespan) stay exact like numbers.
    if (!["int", "long", "real", "datetime", "timespan"].includes(argTypes[0])) return undefined;
    const levelArgs = argTypes.slice(2).map((_, i) => i + 2);
    const constant = levelArgs.every((i) => literalArgs[i] !== undefined);
    const levels = constant ? levelArgs.flatMap((i) => readLevels(literalArgs[i])) : undefined;
    return () => new WeightedPercentiles(levels, levelArgs, single);
  };
}

/**
 * percentiles/percentilesw with one level (not an array of levels) make one column, so their value is the level's
 * value as percentile/percentilew give it, not a one-element array.
 */
function oneLevelSingle(levelsFrom: number, plural: AggregateFactory, single: AggregateFactory): AggregateFactory {
  return (argTypes, resultType, literalArgs) =>
    (argTypes.length === levelsFrom + 1 && argTypes[levelsFrom] !== "dynamic" ? single : plural)(
      argTypes,
      resultType,
      literalArgs,
    );
}

function literalCount(v: Value | undefined, fn: string): number {
  if (v === undefined || v === null) return MAX_MAKE_SIZE;
  if (typeof v !== "number" || v < 1)
    throw new Error(
      `${fn}: the size limit must be a positive number, got ${typeof v === "bigint" ? v.toString() : JSON.stringify(v)}`,
    );
  return Math.min(MAX_MAKE_SIZE, Math.trunc(v));
}

const simple =
  (arity: number, make: () => Aggregator): AggregateFactory =>
  (argTypes) =>
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
    const levels = constant ? levelArgs.flatMap((i) => readLevels(literalArgs[i])) : undefined;
    // Datetimes and timespans are bigint ticks: kept exact and ordered with the type's comparer. Longs take the fast
    // path until a value beyond 2^53 arrives (see Percentiles.exact).
    if (argTypes[0] === "datetime" || argTypes[0] === "timespan" || argTypes[0] === "string") {
      const cmp = compareValues(argTypes[0]);
      return () => new ExactPercentiles(levels, levelArgs, single, cmp);
    }
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
  const factory = simple(withPred ? 2 : 1, () => new Variance(population, sqrt, withPred ? 1 : -1));
  // stdev/variance pages document numbers only; of a timespan or datetime the unit is undocumented: refused.
  return (argTypes, resultType, literalArgs) =>
    isTicksType(argTypes[0]) ? undefined : factory(argTypes, resultType, literalArgs);
}

export const aggregateFactories: Readonly<Record<string, AggregateFactory>> = {
  count: (argTypes) => (argTypes.length === 0 ? () => new Count(-1) : undefined),
  countif: simple(1, () => new Count(0)),
  // A sum of datetimes passes the analyzer but its meaning is undocumented: refused (undefined), as for sumif.
  sum: (argTypes) =>
    argTypes.length === 1 && argTypes[0] !== "datetime"
      ? argTypes[0] === "timespan"
        ? () => new SumTicks(-1)
        : isIntegerType(argTypes[0])
          ? () => new SumLong(-1)
          : () => new Sum(-1)
      : undefined,
  sumif: (argTypes) =>
    argTypes.length === 2 && argTypes[0] !== "datetime"
      ? argTypes[0] === "timespan"
        ? () => new SumTicks(1)
        : isIntegerType(argTypes[0])
          ? () => new SumLong(1)
          : () => new Sum(1)
      : undefined,
  // Timespans and datetimes are bigint ticks: their own exact aggregators (values/time-aggregates.ts).
  avg: (argTypes) =>
    argTypes.length === 1
      ? isTicksType(argTypes[0])
        ? () => new AvgTicks(-1, argTypes[0] === "datetime")
        : () => new Avg(-1)
      : undefined,
  avgif: (argTypes) =>
    argTypes.length === 2
      ? isTicksType(argTypes[0])
        ? () => new AvgTicks(1, argTypes[0] === "datetime")
        : () => new Avg(1)
      : undefined,
  min: extremes(-1, false),
  max: extremes(1, false),
  minif: extremes(-1, true),
  maxif: extremes(1, true),
  dcount: (argTypes) => (argTypes.length === 1 || argTypes.length === 2 ? () => new DCount(-1) : undefined),
  count_distinct: simple(1, () => new DCount(-1)),
  // count_distinctif(expr, predicate): the exact count of distinct non-null expr where predicate is true.
  count_distinctif: (argTypes) => (argTypes.length === 2 ? () => new DCount(1) : undefined),
  dcountif: (argTypes) => (argTypes.length === 2 || argTypes.length === 3 ? () => new DCount(1) : undefined),
  percentile: percentiles(true),
  percentiles: oneLevelSingle(1, percentiles(false), percentiles(true)),
  percentiles_array: asDynamicArray(percentiles(false)),
  make_set: makeList(true, false, "make_set"),
  make_list: makeList(false, false, "make_list"),
  make_set_if: makeList(true, true, "make_set_if"),
  make_list_if: makeList(false, true, "make_list_if"),
  make_list_with_nulls: (argTypes, _r, literalArgs) =>
    argTypes.length === 1 || argTypes.length === 2
      ? () => new MakeList(argTypes[0], false, -1, literalCount(literalArgs[1], "make_list_with_nulls"), true)
      : undefined,
  make_bag: (argTypes, _r, literalArgs) =>
    argTypes.length >= 1 && argTypes.length <= 2
      ? () => new MakeBag(-1, literalCount(literalArgs[1], "make_bag"))
      : undefined,
  make_bag_if: (argTypes, _r, literalArgs) =>
    argTypes.length >= 2 && argTypes.length <= 3
      ? () => new MakeBag(1, literalCount(literalArgs[2], "make_bag_if"))
      : undefined,
  arg_max: argExtreme(1),
  arg_min: argExtreme(-1),
  any: (argTypes) => () => new TakeAny(argTypes.length !== 1, -1),
  take_any: (argTypes) => () => new TakeAny(argTypes.length !== 1, -1),
  take_anyif: simple(2, () => new TakeAny(false, 1)),
  stdev: variance(false, true, false),
  stdevif: variance(false, true, true),
  stdevp: variance(true, true, false),
  stdevpif: variance(true, true, true),
  variance: variance(false, false, false),
  varianceif: variance(false, false, true),
  variancep: variance(true, false, false),
  variancepif: variance(true, false, true),
  covariance: simple(2, () => new Covariance(false, -1)),
  covarianceif: simple(3, () => new Covariance(false, 2)),
  covariancep: simple(2, () => new Covariance(true, -1)),
  covariancepif: simple(3, () => new Covariance(true, 2)),
  binary_all_and: simple(1, () => new BinaryAll((a, b) => a & b)),
  binary_all_or: simple(1, () => new BinaryAll((a, b) => a | b)),
  binary_all_xor: simple(1, () => new BinaryAll((a, b) => a ^ b)),
  percentilew: weightedPercentiles(true),
  percentilesw: oneLevelSingle(2, weightedPercentiles(false), weightedPercentiles(true)),
  percentilesw_array: asDynamicArray(weightedPercentiles(false)),
  ...sketchAggregates,
  buildschema: simple(1, () => new BuildSchema()),
};
