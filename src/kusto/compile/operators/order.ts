// Ordering operators: sort/order by, top, distinct.
import { compareValues, hashKey } from "../../scalars";
import { nullOf, type Value } from "../../types";
import {
  elements,
  kindOf,
  newRow,
  type OperatorFn,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  tokenText,
  typeOf,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type {
  DistinctOperator,
  Expression,
  OrderedExpression,
  SimpleNamedExpression,
  SortOperator,
  TopOperator,
} from "../syntax";

interface SortKey {
  readonly fn: ScalarFn;
  readonly compare: (a: Value, b: Value) => number;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

function sortKey(item: Expression, scope: Scope): SortKey {
  const ordered = kindOf(item) === "OrderedExpression" ? (item as OrderedExpression) : undefined;
  const expr = ordered ? ordered.Expression : item;
  const direction = ordered ? tokenText(ordered.Ordering?.AscOrDescKeyword).toLowerCase() : "";
  const descending = direction !== "asc";
  const nulls = ordered ? tokenText(ordered.Ordering?.NullsClause?.FirstOrLastKeyword).toLowerCase() : "";
  // Kusto: ascending puts nulls first, descending puts them last, unless told.
  const nullsFirst = nulls ? nulls === "first" : !descending;
  return { fn: compileScalar(expr, scope), compare: compareValues(typeOf(scope, expr)), descending, nullsFirst };
}

interface Decorated {
  readonly row: Row;
  readonly values: Value[];
}

// sort-operator.md: null and NaN are grouped at the nulls end, null outermost (nulls first: null, NaN; last: NaN, null).
function nullRank(v: Value): number {
  if (v === null) return 2;
  return typeof v === "number" && Number.isNaN(v) ? 1 : 0;
}

function decoratedCompare(keys: readonly SortKey[]): (a: Decorated, b: Decorated) => number {
  return (a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = a.values[i];
      const y = b.values[i];
      const xr = nullRank(x);
      const yr = nullRank(y);
      if (xr !== 0 || yr !== 0) {
        if (xr === yr) continue;
        return xr > yr === k.nullsFirst ? -1 : 1;
      }
      const c = k.compare(x, y);
      if (c !== 0) return k.descending ? -c : c;
    }
    return 0;
  };
}

export function sortRows(rows: readonly Row[], keys: readonly SortKey[], ctx: RunContext): Row[] {
  const decorated = rows.map((row) => ({ row, values: keys.map((k) => k.fn(row, ctx)) }));
  decorated.sort(decoratedCompare(keys));
  return decorated.map((d) => d.row);
}

/** The first n rows of the stable sort, keeping only n candidates (top 3 of millions need not sort them all). */
export function topRows(rows: readonly Row[], keys: readonly SortKey[], ctx: RunContext, n: number): Row[] {
  if (n * 8 >= rows.length) return sortRows(rows, keys, ctx).slice(0, n);
  const compare = decoratedCompare(keys);
  const best: Decorated[] = [];
  for (const row of rows) {
    const d = { row, values: keys.map((k) => k.fn(row, ctx)) };
    // A row tying the worst kept one comes later in the stable order, so it does not displace it.
    if (best.length === n && compare(d, best[n - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(d, best[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, d);
    if (best.length > n) best.pop();
  }
  return best.map((d) => d.row);
}

export function compileSort(node: SortOperator, scope: Scope): OperatorFn {
  const keys = elements(node.Expressions).map((e) => sortKey(e, scope));
  const columns = resultColumns(node);
  return (input, ctx) => ({ columns, rows: sortRows(input.rows, keys, ctx) });
}

export function compileTop(node: TopOperator, scope: Scope): OperatorFn {
  const count = compileScalar(node.Expression, scope);
  const keys = [sortKey(node.ByExpression, scope)];
  const columns = resultColumns(node);
  return (input, ctx) => {
    const n = count(emptyRow, ctx);
    if (typeof n !== "number" || n < 0) throw new Error(`top needs a non-negative number, got ${String(n)}`);
    return { columns, rows: topRows(input.rows, keys, ctx, n) };
  };
}

export function compileDistinct(node: DistinctOperator, scope: Scope): OperatorFn {
  const columns = resultColumns(node);
  const exprs = elements(node.Expressions);
  // `distinct a, b = f(x)` (the binder accepts expressions): each output column computed per row; names and `*` read.
  const computed =
    exprs.length === columns.length &&
    exprs.some((e) => kindOf(e) !== "NameReference" && kindOf(e) !== "StarExpression")
      ? exprs.map((e) =>
          compileScalar(kindOf(e) === "SimpleNamedExpression" ? (e as SimpleNamedExpression).Expression : e, scope),
        )
      : undefined;
  return (input, ctx) => {
    const seen = new Set<string>();
    const rows: Row[] = [];
    for (const row of input.rows) {
      const values = computed ? computed.map((f) => f(row, ctx)) : columns.map((c) => row[c.name] ?? nullOf(c.type));
      const key = values.map((v) => hashKey(v ?? null)).join("\u0001");
      if (seen.has(key)) continue;
      seen.add(key);
      const out: Row = newRow();
      // As in summarize, a missing string is one value with "" and shows as "".
      columns.forEach((c, i) => {
        out[c.name] = values[i] ?? nullOf(c.type);
      });
      rows.push(out);
    }
    return { columns, rows };
  };
}
