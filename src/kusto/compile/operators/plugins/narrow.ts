// narrow(): one row per cell, (Row: the input row's 0-based position, Column: its name, Value: the cell as text).
// https://learn.microsoft.com/kusto/query/narrow-plugin
import { convertTo } from "../../../scalars";
import type { ColumnInfo } from "../../../types";
import { newRow, type OperatorFn, type Row, type Scope, unsupported } from "../../context";
import type { PluginCall } from "../evaluate";

const columns: ColumnInfo[] = [
  { name: "Row", type: "long" },
  { name: "Column", type: "string" },
  { name: "Value", type: "string" },
];

export function narrow(call: PluginCall, scope: Scope): OperatorFn {
  if (call.positional.length > 0 || call.named.size > 0) throw unsupported(scope, call.call, "narrow with arguments");
  return (input) => {
    const text = input.columns.map((c) => convertTo("string", c.type));
    const rows: Row[] = [];
    input.rows.forEach((row, r) => {
      input.columns.forEach((c, i) => {
        const out = newRow();
        out.Row = r;
        out.Column = c.name;
        out.Value = text[i](row[c.name] ?? null);
        rows.push(out);
      });
    });
    return { columns, rows };
  };
}
