// rows_near(Condition, NumRows [, RowsAfter]): the input rows within NumRows before, or RowsAfter (default NumRows)
// after, a row where Condition is true, in input order. https://learn.microsoft.com/kusto/query/rows-near-plugin
import { type OperatorFn, type Row, type Scope, unsupported, withRowContext } from "../../context";
import { compileScalar } from "../../expressions";
import { constantArgument, type PluginCall } from "../evaluate";

function count(v: unknown, what: string): number {
  const n = typeof v === "bigint" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
    throw new Error(`rows_near: ${what} must be a non-negative whole number, got ${String(v)}`);
  return n;
}

export function rowsNear(call: PluginCall, scope: Scope): OperatorFn {
  if (call.named.size > 0 || call.positional.length < 2 || call.positional.length > 3)
    throw unsupported(scope, call.call, "rows_near arguments (Condition, NumRows [, RowsAfter])");
  const condition = compileScalar(call.positional[0], scope);
  const before = constantArgument(call.positional[1], scope);
  const after = call.positional[2] ? constantArgument(call.positional[2], scope) : before;
  return (input, ctx) => {
    const nBefore = count(before(ctx), "NumRows");
    const nAfter = count(after(ctx), "RowsAfter");
    const rows = input.rows;
    const keep = new Uint8Array(rows.length);
    withRowContext(ctx, rows, () => {
      for (let i = 0; i < rows.length; i++) {
        ctx.rowIndex = i;
        if (condition(rows[i], ctx) !== true) continue;
        for (let j = Math.max(0, i - nBefore); j <= Math.min(rows.length - 1, i + nAfter); j++) keep[j] = 1;
      }
    });
    const out: Row[] = [];
    for (let i = 0; i < rows.length; i++) if (keep[i]) out.push(rows[i]);
    return { columns: input.columns, rows: out };
  };
}
