// join (all Kusto kinds, innerunique by default) and lookup, hashed on the equality keys of the on-clause.
import { hashKey } from "../scalars";
import type { ColumnInfo, Value } from "../types";
import { columnsReadAfter } from "./columns-read";
import {
  elements,
  guardGrowth,
  kindOf,
  namedParameters,
  type OperatorFn,
  parameterText,
  type Row,
  type RunContext,
  resultColumns,
  type Scope,
  unsupported,
} from "./context";
import { type CellSource, rowBuilder } from "./row-builder";
import type {
  BinaryExpression,
  Expression,
  JoinOnClause,
  JoinOperator,
  LookupOperator,
  NameReference,
  PathExpression,
  SyntaxNode,
} from "./syntax";
import { compileTabular } from "./tabular";

interface Keys {
  readonly left: string[];
  readonly right: string[];
}

function sideColumn(expr: Expression, scope: Scope): { side: "left" | "right"; name: string } {
  const path = expr as PathExpression;
  if (kindOf(expr) === "PathExpression" && kindOf(path.Expression) === "NameReference") {
    const side = String((path.Expression as NameReference).SimpleName).toLowerCase();
    if (side === "$left" || side === "$right")
      return { side: side === "$left" ? "left" : "right", name: String((path.Selector as NameReference).SimpleName) };
  }
  throw unsupported(scope, expr, "join condition (use Col or $left.A == $right.B)");
}

function joinKeys(clause: SyntaxNode | null, scope: Scope): Keys {
  if (!clause || kindOf(clause) !== "JoinOnClause") throw unsupported(scope, clause, "join where-clause");
  const keys: Keys = { left: [], right: [] };
  const add = (e: Expression) => {
    const kind = kindOf(e);
    const binary = e as BinaryExpression;
    if (kind === "NameReference") {
      keys.left.push(String((e as NameReference).SimpleName));
      keys.right.push(String((e as NameReference).SimpleName));
    } else if (kind === "EqualExpression") {
      const a = sideColumn(binary.Left, scope);
      const b = sideColumn(binary.Right, scope);
      if (a.side === b.side) throw unsupported(scope, e, "join condition comparing one side with itself");
      keys.left.push(a.side === "left" ? a.name : b.name);
      keys.right.push(a.side === "left" ? b.name : a.name);
    } else if (kind === "AndExpression") {
      add(binary.Left);
      add(binary.Right);
    } else throw unsupported(scope, e, "join condition");
  };
  for (const e of elements((clause as JoinOnClause).Expressions)) add(e);
  return keys;
}

interface KeySide {
  readonly names: readonly string[];
  /** Per key: a string column, where a missing value is "" (Kusto strings have no null) and so matches "". */
  readonly strings: readonly boolean[];
}

function keySide(names: readonly string[], columns: readonly ColumnInfo[]): KeySide {
  return { names, strings: names.map((n) => columns.find((c) => c.name === n)?.type === "string") };
}

/** The join key of a row, or undefined when a non-string key is null (null keys never match). */
function keyOf(row: Row, side: KeySide): string | undefined {
  let key = "";
  for (let i = 0; i < side.names.length; i++) {
    let v = row[side.names[i]];
    if (v === null || v === undefined) {
      if (!side.strings[i]) return undefined;
      v = "";
    }
    key += (i ? "\u0001" : "") + hashKey(v as Value);
  }
  return key;
}

/** A row's key as a Map key; undefined when a non-string key is null (null keys never match). */
type KeyFn = (row: Row) => unknown;

const integerTypes = new Set<string>(["int", "long"]);

/** One key whose two sides compare like Map keys (SameValueZero, as hashKey's strings do): one scalar type, or int with long. */
function rawComparable(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === "dynamic" || b === "dynamic") return false;
  return a === b || (integerTypes.has(a) && integerTypes.has(b));
}

/** The value itself keys the Map: no string built per row (a long or datetime would print its digits). */
function rawKey(name: string, string: boolean): KeyFn {
  if (string) return (row) => row[name] ?? "";
  return (row) => {
    const v = row[name];
    return v === null ? undefined : v;
  };
}

interface KeyFns {
  readonly left: KeyFn;
  readonly right: KeyFn;
}

// Composite keys pack per-key value numbers below 2^26, so two make one exact double below 2^52.
const KEY_BITS = 2 ** 26;

/**
 * Several comparable keys as one number: each key's value gets a number from its own Map (in order of first sight, on
 * either side), and the numbers pack into one, pairs of numbers getting numbers of their own past two keys. Both sides
 * share the Maps, so equal value tuples get equal numbers; no string is built per row. Throws past 2^26 values of a key.
 */
function packedKeys(left: readonly KeyFn[], right: readonly KeyFn[]): KeyFns {
  const values = left.map(() => new Map<unknown, number>());
  const pairs = left.slice(2).map(() => new Map<number, number>());
  const numberOf = (map: Map<unknown, number>, v: unknown): number => {
    let n = map.get(v);
    if (n === undefined) {
      n = map.size;
      if (n >= KEY_BITS) throw new Error("join: more than 2^26 distinct values of one key");
      map.set(v, n);
    }
    return n;
  };
  const side =
    (fns: readonly KeyFn[]): KeyFn =>
    (row) => {
      let key = 0;
      for (let k = 0; k < fns.length; k++) {
        const v = fns[k](row);
        if (v === undefined) return undefined;
        const n = numberOf(values[k], v);
        if (k === 0) key = n;
        else if (k === 1) key = key * KEY_BITS + n;
        else key = numberOf(pairs[k - 2], key) * KEY_BITS + n;
      }
      return key;
    };
  return { left: side(left), right: side(right) };
}

/**
 * Key functions for both sides, made per run: raw values for one comparable key, packed numbers for several, else
 * hashKey strings joined by a separator (a dynamic key, or types that compare only as text).
 */
function keyFns(keys: Keys, leftColumns: readonly ColumnInfo[], rightColumns: readonly ColumnInfo[]): () => KeyFns {
  const typeIn = (columns: readonly ColumnInfo[], name: string) => columns.find((c) => c.name === name)?.type;
  const lt = keys.left.map((n) => typeIn(leftColumns, n));
  const rt = keys.right.map((n) => typeIn(rightColumns, n));
  if (lt.every((t, i) => rawComparable(t, rt[i]))) {
    const left = keys.left.map((n, i) => rawKey(n, lt[i] === "string"));
    const right = keys.right.map((n, i) => rawKey(n, rt[i] === "string"));
    if (left.length === 1) {
      const one = { left: left[0], right: right[0] };
      return () => one;
    }
    return () => packedKeys(left, right);
  }
  const left = keySide(keys.left, leftColumns);
  const right = keySide(keys.right, rightColumns);
  const hashed: KeyFns = { left: (row) => keyOf(row, left), right: (row) => keyOf(row, right) };
  return () => hashed;
}

/** Row numbers by key as chains: `first` gives a key's first row, `next[i]` the following row of that key or -1. */
interface RowIndex {
  readonly first: Map<unknown, number>;
  readonly next: Int32Array;
}

/** One Map entry per key and Int32Array slots per row, where arrays per key cost an allocation per key. */
function index(rows: readonly Row[], key: KeyFn): RowIndex {
  const first = new Map<unknown, number>();
  const next = new Int32Array(rows.length).fill(-1);
  // The last row of each chain, by the chain's first row: appending keeps every chain in row order.
  const last = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i]);
    if (k === undefined) continue;
    const head = first.get(k);
    if (head === undefined) {
      first.set(k, i);
      last[i] = i;
    } else {
      next[last[head]] = i;
      last[head] = i;
    }
  }
  return { first, next };
}

/** The keys of a side's rows, for the semi and anti kinds, which ask only whether a key occurs. */
function keySet(rows: readonly Row[], key: KeyFn): Set<unknown> {
  const keys = new Set<unknown>();
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i]);
    if (k !== undefined) keys.add(k);
  }
  return keys;
}

/** The cells a join copies: all, or only the columns the rest of the pipeline reads (see columnsReadAfter). */
function kept<T extends { name: string }>(cells: readonly T[], read: Set<string> | undefined): T[] {
  return read === undefined ? [...cells] : cells.filter((c) => read.has(c.name));
}

/** Each left row's matching right rows: matches[start[l]] .. matches[start[l + 1] - 1], in right-row order. */
interface Matches {
  readonly start: Int32Array;
  readonly matches: ArrayLike<number>;
}

/** Matches by hashing the right side and looking each left row's key up. */
function matchByRightIndex(left: readonly Row[], right: readonly Row[], key: KeyFns, ctx: RunContext): Matches {
  const { first, next } = index(right, key.right);
  const start = new Int32Array(left.length + 1);
  const matches: number[] = [];
  for (let i = 0; i < left.length; i++) {
    start[i] = matches.length;
    const k = key.left(left[i]);
    const head = k === undefined ? undefined : first.get(k);
    if (head === undefined) continue;
    for (let m = head; m >= 0; m = next[m]) {
      matches.push(m);
      guardGrowth(ctx, matches.length, "join");
    }
  }
  start[left.length] = matches.length;
  return { start, matches };
}

/** The same matches by hashing the left side, the right rows looking up; then ordered by left row (a counting sort). */
function matchByLeftIndex(left: readonly Row[], right: readonly Row[], key: KeyFns, ctx: RunContext): Matches {
  const { first, next } = index(left, key.left);
  const start = new Int32Array(left.length + 1);
  const pairLeft: number[] = [];
  const pairRight: number[] = [];
  for (let j = 0; j < right.length; j++) {
    const k = key.right(right[j]);
    const head = k === undefined ? undefined : first.get(k);
    if (head === undefined) continue;
    for (let l = head; l >= 0; l = next[l]) {
      pairLeft.push(l);
      pairRight.push(j);
      start[l + 1]++;
      guardGrowth(ctx, pairLeft.length, "join");
    }
  }
  for (let i = 0; i < left.length; i++) start[i + 1] += start[i];
  // Pairs arrive in right-row order, so each left row's slice stays in right-row order.
  const fill = start.slice(0, left.length);
  const matches = new Int32Array(pairLeft.length);
  for (let p = 0; p < pairLeft.length; p++) matches[fill[pairLeft[p]]++] = pairRight[p];
  return { start, matches };
}

const joinKinds = new Set([
  "innerunique",
  "inner",
  "leftouter",
  "rightouter",
  "fullouter",
  "leftsemi",
  "leftanti",
  "leftantisemi",
  "rightsemi",
  "rightanti",
  "rightantisemi",
]);

export function compileJoin(node: JoinOperator, scope: Scope, leftColumns: readonly ColumnInfo[]): OperatorFn {
  const params = namedParameters(node.Parameters);
  const written = parameterText(params.get("kind")) || "innerunique";
  // Kusto spells some kinds two ways.
  const kind = written === "anti" ? "leftanti" : written === "semi" ? "leftsemi" : written;
  if (!joinKinds.has(kind)) throw unsupported(scope, node, `join kind=${kind}`);
  for (const p of params.keys())
    if (p !== "kind" && p !== "hint.strategy" && p !== "hint.shufflekey")
      throw unsupported(scope, node, `join parameter ${p}`);
  const right = compileTabular(node.Expression, scope);
  const rightColumns = resultColumns(node.Expression);
  const keys = joinKeys(node.ConditionClause, scope);
  const keysFor = keyFns(keys, leftColumns, rightColumns);
  const columns = resultColumns(node);
  const semiLeft = kind === "leftsemi" || kind === "leftanti" || kind === "leftantisemi";
  const semiRight = kind === "rightsemi" || kind === "rightanti" || kind === "rightantisemi";
  const sources: { from: "left" | "right"; name: string }[] = semiLeft
    ? leftColumns.map((c) => ({ from: "left", name: c.name }))
    : semiRight
      ? rightColumns.map((c) => ({ from: "right", name: c.name }))
      : [
          ...leftColumns.map((c) => ({ from: "left" as const, name: c.name })),
          ...rightColumns.map((c) => ({ from: "right" as const, name: c.name })),
        ];
  if (sources.length !== columns.length) throw unsupported(scope, node, "join result schema");

  // Kusto strings have no null: a string column of an unmatched side is "".
  const cells = kept(
    columns.map((c, i) => ({
      name: c.name,
      source: {
        from: sources[i].from === "left" ? 0 : 1,
        name: sources[i].name,
        missing: c.type === "string" ? "" : null,
      },
    })) as { name: string; source: CellSource }[],
    columnsReadAfter(node),
  );
  const build = rowBuilder(
    cells.map((c) => c.name),
    cells.map((c) => c.source),
  );
  const leftOuter = kind === "leftouter" || kind === "fullouter";

  return (input, ctx) => {
    const key = keysFor();
    let leftRows = input.rows;
    const rightRows = right(ctx).rows;
    if (kind === "innerunique") {
      // innerunique keeps one left row per key before joining.
      const seen = new Set<unknown>();
      leftRows = leftRows.filter((r) => {
        const k = key.left(r);
        if (k === undefined || seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    const rows: Row[] = [];
    if (semiRight || semiLeft) {
      // The semi and anti kinds keep one side's rows by whether the other side has their key.
      const [kept, keptKey, other, otherKey] = semiRight
        ? [rightRows, key.right, leftRows, key.left]
        : [leftRows, key.left, rightRows, key.right];
      const present = keySet(other, otherKey);
      const want = kind === "rightsemi" || kind === "leftsemi";
      for (const r of kept) {
        const k = keptKey(r);
        if ((k !== undefined && present.has(k)) === want)
          rows.push(semiRight ? build(undefined, r) : build(r, undefined));
      }
      return { columns, rows };
    }
    // The smaller side is hashed: fewer Map entries to build, the larger side only looks keys up.
    const { start, matches } =
      leftRows.length < rightRows.length
        ? matchByLeftIndex(leftRows, rightRows, key, ctx)
        : matchByRightIndex(leftRows, rightRows, key, ctx);
    // Only outer joins on the right ask which right rows matched.
    const matchedRight = kind === "rightouter" || kind === "fullouter" ? new Uint8Array(rightRows.length) : undefined;
    for (let i = 0; i < leftRows.length; i++) {
      const l = leftRows[i];
      const end = start[i + 1];
      if (start[i] === end) {
        if (leftOuter) rows.push(build(l, undefined));
        continue;
      }
      for (let p = start[i]; p < end; p++) {
        const m = matches[p];
        if (matchedRight) matchedRight[m] = 1;
        rows.push(build(l, rightRows[m]));
      }
    }
    if (matchedRight) {
      for (let i = 0; i < rightRows.length; i++) if (matchedRight[i] === 0) rows.push(build(undefined, rightRows[i]));
    }
    return { columns, rows };
  };
}

export function compileLookup(node: LookupOperator, scope: Scope, leftColumns: readonly ColumnInfo[]): OperatorFn {
  const params = namedParameters(node.Parameters);
  const kind = parameterText(params.get("kind")) || "leftouter";
  if (kind !== "leftouter" && kind !== "inner") throw unsupported(scope, node, `lookup kind=${kind}`);
  const right = compileTabular(node.Expression, scope);
  const keys = joinKeys(node.LookupClause, scope);
  const rightKeyNames = new Set(keys.right);
  const rightAll = resultColumns(node.Expression);
  const keysFor = keyFns(keys, leftColumns, rightAll);
  const rightValueColumns = rightAll.filter((c) => !rightKeyNames.has(c.name));
  const columns = resultColumns(node);
  if (columns.length !== leftColumns.length + rightValueColumns.length)
    throw unsupported(scope, node, "lookup result schema");
  // Left cells copy as they are (null when absent); an unmatched right string column is "" (Kusto strings have no null).
  const cells = kept(
    [
      ...leftColumns.map((c) => ({ name: c.name, source: { from: 0 as const, name: c.name, missing: null } })),
      ...columns.slice(leftColumns.length).map((c, i) => ({
        name: c.name,
        source: {
          from: 1 as const,
          name: rightValueColumns[i].name,
          missing: c.type === "string" ? ("" as const) : null,
        },
      })),
    ],
    columnsReadAfter(node),
  );
  const build = rowBuilder(
    cells.map((c) => c.name),
    cells.map((c) => c.source),
  );
  return (input, ctx) => {
    const key = keysFor();
    const rightRows = right(ctx).rows;
    const { first, next } = index(rightRows, key.right);
    const rows: Row[] = [];
    const leftRows = input.rows;
    for (let i = 0; i < leftRows.length; i++) {
      const l = leftRows[i];
      const k = key.left(l);
      const match = k === undefined ? undefined : first.get(k);
      if (match === undefined) {
        if (kind === "leftouter") {
          rows.push(build(l, undefined));
          guardGrowth(ctx, rows.length, "lookup");
        }
        continue;
      }
      for (let m = match; m >= 0; m = next[m]) {
        rows.push(build(l, rightRows[m]));
        guardGrowth(ctx, rows.length, "lookup");
      }
    }
    return { columns, rows };
  };
}
