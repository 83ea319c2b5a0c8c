// Function calls in scalar position: built-ins from the scalar library, iff/case, and user functions via the binder's expansion.

import { toArray } from "../kusto-language";
import { refusalReason, scalarFunction, unaryOperator } from "../scalars";
import { toDynamicValue } from "../scalars/format";
import type { KType, Value } from "../types";
import { unboxReal } from "../values/dynamic-real";
import {
  type Binding,
  elements,
  kindOf,
  kustoNamespace,
  locatedRefusal,
  position,
  resultColumns,
  type ScalarFn,
  type Scope,
  symbolKindOf,
  typeOf,
  unsupported,
  withBindings,
} from "./context";
import { type AggregateHook, compileScalar, emptyRow } from "./expressions";
import { isLiteral, literalValue } from "./literals";
import { compileRowFunction, rowFunctionNames } from "./rowfunctions";
import { unserializedBy } from "./serialized";
import type {
  Expression,
  FunctionCallExpression,
  FunctionSymbol,
  KustoSymbol,
  NameReference,
  Parameter,
  PrefixUnaryExpression,
  Signature,
  SimpleNamedExpression,
  TypeSymbol,
} from "./syntax";
import { compileExpansion, compileTabular } from "./tabular";

// Null is never a member; it is allowed so a node's ReferencedSymbol can be looked up as it is.
let builtins: { aggregates: Set<KustoSymbol | null>; functions: Set<KustoSymbol | null> } | undefined;

function builtinSets(): { aggregates: Set<KustoSymbol | null>; functions: Set<KustoSymbol | null> } {
  if (!builtins) {
    const L = kustoNamespace();
    builtins = {
      aggregates: new Set(toArray<KustoSymbol>(L.Aggregates.All)),
      functions: new Set(toArray<KustoSymbol>(L.Functions.All)),
    };
  }
  return builtins;
}

export function isAggregateCall(node: Expression): boolean {
  return kindOf(node) === "FunctionCallExpression" && builtinSets().aggregates.has(node.ReferencedSymbol);
}

export function isBuiltinFunction(symbol: KustoSymbol): boolean {
  const sets = builtinSets();
  return sets.functions.has(symbol) || sets.aggregates.has(symbol);
}

/**
 * An iff/case argument; a result branch of another type than the call's is put in the call's form: a typed real in a
 * dynamic result stays a real (values/dynamic-real.ts), a dynamic's boxed real in a typed result is its number.
 */
function branchAs(e: Expression, isResult: boolean, call: Expression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const fn = compileScalar(e, scope, agg);
  if (!isResult) return fn;
  const from = typeOf(scope, e);
  const to = typeOf(scope, call);
  if (to === "dynamic" && from !== "dynamic") return (row, ctx) => toDynamicValue(fn(row, ctx), from);
  if (to !== "dynamic" && from === "dynamic") return (row, ctx) => unboxReal(fn(row, ctx));
  // A long branch of a real result: a long beyond 2^53 (a bigint) becomes the double it converts to.
  if (to === "real" && from === "long")
    return (row, ctx) => {
      const v = fn(row, ctx);
      return typeof v === "bigint" ? Number(v) : v;
    };
  return fn;
}

/** The call's arguments; a bare function name (`MyFunction` without parentheses) has none. */
export function callArguments(node: FunctionCallExpression | NameReference): Expression[] {
  return elements((node as Partial<FunctionCallExpression>).ArgumentList?.Expressions);
}

/** Functions whose trailing typeof(T) only sets the result type (extract(..., typeof(long)), extract_json). */
const typedResultFunctions = new Set(["extract", "extract_json", "extractjson"]);

export function compileCall(node: FunctionCallExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const symbol = node.ReferencedSymbol;
  const name = String(symbol?.Name ?? node.Name?.SimpleName ?? "").toLowerCase();
  if (!symbol) throw unsupported(scope, node, `function ${name}`);
  if (builtinSets().aggregates.has(symbol)) {
    const read = agg?.(node);
    if (!read) throw unsupported(scope, node, `aggregate ${name} outside summarize`);
    return read;
  }
  if (!builtinSets().functions.has(symbol)) return compileUserCall(node, scope, agg);
  let args = callArguments(node);
  // percentile_tdigest(d, p, typeof(long)): the type literal only sets the binder's result type, which the call already has.
  if (name.endsWith("_tdigest") || typedResultFunctions.has(name))
    args = args.filter((a) => kindOf(a) !== "TypeOfLiteralExpression");
  if (name === "iff" || name === "iif") {
    const [c, a, b] = args.map((e, i) => branchAs(e, i > 0, node, scope, agg));
    return (row, ctx) => (c(row, ctx) === true ? a(row, ctx) : b(row, ctx));
  }
  if (name === "case") {
    const fns = args.map((e, i) => branchAs(e, i % 2 === 1 || i === args.length - 1, node, scope, agg));
    const otherwise = fns[fns.length - 1];
    return (row, ctx) => {
      for (let i = 0; i + 1 < fns.length; i += 2) if (fns[i](row, ctx) === true) return fns[i + 1](row, ctx);
      return otherwise(row, ctx);
    };
  }
  if (name === "prev" || name === "next" || rowFunctionNames.has(name)) {
    // window-functions.md: window functions can only be used on serialized row sets.
    const by = unserializedBy(node);
    if (by)
      throw new Error(
        `${name} needs serialized rows, but ${by} is not serialized: add \`| serialize\` or \`| sort by ...\` before it at ${position(scope, node)}`,
      );
  }
  if (name === "prev" || name === "next") return compileRowContext(name, node, args, scope, agg);
  if (rowFunctionNames.has(name)) return compileRowFunction(name, node, args, scope, agg);
  if (name === "pack_all") return compilePackAll(node, args, scope);
  if (name === "column_names_of") {
    // The binder already knows the table's columns: the names, in order, as a dynamic array.
    const names = resultColumns(args[0]).map((c) => c.name);
    return () => names.slice();
  }
  if (name === "bag_pack_columns") return compileBagPackColumns(node, args, scope, agg);
  if (name === "not" && args.length === 1) {
    const operand = compileScalar(args[0], scope, agg);
    const negate = unaryOperator("not", typeOf(scope, args[0]));
    if (!negate) throw unsupported(scope, node, `not(${typeOf(scope, args[0])})`);
    return (row, ctx) => negate(operand(row, ctx));
  }
  const argTypes: KType[] = args.map((e) => typeOf(scope, e));
  const run = scalarFunction(name, argTypes, typeOf(scope, node), scope.clock);
  if (!run) throw unsupported(scope, node, refusalReason(name) ?? `function ${name}(${argTypes.join(", ")})`);
  // A refusal decided by argument values is raised at run time: give it the call's position.
  const impl = (args: Value[]): Value => {
    try {
      return run(args);
    } catch (err) {
      throw locatedRefusal(scope, node, err);
    }
  };
  const fns = args.map((e) => compileScalar(e, scope, agg));
  // Pure calls on literals (ago(1d), datetime math on constants) are computed once per run; rand/new_guid are per row.
  if (args.every((e) => isLiteral(e)) && name !== "rand" && name !== "new_guid") {
    const key = {};
    return (_row, ctx) => {
      if (ctx.memo.has(key)) return ctx.memo.get(key) as Value;
      const v = impl(fns.map((f) => f(emptyRow, ctx)));
      ctx.memo.set(key, v);
      return v;
    };
  }
  switch (fns.length) {
    case 0:
      return () => impl([]);
    case 1: {
      const [a] = fns;
      return (row, ctx) => impl([a(row, ctx)]);
    }
    case 2: {
      const [a, b] = fns;
      return (row, ctx) => impl([a(row, ctx), b(row, ctx)]);
    }
    default:
      return (row, ctx) => impl(fns.map((f) => f(row, ctx)));
  }
}

/** Bindings of a user function's parameters to the call's arguments (or the declared defaults). */
export function parameterBindings(
  node: FunctionCallExpression | NameReference,
  scope: Scope,
  agg?: AggregateHook,
  piped?: Binding,
): [string, Binding][] {
  // A bare name (`MyFunction` without parentheses) has no bound signature: its defaults apply.
  const signature =
    node.ReferencedSignature ??
    toArray<Signature>((node.ReferencedSymbol as Partial<FunctionSymbol> | null)?.Signatures)[0];
  if (!signature) throw unsupported(scope, node, "call without a bound signature");
  const all = toArray<Parameter>(signature.Parameters);
  // invoke passes the piped table as the first parameter; the written arguments fill the rest.
  const params = piped ? all.slice(1) : all;
  const first: [string, Binding][] = piped && all[0] ? [[String(all[0].Name), piped]] : [];
  const args = callArguments(node);
  // As Kusto.Language lays arguments out: a named one binds its parameter, any other the parameter at its own position
  // in the call (f(len=3, input) binds input to the second parameter).
  const byName = new Map<string, Expression>();
  args.forEach((a, k) => {
    if (kindOf(a) === "SimpleNamedExpression") {
      const named = a as SimpleNamedExpression;
      byName.set(String(named.Name.SimpleName), named.Expression);
    } else if (params[k]) byName.set(String(params[k].Name), a);
  });
  return first.concat(
    params.map((p): [string, Binding] => {
      const pname = String(p.Name);
      const arg = byName.get(pname);
      const expr = arg ?? p.DefaultValue;
      if (!expr)
        throw new Error(`function ${node.ReferencedSymbol?.Name}: parameter ${pname} has no argument and no default`);
      if (expr.ResultType && symbolKindOf(expr.ResultType) === "Table") {
        return [pname, { kind: "tabular", fn: compileTabular(expr, scope) }];
      }
      if (!arg) return [pname, { kind: "scalar", fn: compileDefault(expr, p, scope) }];
      const fn = compileScalar(expr, scope, agg);
      // A typed argument to a dynamic parameter takes its dynamic form (f(5.0) binds the real 5.0, not the long 5).
      const declared = String(toArray<TypeSymbol>(p.DeclaredTypes)[0]?.Name ?? "").toLowerCase();
      const from = typeOf(scope, expr);
      if (declared === "dynamic" && from !== "dynamic")
        return [pname, { kind: "scalar", fn: (row, ctx) => toDynamicValue(fn(row, ctx), from) }];
      return [pname, { kind: "scalar", fn }];
    }),
  );
}

/** A declared default is bound without types in the declaration, so it is read as a literal of the parameter's type. */
function compileDefault(expr: Expression, param: Parameter, scope: Scope): ScalarFn {
  const declared = String(toArray<TypeSymbol>(param.DeclaredTypes)[0]?.Name ?? "");
  const kind = kindOf(expr);
  if (isLiteral(expr)) {
    const value = literalValue(scope, expr, kind === "NullLiteralExpression" ? "null" : (declared as KType));
    return () => value;
  }
  const operand = kind === "UnaryMinusExpression" ? (expr as PrefixUnaryExpression).Expression : undefined;
  if (operand && isLiteral(operand)) {
    const value = literalValue(scope, operand, declared as KType);
    return () => (typeof value === "number" ? -value : null);
  }
  throw unsupported(scope, expr, `non-literal default for parameter ${String(param.Name)}`);
}

/** A user function called with arguments, or named bare (`let f = () {...}; print f`: a call with no arguments). */
export function compileUserCall(
  node: FunctionCallExpression | NameReference,
  scope: Scope,
  agg?: AggregateHook,
): ScalarFn {
  const expansion = node.GetExpansion();
  if (!expansion) throw unsupported(scope, node, `call to ${node.ReferencedSymbol?.Name} (no expansion)`);
  const inner = withBindings(scope, parameterBindings(node, scope, agg));
  const body = compileExpansion(node, expansion, inner);
  if (body.kind !== "scalar")
    throw unsupported(scope, node, `tabular function ${node.ReferencedSymbol?.Name} in scalar position`);
  return body.fn;
}

/** pack_all([ignore_null_empty]): a property bag of the row's columns, in column order, typed values as dynamic. */
function compilePackAll(node: FunctionCallExpression, args: Expression[], scope: Scope): ScalarFn {
  const columns = scope.rowColumns;
  if (!columns) throw unsupported(scope, node, "pack_all outside extend/project/where");
  const skipEmpty = args[0] ? compileScalar(args[0], scope) : () => false;
  return (row, ctx) => {
    const skip = skipEmpty(row, ctx) === true;
    const bag: Record<string, unknown> = Object.create(null);
    for (const c of columns) {
      const v = row[c.name] ?? null;
      if (skip && (v === null || v === "")) continue;
      bag[c.name] = toDynamicValue(v, c.type);
    }
    return bag as Value;
  };
}

/** bag_pack_columns(col1, col2, ...): a bag keyed by the columns' names, values in their dynamic form. */
function compileBagPackColumns(
  node: FunctionCallExpression,
  args: Expression[],
  scope: Scope,
  agg?: AggregateHook,
): ScalarFn {
  const parts = args.map((a) => {
    if (kindOf(a) !== "NameReference") throw unsupported(scope, a, "bag_pack_columns argument that is not a column");
    return { name: String((a as NameReference).SimpleName), type: typeOf(scope, a), fn: compileScalar(a, scope, agg) };
  });
  if (parts.length === 0) throw unsupported(scope, node, "bag_pack_columns without columns");
  return (row, ctx) => {
    const bag: Record<string, unknown> = Object.create(null);
    for (const p of parts) bag[p.name] = toDynamicValue(p.fn(row, ctx), p.type);
    return bag as Value;
  };
}

/** prev(expr, offset, default), next(expr, offset, default): read the neighbouring rows of the operator's input. */
function compileRowContext(
  name: string,
  node: FunctionCallExpression,
  args: Expression[],
  scope: Scope,
  agg?: AggregateHook,
): ScalarFn {
  const missing = (ctx: { rowIndex?: number; rows?: readonly unknown[] }) => ctx.rowIndex === undefined || !ctx.rows;
  const value = compileScalar(args[0], scope, agg);
  const offset = args[1] ? compileScalar(args[1], scope, agg) : () => 1;
  const fallback = args[2] ? compileScalar(args[2], scope, agg) : () => null;
  const direction = name === "prev" ? -1 : 1;
  return (row, ctx) => {
    if (missing(ctx)) throw unsupported(scope, node, `${name} outside extend/project/where`);
    const at = (ctx.rowIndex as number) + direction * (offset(row, ctx) as number);
    const other = ctx.rows?.[at];
    if (!other) return fallback(row, ctx);
    // The neighbour is read with the row context moved, so nested row functions stay consistent.
    const saved = ctx.rowIndex;
    ctx.rowIndex = at;
    try {
      return value(other, ctx);
    } finally {
      ctx.rowIndex = saved;
    }
  };
}
