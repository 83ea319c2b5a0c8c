// join (all Kusto kinds, innerunique by default) and lookup, hashed on the equality keys of the on-clause.
import { hashKey } from "../scalars";
import type { ColumnInfo, Value } from "../types";
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
import { rowBuilder } from "./row-builder";
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

/** Row numbers by key as chains: `first` gives a key's first row, `next[i]` the following row of that key or -1. */
interface RowIndex {
  readonly first: Map<string, number>;
  readonly next: Int32Array;
}

/** One Map entry and one Int32Array slot per row, where arrays per key cost an allocation per key. */
function index(rows: readonly Row[], side: KeySide): RowIndex {
  const first = new Map<string, number>();
  const next = new Int32Array(rows.length);
  // Built from the last row back, so every chain runs in row order.
  for (let i = rows.length - 1; i >= 0; i--) {
    const k = keyOf(rows[i], side);
    if (k === undefined) continue;
    next[i] = first.get(k) ?? -1;
    first.set(k, i);
  }
  return { first, next };
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
  const leftKey = keySide(keys.left, leftColumns);
  const rightKey = keySide(keys.right, rightColumns);
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
  const build = rowBuilder(
    columns.map((c) => c.name),
    sources.map((s, i) => ({
      from: s.from === "left" ? 0 : 1,
      name: s.name,
      missing: columns[i].type === "string" ? "" : null,
    })),
  );

  return (input, ctx) => {
    let leftRows = input.rows;
    const rightRows = right(ctx).rows;
    if (kind === "innerunique") {
      // innerunique keeps one left row per key before joining.
      const seen = new Set<string>();
      leftRows = leftRows.filter((r) => {
        const k = keyOf(r, leftKey);
        if (k === undefined || seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    const rightIndex = index(rightRows, rightKey);
    const rows: Row[] = [];
    if (semiRight) {
      const leftIndex = index(leftRows, leftKey);
      const anti = kind !== "rightsemi";
      for (const r of rightRows) {
        const k = keyOf(r, rightKey);
        const hit = k !== undefined && leftIndex.first.has(k);
        if (hit !== anti) rows.push(build(undefined, r));
      }
      return { columns, rows };
    }
    // Only outer joins on the right ask which right rows matched.
    const matchedRight = kind === "rightouter" || kind === "fullouter" ? new Set<number>() : undefined;
    const next = rightIndex.next;
    for (const l of leftRows) {
      const k = keyOf(l, leftKey);
      const match = k === undefined ? -1 : (rightIndex.first.get(k) ?? -1);
      if (semiLeft) {
        if (match >= 0 === (kind === "leftsemi")) rows.push(build(l, undefined));
        continue;
      }
      if (match >= 0) {
        for (let m = match; m >= 0; m = next[m]) {
          matchedRight?.add(m);
          rows.push(build(l, rightRows[m]));
          guardGrowth(ctx, rows.length, "join");
        }
      } else if (kind === "leftouter" || kind === "fullouter") rows.push(build(l, undefined));
    }
    if (matchedRight) {
      rightRows.forEach((r, i) => {
        if (!matchedRight.has(i)) rows.push(build(undefined, r));
      });
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
  const leftKey = keySide(keys.left, leftColumns);
  const rightKey = keySide(keys.right, rightAll);
  const rightValueColumns = rightAll.filter((c) => !rightKeyNames.has(c.name));
  const columns = resultColumns(node);
  if (columns.length !== leftColumns.length + rightValueColumns.length)
    throw unsupported(scope, node, "lookup result schema");
  // Left cells copy as they are (null when absent); an unmatched right string column is "" (Kusto strings have no null).
  const build = rowBuilder(
    [...leftColumns, ...columns.slice(leftColumns.length)].map((c) => c.name),
    [
      ...leftColumns.map((c) => ({ from: 0 as const, name: c.name, missing: null })),
      ...columns.slice(leftColumns.length).map((c, i) => ({
        from: 1 as const,
        name: rightValueColumns[i].name,
        missing: c.type === "string" ? ("" as const) : null,
      })),
    ],
  );
  return (input, ctx) => {
    const rightRows = right(ctx).rows;
    const rightIndex = index(rightRows, rightKey);
    const next = rightIndex.next;
    const rows: Row[] = [];
    for (const l of input.rows) {
      const k = keyOf(l, leftKey);
      const match = k === undefined ? -1 : (rightIndex.first.get(k) ?? -1);
      if (match < 0) {
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
