// partition by Column (subquery): the subquery runs once per distinct value of Column on that value's rows (in order
// of first appearance); the result is the union of the runs. https://learn.microsoft.com/kusto/query/partition-operator
import { hashKey } from "../../scalars";
import type { ColumnInfo, Value } from "../../types";
import {
  childContext,
  guardGrowth,
  kindOf,
  namedParameters,
  type OperatorFn,
  parameterText,
  position,
  type Row,
  resultColumns,
  type ScalarFn,
  type Scope,
  unsupported,
} from "../context";
import { compileScalar } from "../expressions";
import type {
  MakeSeriesFromToStepClause,
  MakeSeriesOperator,
  NameReference,
  PartitionOperator,
  PartitionQuery,
  PartitionSubquery,
  SyntaxElement,
} from "../syntax";
import { compileSubquery, compileTabular } from "../tabular";

/** A make-series in the subquery without both from and to: native/shuffle support only those (partition-operator.md). */
function openEndedSeries(root: SyntaxElement): SyntaxElement | undefined {
  const pending: (SyntaxElement | null)[] = [root];
  while (pending.length > 0) {
    const n = pending.pop();
    if (!n || typeof n.GetChild !== "function") continue;
    if (kindOf(n) === "MakeSeriesOperator") {
      const range = (n as MakeSeriesOperator).RangeClause;
      const fromTo =
        range && kindOf(range) === "MakeSeriesFromToStepClause" ? (range as MakeSeriesFromToStepClause) : null;
      if (fromTo && (!fromTo.MakeSeriesFromClause || !fromTo.MakeSeriesToClause)) return n;
    }
    for (let i = n.ChildCount - 1; i >= 0; i--) pending.push(n.GetChild(i));
  }
  return undefined;
}

// partition-operator.md, "Supported operators for the native and shuffle strategies".
const nativeOperators = new Set([
  "CountOperator",
  "DistinctOperator",
  "ExtendOperator",
  "FilterOperator",
  "MakeSeriesOperator",
  "MvApplyOperator",
  "MvExpandOperator",
  "ParseOperator",
  "ParseWhereOperator",
  "ProjectOperator",
  "ProjectAwayOperator",
  "ProjectKeepOperator",
  "ProjectRenameOperator",
  "ProjectReorderOperator",
  "ReduceByOperator",
  "SampleOperator",
  "SampleDistinctOperator",
  "ScanOperator",
  "SearchOperator",
  "SerializeOperator",
  "SortOperator",
  "SummarizeOperator",
  "TakeOperator",
  "TopOperator",
  "TopHittersOperator",
  "TopNestedOperator",
]);

/** An operator node as Kusto spells it: MvApplyOperator → mv-apply. */
function operatorName(node: SyntaxElement): string {
  return kindOf(node)
    .replace(/Operator$/, "")
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

/** The first operator in the subquery that the native and shuffle strategies do not support. */
function unsupportedNative(root: SyntaxElement): SyntaxElement | undefined {
  const pending: (SyntaxElement | null)[] = [root];
  while (pending.length > 0) {
    const n = pending.pop();
    if (!n || typeof n.GetChild !== "function") continue;
    const kind = kindOf(n);
    if (kind.endsWith("Operator") && !nativeOperators.has(kind)) return n;
    for (let i = n.ChildCount - 1; i >= 0; i--) pending.push(n.GetChild(i));
  }
  return undefined;
}

export function compilePartition(node: PartitionOperator, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  // partition-operator.md: without hint.strategy the legacy strategy is used.
  let strategy = "legacy";
  for (const [p, value] of namedParameters(node.Parameters)) {
    const text = parameterText(value);
    if (p === "hint.strategy") strategy = text;
    if (p === "hint.strategy" && text === "legacy" && kindOf(node.Operand) !== "PartitionSubquery") continue;
    if (!p.startsWith("hint.")) throw unsupported(scope, node, `partition ${p}`);
  }
  if (node.Scope) throw unsupported(scope, node.Scope, "partition in scope");
  const key = compileScalar(node.ByExpression, scope);
  const columns = resultColumns(node);
  if (kindOf(node.Operand) === "PartitionQuery") return partitionWithSource(node, scope, key, columns);
  if (kindOf(node.Operand) !== "PartitionSubquery") throw unsupported(scope, node.Operand, "this partition form");
  const sub = (node.Operand as PartitionSubquery).Subquery;
  const foreign = strategy === "legacy" ? undefined : unsupportedNative(sub);
  if (foreign)
    throw new Error(
      `partition hint.strategy=${strategy} does not support ${operatorName(foreign)} in its subquery (partition-operator.md); use the legacy strategy at ${position(scope, foreign)}`,
    );
  const series = strategy === "legacy" ? undefined : openEndedSeries(sub);
  if (series)
    throw unsupported(scope, series, `make-series without from and to inside partition hint.strategy=${strategy}`);
  const subquery = compileSubquery(sub, scope, input);
  return (table, ctx) => {
    const parts = new Map<string, Row[]>();
    for (const row of table.rows) {
      const k = hashKey(key(row, ctx));
      const part = parts.get(k);
      if (part) part.push(row);
      else parts.set(k, [row]);
    }
    if (strategy === "legacy" && parts.size > legacyLimit) throw legacyLimitError(parts.size);
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

// The legacy strategy (the default, and the only one with `{ ... }`) fails on more than 64 partitions
// (partition-operator.md, legacy).
const legacyLimit = 64;

function legacyLimitError(n: number): Error {
  return new Error(
    `partition: ${n} distinct key values, more than the ${legacyLimit} the legacy strategy allows (use hint.strategy=native or shuffle)`,
  );
}

/** `partition by k { Source | ... }`: the subquery has its own source and reads k as the partition's key value. */
function partitionWithSource(node: PartitionOperator, scope: Scope, key: ScalarFn, columns: ColumnInfo[]): OperatorFn {
  const slot = {};
  const current: ScalarFn = (_row, ctx) => (ctx.memo.get(slot) as Value | undefined) ?? null;
  const symbol = (node.ByExpression as Partial<NameReference>).ReferencedSymbol;
  if (kindOf(node.ByExpression) !== "NameReference" || !symbol)
    throw unsupported(scope, node.ByExpression, "partition { ... } by an expression (name a column)");
  const values = new Map(scope.columnValues ?? []);
  values.set(symbol, current);
  const body = compileTabular((node.Operand as PartitionQuery).Query, { ...scope, columnValues: values });
  return (table, ctx) => {
    const keys = new Map<string, Value>();
    for (const row of table.rows) {
      const v = key(row, ctx);
      keys.set(hashKey(v), v);
    }
    if (keys.size > legacyLimit) throw legacyLimitError(keys.size);
    const rows: Row[] = [];
    for (const v of keys.values()) {
      const child = childContext(ctx);
      child.memo.set(slot, v);
      for (const r of body(child).rows) {
        rows.push(r);
        guardGrowth(ctx, rows.length, "partition");
      }
    }
    return { columns, rows };
  };
}
