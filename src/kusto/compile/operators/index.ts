// Dispatches a query operator node to its compiler; anything not listed fails as unsupported, never as a wrong answer.
import type { ColumnInfo } from "../../types";
import { isOpenSchema, kindOf, type OperatorFn, type Scope, type TabularFn, unsupported } from "../context";
import { compileJoin, compileLookup } from "../join";
import type {
  AsOperator,
  DataTableExpression,
  DistinctOperator,
  EvaluateOperator,
  Expression,
  ExtendOperator,
  FilterOperator,
  FindOperator,
  InvokeOperator,
  JoinOperator,
  LookupOperator,
  MakeSeriesOperator,
  MvApplyOperator,
  MvExpandOperator,
  ParseKvOperator,
  ParseOperator,
  ParseWhereOperator,
  PartitionOperator,
  PrintOperator,
  ProjectAwayOperator,
  ProjectOperator,
  ProjectRenameOperator,
  QueryOperator,
  RangeOperator,
  RenderOperator,
  SampleDistinctOperator,
  SampleOperator,
  ScanOperator,
  SearchOperator,
  SerializeOperator,
  SortOperator,
  SummarizeOperator,
  TakeOperator,
  TopHittersOperator,
  TopNestedOperator,
  TopOperator,
  UnionOperator,
} from "../syntax";
import { compileInvoke } from "../tabular";
import { compileAs } from "./as";
import { compileEvaluate } from "./evaluate";
import { compileFind } from "./find";
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

export function compileOperator(node: QueryOperator, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  const kind = kindOf(node);
  switch (kind) {
    case "FilterOperator":
      return compileWhere(node as FilterOperator, { ...scope, rowColumns: input });
    case "ExtendOperator":
      return compileExtend(node as ExtendOperator, { ...scope, rowColumns: input }, input);
    case "ProjectOperator":
      return compileProject(node as ProjectOperator, { ...scope, rowColumns: input });
    case "ProjectAwayOperator":
    case "ProjectKeepOperator":
      return isOpenSchema(node) ? compileOpenKeepColumns(node as ProjectAwayOperator) : compileKeepColumns(node);
    case "ProjectRenameOperator":
      return compileProjectRename(node as ProjectRenameOperator, scope);
    case "ProjectReorderOperator":
      return compileReorder(node);
    case "AsOperator":
      return compileAs(node as AsOperator, scope);
    case "ProjectByNamesOperator":
      // The binder resolves the names, arrays and wildcards (they must be constant) into the kept columns.
      return compileKeepColumns(node);
    case "PartitionOperator":
      return compilePartition(node as PartitionOperator, scope, input);
    case "SampleOperator":
      return compileSample(node as SampleOperator, scope);
    case "SampleDistinctOperator":
      return compileSampleDistinct(node as SampleDistinctOperator, scope);
    case "TopHittersOperator":
      return compileTopHitters(node as TopHittersOperator, scope);
    case "SearchOperator":
      return compileSearchOperator(node as SearchOperator, scope);
    case "ScanOperator":
      return compileScan(node as ScanOperator, scope, input);
    case "ConsumeOperator":
      return compileConsume(node);
    case "SerializeOperator":
      // Rows already keep their order; serialize's own columns are an extend.
      return (node as SerializeOperator).Expressions && (node as SerializeOperator).Expressions.ChildCount > 0
        ? compileExtend(node as ExtendOperator, { ...scope, rowColumns: input }, input)
        : compileReorder(node);
    case "SummarizeOperator":
      return compileSummarize(node as SummarizeOperator, scope);
    case "DistinctOperator":
      return compileDistinct(node as DistinctOperator, scope);
    case "SortOperator":
      return compileSort(node as SortOperator, scope);
    case "TopOperator":
      return compileTop(node as TopOperator, scope);
    case "TakeOperator":
      return compileTake(node as TakeOperator, scope);
    case "CountOperator":
      return compileCount(node);
    case "JoinOperator":
      return compileJoin(node as JoinOperator, scope, input);
    case "LookupOperator":
      return compileLookup(node as LookupOperator, scope, input);
    case "UnionOperator":
      return compileUnionOperator(node as UnionOperator, scope, input);
    case "MvExpandOperator":
      return compileMvExpand(node as MvExpandOperator, scope, input);
    case "MvApplyOperator":
      return compileMvApply(node as MvApplyOperator, scope, input);
    case "GetSchemaOperator":
      return compileGetSchema(node, input);
    case "RenderOperator":
      return compileRender(node as RenderOperator, scope);
    case "InvokeOperator":
      return compileInvoke(node as InvokeOperator, scope);
    case "ParseOperator":
      return compileParse(node as ParseOperator, scope);
    case "ParseWhereOperator":
      return compileParseWhere(node as ParseWhereOperator, scope);
    case "ParseKvOperator":
      return compileParseKv(node as ParseKvOperator, scope);
    case "TopNestedOperator":
      return compileTopNested(node as TopNestedOperator, scope);
    case "MakeSeriesOperator":
      return compileMakeSeries(node as MakeSeriesOperator, scope);
    case "EvaluateOperator":
      return compileEvaluate(node as EvaluateOperator, scope, input);
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
export function compileSource(node: Expression, scope: Scope): TabularFn {
  const kind = kindOf(node);
  switch (kind) {
    case "DataTableExpression":
      return compileDataTable(node as DataTableExpression, scope);
    case "PrintOperator":
      return compilePrint(node as PrintOperator, scope);
    case "RangeOperator":
      return compileRange(node as RangeOperator, scope);
    case "UnionOperator":
      return compileUnionSource(node as UnionOperator, scope);
    case "SearchOperator":
      return compileSearchSource(node as SearchOperator, scope);
    case "FindOperator":
      return compileFind(node as FindOperator, scope);
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
