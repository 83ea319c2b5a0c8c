// column_ifexists(name, default): the input column when the rows have it, else the default (column-ifexists-function.md).
import type { Value } from "../types";
import { elements, type ScalarFn, type Scope, typeOf, unsupported } from "./context";
import { type AggregateHook, compileScalar } from "./expressions";
import { isLiteral, literalValue } from "./literals";
import type { FunctionCallExpression } from "./syntax";

export function compileColumnIfExists(call: FunctionCallExpression, scope: Scope, agg?: AggregateHook): ScalarFn {
  const [nameArg, fallback] = elements(call.ArgumentList?.Expressions);
  if (!isLiteral(nameArg))
    throw unsupported(scope, nameArg, "column_ifexists with a column name that is not a literal");
  const name = String(literalValue(scope, nameArg, "string"));
  // The binder knows the input columns only where extend/project/where hand them over.
  const columns = scope.rowColumns;
  if (!columns) throw unsupported(scope, call, "column_ifexists outside extend, project and where");
  const column = columns.find((c) => c.name === name);
  if (!column) return compileScalar(fallback, scope, agg);
  // The binder types the call as its default; a column of another type would change the result's type.
  const type = typeOf(scope, call);
  if (column.type !== type)
    throw unsupported(scope, call, `column_ifexists of ${name} (${column.type}) with a default of type ${type}`);
  return (row) => (row[name] ?? null) as Value;
}
