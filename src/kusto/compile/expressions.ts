// Compiles a bound scalar expression into a closure (row, ctx) => Value; names, types and operators are resolved here, once.

import { binaryOperator, compareValues, unaryOperator, valuesEqual } from "../scalars";
import { type Bag, bagGet } from "../scalars/bag-object";
import { hashKey } from "../scalars/compare";
import { DecimalRangeError } from "../scalars/decimal";
import { sizeOfType } from "../scalars/estimate-size";
import { INT64_MIN } from "../scalars/int64";
import { type KType, nullOf, type Value } from "../types";
import { DynamicReal, unboxReal } from "../values/dynamic-real";
import { compileAssert } from "./assert";
import { compileBinAuto } from "./bin-auto";
import { compileCall, compileUserCall } from "./calls";
import { compileColumnIfExists } from "./column-ifexists";
import {
  elements,
  kindOf,
  locatedRefusal,
  position,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  symbolKindOf,
  tokenText,
  typeOf,
  unsupported,
} from "./context";
import { isLiteral, literalText, literalValue } from "./literals";
import type {
  BetweenExpression,
  BinaryExpression,
  ElementExpression,
  Expression,
  ExpressionList,
  FunctionCallExpression,
  HasAnyExpression,
  InExpression,
  NameReference,
  ParenthesizedExpression,
  PathExpression,
  PrefixUnaryExpression,
  SyntaxElement,
  ToScalarExpression,
} from "./syntax";
import { compileTabular as compileTabularRef, tableValues } from "./tabular";
import { compileTupleItem } from "./tuples";

/** Replaces aggregate calls inside summarize expressions with reads of the group's results. */
export type AggregateHook = (call: FunctionCallExpression) => ScalarFn | undefined;

const emptyRow: Row = Object.freeze({}) as Row;

export { emptyRow };

export function compileScalar(node: Expression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const kind = kindOf(node);
  if (isLiteral(node)) {
    const value = literalValue(scope, node, kind === "NullLiteralExpression" ? "null" : typeOf(scope, node));
    return () => value;
  }
  switch (kind) {
    case "NameReference":
      return compileName(node as NameReference, scope);
    case "ParenthesizedExpression":
    case "BracketedExpression":
    case "SimpleNamedExpression":
      return compileScalar((node as ParenthesizedExpression).Expression, scope, agg);
    case "UnaryMinusExpression":
    case "UnaryPlusExpression":
      return compileUnary(node as PrefixUnaryExpression, scope, agg);
    case "FunctionCallExpression":
      if (String(node.ReferencedSymbol?.Name) === "assert") return compileAssert(node as FunctionCallExpression, scope);
      if (String(node.ReferencedSymbol?.Name) === "column_ifexists")
        return compileColumnIfExists(node as FunctionCallExpression, scope, agg);
      if (String(node.ReferencedSymbol?.Name) === "bin_auto")
        return compileBinAuto(node as FunctionCallExpression, scope);
      if (String(node.ReferencedSymbol?.Name) === "estimate_data_size")
        return compileEstimateSize(node as FunctionCallExpression, scope);
      return compileCall(node as FunctionCallExpression, scope, agg);
    case "PathExpression":
      return compilePath(node as PathExpression, scope, agg);
    case "ElementExpression":
      return compileElement(node as ElementExpression, scope, agg);
    case "InExpression":
    case "NotInExpression":
    case "InCsExpression":
    case "NotInCsExpression":
      return compileIn(node as InExpression, scope, agg);
    case "HasAnyExpression":
    case "HasAllExpression":
      return compileHasAny(node as HasAnyExpression, scope, agg);
    case "BetweenExpression":
    case "NotBetweenExpression":
      return compileBetween(node as BetweenExpression, scope, agg);
    case "ToScalarExpression":
      return compileToScalar((node as ToScalarExpression).Expression, scope);
  }
  // Every binary operator kind (AddExpression, EqualExpression, AndExpression, ...) is a BinaryExpression.
  const binary = node as Partial<BinaryExpression>;
  if (binary.Left && binary.Operator && binary.Right) return compileBinary(node as BinaryExpression, scope, agg);
  throw unsupported(scope, node, kind);
}

function compileName(node: NameReference, scope: Scope): ScalarFn {
  const symbol = node.ReferencedSymbol;
  const name = String(node.SimpleName);
  const symbolKind = symbol ? symbolKindOf(symbol) : "";
  const outer = symbol ? scope.columnValues?.get(symbol) : undefined;
  if (outer) return outer;
  if (symbolKind === "Column" || (!symbol && !scope.bindings.has(name))) {
    return (row) => {
      const v = row[name];
      return v === undefined ? null : v;
    };
  }
  const binding = scope.bindings.get(name);
  if (binding?.kind === "scalar") return binding.fn;
  // A function named without parentheses is called with no arguments (named-expressions.md: `print x`).
  if (symbolKind === "Function") return compileUserCall(node, scope);
  throw unsupported(scope, node, `reference to ${symbolKind || "name"} ${name}`);
}

function compileUnary(node: PrefixUnaryExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  // -9223372036854775808 is Int64.MinValue, though its digits alone are one past Int64.MaxValue.
  if (
    kindOf(node) === "UnaryMinusExpression" &&
    isLiteral(node.Expression) &&
    literalText(node.Expression).trim() === "9223372036854775808"
  ) {
    return () => INT64_MIN;
  }
  const operand = compileScalar(node.Expression, scope, agg);
  const op = kindOf(node) === "UnaryMinusExpression" ? "-" : "+";
  const fn = unaryOperator(op, typeOf(scope, node.Expression));
  if (!fn) throw unsupported(scope, node, `unary ${op} on ${typeOf(scope, node.Expression)}`);
  return (row, ctx) => fn(operand(row, ctx));
}

function compileBinary(node: BinaryExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const op = tokenText(node.Operator).toLowerCase();
  const left = compileScalar(node.Left, scope, agg);
  const right = compileScalar(node.Right, scope, agg);
  const fn = binaryOperator(op, typeOf(scope, node.Left), typeOf(scope, node.Right), typeOf(scope, node));
  if (!fn)
    throw unsupported(scope, node, `operator ${op} on ${typeOf(scope, node.Left)} and ${typeOf(scope, node.Right)}`);
  // A refusal or error raised while running (a decimal result that needs rounding, a regex pattern read from a column,
  // case folding of non-ASCII letters, a real inside a dynamic where the result is typed long, a timespan overflow)
  // names where.
  return (row, ctx) => {
    try {
      return fn(left(row, ctx), right(row, ctx));
    } catch (err) {
      if (err instanceof DecimalRangeError) throw new DecimalRangeError(`${err.message} at ${position(scope, node)}`);
      throw locatedRefusal(scope, node, err);
    }
  };
}

function dynamicMember(value: Value, key: Value): Value {
  // A boxed whole real (values/dynamic-real.ts) is a number to Kusto: it has no members.
  if (value === null || typeof value !== "object" || value instanceof DynamicReal) return null;
  if (Array.isArray(value)) {
    key = unboxReal(key);
    if (typeof key !== "number" || !Number.isInteger(key)) return null;
    const index = key < 0 ? value.length + key : key;
    const item = value[index];
    return item === undefined ? null : (item as Value);
  }
  if (typeof key !== "string") return null;
  // Own keys only: `.toString` or `["__proto__"]` of a bag is its data, never JavaScript's.
  const item = bagGet(value as Bag, key);
  return item === undefined ? null : (item as Value);
}

function compilePath(node: PathExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const target = compileScalar(node.Expression, scope, agg);
  const selector = node.Selector;
  // x.[expr] (a bracketed selector after a dot) reads the member the expression names, like x[expr].
  if (kindOf(selector) === "BracketedExpression") {
    const index = compileScalar((selector as ParenthesizedExpression).Expression, scope, agg);
    return (row, ctx) => dynamicMember(target(row, ctx), index(row, ctx));
  }
  const key = String((selector as Partial<NameReference>).SimpleName ?? "");
  if (!key) throw unsupported(scope, selector, "path selector");
  return (row, ctx) => dynamicMember(target(row, ctx), key);
}

function compileElement(node: ElementExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  if (node.Expression?.ResultType && symbolKindOf(node.Expression.ResultType) === "Tuple")
    return compileTupleElement(node, scope);
  const target = compileScalar(node.Expression, scope, agg);
  const index = compileScalar(node.Selector.Expression, scope, agg);
  return (row, ctx) => dynamicMember(target(row, ctx), index(row, ctx));
}

/** f(...)[i] of a call that yields several columns (array_sort_asc(a, b)[1]): column i of the tuple, i a constant. */
function compileTupleElement(node: ElementExpression, scope: Scope): ScalarFn {
  const selector = node.Selector.Expression;
  const i = isLiteral(selector) ? literalValue(scope, selector, typeOf(scope, selector)) : null;
  const item = compileTupleItem(node.Expression, scope);
  if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= item.names.length)
    throw unsupported(scope, selector, `tuple index other than a constant from 0 to ${item.names.length - 1}`);
  return (row, ctx) => item.fn(row, ctx)[i];
}

/** estimate_data_size(*) or (c1, c2, ...): the sum of the documented sizes of the row's chosen columns. */
function compileEstimateSize(node: FunctionCallExpression, scope: Scope): ScalarFn {
  const columns: { name: string; type: KType }[] = [];
  for (const arg of elements(node.ArgumentList?.Expressions)) {
    if (kindOf(arg) === "StarExpression") columns.push(...resultColumns(arg));
    else if (kindOf(arg) === "NameReference")
      columns.push({ name: String((arg as NameReference).SimpleName), type: typeOf(scope, arg) });
    else throw unsupported(scope, arg, "estimate_data_size of an expression other than a column or *");
  }
  const sizes = columns.map((c) => {
    const size = sizeOfType(c.type);
    if (!size)
      throw unsupported(
        scope,
        node,
        `estimate_data_size of a ${c.type} column (${c.name}): its size is not documented`,
      );
    return size;
  });
  return (row) => {
    let total = 0;
    try {
      for (let i = 0; i < columns.length; i++) total += sizes[i]((row[columns[i].name] ?? null) as Value);
    } catch (err) {
      throw locatedRefusal(scope, node, err);
    }
    return total;
  };
}

/** The candidate values of an in/has_any list: scalars, dynamic arrays (flattened) and single-column subqueries. */
function compileValueList(
  list: ExpressionList,
  scope: Scope,
  agg?: AggregateHook,
): (row: Row, ctx: RunContext) => Value[] {
  const parts = elements(list.Expressions).map((e): ((row: Row, ctx: RunContext) => Value[]) => {
    if (e.ResultType && symbolKindOf(e.ResultType) === "Table") {
      const table = compileTabularRef(e, scope);
      return (_row, ctx) => tableValues(table, ctx);
    }
    const fn = compileScalar(e, scope, agg);
    if (typeOf(scope, e) === "dynamic") {
      // Nested arrays are flattened: `x in (dynamic([1,[2,3]]))` is `x in (1,2,3)` (in-operator-comparison.md).
      return (row, ctx): Value[] => {
        const v = fn(row, ctx);
        if (!Array.isArray(v)) return [v];
        const list = v as Value[];
        return list.some(Array.isArray) ? (list.flat(Number.POSITIVE_INFINITY) as Value[]) : list;
      };
    }
    return (row, ctx) => [fn(row, ctx)];
  });
  const allConstant = elements(list.Expressions).every((e) => isLiteral(e));
  if (allConstant) {
    const values = parts.flatMap((p) => p({} as Row, undefined as unknown as RunContext));
    return () => values;
  }
  return (row, ctx) => parts.flatMap((p) => p(row, ctx));
}

function compileIn(node: InExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const op = tokenText(node.Operator).toLowerCase();
  const negate = op.startsWith("!");
  const left = compileScalar(node.Left, scope, agg);
  const leftType = typeOf(scope, node.Left);
  const values = compileValueList(node.Right, scope, agg);
  const equal = valuesEqual(leftType, op.endsWith("~"));
  // A missing string is "" in Kusto, so it can be found in a list holding "".
  const missing: Value = nullOf(leftType);
  const asciiOnly = op.endsWith("~") ? inAsciiCheck(op, (what) => unsupported(scope, node, what)) : undefined;
  return (row, ctx) => {
    const v = left(row, ctx) ?? missing;
    if (v === null) return negate;
    // A whole real from a dynamic list is boxed (values/dynamic-real.ts): a typed left side compares its number.
    const list = values(row, ctx);
    // in-cs-operator.md and the other in pages: "The search considers up to 1,000,000 distinct values".
    if (list.length > IN_MAX && new Set(list.map(hashKey)).size > IN_MAX)
      throw unsupported(scope, node, `${op} with more than ${IN_MAX} distinct values (Kusto considers only ${IN_MAX})`);
    const found = list.some((c) => c !== null && equal(v, leftType === "dynamic" ? c : unboxReal(c)));
    if (found && asciiOnly) asciiOnly(v, list);
    return negate ? !found : found;
  };
}

const IN_MAX = 1_000_000;

const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * in~ folds case for ASCII text only (in-operator-comparison.md: "Case-insensitive operators are currently supported
 * only for ASCII-text"): a match that needs a non-ASCII letter folded is refused rather than guessed.
 */
function inAsciiCheck(op: string, refuse: (what: string) => Error): (v: Value, list: Value[]) => void {
  return (v, list) => {
    if (typeof v !== "string" || !/[^\x00-\x7f]/.test(v)) return;
    const key = asciiLower(v);
    if (list.some((c) => typeof c === "string" && asciiLower(c) === key)) return;
    throw refuse(
      `${op} matching ${JSON.stringify(v)} only by folding the case of non-ASCII letters (Kusto folds ASCII only; compare tolower() values)`,
    );
  };
}

function compileHasAny(node: HasAnyExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const op = tokenText(node.Operator).toLowerCase();
  const left = compileScalar(node.Left, scope, agg);
  const values = compileValueList(node.Right, scope, agg);
  const has = binaryOperator("has", typeOf(scope, node.Left), "string", "bool");
  if (!has) throw unsupported(scope, node, op);
  const all = op === "has_all";
  // has-all-operator.md / has-any-operator.md: "The search will consider up to 256 (10,000) distinct values"; which
  // ones past that is not said, so a longer list is refused.
  const limit = all ? 256 : 10_000;
  return (row, ctx) => {
    const v = left(row, ctx);
    const terms = values(row, ctx)
      .filter((t) => t !== null)
      .map((t) => String(unboxReal(t)));
    if (terms.length > limit && new Set(terms).size > limit)
      throw unsupported(scope, node, `${op} with more than ${limit} distinct values (Kusto considers only ${limit})`);
    try {
      return all ? terms.every((t) => has(v, t) === true) : terms.some((t) => has(v, t) === true);
    } catch (err) {
      throw locatedRefusal(scope, node, err);
    }
  };
}

function compileBetween(node: BetweenExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const negate = tokenText(node.Operator).startsWith("!");
  const leftType: KType = typeOf(scope, node.Left);
  const left = compileScalar(node.Left, scope, agg);
  const low = compileScalar(node.Right.First, scope, agg);
  const highRaw = compileScalar(node.Right.Second, scope, agg);
  // `datetime between (start .. 1h)` means the upper bound is start + 1h.
  const highIsSpan = leftType === "datetime" && typeOf(scope, node.Right.Second) === "timespan";
  const compare = compareValues(leftType === "int" || leftType === "long" ? "real" : leftType);
  return (row, ctx) => {
    const v = left(row, ctx);
    const lo = low(row, ctx);
    let hi = highRaw(row, ctx);
    if (v === null || lo === null || hi === null) return null;
    if (highIsSpan) hi = (lo as number) + (hi as number);
    const inside = compare(v, lo) >= 0 && compare(v, hi) <= 0;
    return negate ? !inside : inside;
  };
}

/** Whether an expression reads a column, parameter or let name (its value may differ per row or per call). */
function readsNames(node: SyntaxElement): boolean {
  if (kindOf(node) === "NameReference") {
    const symbol = (node as NameReference).ReferencedSymbol;
    if (!symbol || symbolKindOf(symbol) !== "Function") return true;
  }
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (child && readsNames(child)) return true;
  }
  return false;
}

function compileToScalar(expr: Expression, scope: Scope): ScalarFn {
  if (!expr.ResultType || symbolKindOf(expr.ResultType) !== "Table") {
    // toscalar() computes its expression once per query (named-expressions.md: `toscalar(rand(1000))`); one reading
    // a function's parameters is computed per call as before.
    const fn = compileScalar(expr, scope);
    if (readsNames(expr)) return fn;
    return (row, ctx) => {
      if (ctx.memo.has(expr)) return ctx.memo.get(expr) as Value;
      const value = fn(row, ctx);
      ctx.memo.set(expr, value);
      return value;
    };
  }
  const table = compileTabularRef(expr, scope);
  const key = {};
  return (_row, ctx) => {
    if (ctx.memo.has(key)) return ctx.memo.get(key) as Value;
    const t = table(ctx);
    const first = t.rows[0];
    const value = first && t.columns[0] ? (first[t.columns[0].name] ?? null) : null;
    ctx.memo.set(key, value);
    return value;
  };
}
