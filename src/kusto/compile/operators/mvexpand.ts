// mv-expand: one output row per element of the expanded arrays/bags, expanded in parallel (missing values null).
import type { ColumnInfo, KType, Value } from "../../types";
import { parseDatetime, parseTimespan } from "../../values/time";
import {
  elements,
  guardGrowth,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  parameterName,
  type Row,
  resultColumns,
  type Scope,
  typeOf,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type { MvExpandExpression, MvExpandOperator } from "../syntax";
import { expressionName } from "./naming";

/** mv-expand's `to typeof(T)` is a cast: elements of another type become null. */
export function castTo(type: KType): (v: Value) => Value {
  switch (type) {
    case "dynamic":
      return (v) => v;
    case "string":
      return (v) => (typeof v === "string" ? v : null);
    case "bool":
      return (v) => (typeof v === "boolean" ? v : null);
    case "int":
    case "long":
      return (v) => (typeof v === "number" && Number.isInteger(v) ? v : null);
    case "real":
      return (v) => (typeof v === "number" ? v : null);
    // Datetimes and timespans sit in dynamic arrays as their text (range(), make-series): read back to ticks.
    case "datetime":
      return (v) => (typeof v === "string" ? parseDatetime(v) : null);
    case "timespan":
      return (v) => (typeof v === "string" ? parseTimespan(v) : null);
    default:
      return () => null;
  }
}

/** The elements an expansion yields: array items; a bag's slots as one-slot bags, or as [key, value] with kind=array. */
export function elementsOf(v: Value, bagAsArray = false): Value[] {
  if (v === null) return [null];
  if (Array.isArray(v)) return v as Value[];
  if (typeof v === "object") {
    return Object.keys(v).map((k) => {
      const x = (v as Record<string, unknown>)[k] as Value;
      if (bagAsArray) return [k, x];
      const bag: Record<string, unknown> = Object.create(null);
      bag[k] = x;
      return bag as Value;
    });
  }
  return [v];
}

export function compileMvExpand(node: MvExpandOperator, scope: Scope, _input: readonly ColumnInfo[]): OperatorFn {
  const params = namedParameters(node.Parameters);
  for (const p of params.keys())
    if (p !== "kind" && p !== "bagexpansion" && p !== "with_itemindex")
      throw unsupported(scope, node, `mv-expand ${p}`);
  const indexParam = params.get("with_itemindex");
  const indexColumn = indexParam ? parameterName(indexParam) : undefined;
  const kindParam = params.get("kind") ?? params.get("bagexpansion");
  const bagAsArray =
    !!kindParam &&
    String(kindParam.ToString?.() ?? "")
      .trim()
      .toLowerCase() === "array";
  const columns = resultColumns(node);
  const limit = node.RowLimitClause ? compileScalar(node.RowLimitClause.RowLimit, scope) : undefined;
  const targets = elements(node.Expressions).map((mv) => {
    const expr = kindOf(mv) === "MvExpandExpression" ? (mv as MvExpandExpression).Expression : mv;
    const name = expressionName(expr);
    if (!name || !columns.some((c) => c.name === name))
      throw unsupported(scope, mv, "mv-expand expression without a column name");
    return { name, fn: compileScalar(expr, scope), cast: castTo(typeOf(scope, mv)) };
  });
  return (input, ctx) => {
    const max = limit ? Number(limit(emptyRow, ctx)) : Number.POSITIVE_INFINITY;
    const rows: Row[] = [];
    for (const row of input.rows) {
      const lists = targets.map((t) => elementsOf(t.fn(row, ctx), bagAsArray));
      const count = Math.min(max, Math.max(...lists.map((l) => l.length)));
      for (let i = 0; i < count; i++) {
        const out: Row = Object.assign(newRow(), row);
        if (indexColumn) out[indexColumn] = i;
        targets.forEach((t, j) => (out[t.name] = i < lists[j].length ? t.cast(lists[j][i]) : null));
        rows.push(out);
        guardGrowth(ctx, rows.length, "mv-expand");
      }
    }
    return { columns, rows };
  };
}
