// Row-by-row chains: row-wise operators (where, extend, project, mv-expand) over a source that can hand its rows on one
// at a time (range, a let's rows, another chain) run as one pass, so the rows between operators die young instead of
// filling arrays that the garbage collector copies and promotes; only the chain's last output is collected.
import type { ColumnInfo } from "../types";
import { isBuiltinFunction } from "./calls";
import { kindOf, type OperatorFn, type Row, type RunContext, type TabularFn } from "./context";
import { rowFunctionNames } from "./rowfunctions";
import type { FunctionCallExpression, SyntaxElement } from "./syntax";

export type RowSink = (row: Row) => void;

/** An operator's per-row form for one run: called with each input row in order, it emits that row's output rows. */
export type RowStep = (row: Row, emit: RowSink) => void;

type StepsFor = (ctx: RunContext, inputColumns: readonly ColumnInfo[]) => RowStep;
type EachRow = (ctx: RunContext, sink: RowSink) => void;

const steps = new WeakMap<OperatorFn, StepsFor>();
const sources = new WeakMap<TabularFn, EachRow>();

/** Records that `op` can also run row by row through `stepsFor`; returns `op`. */
export function withRowSteps(op: OperatorFn, stepsFor: StepsFor): OperatorFn {
  steps.set(op, stepsFor);
  return op;
}

/** Records that `fn`'s rows can also be handed on one at a time by `eachRow`; returns `fn`. */
export function withEachRow(fn: TabularFn, eachRow: EachRow): TabularFn {
  sources.set(fn, eachRow);
  return fn;
}

/** How `fn` hands its rows on one at a time when it can without collecting them first; undefined otherwise. */
export function streamOf(fn: TabularFn): EachRow | undefined {
  return sources.get(fn);
}

/** A table whose rows come one at a time from `eachRow`, collected when the table itself is asked for. */
export function collected(columns: readonly ColumnInfo[], eachRow: EachRow): TabularFn {
  return withEachRow((ctx) => {
    const rows: Row[] = [];
    eachRow(ctx, (row) => {
      rows.push(row);
    });
    return { columns: columns as ColumnInfo[], rows };
  }, eachRow);
}

/** The rows of `fn` one at a time: streamed when `fn` can, else from its table. */
export function eachRowOf(fn: TabularFn): EachRow {
  return (
    sources.get(fn) ??
    ((ctx, sink) => {
      for (const row of fn(ctx).rows) sink(row);
    })
  );
}

/**
 * `input | op` as one row-by-row pass when `op` has a per-row form and `input` can hand its rows on; undefined
 * otherwise (the caller runs `op` over the input's table).
 */
export function chained(
  input: TabularFn,
  op: OperatorFn,
  inputColumns: readonly ColumnInfo[],
  columns: readonly ColumnInfo[],
): TabularFn | undefined {
  const each = sources.get(input);
  const stepsFor = steps.get(op);
  if (!each || !stepsFor) return undefined;
  return collected(columns, (ctx, sink) => {
    const step = stepsFor(ctx, inputColumns);
    each(ctx, (row) => step(row, sink));
  });
}

/** Whether any node under `root` (itself included) satisfies `test`. */
function anyNode(root: SyntaxElement, test: (node: SyntaxElement) => boolean): boolean {
  // An explicit stack: expressions such as `1+1+...` nest thousands deep.
  const pending: (SyntaxElement | null)[] = [root];
  while (pending.length > 0) {
    const at = pending.pop();
    if (!at || typeof at.GetChild !== "function") continue;
    if (test(at)) return true;
    for (let i = at.ChildCount - 1; i >= 0; i--) pending.push(at.GetChild(i));
  }
  return false;
}

/** The builtin function a call names, lower-case; undefined for a user function (whose body this does not see). */
function builtinCalled(node: SyntaxElement): string | undefined {
  const symbol = (node as FunctionCallExpression).ReferencedSymbol;
  return symbol && isBuiltinFunction(symbol) ? String(symbol.Name).toLowerCase() : undefined;
}

/**
 * Whether an operator's expressions may read the rows around the current one (prev, next, row_number, row_cumsum, ...)
 * or call a user function (which may): those need the whole input table, so the operator runs on the table.
 */
export function readsNeighbours(node: SyntaxElement): boolean {
  return anyNode(node, (at) => {
    if (kindOf(at) !== "FunctionCallExpression") return false;
    const name = builtinCalled(at);
    return name === undefined || name === "prev" || name === "next" || rowFunctionNames.has(name);
  });
}

/**
 * Whether a let's text draws random numbers itself (rand, new_guid, sample): such a let is evaluated again at each
 * reference, so its rows can flow into the referring chain without being collected. A miss only costs speed.
 */
export function drawsRandom(node: SyntaxElement): boolean {
  return anyNode(node, (at) => {
    const kind = kindOf(at);
    if (kind === "SampleOperator" || kind === "SampleDistinctOperator") return true;
    if (kind !== "FunctionCallExpression") return false;
    const name = builtinCalled(at);
    return name === "rand" || name === "new_guid";
  });
}
