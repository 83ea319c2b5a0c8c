// Aggregator state for every group of one summarize, kept by group number: a by-key with as many groups as rows then
// costs no object per group for count, dcount and make_set, whose groups mostly see one or two values.
import { type Aggregator, hashKey } from "../scalars";
import { KeySet } from "../scalars/aggregates";
import { toDynamicValue } from "../scalars/format";
import type { KType, Value } from "../types";

export interface GroupedAggregator {
  /** Adds the next group, numbered from 0 in the order opened. */
  open(): void;
  add(group: number, args: readonly Value[], rowIndex: number): void;
  result(group: number): Value;
}

/** Any aggregate: one Aggregator object per group. */
class PerGroup implements GroupedAggregator {
  private readonly states: Aggregator[] = [];
  constructor(private readonly factory: () => Aggregator) {}
  open(): void {
    this.states.push(this.factory());
  }
  add(group: number, args: readonly Value[], rowIndex: number): void {
    this.states[group].add(args, rowIndex);
  }
  result(group: number): Value {
    return this.states[group].result();
  }
}

/** count() and countif(p): a number per group. */
class GroupedCount implements GroupedAggregator {
  private readonly counts: number[] = [];
  constructor(private readonly pred: number) {}
  open(): void {
    this.counts.push(0);
  }
  add(group: number, args: readonly Value[]): void {
    if (this.pred < 0 || args[this.pred] === true) this.counts[group]++;
  }
  result(group: number): Value {
    return this.counts[group];
  }
}

/** dcount family, exact as DCount: per group no key yet (undefined), its one key (a string), or a KeySet. */
class GroupedDCount implements GroupedAggregator {
  private readonly keys: (string | KeySet | undefined)[] = [];
  constructor(private readonly pred: number) {}
  open(): void {
    this.keys.push(undefined);
  }
  add(group: number, args: readonly Value[]): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    const held = this.keys[group];
    // A large group's numbers go to its Set as numbers, without printing a key each.
    if (typeof held === "object" && typeof v === "number") {
      held.insertNumber(v);
      return;
    }
    const k = hashKey(v);
    if (held === undefined) this.keys[group] = k;
    else if (typeof held !== "string") held.insert(k);
    else if (held !== k) {
      const set = new KeySet();
      set.insert(held);
      set.insert(k);
      this.keys[group] = set;
    }
  }
  result(group: number): Value {
    const held = this.keys[group];
    return held === undefined ? 0 : typeof held === "string" ? 1 : held.size;
  }
}

// Markers in GroupedMakeSet's per-group slot: no item yet, or the group's items moved to its own aggregator.
const none = Symbol("none");
const moved = Symbol("moved");

/**
 * make_set and make_set_if: per group its one item (the value as added), or the MakeList the per-group factory makes,
 * fed the same arguments, once a second value or a dynamic array (whose elements are collected) arrives.
 */
class GroupedMakeSet implements GroupedAggregator {
  private readonly first: (Value | typeof none | typeof moved)[] = [];
  private readonly lists = new Map<number, Aggregator>();
  constructor(
    private readonly factory: () => Aggregator,
    private readonly type: KType,
    private readonly pred: number,
  ) {}
  open(): void {
    this.first.push(none);
  }
  add(group: number, args: readonly Value[], rowIndex: number): void {
    const v = args[0];
    if (v === null || v === undefined || (this.pred >= 0 && args[this.pred] !== true)) return;
    const held = this.first[group];
    if (held === v) return;
    if (held === moved) {
      this.lists.get(group)?.add(args, rowIndex);
      return;
    }
    if (held === none && !Array.isArray(v)) {
      this.first[group] = v;
      return;
    }
    // A second distinct value (or an equal one === does not see, NaN or an equal bag): MakeList decides, as per group.
    const list = this.factory();
    if (held !== none) list.add(this.pred >= 0 ? [held, true] : [held], rowIndex);
    list.add(args, rowIndex);
    this.first[group] = moved;
    this.lists.set(group, list);
  }
  result(group: number): Value {
    const held = this.first[group];
    if (held === none) return [];
    if (held === moved) return this.lists.get(group)?.result() ?? [];
    return [toDynamicValue(held, this.type)];
  }
}

/**
 * The grouped form of aggregate `name` over `argTypes`, whose per-group Aggregator `perGroup` makes (from
 * aggregateFactory, which has already accepted the call); any aggregate without a lighter form keeps one per group.
 */
export function groupedAggregate(
  name: string,
  argTypes: readonly KType[],
  perGroup: () => Aggregator,
): () => GroupedAggregator {
  switch (name) {
    case "count":
      return () => new GroupedCount(-1);
    case "countif":
      return () => new GroupedCount(0);
    case "dcount":
    case "count_distinct":
      return () => new GroupedDCount(-1);
    case "dcountif":
    case "count_distinctif":
      return () => new GroupedDCount(1);
    case "make_set":
      return () => new GroupedMakeSet(perGroup, argTypes[0], -1);
    case "make_set_if":
      return () => new GroupedMakeSet(perGroup, argTypes[0], 1);
    default:
      return () => new PerGroup(perGroup);
  }
}
