// join (all Kusto kinds, innerunique by default) and lookup, hashed on the equality keys of the on-clause.
import { hashKey } from "../scalars";
import type { ColumnInfo, Value } from "../types";
import {
  elements,
  guardGrowth,
  kindOf,
  type Node,
  namedParameters,
  newRow,
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

function index(rows: readonly Row[], side: KeySide): Map<string, number[]> {
  const map = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = keyOf(r, side);
    if (k === undefined) return;
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  });
  return map;
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
        const hit = k !== undefined && leftIndex.has(k);
        if (hit !== anti) rows.push(build(undefined, r));
      }
      return { columns, rows };
    }
    // Only outer joins on the right ask which right rows matched.
    const matchedRight = kind === "rightouter" || kind === "fullouter" ? new Set<number>() : undefined;
    for (const l of leftRows) {
      const k = keyOf(l, leftKey);
      const matches = k === undefined ? undefined : rightIndex.get(k);
      if (semiLeft) {
        if (!!matches === (kind === "leftsemi")) rows.push(build(l, undefined));
        continue;
      }
      if (matches) {
        for (const m of matches) {
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
  const outRight = columns
    .slice(leftColumns.length)
    .map((c, i) => [c.name, rightValueColumns[i].name, c.type === "string" ? "" : null] as const);
  return (input, ctx) => {
    const rightRows = right(ctx).rows;
    const rightIndex = index(rightRows, rightKey);
    const rows: Row[] = [];
    for (const l of input.rows) {
      const k = keyOf(l, leftKey);
      const matches = k === undefined ? undefined : rightIndex.get(k);
      if (!matches && kind === "inner") continue;
      for (const m of matches ?? [-1]) {
        const out: Row = newRow();
        for (const c of leftColumns) out[c.name] = l[c.name] ?? null;
        const r = m >= 0 ? rightRows[m] : undefined;
        for (const [name, from, missing] of outRight) out[name] = (r ? r[from] : undefined) ?? missing;
        rows.push(out);
        guardGrowth(ctx, rows.length, "lookup");
      }
    }
    return { columns, rows };
  };
}
