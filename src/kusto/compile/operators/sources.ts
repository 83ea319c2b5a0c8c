// Operators that produce rows without a piped input: datatable, print, range (union has its own file).

import { toDynamicValue } from "../../scalars/format";
import { normLong } from "../../scalars/int64";
import { tickSteps } from "../../values/ranges";
import {
  elements,
  guardGrowth,
  newRow,
  type Row,
  resultColumns,
  type Scope,
  type TabularFn,
  typeOf,
  unsupported,
} from "../context";
import { datatableCell } from "../datatable-values";
import { compileScalar, emptyRow } from "../expressions";
import { defaultLimits } from "../limits";
import { oneCellRow } from "../row-mapper";
import { collected } from "../streaming";
import type { DataTableExpression, PrintOperator, RangeOperator } from "../syntax";
import { compileTupleMapper, isTupleItem } from "../tuples";
import { projectNames } from "./naming";

export function compileDataTable(node: DataTableExpression, scope: Scope): TabularFn {
  const columns = resultColumns(node);
  const values = elements(node.Values).map((v, i) => {
    const fn = compileScalar(v, scope);
    // A typed value in a dynamic column takes its dynamic form: 5.0 stays a real, a datetime becomes its text.
    const from = typeOf(scope, v);
    const to = columns.length > 0 ? columns[i % columns.length].type : from;
    if (to !== "dynamic") return datatableCell(fn, from, to, (what) => unsupported(scope, v, what));
    return from !== "dynamic" ? (row: Row, ctx: Parameters<typeof fn>[1]) => toDynamicValue(fn(row, ctx), from) : fn;
  });
  if (columns.length === 0 || values.length % columns.length !== 0) {
    throw unsupported(scope, node, `datatable with ${values.length} values for ${columns.length} columns`);
  }
  return (ctx) => {
    const rows: Row[] = [];
    for (let i = 0; i < values.length; i += columns.length) {
      const row: Row = newRow();
      columns.forEach((c, j) => (row[c.name] = values[i + j](emptyRow, ctx)));
      rows.push(row);
    }
    return { columns, rows };
  };
}

export function compilePrint(node: PrintOperator, scope: Scope): TabularFn {
  const exprs = elements(node.Expressions);
  const columns = resultColumns(node);
  if (exprs.some(isTupleItem)) {
    // print of a call with several result columns: the project mapper over one empty row.
    const mapper = compileTupleMapper(exprs, columns, scope, false, node);
    return (ctx) => mapper({ columns: [], rows: [emptyRow] }, ctx);
  }
  const names = projectNames(exprs, columns, scope, node);
  const fns = exprs.map((e) => compileScalar(e, scope));
  return (ctx) => {
    const row: Row = newRow();
    fns.forEach((f, i) => (row[names[i]] = f(emptyRow, ctx)));
    return { columns, rows: [row] };
  };
}

export function compileRange(node: RangeOperator, scope: Scope): TabularFn {
  const columns = resultColumns(node);
  const name = columns[0].name;
  const [from, to, step] = [node.From, node.To, node.Step].map((e) => compileScalar(e, scope));
  const cell = oneCellRow(name);
  // Rows are handed on one at a time, so a where/extend chain after range never holds all of range's own rows.
  return collected(columns, (ctx, sink) => {
    const start = from(emptyRow, ctx);
    const end = to(emptyRow, ctx);
    const by = step(emptyRow, ctx);
    // Datetime and timespan ranges step in exact ticks.
    if (typeof start === "bigint" && typeof end === "bigint" && typeof by === "bigint") {
      for (const t of tickSteps(start, end, by, (ctx.limits ?? defaultLimits).maxOperatorRows, "range")) sink(cell(t));
      return;
    }
    // A long range reaching beyond 2^53 steps exactly in bigint; each value is a number again while safe.
    if (
      columns[0].type === "long" &&
      [start, end, by].every((v) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) &&
      [start, end, by].some((v) => typeof v === "bigint")
    ) {
      const [a, b, d] = [start, end, by].map((v) => BigInt(v as number | bigint));
      if (d <= 0n) throw new Error(`range needs a positive step, got ${d}`);
      let n = 0;
      for (let v = a; v <= b; v += d) {
        sink(cell(normLong(v)));
        guardGrowth(ctx, ++n, "range");
      }
      return;
    }
    if (typeof start !== "number" || typeof end !== "number" || typeof by !== "number" || by <= 0) {
      throw new Error(
        `range needs numeric from/to and a positive step, got ${String(start)}, ${String(end)}, ${String(by)}`,
      );
    }
    let n = 0;
    for (let v = start; v <= end; v += by) {
      sink(cell(v));
      guardGrowth(ctx, ++n, "range");
    }
  });
}
