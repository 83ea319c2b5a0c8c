// pivot(PivotColumn [, Aggregation] [, Column...]): one output column per distinct value of PivotColumn (as text, in
// order of first appearance) holding the aggregation (count() by default) of the rows of each group and value.
// https://learn.microsoft.com/kusto/query/pivot-plugin
import { convertTo, hashKey } from "../../../scalars";
import { type ColumnInfo, nullOf, type Value } from "../../../types";
import { isAggregateCall } from "../../calls";
import { kindOf, newRow, type OperatorFn, type Row, type Scope, typeOf, unsupported } from "../../context";
import { invalidEntityName } from "../../entity-names";
import { compileScalar } from "../../expressions";
import type { NameReference, SyntaxElement } from "../../syntax";
import { columnArgument, type PluginCall } from "../evaluate";
import { compileRowsAggregate } from "../summarize";

/** Column names an expression reads (the aggregation's columns are not group columns). */
function referencedColumns(node: SyntaxElement | null, out: Set<string>): Set<string> {
  if (!node || typeof node.GetChild !== "function") return out;
  if (kindOf(node) === "NameReference") out.add(String((node as NameReference).SimpleName));
  for (let i = 0; i < node.ChildCount; i++) referencedColumns(node.GetChild(i), out);
  return out;
}

export function pivot(call: PluginCall, scope: Scope): OperatorFn {
  if (call.named.size > 0) throw unsupported(scope, call.call, "pivot with named arguments");
  const pivotColumn = columnArgument(call.positional[0], scope, call, "the pivot column");
  const second = call.positional[1];
  const aggNode = second && isAggregateCall(second) ? second : undefined;
  const groupArgs = call.positional.slice(aggNode ? 2 : 1);
  const groupNames = groupArgs.map((a) => columnArgument(a, scope, call, "a group column"));
  const aggregate = aggNode ? compileRowsAggregate(aggNode, scope) : (rows: readonly Row[]) => rows.length;
  const aggType = aggNode ? typeOf(scope, aggNode) : "long";
  const aggColumns = aggNode ? referencedColumns(aggNode, new Set()) : new Set<string>();
  const pivotValue = compileScalar(call.positional[0], scope);
  const pivotText = convertTo("string", typeOf(scope, call.positional[0]));
  return (input, ctx) => {
    const groupColumns: ColumnInfo[] = groupNames.length
      ? groupNames.map((n) => input.columns.find((c) => c.name === n) ?? { name: n, type: "dynamic" })
      : input.columns.filter((c) => c.name !== pivotColumn && !aggColumns.has(c.name));
    const groups = new Map<string, { keys: Value[]; cells: Map<string, Row[]> }>();
    const headers: string[] = [];
    const seen = new Set<string>();
    for (const row of input.rows) {
      const keys = groupColumns.map((c) => row[c.name] ?? nullOf(c.type));
      const key = keys.map(hashKey).join("\u0001");
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { keys, cells: new Map() }));
      const header = pivotText(pivotValue(row, ctx)) as string;
      if (!seen.has(header)) {
        seen.add(header);
        headers.push(header);
      }
      const cell = group.cells.get(header);
      if (cell) cell.push(row);
      else group.cells.set(header, [row]);
    }
    // entity-names.md: a column name is 1 to 1024 letters, digits, _, space, . or -; how pivot names others is undocumented.
    const invalid = headers.find((h) => invalidEntityName(h) !== undefined);
    if (invalid !== undefined)
      throw unsupported(
        scope,
        call.call,
        `pivot value '${invalid}' of ${pivotColumn}, which is not a valid column name`,
      );
    const groupNameSet = new Set(groupColumns.map((c) => c.name));
    const clash = headers.find((h) => groupNameSet.has(h));
    if (clash !== undefined)
      throw new Error(`pivot: value '${clash}' of ${pivotColumn} is also the name of a group column`);
    const columns: ColumnInfo[] = [...groupColumns, ...headers.map((name) => ({ name, type: aggType }))];
    const rows: Row[] = [];
    for (const group of groups.values()) {
      const out = newRow();
      groupColumns.forEach((c, i) => (out[c.name] = group.keys[i]));
      // A value absent from the group gets the aggregation of no rows (count 0, sum 0).
      for (const h of headers) out[h] = aggregate(group.cells.get(h) ?? [], ctx);
      rows.push(out);
    }
    return { columns, rows };
  };
}
