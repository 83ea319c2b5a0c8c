// partition by Column (subquery): the subquery runs once per distinct value of Column on that value's rows (in order
// of first appearance); the result is the union of the runs. https://learn.microsoft.com/kusto/query/partition-operator
import { hashKey } from "../../scalars";
import type { ColumnInfo } from "../../types";
import {
  childContext,
  guardGrowth,
  kindOf,
  namedParameters,
  type OperatorFn,
  type Row,
  resultColumns,
  type Scope,
  unsupported,
} from "../context";
import { compileScalar } from "../expressions";
import type { PartitionOperator, PartitionSubquery } from "../syntax";
import { compileSubquery } from "../tabular";

export function compilePartition(node: PartitionOperator, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  for (const [p, value] of namedParameters(node.Parameters)) {
    const text = String(value?.ToString?.() ?? "")
      .trim()
      .toLowerCase();
    if (p === "hint.strategy" && text === "legacy" && kindOf(node.Operand) !== "PartitionSubquery") continue;
    if (!p.startsWith("hint.")) throw unsupported(scope, node, `partition ${p}`);
  }
  if (node.Scope) throw unsupported(scope, node.Scope, "partition in scope");
  if (kindOf(node.Operand) !== "PartitionSubquery")
    throw unsupported(scope, node.Operand, "partition by Column { subquery with its own source }");
  const key = compileScalar(node.ByExpression, scope);
  const subquery = compileSubquery((node.Operand as PartitionSubquery).Subquery, scope, input);
  const columns = resultColumns(node);
  return (table, ctx) => {
    const parts = new Map<string, Row[]>();
    for (const row of table.rows) {
      const k = hashKey(key(row, ctx));
      const part = parts.get(k);
      if (part) part.push(row);
      else parts.set(k, [row]);
    }
    const rows: Row[] = [];
    for (const part of parts.values()) {
      const result = subquery({ columns: table.columns, rows: part }, childContext(ctx));
      for (const r of result.rows) {
        rows.push(r);
        guardGrowth(ctx, rows.length, "partition");
      }
    }
    return { columns, rows };
  };
}
