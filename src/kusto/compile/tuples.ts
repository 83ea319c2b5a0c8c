// Scalar calls that yield several columns (series_stats, series_fit_line, series_decompose): extend/project spread them.
// The binder types such a call as a tuple; `(a, b) = f(x)` names the first columns and the tuple's own names fill the rest.

import { toArray } from "../kusto-language";
import { arrayTupleFunctions } from "../scalars/arrays";
import { seriesTupleFunctions } from "../scalars/series";
import type { ColumnInfo, KType, Value } from "../types";
import {
  elements,
  kindOf,
  locatedRefusal,
  newRow,
  type OperatorFn,
  type Row,
  type ScalarFn,
  type Scope,
  symbolKindOf,
  typeOf,
  unsupported,
  withRowContext,
} from "./context";
import { compileScalar } from "./expressions";
import { expressionName } from "./operators/naming";
import type {
  ColumnSymbol,
  CompoundNamedExpression,
  Expression,
  FunctionCallExpression,
  NameDeclaration,
  SimpleNamedExpression,
  SyntaxElement,
  TableSymbol,
} from "./syntax";

const tupleFunctions: Readonly<
  Record<string, (argTypes: readonly KType[]) => ((args: readonly Value[]) => readonly Value[]) | undefined>
> = {
  ...seriesTupleFunctions,
  ...arrayTupleFunctions,
};

export interface TupleItem {
  /** The output columns this item fills, in order. */
  readonly names: readonly string[];
  /** The values of those columns for one row. */
  readonly fn: (row: Parameters<ScalarFn>[0], ctx: Parameters<ScalarFn>[1]) => readonly Value[];
}

/** The NameDeclaration nodes under `(a, b)`, whatever list and parenthesis nodes wrap them. */
function nameDeclarations(node: SyntaxElement | null): NameDeclaration[] {
  if (!node) return [];
  if (kindOf(node) === "NameDeclaration") return [node as NameDeclaration];
  const out: NameDeclaration[] = [];
  for (let i = 0; i < (node.ChildCount ?? 0); i++) out.push(...nameDeclarations(node.GetChild(i)));
  return out;
}

/** The call inside `(a, b) = f(x)` or `f(x)`, when the binder typed it as a tuple. */
function tupleCall(expr: Expression): { call: Expression; declared: string[] } | undefined {
  let call = expr;
  let declared: string[] = [];
  if (kindOf(expr) === "CompoundNamedExpression") {
    const compound = expr as CompoundNamedExpression;
    call = compound.Expression;
    declared = nameDeclarations(compound.Names).map((n) => String(n.SimpleName ?? n.Name?.SimpleName ?? "").trim());
  } else if (kindOf(expr) === "SimpleNamedExpression") {
    // `f = series_decompose_forecast(...)`: the binder names the tuple's first column f and keeps the others.
    const named = expr as SimpleNamedExpression;
    call = named.Expression;
    declared = [String(named.Name?.SimpleName ?? "").trim()];
  }
  const type = call?.ResultType;
  if (!type || symbolKindOf(type) !== "Tuple") return undefined;
  return { call, declared };
}

export function isTupleItem(expr: Expression): boolean {
  return tupleCall(expr) !== undefined;
}

/** Compiles a tuple-valued item of extend/project; refuses tuples the engine does not produce. */
export function compileTupleItem(expr: Expression, scope: Scope): TupleItem {
  const found = tupleCall(expr);
  if (!found) throw unsupported(scope, expr, "tuple expression");
  const { call, declared } = found;
  // tupleCall checked that the type is a tuple, which lists its columns as a table does.
  const columns = toArray<ColumnSymbol>((call.ResultType as TableSymbol).Columns).map((c) => String(c.Name));
  const names = columns.map((c, i) => (i < declared.length && declared[i] ? declared[i] : c));
  if (kindOf(call) !== "FunctionCallExpression") throw unsupported(scope, call, "tuple expression");
  const fnName = String((call as FunctionCallExpression).Name?.SimpleName ?? "").toLowerCase();
  const args = elements((call as FunctionCallExpression).ArgumentList?.Expressions);
  const argTypes: KType[] = args.map((a) => typeOf(scope, a));
  const factory = Object.hasOwn(tupleFunctions, fnName) ? tupleFunctions[fnName] : undefined;
  const impl = factory?.(argTypes);
  if (!impl) throw unsupported(scope, call, `function ${fnName}(${argTypes.join(", ")})`);
  const fns = args.map((a) => compileScalar(a, scope));
  return {
    names,
    fn: (row, ctx) => {
      let values: readonly Value[];
      try {
        values = impl(fns.map((f) => f(row, ctx)));
      } catch (err) {
        // A refusal decided by argument values is raised at run time: give it the call's position.
        throw locatedRefusal(scope, call, err);
      }
      return names.map((_, i) => values[i] ?? null);
    },
  };
}

/**
 * extend/project whose items include a tuple: each tuple item fills its columns, other items need a name of their own.
 * `keepInput` (extend) starts each row from its input row; project starts empty.
 */
export function compileTupleMapper(
  exprs: readonly Expression[],
  columns: readonly ColumnInfo[],
  scope: Scope,
  keepInput: boolean,
  op: Expression,
): OperatorFn {
  const outputNames = new Set(columns.map((c) => c.name));
  const items = exprs.map((e): TupleItem => {
    if (isTupleItem(e)) return compileTupleItem(e, scope);
    const name = expressionName(e);
    if (!name) throw unsupported(scope, e, "an unnamed expression beside a multi-column function (name it: x = ...)");
    const f = compileScalar(e, scope);
    return { names: [name], fn: (row, ctx) => [f(row, ctx)] };
  });
  for (const item of items) {
    for (const n of item.names)
      if (!outputNames.has(n)) throw unsupported(scope, op, `result column ${n} missing from the binder's schema`);
  }
  return (input, ctx) => ({
    columns,
    rows: withRowContext(ctx, input.rows, () =>
      input.rows.map((row, r) => {
        ctx.rowIndex = r;
        const out: Row = keepInput ? Object.assign(newRow(), row) : newRow();
        const source = keepInput ? out : row;
        for (const item of items) {
          const values = item.fn(source, ctx);
          for (let i = 0; i < item.names.length; i++) out[item.names[i]] = values[i];
        }
        return out;
      }),
    ),
  });
}
