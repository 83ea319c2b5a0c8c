// mv-expand: one output row per element of the expanded arrays/bags, expanded in parallel (missing values null).
import type { ColumnInfo, KType, Value } from "../../types";
import { DynamicReal } from "../../values/dynamic-real";
import { parseDatetime, parseTimespan } from "../../values/time";
import {
  elements,
  guardGrowth,
  kindOf,
  namedParameters,
  type OperatorFn,
  parameterName,
  parameterText,
  type Row,
  type RunContext,
  resultColumns,
  type Scope,
  typeOf,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import { literalKey, rowPrototype } from "../row-mapper";
import { readsNeighbours, withRowSteps } from "../streaming";
import type { MvExpandExpression, MvExpandOperator } from "../syntax";
import { expressionName } from "./naming";
import { inputKeys } from "./rows";

/** mv-expand's `to typeof(T)` is a cast: elements of another type become null. */
export function castTo(
  type: KType,
  refuse: (what: string) => Error = (what) => new Error(`unsupported: ${what}`),
): (v: Value) => Value {
  switch (type) {
    case "dynamic":
      return (v) => v;
    // A string column holds no null (null-values.md): a non-string element is "".
    case "string":
      return (v) => (typeof v === "string" ? v : "");
    case "bool":
      return (v) => (typeof v === "boolean" ? v : null);
    // An int column cannot hold a whole number beyond int32, and the page does not say whether it becomes null: refused.
    case "int":
      return (v) => {
        if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v) && (v | 0) !== v))
          throw refuse("mv-expand/mv-apply to typeof(int) of a number beyond int32");
        return typeof v === "number" && Number.isInteger(v) ? v : null;
      };
    // A long beyond 2^53 is a bigint (the value contract) and conforms to long.
    case "long":
      return (v) => (typeof v === "number" && Number.isInteger(v) ? v : typeof v === "bigint" ? v : null);
    // A whole real is boxed in a dynamic (values/dynamic-real.ts): it conforms to real, not to long (cast-only, no conversion).
    case "real":
      return (v) => (typeof v === "number" ? v : v instanceof DynamicReal ? v.value : null);
    // Datetimes and timespans sit in dynamic arrays as their text (range(), make-series): read back to ticks.
    case "datetime": {
      const read = rememberedParse(parseDatetime);
      return (v) => (typeof v === "string" ? read(v) : null);
    }
    case "timespan": {
      const read = rememberedParse(parseTimespan);
      return (v) => (typeof v === "string" ? read(v) : null);
    }
    // guid and decimal: a dynamic holds them as text or a number here, so which elements conform is not known: refused.
    default:
      throw refuse(`mv-expand/mv-apply to typeof(${type})`);
  }
}

/** A text parser remembering recent texts: range() and make-series arrays repeat the same few texts row after row. */
function rememberedParse(parse: (text: string) => bigint | null): (text: string) => bigint | null {
  const seen = new Map<string, bigint | null>();
  return (text) => {
    let ticks = seen.get(text);
    if (ticks === undefined) {
      ticks = parse(text);
      if (seen.size >= 4096) seen.clear();
      seen.set(text, ticks);
    }
    return ticks;
  };
}

/** The elements an expansion yields: array items; a bag's slots as one-slot bags, or as [key, value] with kind=array. */
export function elementsOf(v: Value, bagAsArray = false): Value[] {
  if (v === null) return [null];
  if (Array.isArray(v)) return v as Value[];
  if (typeof v === "object" && !(v instanceof DynamicReal)) {
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
  const bagAsArray = parameterText(kindParam) === "array";
  const columns = resultColumns(node);
  const limit = node.RowLimitClause ? compileScalar(node.RowLimitClause.RowLimit, scope) : undefined;
  const targets = elements(node.Expressions).map((mv) => {
    const expr = kindOf(mv) === "MvExpandExpression" ? (mv as MvExpandExpression).Expression : mv;
    const name = expressionName(expr);
    if (!name || !columns.some((c) => c.name === name))
      throw unsupported(scope, mv, "mv-expand expression without a column name");
    const type = typeOf(scope, mv);
    return { name, fn: compileScalar(expr, scope), cast: castTo(type, (what) => unsupported(scope, mv, what)) };
  });
  let built: { keys: string; make: ExpandedRow } | undefined;
  const makerFor = (inputColumns: readonly ColumnInfo[], first: Row | undefined): ExpandedRow => {
    const keys = inputKeys(inputColumns, first);
    const id = keys.join("\u0000");
    if (built?.keys !== id)
      built = {
        keys: id,
        make: expandedRow(
          keys,
          targets.map((t) => t.name),
          indexColumn,
        ),
      };
    return built.make;
  };
  /** One run's expansion of a row into `emit`, counting the rows made against the run's limits. */
  const expander = (ctx: RunContext) => {
    const max = limit ? Number(limit(emptyRow, ctx)) : Number.POSITIVE_INFINITY;
    const lists: Value[][] = new Array(targets.length);
    const cells: Value[] = new Array(targets.length);
    let made = 0;
    return (row: Row, make: ExpandedRow, emit: (row: Row) => void) => {
      let longest = 0;
      for (let j = 0; j < targets.length; j++) {
        const v = targets[j].fn(row, ctx);
        lists[j] = elementsOf(v, bagAsArray);
        if (lists[j].length > longest) longest = lists[j].length;
      }
      const count = Math.min(max, longest);
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < targets.length; j++) cells[j] = i < lists[j].length ? targets[j].cast(lists[j][i]) : null;
        emit(make(row, cells, i));
        guardGrowth(ctx, ++made, "mv-expand");
      }
    };
  };
  const op: OperatorFn = (input, ctx) => {
    const rows: Row[] = [];
    const make = makerFor(input.columns, input.rows[0]);
    const expand = expander(ctx);
    const emit = (row: Row) => {
      rows.push(row);
    };
    for (const row of input.rows) expand(row, make, emit);
    return { columns, rows };
  };
  if (readsNeighbours(node)) return op;
  return withRowSteps(op, (ctx, inputColumns) => {
    const expand = expander(ctx);
    let make: ExpandedRow | undefined;
    return (row, emit) => {
      make ??= makerFor(inputColumns, row);
      expand(row, make, emit);
    };
  });
}

type ExpandedRow = (row: Row, cells: readonly Value[], index: number) => Row;

/**
 * One generated object literal per input schema (see rowMapper): a copy of the row's `keys`, each target column holding `cells[j]` and
 * the index column `index` (appended when new), so every expanded row shares one hidden class.
 */
export function expandedRow(keys: readonly string[], targets: readonly string[], indexColumn?: string): ExpandedRow {
  const key = (n: string) => JSON.stringify(n);
  const cell = (n: string) => {
    // A target named like the index column wins: the original assigned targets last.
    const j = targets.lastIndexOf(n);
    if (j >= 0) return `c[${j}]`;
    return n === indexColumn ? "i" : `row[${key(n)}]`;
  };
  const names = [...keys];
  if (indexColumn !== undefined && !names.includes(indexColumn)) names.push(indexColumn);
  for (const t of targets) if (!names.includes(t)) names.push(t);
  const body = names.map((n) => `${literalKey(n)}: ${cell(n)}`).join(", ");
  const make = new Function("P", `return (row, c, i) => ({ __proto__: P, ${body} });`);
  return make(rowPrototype) as ExpandedRow;
}
