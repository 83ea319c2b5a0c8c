// Row-wise operators: where, extend, project and its variants, take, count, render, as, getschema.
import type { ColumnInfo, Value } from "../../types";
import {
  elements,
  kindOf,
  newRow,
  type OperatorFn,
  position,
  type Row,
  resultColumns,
  type Scope,
  tokenText,
  unsupported,
  withRowContext,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import { isLiteral, literalValue } from "../literals";
import { type RowMapFn, rowMapper } from "../row-mapper";
import { readsNeighbours, withRowSteps } from "../streaming";
import type {
  Expression,
  ExpressionList,
  ExtendOperator,
  FilterOperator,
  NameReference,
  ParenthesizedExpression,
  ProjectAwayOperator,
  ProjectOperator,
  ProjectRenameOperator,
  QueryOperator,
  RenderOperator,
  SerializeOperator,
  SimpleNamedExpression,
  TakeOperator,
} from "../syntax";
import { compileTupleMapper, isTupleItem } from "../tuples";
import { extendNames, projectNames } from "./naming";

export function compileWhere(node: FilterOperator, scope: Scope): OperatorFn {
  const cond = compileScalar(node.Condition, scope);
  const columns = resultColumns(node);
  const op: OperatorFn = (input, ctx) => {
    const out: Row[] = [];
    const rows = input.rows;
    withRowContext(ctx, rows, () => {
      for (let i = 0; i < rows.length; i++) {
        ctx.rowIndex = i;
        if (cond(rows[i], ctx) === true) out.push(rows[i]);
      }
    });
    return { columns, rows: out };
  };
  if (readsNeighbours(node)) return op;
  return withRowSteps(op, (ctx) => (row, emit) => {
    if (cond(row, ctx) === true) emit(row);
  });
}

// extend starts each output row from its input row (later expressions see earlier ones); project starts empty.
function compileRowMapper(
  node: QueryOperator,
  exprs: readonly Expression[],
  names: readonly string[],
  columns: readonly ColumnInfo[],
  scope: Scope,
  keepInput: boolean,
): OperatorFn {
  const fns = exprs.map((e) => compileScalar(e, scope));
  let built: { keys: string; map: RowMapFn } | undefined;
  // Copies the table's columns and any other key of its first row (a union's rows may each lack some columns).
  const mapperFor = (inputColumns: readonly ColumnInfo[], first: Row | undefined): RowMapFn => {
    const keys = keepInput ? inputKeys(inputColumns, first) : [];
    const id = keys.join("\u0000");
    if (built?.keys !== id) built = { keys: id, map: rowMapper(keys, names, fns, keepInput) };
    return built.map;
  };
  const op: OperatorFn = (input, ctx) => {
    const rows = input.rows;
    const map = mapperFor(input.columns, rows[0]);
    const out = new Array<Row>(rows.length);
    withRowContext(ctx, rows, () => {
      for (let r = 0; r < rows.length; r++) {
        ctx.rowIndex = r;
        out[r] = map(rows[r], ctx);
      }
    });
    return { columns, rows: out };
  };
  if (readsNeighbours(node)) return op;
  return withRowSteps(op, (ctx, inputColumns) => {
    let map: RowMapFn | undefined;
    return (row, emit) => {
      map ??= mapperFor(inputColumns, row);
      emit(map(row, ctx));
    };
  });
}

/** The keys an extend copies: the first row's own keys in their order, then the table's columns it lacks. */
export function inputKeys(columns: readonly ColumnInfo[], first: Row | undefined): string[] {
  const keys = first ? Object.keys(first) : [];
  const has = new Set(keys);
  for (const c of columns) if (!has.has(c.name)) keys.push(c.name);
  return keys;
}

export function compileExtend(
  node: ExtendOperator | SerializeOperator,
  scope: Scope,
  inputColumns: readonly ColumnInfo[],
): OperatorFn {
  const exprs = elements(node.Expressions);
  const columns = resultColumns(node);
  // series_stats(x), (a, b) = series_fit_line(y): one item fills several columns.
  if (exprs.some(isTupleItem)) return compileTupleMapper(exprs, columns, scope, true, node);
  return compileRowMapper(node, exprs, extendNames(exprs, inputColumns, columns, scope, node), columns, scope, true);
}

export function compileProject(node: ProjectOperator, scope: Scope): OperatorFn {
  const exprs = elements(node.Expressions);
  const columns = resultColumns(node);
  if (exprs.some(isTupleItem)) return compileTupleMapper(exprs, columns, scope, false, node);
  return compileRowMapper(node, exprs, projectNames(exprs, columns, scope, node), columns, scope, false);
}

/**
 * project-away / project-keep after an open schema (bag_unpack, pivot): the binder cannot list the columns, so the
 * names and wildcards are matched against the run's own columns.
 */
export function compileOpenKeepColumns(node: ProjectAwayOperator): OperatorFn {
  const away = kindOf(node) === "ProjectAwayOperator";
  const patterns = elements(node.Expressions).map((e) => {
    const text = String(e.ToString?.() ?? "")
      .trim()
      .replace(/^\[['"](.*)['"]\]$/, "$1");
    const source = text
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    return new RegExp(`^${source}$`);
  });
  return (table) => {
    const matches = (name: string) => patterns.some((p) => p.test(name));
    const columns = away ? table.columns.filter((c) => !matches(c.name)) : table.columns.filter((c) => matches(c.name));
    return {
      columns,
      rows: table.rows.map((row) => {
        const out: Row = newRow();
        for (const c of columns) out[c.name] = row[c.name] ?? null;
        return out;
      }),
    };
  };
}

/** project-away / project-keep: the binder already resolved wildcards into the remaining columns. */
export function compileKeepColumns(node: QueryOperator): OperatorFn {
  const columns = resultColumns(node);
  return (input) => ({
    columns,
    rows: input.rows.map((row) => {
      const out: Row = newRow();
      for (const c of columns) out[c.name] = row[c.name] ?? null;
      return out;
    }),
  });
}

export function compileProjectRename(node: ProjectRenameOperator, scope: Scope): OperatorFn {
  const columns = resultColumns(node);
  const sources = new Map<string, string>();
  for (const e of elements(node.Expressions)) {
    const named = e as SimpleNamedExpression;
    if (kindOf(e) !== "SimpleNamedExpression" || kindOf(named.Expression) !== "NameReference")
      throw unsupported(scope, e, "project-rename form");
    const from = String((named.Expression as NameReference).SimpleName);
    // project-rename-operator.md renames each existing column once; a second new name for it is undocumented.
    if ([...sources.values()].includes(from)) throw unsupported(scope, e, `project-rename of ${from} twice`);
    sources.set(String(named.Name.SimpleName), from);
  }
  return (input) => ({
    columns,
    rows: input.rows.map((row) => {
      const out: Row = newRow();
      for (const c of columns) out[c.name] = row[sources.get(c.name) ?? c.name] ?? null;
      return out;
    }),
  });
}

/** Operators that only change the schema's order or pass rows through (project-reorder, as, serialize without columns). */
export function compileReorder(node: QueryOperator): OperatorFn {
  const columns = resultColumns(node);
  return (input) => ({ columns, rows: input.rows });
}

export function compileTake(node: TakeOperator, scope: Scope): OperatorFn {
  const count = compileScalar(node.Expression, scope);
  const columns = resultColumns(node);
  return (input, ctx) => {
    const n = count(emptyRow, ctx);
    if (typeof n !== "number" || n < 0) throw new Error(`take/limit needs a non-negative number, got ${String(n)}`);
    return { columns, rows: input.rows.slice(0, n) };
  };
}

export function compileCount(node: QueryOperator): OperatorFn {
  const columns = resultColumns(node);
  const name = columns[0].name;
  return (input) => ({ columns, rows: [{ [name]: input.rows.length }] });
}

/** consume: reads its input and returns nothing. */
export function compileConsume(node: QueryOperator): OperatorFn {
  const columns = resultColumns(node);
  return () => ({ columns, rows: [] });
}

/** render is a presentation hint: record it for charts, pass rows through. */
export function compileRender(node: RenderOperator, scope: Scope): OperatorFn {
  // render-operator.md: render must be the last operator of the query.
  const pipe = node.Parent;
  const next = pipe && kindOf(pipe) === "PipeExpression" ? pipe.Parent : null;
  if (next && kindOf(next) === "PipeExpression" && (next as unknown as { Expression: unknown }).Expression === pipe)
    throw new Error(
      `render must be the last operator of the query; move it after the operators that follow it at ${position(scope, node)}`,
    );
  const kind = tokenText(node.ChartType);
  const properties: Record<string, unknown> = {};
  const props = node.WithClause ? elements(node.WithClause.Properties) : [];
  for (const p of [...elements(node.Parameters), ...props]) {
    const name = String(p.Name?.SimpleName ?? "");
    const expr = p.Expression;
    if (!name || !expr) continue;
    properties[name] = propertyValue(expr, scope);
  }
  return (input, ctx) => {
    ctx.visualization = { kind, properties };
    return input;
  };
}

function propertyValue(expr: Expression, scope: Scope): Value {
  const kind = kindOf(expr);
  if (isLiteral(expr))
    return literalValue(
      scope,
      expr,
      kind === "NullLiteralExpression" ? "null" : (String(expr.ResultType?.Name) as "string"),
    );
  if (kind === "NameReference") return String((expr as NameReference).SimpleName);
  if (kind === "ParenthesizedExpression" || kind === "ExpressionList") {
    // A parenthesized list of values, e.g. ycolumns=(a, b): each item's name or text.
    const list =
      kind === "ExpressionList"
        ? elements((expr as unknown as ExpressionList).Expressions)
        : [(expr as ParenthesizedExpression).Expression];
    return list.map((e) =>
      kindOf(e) === "NameReference" ? String((e as NameReference).SimpleName) : String(e.ToString?.() ?? ""),
    );
  }
  return String(expr.ToString?.() ?? "").trim();
}

const clrTypes: Record<string, string> = {
  string: "System.String",
  int: "System.Int32",
  long: "System.Int64",
  real: "System.Double",
  decimal: "System.Data.SqlTypes.SqlDecimal",
  bool: "System.SByte",
  datetime: "System.DateTime",
  timespan: "System.TimeSpan",
  dynamic: "System.Object",
  guid: "System.Guid",
};

/** getschema: one row per input column, with Kusto's type names. */
export function compileGetSchema(node: QueryOperator, _input: readonly ColumnInfo[]): OperatorFn {
  const columns = resultColumns(node);
  // The run's own columns: after an open schema (bag_unpack, pivot) the binder does not know them all.
  return (table) => ({
    columns,
    rows: table.columns.map((c, i) => ({
      ColumnName: c.name,
      ColumnOrdinal: i,
      DataType: clrTypes[c.type] ?? "System.Object",
      ColumnType: c.type,
    })),
  });
}
