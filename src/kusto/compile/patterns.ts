// declare pattern: a name whose tables are listed case by case, `(args).[path] = { body }`; a reference such as
// P("a").Data or P("a") with constant arguments runs the body of the matching case, and no match is an error.
// https://learn.microsoft.com/kusto/query/pattern-statement
import { hashKey } from "../scalars";
import type { Value } from "../types";
import { type Binding, elements, kindOf, position, type Scope, type TabularFn, unsupported } from "./context";
import { isLiteral, literalValue } from "./literals";
import type {
  Expression,
  FunctionBody,
  FunctionCallExpression,
  NameReference,
  PathExpression,
  PatternStatement,
} from "./syntax";

export interface PatternCase {
  readonly key: string;
  readonly body: FunctionBody;
}

function constant(node: Expression, scope: Scope): Value {
  if (kindOf(node) === "StarExpression") return "*";
  if (!isLiteral(node)) throw unsupported(scope, node, "pattern argument that is not a constant");
  return literalValue(
    scope,
    node,
    kindOf(node) === "NullLiteralExpression" ? "null" : (String(node.ResultType?.Name ?? "string") as "string"),
  );
}

const caseKey = (args: readonly Value[], path: Value | undefined) =>
  `${args.map(hashKey).join("\u0001")}\u0002${path === undefined ? "" : hashKey(path)}`;

/** The binding a `declare pattern` statement makes. */
export function patternBinding(statement: PatternStatement, scope: Scope): [string, Binding] {
  const name = String(statement.Name?.SimpleName ?? "");
  const cases: PatternCase[] = elements(statement.Pattern?.Patterns).map((m) => {
    const args = elements(m.ParameterValues?.Expressions).map((a) => constant(a, scope));
    const path = m.PathValue ? constant(m.PathValue.Value, scope) : undefined;
    if (args.some((a) => a === "*") || path === "*") throw unsupported(scope, m, "pattern case with a wildcard");
    return { key: caseKey(args, path), body: m.Body };
  });
  return [name, { kind: "pattern", cases }];
}

/** `P(args)` or `P(args).path`, when P names a declared pattern; undefined for anything else. */
export function patternReference(
  node: Expression,
  scope: Scope,
  compileBody: (body: FunctionBody, scope: Scope) => TabularFn,
): TabularFn | undefined {
  const kind = kindOf(node);
  const target = kind === "PathExpression" ? (node as PathExpression).Expression : node;
  if (!target || kindOf(target) !== "FunctionCallExpression") return undefined;
  const call = target as FunctionCallExpression;
  const name = String(call.Name?.SimpleName ?? "");
  const binding = scope.bindings.get(name);
  if (binding?.kind !== "pattern") return undefined;
  const args = elements(call.ArgumentList?.Expressions).map((a) => constant(a, scope));
  const selector = kind === "PathExpression" ? (node as PathExpression).Selector : undefined;
  const path = selector ? String((selector as Partial<NameReference>).SimpleName ?? "") : undefined;
  const found = binding.cases.find((c) => c.key === caseKey(args, path));
  if (!found)
    throw new Error(
      `pattern ${name} at ${position(scope, node)} has no case for (${args.map((a) => JSON.stringify(a)).join(", ")})${path === undefined ? "" : `.${path}`}`,
    );
  return compileBody(found.body, scope);
}
