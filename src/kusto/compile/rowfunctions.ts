// Window functions over the serialized rows of extend/project/where: row_number, row_cumsum, row_rank_dense,
// row_rank_min, row_window_session. Each carries a running state from row to row; the state is rebuilt from the first
// row when a call comes out of order (a subquery, a re-evaluation), so the answer never depends on evaluation order.
import { binaryOperator, compareValues, valuesEqual } from "../scalars";
import type { Value } from "../types";
import { type Row, type RunContext, type ScalarFn, type Scope, typeOf, unsupported } from "./context";
import { type AggregateHook, compileScalar } from "./expressions";
import type { Expression, FunctionCallExpression } from "./syntax";

type Step<S> = (state: S, row: Row, ctx: RunContext) => Value;

/** A function whose value at row i depends on rows 0..i, computed incrementally while rows come in order. */
function scanning<S>(scope: Scope, node: FunctionCallExpression, name: string, init: () => S, step: Step<S>): ScalarFn {
  let rows: readonly Row[] | undefined;
  let index = -1;
  let state = init();
  let value: Value = null;
  return (row, ctx) => {
    const at = ctx.rowIndex;
    if (at === undefined || !ctx.rows) throw unsupported(scope, node, `${name} outside extend/project/where`);
    if (rows === ctx.rows && index === at) return value;
    if (rows !== ctx.rows || index !== at - 1) {
      // Out of order: replay from the first row.
      rows = ctx.rows;
      state = init();
      for (let i = 0; i < at; i++) {
        ctx.rowIndex = i;
        step(state, rows[i], ctx);
      }
      ctx.rowIndex = at;
    }
    index = at;
    value = step(state, row, ctx);
    return value;
  };
}

export const rowFunctionNames = new Set([
  "row_number",
  "row_cumsum",
  "row_rank_dense",
  "row_rank_min",
  "row_window_session",
]);

export function compileRowFunction(
  name: string,
  node: FunctionCallExpression,
  args: Expression[],
  scope: Scope,
  agg?: AggregateHook,
): ScalarFn {
  const fns = args.map((a) => compileScalar(a, scope, agg));
  const restartAt = (i: number): ((row: Row, ctx: RunContext) => boolean) => {
    const f = fns[i];
    return f ? (row, ctx) => f(row, ctx) === true : () => false;
  };
  switch (name) {
    case "row_number": {
      // row_number([StartingIndex [, Restart]]): restart sets the number back to StartingIndex.
      const start = fns[0] ?? (() => 1);
      const restart = restartAt(1);
      return scanning(
        scope,
        node,
        name,
        () => ({ n: null as number | null }),
        (s, row, ctx) => {
          const first = Number(start(row, ctx));
          s.n = s.n === null || restart(row, ctx) ? first : s.n + 1;
          return s.n;
        },
      );
    }
    case "row_cumsum": {
      // row_cumsum(Term [, Restart]): restart sets the sum back to 0 before this row's term; nulls add nothing.
      const type = typeOf(scope, node);
      const plus = binaryOperator("+", type, type, type);
      if (!plus) throw unsupported(scope, node, `row_cumsum of ${type}`);
      const term = fns[0];
      const restart = restartAt(1);
      return scanning(
        scope,
        node,
        name,
        () => ({ sum: 0 as Value }),
        (s, row, ctx) => {
          if (restart(row, ctx)) s.sum = 0;
          const v = term(row, ctx);
          if (v !== null) s.sum = plus(s.sum, v);
          return s.sum;
        },
      );
    }
    case "row_rank_dense":
    case "row_rank_min": {
      // Equal neighbouring terms share a rank: dense counts distinct runs, min takes the run's first row number.
      const equal = valuesEqual(typeOf(scope, args[0]), false);
      const term = fns[0];
      const restart = restartAt(1);
      const dense = name === "row_rank_dense";
      return scanning(
        scope,
        node,
        name,
        () => ({ n: 0, rank: 0, last: undefined as Value | undefined }),
        (s, row, ctx) => {
          const v = term(row, ctx);
          if (restart(row, ctx) || s.last === undefined) {
            s.n = 1;
            s.rank = 1;
          } else {
            s.n++;
            const same = v === null || s.last === null ? v === s.last : equal(v, s.last);
            if (!same) s.rank = dense ? s.rank + 1 : s.n;
          }
          s.last = v;
          return s.rank;
        },
      );
    }
    case "row_window_session": {
      // A new session starts at the first value, after a null, at or beyond start+MaxFromFirst, at or beyond
      // previous+MaxBetweenNeighbors, or on Restart; every row gets its session's first value.
      const [expr, fromFirst, between] = fns;
      const exprType = typeOf(scope, args[0]);
      const add = binaryOperator("+", exprType, typeOf(scope, args[1]), exprType);
      const compare = compareValues(exprType);
      if (!add) throw unsupported(scope, node, `row_window_session over ${exprType}`);
      const restart = restartAt(3);
      return scanning(
        scope,
        node,
        name,
        () => ({ start: null as Value, prev: null as Value }),
        (s, row, ctx) => {
          const v = expr(row, ctx);
          const restarted = restart(row, ctx);
          if (v === null) {
            s.start = null;
            s.prev = null;
            return null;
          }
          const farFromFirst = s.start !== null && compare(v, add(s.start, fromFirst(row, ctx))) >= 0;
          const farFromPrev = s.prev !== null && compare(v, add(s.prev, between(row, ctx))) >= 0;
          if (s.start === null || farFromFirst || farFromPrev || restarted) s.start = v;
          s.prev = v;
          return s.start;
        },
      );
    }
  }
  throw unsupported(scope, node, `function ${name}`);
}
