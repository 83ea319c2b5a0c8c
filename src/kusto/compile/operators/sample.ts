// sample N: N rows picked uniformly at random; sample-distinct N of Col: up to N distinct values of Col, unordered.
// Both are random in Kusto too, so no order or choice is promised. https://learn.microsoft.com/kusto/query/sample-operator
import { hashKey } from "../../scalars";
import { drawRandom } from "../../scalars/random-draws";
import { nullOf, type Value } from "../../types";
import { newRow, type OperatorFn, type Row, resultColumns, type Scope, unsupported } from "../context";
import { compileScalar, emptyRow } from "../expressions";
import type { SampleDistinctOperator, SampleOperator } from "../syntax";

function count(node: SampleOperator, scope: Scope, what: string) {
  const fn = compileScalar(node.Expression, scope);
  return (ctx: Parameters<typeof fn>[1]): number => {
    const n = fn(emptyRow, ctx);
    const v = typeof n === "bigint" ? Number(n) : n;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new Error(`${what} needs a non-negative number of rows, got ${String(n)}`);
    return Math.floor(v);
  };
}

/** k distinct indexes of 0..n-1 chosen uniformly (partial Fisher-Yates), in ascending order. */
export function sampleIndexes(n: number, k: number, random: () => number = drawRandom): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take).sort((a, b) => a - b);
}

export function compileSample(node: SampleOperator, scope: Scope): OperatorFn {
  if (node.Parameters && node.Parameters.ChildCount > 0) throw unsupported(scope, node, "sample parameters");
  const n = count(node, scope, "sample");
  const columns = resultColumns(node);
  return (input, ctx) => ({ columns, rows: sampleIndexes(input.rows.length, n(ctx)).map((i) => input.rows[i]) });
}

export function compileSampleDistinct(node: SampleDistinctOperator, scope: Scope): OperatorFn {
  if (node.Parameters && node.Parameters.ChildCount > 0) throw unsupported(scope, node, "sample-distinct parameters");
  const n = count(node, scope, "sample-distinct");
  const of = compileScalar(node.OfExpression, scope);
  const columns = resultColumns(node);
  const name = columns[0].name;
  return (input, ctx) => {
    const seen = new Map<string, Value>();
    for (const row of input.rows) {
      const v = of(row, ctx);
      const k = hashKey(v);
      if (!seen.has(k)) seen.set(k, v);
    }
    const values = [...seen.values()];
    const rows: Row[] = sampleIndexes(values.length, n(ctx)).map((i) => {
      const out = newRow();
      out[name] = values[i] ?? nullOf(columns[0].type);
      return out;
    });
    return { columns, rows };
  };
}
