// Whether the rows a window function (row_number, prev, row_cumsum...) reads are serialized, as Kusto requires.
import { kindOf, symbolKindOf } from "./context";
import type { NameReference, ParenthesizedExpression, PipeExpression, SyntaxElement } from "./syntax";

// serialize-operator.md "Serialization behavior of operators": these mark their output nonserialized. mv-expand is
// left out: window-functions.md lists it as preserving serialization, so the pages disagree.
const unserializing: Readonly<Record<string, string>> = {
  CountOperator: "count",
  DistinctOperator: "distinct",
  EvaluateOperator: "evaluate",
  FacetOperator: "facet",
  JoinOperator: "join",
  MakeSeriesOperator: "make-series",
  ReduceByOperator: "reduce",
  SampleOperator: "sample",
  SampleDistinctOperator: "sample-distinct",
  SummarizeOperator: "summarize",
  TopNestedOperator: "top-nested",
};

// window-functions.md "Operators that preserve the serialized row set property" (plus schema-only operators).
const preserving = new Set([
  "ExtendOperator",
  "FilterOperator",
  "ParseOperator",
  "ProjectOperator",
  "ProjectAwayOperator",
  "ProjectKeepOperator",
  "ProjectRenameOperator",
  "ProjectReorderOperator",
  "TakeOperator",
  "AsOperator",
]);

// The operators a window function is evaluated in.
const windowHosts = new Set(["ExtendOperator", "ProjectOperator", "FilterOperator"]);

/**
 * What left the rows of `call`'s operator nonserialized ("summarize's output", "table T"), or undefined when they are
 * serialized or the engine cannot tell (a let name, datatable, a function's parameter, an operator the pages do not list).
 */
export function unserializedBy(call: SyntaxElement): string | undefined {
  let child: SyntaxElement = call;
  let node = call.Parent as SyntaxElement | null;
  while (node && kindOf(node) !== "PipeExpression") {
    child = node;
    node = node.Parent as SyntaxElement | null;
  }
  const pipe = node as PipeExpression | null;
  if (!pipe || pipe.Operator !== child || !windowHosts.has(kindOf(pipe.Operator))) return undefined;
  let input: SyntaxElement | null = pipe.Expression;
  for (;;) {
    const kind = input ? kindOf(input) : "";
    if (kind === "ParenthesizedExpression") {
      input = (input as ParenthesizedExpression).Expression;
      continue;
    }
    // window-functions.md: a table is serialized only by sort or serialize.
    if (kind === "NameReference") {
      const symbol = (input as NameReference).ReferencedSymbol;
      return symbol && symbolKindOf(symbol) === "Table"
        ? `table ${String((input as NameReference).SimpleName)}`
        : undefined;
    }
    if (kind !== "PipeExpression") return undefined;
    const op = kindOf((input as PipeExpression).Operator);
    if (op in unserializing) return `${unserializing[op]}'s output`;
    if (!preserving.has(op)) return undefined;
    input = (input as PipeExpression).Expression;
  }
}
