// summarize: groups rows by the by-expressions and feeds the scalar library's aggregators; columns come from the binder.

import { toArray } from "../../kusto-language";
import { type Aggregator, aggregateFactory, hashKey, keyedByValueOnly } from "../../scalars";
import type { KType, Value } from "../../types";
import { callArguments, isAggregateCall } from "../calls";
import {
  elements,
  kindOf,
  type OperatorFn,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  symbolKindOf,
  typeOf,
  unsupported,
} from "../context";
import { compileScalar } from "../expressions";
import { type GroupedAggregator, groupedAggregate } from "../grouped-aggregates";
import { isLiteral, literalValue } from "../literals";
import { rowFromValues } from "../row-builder";
import type {
  ColumnSymbol,
  Expression,
  FunctionCallExpression,
  NameReference,
  PipeExpression,
  SimpleNamedExpression,
  SummarizeOperator,
  SyntaxElement,
  TableSymbol,
} from "../syntax";

interface AggregateSlot {
  /** One aggregator for one group (top-nested, make-series and pivot aggregate one set of rows). */
  readonly factory: () => Aggregator;
  /** The state of every group of a summarize run. */
  readonly grouped: () => GroupedAggregator;
  readonly args: readonly ScalarFn[];
}

function newAggregators(slots: readonly AggregateSlot[]): Aggregator[] {
  const aggs = new Array<Aggregator>(slots.length);
  for (let s = 0; s < slots.length; s++) aggs[s] = slots[s].factory();
  return aggs;
}

/** How one aggregate element of the list turns a finished group's aggregate results (by slot) into output values. */
type Emit = (results: readonly Value[], rows: readonly Row[], ctx: RunContext, out: Value[]) => void;

type SlotsAdd = (group: number, row: Row, ctx: RunContext, rowIndex: number) => void;

/**
 * Feeds one row to one group of every slot's grouped aggregator, through code written for these slots: each slot's
 * add() and argument calls get a call site of their own, which V8 can inline, where one loop over several aggregator
 * classes makes a polymorphic call per row and slot. Called once per run with that run's aggregators.
 */
function slotsAdder(argFns: readonly (readonly ScalarFn[])[]): (states: readonly GroupedAggregator[]) => SlotsAdd {
  const setup = argFns.map((args, s) => `const b${s} = new Array(${args.length}); const a${s} = st[${s}];`).join("\n");
  const lines = argFns.map((args, s) => {
    const fill = args.map((_, a) => `b${s}[${a}] = f[${s}][${a}](row, ctx);`).join(" ");
    return `${fill} a${s}.add(g, b${s}, i);`;
  });
  const make = new Function("f", "st", `${setup}\nreturn (g, row, ctx, i) => {\n${lines.join("\n")}\n};`);
  return (states) => make(argFns, states) as SlotsAdd;
}

export function compileSummarize(node: SummarizeOperator, scope: Scope): OperatorFn {
  const columns = resultColumns(node);
  const byExprs = elements(node.ByClause?.Expressions);
  const byFns = byExprs.map((e): ScalarFn => {
    const fn = compileScalar(e, scope);
    // Kusto strings have no null: a missing string groups with "" and shows as "".
    if (typeOf(scope, e) !== "string") return fn;
    return (row, ctx) => fn(row, ctx) ?? "";
  });
  const slots: AggregateSlot[] = [];
  const emits: Emit[] = [];
  let width = byExprs.length;
  for (const item of elements(node.Aggregates)) {
    const named = kindOf(item) === "SimpleNamedExpression" || kindOf(item) === "CompoundNamedExpression";
    // A CompoundNamedExpression (`(a, b) = f(x)`) holds its expression as a SimpleNamedExpression does.
    const expr = named ? (item as SimpleNamedExpression).Expression : item;
    const typed = expr.ResultType && symbolKindOf(expr.ResultType) === "Tuple" ? expr : item;
    // A tuple type lists its columns as a table type does.
    const tupleType = typed.ResultType as TableSymbol | null;
    const tuple =
      tupleType && symbolKindOf(tupleType) === "Tuple" ? toArray<ColumnSymbol>(tupleType.Columns) : undefined;
    emits.push(compileAggregateItem(expr, tuple, scope, slots));
    width += tuple ? tuple.length : 1;
  }
  if (width !== columns.length)
    throw unsupported(scope, node, "summarize shape (aggregates the engine cannot map to the result schema)");
  const makeRow = rowFromValues(columns.map((c) => c.name));
  // "The string data type doesn't support null values" (null-values.md): a string aggregate with no value is "".
  const stringCells = columns.flatMap((c, i) => (c.type === "string" ? [i] : []));
  const nBy = byFns.length;
  const nSlots = slots.length;
  const grouped = slots.map((s) => s.grouped);
  const argFns = slots.map((s) => s.args);
  const adder = slotsAdder(argFns);

  // Scalar by-values key nested Maps directly (SameValueZero groups NaN with NaN and 0 with -0, as hashKey does);
  // dynamic and decimal values, and long by-lists, key one hashKey string per row.
  const rawKeyed = nBy > 0 && nBy <= 3 && byExprs.every((e) => !keyedByValueOnly(typeOf(scope, e)));

  return (input, ctx) => {
    const rows = input.rows;
    // A group is a number: its by-values sit at keys[g * nBy ...] and its aggregate states in each slot's grouped
    // aggregator, so a high-cardinality by-key (as many groups as rows, all alive to the end) costs few objects per group.
    const keys: Value[] = [];
    const states = grouped.map((make) => make());
    const byString = new Map<string, number>();
    const rawRoot = new Map<Value, unknown>();
    const add = adder(states);
    const keyValues = new Array<Value>(nBy);
    let groups = 0;
    const newGroup = (): number => {
      for (let k = 0; k < nBy; k++) keys.push(keyValues[k]);
      for (let s = 0; s < nSlots; s++) states[s].open();
      return groups++;
    };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      let group: number | undefined;
      if (rawKeyed) {
        let level = rawRoot;
        for (let k = 0; k < nBy - 1; k++) {
          const v = byFns[k](row, ctx) ?? null;
          keyValues[k] = v;
          let next = level.get(v) as Map<Value, unknown> | undefined;
          if (next === undefined) level.set(v, (next = new Map<Value, unknown>()));
          level = next;
        }
        const last = byFns[nBy - 1](row, ctx) ?? null;
        keyValues[nBy - 1] = last;
        group = level.get(last) as number | undefined;
        if (group === undefined) level.set(last, (group = newGroup()));
      } else {
        let key = "";
        for (let k = 0; k < nBy; k++) {
          const v = byFns[k](row, ctx);
          keyValues[k] = v;
          key += k === 0 ? hashKey(v) : `\u0001${hashKey(v)}`;
        }
        group = byString.get(key);
        if (group === undefined) byString.set(key, (group = newGroup()));
      }
      add(group, row, ctx, i);
    }
    // Kusto: a summarize without by on no rows still yields one row (count() = 0).
    if (nBy === 0 && groups === 0) newGroup();
    const out: Row[] = [];
    const values: Value[] = [];
    const results = new Array<Value>(nSlots);
    for (let g = 0; g < groups; g++) {
      for (let s = 0; s < nSlots; s++) results[s] = states[s].result(g);
      values.length = 0;
      for (let k = 0; k < nBy; k++) values.push(keys[g * nBy + k]);
      for (const emit of emits) emit(results, rows, ctx, values);
      for (const i of stringCells) if (values[i] === null || values[i] === undefined) values[i] = "";
      out.push(makeRow(values));
    }
    return { columns, rows: out };
  };
}

/** The position of the maxSize argument of the aggregates that take one (make-list-aggregation-function.md etc.). */
const SIZE_ARGUMENT: Readonly<Record<string, number>> = {
  make_list: 1,
  make_set: 1,
  make_bag: 1,
  make_list_with_nulls: 1,
  make_list_if: 2,
  make_set_if: 2,
  make_bag_if: 2,
};

/** The first percentile-level argument of the percentile aggregates. */
const LEVELS_FROM: Readonly<Record<string, number>> = {
  percentile: 1,
  percentiles: 1,
  percentiles_array: 1,
  percentilew: 2,
  percentilesw: 2,
  percentilesw_array: 2,
};

/** True when the expression reads a column of the row (so its value may change from row to row). */
function readsColumn(expr: SyntaxElement): boolean {
  const pending: (SyntaxElement | null)[] = [expr];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node.GetChild !== "function") continue;
    if (kindOf(node) === "NameReference") {
      const symbol = (node as NameReference).ReferencedSymbol;
      if (symbol && symbolKindOf(symbol) === "Column") return true;
    }
    for (let i = 0; i < node.ChildCount; i++) pending.push(node.GetChild(i));
  }
  return false;
}

function addSlot(
  call: FunctionCallExpression,
  scope: Scope,
  slots: AggregateSlot[],
  argNodes: readonly Expression[],
): number {
  const name = String(call.ReferencedSymbol!.Name).toLowerCase();
  const argTypes: KType[] = argNodes.map((a) => typeOf(scope, a));
  const literals = argNodes.map((a) =>
    isLiteral(a)
      ? literalValue(scope, a, kindOf(a) === "NullLiteralExpression" ? "null" : typeOf(scope, a))
      : undefined,
  );
  const resultType: KType =
    call.ResultType && symbolKindOf(call.ResultType) === "Tuple" ? "dynamic" : typeOf(scope, call);
  const sizeArg = SIZE_ARGUMENT[name];
  // A maxSize the engine cannot read at compile time would be silently ignored: refused instead.
  if (sizeArg !== undefined && sizeArg < argNodes.length && literals[sizeArg] === undefined)
    throw unsupported(scope, argNodes[sizeArg], `${name} maxSize that is not a literal number`);
  const levelsFrom = LEVELS_FROM[name];
  // "A constant that specifies the percentile" (percentiles-aggregation-function.md): a level read from a column is refused.
  if (levelsFrom !== undefined) {
    const varying = argNodes.slice(levelsFrom).find(readsColumn);
    if (varying) throw unsupported(scope, varying, `${name} level that is not a constant`);
  }
  const factory = aggregateFactory(name, argTypes, resultType, literals);
  if (!factory) throw unsupported(scope, call, `aggregate ${name}(${argTypes.join(", ")})`);
  slots.push({
    factory,
    grouped: groupedAggregate(name, argTypes, factory),
    args: argNodes.map((a) => compileScalar(a, scope)),
  });
  return slots.length - 1;
}

function compileAggregateItem(
  expr: Expression,
  tuple: ColumnSymbol[] | undefined,
  scope: Scope,
  slots: AggregateSlot[],
): Emit {
  const call = expr as FunctionCallExpression;
  const name = isAggregateCall(expr) ? String(call.ReferencedSymbol!.Name).toLowerCase() : "";
  if (name === "arg_max" || name === "arg_min") return compileArgExtreme(call, tuple, scope, slots);
  if ((name === "take_any" || name === "any") && (tuple || callArguments(call).some(isStar)))
    return compileTakeAnyRow(call, tuple, scope, slots);
  if (tuple) {
    if (name !== "percentiles" && name !== "percentilesw")
      throw unsupported(scope, expr, `aggregate ${name || "expression"} with several result columns`);
    const slot = addSlot(call, scope, slots, callArguments(call));
    return (results, _rows, _ctx, out) => {
      const result = results[slot];
      const list = Array.isArray(result) ? result : [];
      for (let i = 0; i < tuple.length; i++) out.push((list[i] ?? null) as Value);
    };
  }
  if (isAggregateCall(expr)) {
    const slot = addSlot(
      call,
      scope,
      slots,
      callArguments(call).filter((a) => kindOf(a) !== "StarExpression"),
    );
    return (results, _rows, _ctx, out) => {
      out.push(results[slot] ?? null);
    };
  }
  // An expression over aggregates, e.g. round(100.0 * countif(x) / count(), 2): aggregates read the group's results.
  let current: readonly Value[] = [];
  const fn = compileScalar(expr, scope, (call) => {
    const slot = addSlot(
      call,
      scope,
      slots,
      callArguments(call).filter((a) => kindOf(a) !== "StarExpression"),
    );
    return () => current[slot] ?? null;
  });
  return (results, _rows, ctx, out) => {
    current = results;
    out.push(fn({}, ctx));
  };
}

/** arg_max/arg_min: the aggregator picks the winning row; the extra columns are read from it. */
function compileArgExtreme(
  call: FunctionCallExpression,
  tuple: ColumnSymbol[] | undefined,
  scope: Scope,
  slots: AggregateSlot[],
): Emit {
  const args = callArguments(call);
  const slot = addSlot(call, scope, slots, [args[0]]);
  const extremum = compileScalar(args[0], scope);
  const rest = args.slice(1);
  const star = rest.some((a) => kindOf(a) === "StarExpression");
  const width = tuple ? tuple.length : 1;
  let readers: ScalarFn[];
  if (star) {
    // With *, the tuple lists the extremum then the input columns it returns, by their input names.
    const names = (tuple ?? []).slice(1).map((c) => String(c.Name));
    readers = names.map((n) => (row: Row) => row[n] ?? null);
  } else {
    readers = rest.map((a) => compileScalar(a, scope));
  }
  if (1 + readers.length !== width) throw unsupported(scope, call, "arg_max/arg_min column list");
  return (results, rows, ctx, out) => {
    const index = results[slot];
    const row = typeof index === "number" ? rows[index] : undefined;
    out.push(row ? extremum(row, ctx) : null);
    for (const r of readers) out.push(row ? r(row, ctx) : null);
  };
}

const isStar = (a: Expression): boolean => kindOf(a) === "StarExpression";

/**
 * take_any(a, b, ...) and take_any(*): every value is read from one row, the group's first ("all values are calculated
 * over a single record", take-any-aggregation-function.md). A * returns the input columns but the group-by ones.
 */
function compileTakeAnyRow(
  call: FunctionCallExpression,
  tuple: ColumnSymbol[] | undefined,
  scope: Scope,
  slots: AggregateSlot[],
): Emit {
  const args = callArguments(call);
  let readers: ScalarFn[];
  if (args.some(isStar)) {
    if (args.length !== 1) throw unsupported(scope, call, "take_any with * and other arguments");
    // A tuple names the input columns it returns; a single returned column is the star's one column not grouped by.
    const summarize = enclosingSummarize(call);
    const starType = args[0].ResultType;
    // Over a one-column input the star is that column's type, not a tuple: the input table names it.
    const starTable = (
      starType && symbolKindOf(starType) === "Tuple"
        ? starType
        : (summarize?.Parent as PipeExpression | null)?.Expression?.ResultType
    ) as TableSymbol | null;
    const starColumns = toArray<ColumnSymbol>(starTable?.Columns).map((c) => String(c.Name));
    const byNames = new Set(byColumnNames(summarize));
    const names = tuple ? tuple.map((c) => String(c.Name)) : starColumns.filter((n) => !byNames.has(n));
    if (names.length !== (tuple ? tuple.length : 1)) throw unsupported(scope, call, "take_any(*) column list");
    readers = names.map((n) => (row: Row) => row[n] ?? null);
  } else {
    readers = args.map((a) => compileScalar(a, scope));
  }
  if (readers.length !== (tuple ? tuple.length : 1)) throw unsupported(scope, call, "take_any column list");
  const slot = addSlot(call, scope, slots, []);
  return (results, rows, ctx, out) => {
    const index = results[slot];
    const row = typeof index === "number" ? rows[index] : undefined;
    for (const r of readers) out.push(row ? r(row, ctx) : null);
  };
}

function enclosingSummarize(call: FunctionCallExpression): SummarizeOperator | null {
  let node: SyntaxElement | null = call;
  while (node && kindOf(node) !== "SummarizeOperator") node = node.Parent;
  return node as SummarizeOperator | null;
}

/** The input columns a summarize's by clause names directly (by x, by k = x): take_any(*) leaves them out. */
function byColumnNames(summarize: SummarizeOperator | null): string[] {
  const by = summarize ? elements(summarize.ByClause?.Expressions) : [];
  return by.flatMap((e) => {
    const inner = kindOf(e) === "SimpleNamedExpression" ? (e as SimpleNamedExpression).Expression : e;
    return kindOf(inner) === "NameReference" ? [String((inner as NameReference).SimpleName)] : [];
  });
}

/** One aggregate expression (count(), s = sum(x), round(avg(x), 2)) evaluated over a set of rows: top-nested, make-series. */
export function compileRowsAggregate(expr: Expression, scope: Scope): (rows: readonly Row[], ctx: RunContext) => Value {
  const slots: AggregateSlot[] = [];
  const inner = kindOf(expr) === "SimpleNamedExpression" ? (expr as SimpleNamedExpression).Expression : expr;
  const emit = compileAggregateItem(inner, undefined, scope, slots);
  return (rows, ctx) => {
    const aggs = newAggregators(slots);
    const buffers = slots.map((s) => new Array<Value>(s.args.length));
    for (let i = 0; i < rows.length; i++) {
      for (let s = 0; s < slots.length; s++) {
        const slot = slots[s];
        for (let a = 0; a < slot.args.length; a++) buffers[s][a] = slot.args[a](rows[i], ctx);
        aggs[s].add(buffers[s], i);
      }
    }
    const out: Value[] = [];
    emit(
      aggs.map((a) => a.result()),
      rows,
      ctx,
      out,
    );
    return out[0] ?? null;
  };
}
