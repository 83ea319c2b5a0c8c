// evaluate: runs a plugin by name (one file per plugin under plugins/); plugins the engine lacks stay unsupported.
import { convertTo } from "../../scalars";
import type { ColumnInfo, Value } from "../../types";
import {
  elements,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  type Row,
  type RunContext,
  resultColumns,
  type Scope,
  type Table,
  unsupported,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type {
  EvaluateOperator,
  Expression,
  FunctionCallExpression,
  NameReference,
  SimpleNamedExpression,
} from "../syntax";
import { pluginTable } from "./plugins";

/** A plugin call as written: positional arguments in order, `name=value` arguments by lower-cased name. */
export interface PluginCall {
  readonly name: string;
  readonly node: EvaluateOperator;
  readonly call: FunctionCallExpression;
  readonly positional: readonly Expression[];
  readonly named: ReadonlyMap<string, Expression>;
  /** The piped input's columns as the binder knows them. */
  readonly input: readonly ColumnInfo[];
}

export type Plugin = (call: PluginCall, scope: Scope) => OperatorFn;

// Plugins that need a runtime the engine does not have, or belong to families out of scope (issue 10).
const outOfScope =
  /^(python|r|ai_.*|geo_.*|graph_.*|sql_request|cosmosdb_sql_request|mysql_request|postgresql_request|azure_digital_twins_query_request|http_request.*|infer_storage_schema.*|external_data|hll_merge)$/;

// Plugins whose pages give no rule exact enough to reproduce their results (and publish no output to check against).
export const undocumentedPlugins: Readonly<Record<string, string>> = {
  session_count: "the page does not define when a session starts, continues or is counted",
  activity_engagement: "the page does not say where the outer window lies relative to the inner one",
  sequence_detect: "the page does not say which of overlapping step matches form a sequence",
  funnel_sequence: "the page does not define which events count as prev and next, nor which ids it samples",
  funnel_sequence_completion: "the page does not define its sequence matching exactly",
};

export function compileEvaluate(node: EvaluateOperator, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  const call = node.FunctionCall;
  const name = String(call?.Name?.SimpleName ?? call?.ReferencedSymbol?.Name ?? "").toLowerCase();
  for (const p of namedParameters(node.Parameters).keys()) {
    // Hints steer Kusto's distribution across nodes; one process has nothing to distribute.
    if (!p.startsWith("hint.")) throw unsupported(scope, node, `evaluate parameter ${p}`);
  }
  const reason = Object.hasOwn(undocumentedPlugins, name) ? undocumentedPlugins[name] : undefined;
  if (reason) throw unsupported(scope, node, `evaluate ${name} (${reason})`);
  const plugin = Object.hasOwn(pluginTable, name) ? pluginTable[name] : undefined;
  if (!plugin || outOfScope.test(name)) throw unsupported(scope, node, `evaluate ${name}`);
  const positional: Expression[] = [];
  const named = new Map<string, Expression>();
  for (const a of elements(call.ArgumentList?.Expressions)) {
    if (kindOf(a) === "SimpleNamedExpression") {
      const arg = a as SimpleNamedExpression;
      named.set(String(arg.Name.SimpleName).toLowerCase(), arg.Expression);
    } else positional.push(a);
  }
  const fn = plugin({ name, node, call, positional, named, input }, scope);
  if (!node.Schema) return fn;
  // An output schema names and types the result: the plugin's columns are cast to it, missing ones are null.
  const columns = resultColumns(node);
  return (table, ctx) => conform(fn(table, ctx), columns);
}

function conform(table: Table, columns: readonly ColumnInfo[]): Table {
  const casts = columns.map((c) => {
    const actual = table.columns.find((a) => a.name === c.name);
    return actual ? (actual.type === c.type ? (v: Value) => v : convertTo(c.type, actual.type)) : () => null;
  });
  const rows = table.rows.map((r) => {
    const out = newRow();
    for (let i = 0; i < columns.length; i++) out[columns[i].name] = casts[i](r[columns[i].name] ?? null);
    return out;
  });
  return { columns, rows };
}

/** A plugin argument that must be constant for the whole run (a prefix, a window size, a date). */
export function constantArgument(arg: Expression | undefined, scope: Scope): (ctx: RunContext) => Value {
  if (!arg) return () => null;
  const fn = compileScalar(arg, scope);
  return (ctx) => fn(emptyRow, ctx);
}

/** The column a plugin argument names (`T | evaluate narrow(Col)`), or a clear error. */
export function columnArgument(arg: Expression | undefined, scope: Scope, call: PluginCall, what: string): string {
  if (!arg || kindOf(arg) !== "NameReference")
    throw unsupported(scope, arg ?? call.call, `evaluate ${call.name}: ${what} must be a column name`);
  return String((arg as NameReference).SimpleName);
}

/** Copies a row without `drop` (null prototype, any column name is data). */
export function rowWithout(row: Row, drop: string): Row {
  const out = newRow();
  for (const k of Object.keys(row)) if (k !== drop) out[k] = row[k];
  return out;
}
