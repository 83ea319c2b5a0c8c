// Output column names of projected expressions, matched against the binder's result schema.
import type { ColumnInfo } from "../../types";
import { kindOf, kustoNamespace, type Scope, unsupported } from "../context";
import type { Expression, SimpleNamedExpression, SyntaxNode } from "../syntax";

/** The declared or derived name of an expression (x = ..., a column, d.k → d_k), or undefined when Kusto generates ColumnN. */
export function expressionName(expr: Expression): string | undefined {
  if (kindOf(expr) === "SimpleNamedExpression") return String((expr as SimpleNamedExpression).Name.SimpleName);
  const name = kustoNamespace().KustoFacts.GetExpressionResultName(expr, null, null);
  return name ? String(name) : undefined;
}

/**
 * Names for extend-like expressions: declared/derived names, then the binder's new columns in order for the rest.
 * Throws when the binder's schema cannot be matched (rather than guess a wrong column).
 */
export function extendNames(
  exprs: readonly Expression[],
  input: readonly ColumnInfo[],
  output: readonly ColumnInfo[],
  scope: Scope,
  op: SyntaxNode,
): string[] {
  const named = exprs.map((e) => expressionName(e));
  const known = new Set([...input.map((c) => c.name), ...named.filter((n): n is string => !!n)]);
  const generated = output.map((c) => c.name).filter((n) => !known.has(n));
  let next = 0;
  const names = named.map((n) => n ?? generated[next++]);
  if (names.some((n) => n === undefined))
    throw unsupported(scope, op, "expression names the engine cannot match to the result schema");
  const outputNames = new Set(output.map((c) => c.name));
  for (const n of names)
    if (!outputNames.has(n)) throw unsupported(scope, op, `result column ${n} missing from the binder's schema`);
  return names as string[];
}

/** Names for project-like expressions: the binder's result columns are one per expression, in order. */
export function projectNames(
  exprs: readonly Expression[],
  output: readonly ColumnInfo[],
  scope: Scope,
  op: SyntaxNode,
): string[] {
  if (exprs.length !== output.length) throw unsupported(scope, op, "wildcards in project/print");
  return output.map((c) => c.name);
}
