// as: names the piped table for later references in the query (toscalar(Name | ...), joins); rows pass through.
import { namedParameters, type OperatorFn, resultColumns, type Scope, unsupported } from "../context";
import type { AsOperator } from "../syntax";

export function compileAs(node: AsOperator, scope: Scope): OperatorFn {
  for (const p of namedParameters(node.Parameters).keys())
    if (p !== "hint.materialized") throw unsupported(scope, node, `as ${p}`);
  const name = String(node.Name?.SimpleName ?? "");
  const columns = resultColumns(node);
  return (input, ctx) => {
    const table = { columns, rows: input.rows };
    (ctx.named ??= new Map()).set(name, table);
    return table;
  };
}
