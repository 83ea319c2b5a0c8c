// Dispatches a query operator node to its compiler; anything not listed fails as unsupported, never as a wrong answer.
import type { ColumnInfo } from "../../types";
import { isOpenSchema, kindOf, type Node, type OperatorFn, type Scope, type TabularFn, unsupported } from "../context";
import { compileJoin, compileLookup } from "../join";
import { compileInvoke } from "../tabular";
import { compileAs } from "./as";
import { compileEvaluate } from "./evaluate";
import { compileMakeSeries } from "./makeseries";
import { compileMvApply } from "./mvapply";
import { compileMvExpand } from "./mvexpand";
import { compileDistinct, compileSort, compileTop } from "./order";
import { compileParse, compileParseWhere } from "./parse";
import { compileParseKv } from "./parsekv";
import { compilePartition } from "./partition";
import {
  compileConsume,
  compileCount,
  compileExtend,
  compileGetSchema,
  compileKeepColumns,
  compileOpenKeepColumns,
  compileProject,
  compileProjectRename,
  compileRender,
  compileReorder,
  compileTake,
  compileWhere,
} from "./rows";
import { compileSample, compileSampleDistinct } from "./sample";
import { compileScan } from "./scan";
import { compileSearchOperator, compileSearchSource } from "./search";
import { compileDataTable, compilePrint, compileRange } from "./sources";
import { compileSummarize } from "./summarize";
import { compileTopHitters } from "./tophitters";
import { compileTopNested } from "./topnested";
import { compileUnionOperator, compileUnionSource } from "./union";

export function compileOperator(node: Node, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  const kind = kindOf(node);
  switch (kind) {
    case "FilterOperator":
      return compileWhere(node, { ...scope, rowColumns: input });
    case "ExtendOperator":
      return compileExtend(node, { ...scope, rowColumns: input }, input);
    case "ProjectOperator":
      return compileProject(node, { ...scope, rowColumns: input });
    case "ProjectAwayOperator":
    case "ProjectKeepOperator":
      return isOpenSchema(node) ? compileOpenKeepColumns(node) : compileKeepColumns(node);
    case "ProjectRenameOperator":
      return compileProjectRename(node, scope);
    case "ProjectReorderOperator":
      return compileReorder(node);
    case "AsOperator":
      return compileAs(node, scope);
    case "ProjectByNamesOperator":
      // The binder resolves the names, arrays and wildcards (they must be constant) into the kept columns.
      return compileKeepColumns(node);
    case "PartitionOperator":
      return compilePartition(node, scope, input);
    case "SampleOperator":
      return compileSample(node, scope);
    case "SampleDistinctOperator":
      return compileSampleDistinct(node, scope);
    case "TopHittersOperator":
      return compileTopHitters(node, scope);
    case "SearchOperator":
      return compileSearchOperator(node, scope);
    case "ScanOperator":
      return compileScan(node, scope, input);
    case "ConsumeOperator":
      return compileConsume(node);
    case "SerializeOperator":
      // Rows already keep their order; serialize's own columns are an extend.
      return node.Expressions && node.Expressions.ChildCount > 0
        ? compileExtend(node, { ...scope, rowColumns: input }, input)
        : compileReorder(node);
    case "SummarizeOperator":
      return compileSummarize(node, scope);
    case "DistinctOperator":
      return compileDistinct(node);
    case "SortOperator":
      return compileSort(node, scope);
    case "TopOperator":
      return compileTop(node, scope);
    case "TakeOperator":
      return compileTake(node, scope);
    case "CountOperator":
      return compileCount(node);
    case "JoinOperator":
      return compileJoin(node, scope, input);
    case "LookupOperator":
      return compileLookup(node, scope, input);
    case "UnionOperator":
      return compileUnionOperator(node, scope, input);
    case "MvExpandOperator":
      return compileMvExpand(node, scope, input);
    case "MvApplyOperator":
      return compileMvApply(node, scope, input);
    case "GetSchemaOperator":
      return compileGetSchema(node, input);
    case "RenderOperator":
      return compileRender(node, scope);
    case "InvokeOperator":
      return compileInvoke(node, scope);
    case "ParseOperator":
      return compileParse(node, scope);
    case "ParseWhereOperator":
      return compileParseWhere(node, scope);
    case "ParseKvOperator":
      return compileParseKv(node, scope);
    case "TopNestedOperator":
      return compileTopNested(node, scope);
    case "MakeSeriesOperator":
      return compileMakeSeries(node, scope);
    case "EvaluateOperator":
      return compileEvaluate(node, scope, input);
    case "ReduceByOperator":
      // reduce-operator.md names the paper it is based on but not its rules (threshold, representative, "others").
      throw unsupported(scope, node, "reduce (Kusto's pattern mining is not documented exactly enough to reproduce)");
    case "ForkOperator":
    case "FacetOperator":
      // Their result sets are the query's (see fork.ts); anywhere else there is no one table to return.
      throw unsupported(scope, node, `${operatorName(kind)} other than as the last operator of a query statement`);
  }
  throw unsupported(scope, node, operatorName(kind));
}

/** Operators that start a query on their own. */
export function compileSource(node: Node, scope: Scope): TabularFn {
  const kind = kindOf(node);
  switch (kind) {
    case "DataTableExpression":
      return compileDataTable(node, scope);
    case "PrintOperator":
      return compilePrint(node, scope);
    case "RangeOperator":
      return compileRange(node, scope);
    case "UnionOperator":
      return compileUnionSource(node, scope);
    case "SearchOperator":
      return compileSearchSource(node, scope);
  }
  throw unsupported(scope, node, operatorName(kind));
}

/** "MakeSeriesOperator" → "make-series", for error messages users recognise. */
function operatorName(kind: string): string {
  return kind
    .replace(/(Operator|Expression)$/, "")
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .toLowerCase();
}
