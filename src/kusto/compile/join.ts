// join (all Kusto kinds, innerunique by default) and lookup, hashed on the equality keys of the on-clause.
import { hashKey } from "../scalars";
import type { ColumnInfo, Value } from "../types";
import { columnsReadAfter } from "./columns-read";
import {
  elements,
  guardGrowth,
  kindOf,
  type Node,
  namedParameters,
  type OperatorFn,
  type Row,
  resultColumns,
  type Scope,
  tokenText,
  unsupported,
} from "./context";
import { type CellSource, rowBuilder } from "./row-builder";
import { compileTabular } from "./tabular";

interface Keys {
  readonly left: string[];
  readonly right: string[];
}

function sideColumn(expr: Node, scope: Scope): { side: "left" | "right"; name: string } {
  if (kindOf(expr) === "PathExpression" && kindOf(expr.Expression) === "NameReference") {
    const side = String(expr.Expression.SimpleName).toLowerCase();
    if (side === "$left" || side === "$right")
      return { side: side === "$left" ? "left" : "right", name: String(expr.Selector.SimpleName) };
  }
  throw unsupported(scope, expr, "join condition (use Col or $left.A == $right.B)");
}

function joinKeys(clause: Node, scope: Scope): Keys {
  if (!clause || kindOf(clause) !== "JoinOnClause") throw unsupported(scope, clause, "join where-clause");
  const keys: Keys = { left: [], right: [] };
  const add = (e: Node) => {
    const kind = kindOf(e);
    if (kind === "NameReference") {
      keys.left.push(String(e.SimpleName));
      keys.right.push(String(e.SimpleName));
    } else if (kind === "EqualExpression") {
      const a = sideColumn(e.Left, scope);
      const b = sideColumn(e.Right, scope);
      if (a.side === b.side) throw unsupported(scope, e, "join condition comparing one side with itself");
      keys.left.push(a.side === "left" ? a.name : b.name);
      keys.right.push(a.side === "left" ? b.name : a.name);
    } else if (kind === "AndExpression") {
      add(e.Left);
      add(e.Right);
    } else throw unsupported(scope, e, "join condition");
  };
  for (const e of elements(clause.Expressions)) add(e);
  return keys;
}

function parameterText(expr: Node | undefined): string {
  if (!expr) return "";
  return String(expr.Token ? tokenText(expr.Token) : (expr.ToString?.() ?? ""))
    .trim()
    .toLowerCase();
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

/** Key functions for both sides: raw values for one comparable key, else hashKey strings joined by a separator. */
function keyFns(keys: Keys, leftColumns: readonly ColumnInfo[], rightColumns: readonly ColumnInfo[]) {
  const typeIn = (columns: readonly ColumnInfo[], name: string) => columns.find((c) => c.name === name)?.type;
  const [l, r] = [keys.left[0], keys.right[0]];
  if (keys.left.length === 1 && rawComparable(typeIn(leftColumns, l), typeIn(rightColumns, r)))
    return {
      left: rawKey(l, typeIn(leftColumns, l) === "string"),
      right: rawKey(r, typeIn(rightColumns, r) === "string"),
    };
  const left = keySide(keys.left, leftColumns);
  const right = keySide(keys.right, rightColumns);
  return { left: (row: Row) => keyOf(row, left), right: (row: Row) => keyOf(row, right) } as {
    left: KeyFn;
    right: KeyFn;
  };
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

export function compileJoin(node: Node, scope: Scope, leftColumns: readonly ColumnInfo[]): OperatorFn {
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
  const key = keyFns(keys, leftColumns, rightColumns);
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
    const rightIndex = index(rightRows, key.right);
    const first = rightIndex.first;
    const next = rightIndex.next;
    // Only outer joins on the right ask which right rows matched.
    const matchedRight = kind === "rightouter" || kind === "fullouter" ? new Uint8Array(rightRows.length) : undefined;
    for (let i = 0; i < leftRows.length; i++) {
      const l = leftRows[i];
      const k = key.left(l);
      const match = k === undefined ? undefined : first.get(k);
      if (match !== undefined) {
        for (let m = match; m >= 0; m = next[m]) {
          if (matchedRight) matchedRight[m] = 1;
          rows.push(build(l, rightRows[m]));
          guardGrowth(ctx, rows.length, "join");
        }
      } else if (leftOuter) rows.push(build(l, undefined));
    }
    if (matchedRight) {
      for (let i = 0; i < rightRows.length; i++) if (matchedRight[i] === 0) rows.push(build(undefined, rightRows[i]));
    }
    return { columns, rows };
  };
}

export function compileLookup(node: Node, scope: Scope, leftColumns: readonly ColumnInfo[]): OperatorFn {
  const params = namedParameters(node.Parameters);
  const kind = parameterText(params.get("kind")) || "leftouter";
  if (kind !== "leftouter" && kind !== "inner") throw unsupported(scope, node, `lookup kind=${kind}`);
  const right = compileTabular(node.Expression, scope);
  const keys = joinKeys(node.LookupClause, scope);
  const rightKeyNames = new Set(keys.right);
  const rightAll = resultColumns(node.Expression);
  const key = keyFns(keys, leftColumns, rightAll);
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
