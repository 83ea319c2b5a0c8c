// assert(condition, message): checked once while the query is compiled, as Kusto checks it during analysis
// (assert-function.md: evaluated "before optimizations such as constant-folding and predicate short-circuiting").
import { elements, type RunContext, type ScalarFn, type Scope, unsupported } from "./context";
import { compileScalar, emptyRow } from "./expressions";
import type { Expression, FunctionCallExpression } from "./syntax";

/** Evaluates an expression the binder marks constant, with no input rows; undefined when it is not constant. */
function constantValue(expr: Expression, scope: Scope): unknown {
  if (!(expr as Expression & { IsConstant?: boolean }).IsConstant) return undefined;
  const ctx: RunContext = { tables: {}, memo: new Map() };
  return compileScalar(expr, scope)(emptyRow, ctx);
}

export function compileAssert(call: FunctionCallExpression, scope: Scope): ScalarFn {
  const [condition, message] = elements(call.ArgumentList?.Expressions);
  const ok = constantValue(condition, scope);
  const text = constantValue(message, scope);
  // Kusto requires both to be constant during analysis; a row-dependent assert is an error there too.
  if (ok === undefined || text === undefined)
    throw unsupported(scope, call, "assert() whose condition or message is not a constant");
  if (ok !== true) throw new Error(`assert() has failed with message: '${String(text ?? "")}'`);
  return () => true;
}
