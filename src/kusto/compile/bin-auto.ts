// bin_auto(value): bin_at(value, query_bin_auto_size, query_bin_auto_at) with both read from the query's `set` statements.
import { scalarFunction } from "../scalars";
import type { KType, Value } from "../types";
import { elements, kindOf, type ScalarFn, type Scope, typeOf, unsupported } from "./context";
import { compileScalar } from "./expressions";
import { isLiteral, literalValue } from "./literals";
import type { Expression, FunctionCallExpression, QueryBlock, SetOptionStatement, SyntaxElement } from "./syntax";

/** The value expression of `set name=value;` in the query block holding node, or undefined when it is not set. */
function optionExpression(node: SyntaxElement, name: string): Expression | undefined {
  let block = node as SyntaxElement & { Parent?: SyntaxElement | null };
  while (block && kindOf(block) !== "QueryBlock") block = block.Parent as typeof block;
  if (!block) return undefined;
  let found: Expression | undefined;
  for (const statement of elements((block as unknown as QueryBlock).Statements)) {
    if (kindOf(statement) !== "SetOptionStatement") continue;
    const st = statement as SetOptionStatement;
    if (String(st.Name?.SimpleName ?? "").toLowerCase() === name) found = st.ValueClause?.Expression ?? undefined;
  }
  return found;
}

/** A constant option value with its type; anything but a literal is refused. */
function optionValue(
  scope: Scope,
  call: FunctionCallExpression,
  name: string,
): { value: Value; type: KType } | undefined {
  const expr = optionExpression(call, name);
  if (!expr) return undefined;
  if (!isLiteral(expr)) throw unsupported(scope, expr, `${name} other than a literal`);
  const type = typeOf(scope, expr);
  return { value: literalValue(scope, expr, type), type };
}

/** bin_auto(value) (bin-auto-function.md): query_bin_auto_size is required, query_bin_auto_at defaults to 0. */
export function compileBinAuto(call: FunctionCallExpression, scope: Scope): ScalarFn {
  const [arg] = elements(call.ArgumentList?.Expressions);
  const size = optionValue(scope, call, "query_bin_auto_size");
  if (!size)
    throw new Error(
      "bin_auto() needs the bin size: add `set query_bin_auto_size=<size>;` before the query (bin-auto-function.md)",
    );
  const valueType = typeOf(scope, arg);
  const ticks = valueType === "datetime" || valueType === "timespan";
  const at = optionValue(scope, call, "query_bin_auto_at") ?? {
    value: ticks ? 0n : 0,
    type: ticks ? valueType : "long",
  };
  const binAt = scalarFunction("bin_at", [valueType, size.type, at.type], typeOf(scope, call), scope.clock);
  if (!binAt)
    throw unsupported(scope, call, `bin_auto of a ${valueType} with a ${size.type} size and a ${at.type} fixed point`);
  const value = compileScalar(arg, scope);
  return (row, ctx) => binAt([value(row, ctx), size.value, at.value]);
}
