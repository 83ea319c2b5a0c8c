// The compiler's narrow syntax interfaces (src/kusto/compile/syntax.ts) against Kusto.Language's shipped d.ts and classes.
import { describe, expect, it } from "vitest";
import type * as S from "../../src/kusto/compile/syntax";
import { kustoLanguage } from "../../src/kusto/kusto-language";

/** true when every member the narrow interface names is declared by the shipped one; else the names that are not. */
type OnlyShipped<Narrow, Shipped> = [Exclude<keyof Narrow, keyof Shipped>] extends [never]
  ? true
  : Exclude<keyof Narrow, keyof Shipped>;

// Each line fails the typecheck (npm test runs tsc) with the member's name when syntax.ts names a member the class lacks.
const checked = {
  ReadOnlyList: true as OnlyShipped<S.ReadOnlyList<unknown>, System.Collections.Generic.IReadOnlyList$1<unknown>>,
  KustoSymbol: true as OnlyShipped<S.KustoSymbol, Kusto.Language.Symbols.Symbol>,
  ColumnSymbol: true as OnlyShipped<S.ColumnSymbol, Kusto.Language.Symbols.ColumnSymbol>,
  TableSymbol: true as OnlyShipped<S.TableSymbol, Kusto.Language.Symbols.TableSymbol>,
  Parameter: true as OnlyShipped<S.Parameter, Kusto.Language.Symbols.Parameter>,
  Signature: true as OnlyShipped<S.Signature, Kusto.Language.Symbols.Signature>,
  FunctionSymbol: true as OnlyShipped<S.FunctionSymbol, Kusto.Language.Symbols.FunctionSymbol>,
  DatabaseSymbol: true as OnlyShipped<S.DatabaseSymbol, Kusto.Language.Symbols.DatabaseSymbol>,
  GroupSymbol: true as OnlyShipped<S.GroupSymbol, Kusto.Language.Symbols.GroupSymbol>,
  Diagnostic: true as OnlyShipped<S.Diagnostic, Kusto.Language.Diagnostic>,
  GlobalState: true as OnlyShipped<S.GlobalState, Kusto.Language.GlobalState>,
  KustoCode: true as OnlyShipped<S.KustoCode, Kusto.Language.KustoCode>,
  SyntaxElement: true as OnlyShipped<S.SyntaxElement, Kusto.Language.Syntax.SyntaxElement>,
  SyntaxToken: true as OnlyShipped<S.SyntaxToken, Kusto.Language.Syntax.SyntaxToken>,
  SyntaxNode: true as OnlyShipped<S.SyntaxNode, Kusto.Language.Syntax.SyntaxNode>,
  SyntaxList: true as OnlyShipped<
    S.SyntaxList<S.Expression>,
    Kusto.Language.Syntax.SyntaxList$1<Kusto.Language.Syntax.Expression>
  >,
  SeparatedElement: true as OnlyShipped<
    S.SeparatedElement<S.Expression>,
    Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>
  >,
  Expression: true as OnlyShipped<S.Expression, Kusto.Language.Syntax.Expression>,
  Name: true as OnlyShipped<S.Name, Kusto.Language.Syntax.Name>,
  NameDeclaration: true as OnlyShipped<S.NameDeclaration, Kusto.Language.Syntax.NameDeclaration>,
  NameReference: true as OnlyShipped<S.NameReference, Kusto.Language.Syntax.NameReference>,
  LiteralExpression: true as OnlyShipped<S.LiteralExpression, Kusto.Language.Syntax.LiteralExpression>,
  ExpressionList: true as OnlyShipped<S.ExpressionList, Kusto.Language.Syntax.ExpressionList>,
  FunctionCallExpression: true as OnlyShipped<S.FunctionCallExpression, Kusto.Language.Syntax.FunctionCallExpression>,
  BinaryExpression: true as OnlyShipped<S.BinaryExpression, Kusto.Language.Syntax.BinaryExpression>,
  PrefixUnaryExpression: true as OnlyShipped<S.PrefixUnaryExpression, Kusto.Language.Syntax.PrefixUnaryExpression>,
  InExpression: true as OnlyShipped<S.InExpression, Kusto.Language.Syntax.InExpression>,
  HasAnyExpression: true as OnlyShipped<S.HasAnyExpression, Kusto.Language.Syntax.HasAnyExpression>,
  ExpressionCouple: true as OnlyShipped<S.ExpressionCouple, Kusto.Language.Syntax.ExpressionCouple>,
  BetweenExpression: true as OnlyShipped<S.BetweenExpression, Kusto.Language.Syntax.BetweenExpression>,
  ParenthesizedExpression: true as OnlyShipped<
    S.ParenthesizedExpression,
    Kusto.Language.Syntax.ParenthesizedExpression
  >,
  BracketedExpression: true as OnlyShipped<S.BracketedExpression, Kusto.Language.Syntax.BracketedExpression>,
  PathExpression: true as OnlyShipped<S.PathExpression, Kusto.Language.Syntax.PathExpression>,
  ElementExpression: true as OnlyShipped<S.ElementExpression, Kusto.Language.Syntax.ElementExpression>,
  ToScalarExpression: true as OnlyShipped<S.ToScalarExpression, Kusto.Language.Syntax.ToScalarExpression>,
  MaterializeExpression: true as OnlyShipped<S.MaterializeExpression, Kusto.Language.Syntax.MaterializeExpression>,
  SimpleNamedExpression: true as OnlyShipped<S.SimpleNamedExpression, Kusto.Language.Syntax.SimpleNamedExpression>,
  NameAndTypeDeclaration: true as OnlyShipped<S.NameAndTypeDeclaration, Kusto.Language.Syntax.NameAndTypeDeclaration>,
  DefaultValueDeclaration: true as OnlyShipped<
    S.DefaultValueDeclaration,
    Kusto.Language.Syntax.DefaultValueDeclaration
  >,
  FunctionParameter: true as OnlyShipped<S.FunctionParameter, Kusto.Language.Syntax.FunctionParameter>,
  FunctionParameters: true as OnlyShipped<S.FunctionParameters, Kusto.Language.Syntax.FunctionParameters>,
  Statement: true as OnlyShipped<S.Statement, Kusto.Language.Syntax.Statement>,
  FunctionBody: true as OnlyShipped<S.FunctionBody, Kusto.Language.Syntax.FunctionBody>,
  FunctionDeclaration: true as OnlyShipped<S.FunctionDeclaration, Kusto.Language.Syntax.FunctionDeclaration>,
  LetStatement: true as OnlyShipped<S.LetStatement, Kusto.Language.Syntax.LetStatement>,
  ExpressionStatement: true as OnlyShipped<S.ExpressionStatement, Kusto.Language.Syntax.ExpressionStatement>,
  QueryParametersStatement: true as OnlyShipped<
    S.QueryParametersStatement,
    Kusto.Language.Syntax.QueryParametersStatement
  >,
  OptionValueClause: true as OnlyShipped<S.OptionValueClause, Kusto.Language.Syntax.OptionValueClause>,
  SetOptionStatement: true as OnlyShipped<S.SetOptionStatement, Kusto.Language.Syntax.SetOptionStatement>,
  PatternPathValue: true as OnlyShipped<S.PatternPathValue, Kusto.Language.Syntax.PatternPathValue>,
  PatternMatch: true as OnlyShipped<S.PatternMatch, Kusto.Language.Syntax.PatternMatch>,
  PatternDeclaration: true as OnlyShipped<S.PatternDeclaration, Kusto.Language.Syntax.PatternDeclaration>,
  PatternStatement: true as OnlyShipped<S.PatternStatement, Kusto.Language.Syntax.PatternStatement>,
  RenameList: true as OnlyShipped<S.RenameList, Kusto.Language.Syntax.RenameList>,
  CompoundNamedExpression: true as OnlyShipped<
    S.CompoundNamedExpression,
    Kusto.Language.Syntax.CompoundNamedExpression
  >,
  QueryBlock: true as OnlyShipped<S.QueryBlock, Kusto.Language.Syntax.QueryBlock>,
  NamedParameter: true as OnlyShipped<S.NamedParameter, Kusto.Language.Syntax.NamedParameter>,
  QueryOperator: true as OnlyShipped<S.QueryOperator, Kusto.Language.Syntax.QueryOperator>,
  PipeExpression: true as OnlyShipped<S.PipeExpression, Kusto.Language.Syntax.PipeExpression>,
  ExtendOperator: true as OnlyShipped<S.ExtendOperator, Kusto.Language.Syntax.ExtendOperator>,
  ProjectOperator: true as OnlyShipped<S.ProjectOperator, Kusto.Language.Syntax.ProjectOperator>,
  ProjectAwayOperator: true as OnlyShipped<S.ProjectAwayOperator, Kusto.Language.Syntax.ProjectAwayOperator>,
  ProjectKeepOperator: true as OnlyShipped<S.ProjectKeepOperator, Kusto.Language.Syntax.ProjectKeepOperator>,
  ProjectRenameOperator: true as OnlyShipped<S.ProjectRenameOperator, Kusto.Language.Syntax.ProjectRenameOperator>,
  SerializeOperator: true as OnlyShipped<S.SerializeOperator, Kusto.Language.Syntax.SerializeOperator>,
  SortOperator: true as OnlyShipped<S.SortOperator, Kusto.Language.Syntax.SortOperator>,
  DistinctOperator: true as OnlyShipped<S.DistinctOperator, Kusto.Language.Syntax.DistinctOperator>,
  PrintOperator: true as OnlyShipped<S.PrintOperator, Kusto.Language.Syntax.PrintOperator>,
  FilterOperator: true as OnlyShipped<S.FilterOperator, Kusto.Language.Syntax.FilterOperator>,
  TakeOperator: true as OnlyShipped<S.TakeOperator, Kusto.Language.Syntax.TakeOperator>,
  RenderWithClause: true as OnlyShipped<S.RenderWithClause, Kusto.Language.Syntax.RenderWithClause>,
  RenderOperator: true as OnlyShipped<S.RenderOperator, Kusto.Language.Syntax.RenderOperator>,
  AsOperator: true as OnlyShipped<S.AsOperator, Kusto.Language.Syntax.AsOperator>,
  OrderingNullsClause: true as OnlyShipped<S.OrderingNullsClause, Kusto.Language.Syntax.OrderingNullsClause>,
  OrderingClause: true as OnlyShipped<S.OrderingClause, Kusto.Language.Syntax.OrderingClause>,
  OrderedExpression: true as OnlyShipped<S.OrderedExpression, Kusto.Language.Syntax.OrderedExpression>,
  TopOperator: true as OnlyShipped<S.TopOperator, Kusto.Language.Syntax.TopOperator>,
  SampleOperator: true as OnlyShipped<S.SampleOperator, Kusto.Language.Syntax.SampleOperator>,
  SampleDistinctOperator: true as OnlyShipped<S.SampleDistinctOperator, Kusto.Language.Syntax.SampleDistinctOperator>,
  PartitionOperator: true as OnlyShipped<S.PartitionOperator, Kusto.Language.Syntax.PartitionOperator>,
  PartitionSubquery: true as OnlyShipped<S.PartitionSubquery, Kusto.Language.Syntax.PartitionSubquery>,
  PartitionQuery: true as OnlyShipped<S.PartitionQuery, Kusto.Language.Syntax.PartitionQuery>,
  TopHittersByClause: true as OnlyShipped<S.TopHittersByClause, Kusto.Language.Syntax.TopHittersByClause>,
  TopHittersOperator: true as OnlyShipped<S.TopHittersOperator, Kusto.Language.Syntax.TopHittersOperator>,
  TopNestedClause: true as OnlyShipped<S.TopNestedClause, Kusto.Language.Syntax.TopNestedClause>,
  TopNestedWithOthersClause: true as OnlyShipped<
    S.TopNestedWithOthersClause,
    Kusto.Language.Syntax.TopNestedWithOthersClause
  >,
  TopNestedOperator: true as OnlyShipped<S.TopNestedOperator, Kusto.Language.Syntax.TopNestedOperator>,
  TypeOfLiteralExpression: true as OnlyShipped<
    S.TypeOfLiteralExpression,
    Kusto.Language.Syntax.TypeOfLiteralExpression
  >,
  ToTypeOfClause: true as OnlyShipped<S.ToTypeOfClause, Kusto.Language.Syntax.ToTypeOfClause>,
  MvExpandExpression: true as OnlyShipped<S.MvExpandExpression, Kusto.Language.Syntax.MvExpandExpression>,
  MvApplyExpression: true as OnlyShipped<S.MvApplyExpression, Kusto.Language.Syntax.MvApplyExpression>,
  MvExpandRowLimitClause: true as OnlyShipped<S.MvExpandRowLimitClause, Kusto.Language.Syntax.MvExpandRowLimitClause>,
  MvApplyRowLimitClause: true as OnlyShipped<S.MvApplyRowLimitClause, Kusto.Language.Syntax.MvApplyRowLimitClause>,
  MvExpandOperator: true as OnlyShipped<S.MvExpandOperator, Kusto.Language.Syntax.MvExpandOperator>,
  MvApplyOperator: true as OnlyShipped<S.MvApplyOperator, Kusto.Language.Syntax.MvApplyOperator>,
  MvApplySubqueryExpression: true as OnlyShipped<
    S.MvApplySubqueryExpression,
    Kusto.Language.Syntax.MvApplySubqueryExpression
  >,
  ScanDeclareClause: true as OnlyShipped<S.ScanDeclareClause, Kusto.Language.Syntax.ScanDeclareClause>,
  ScanAssignment: true as OnlyShipped<S.ScanAssignment, Kusto.Language.Syntax.ScanAssignment>,
  ScanComputationClause: true as OnlyShipped<S.ScanComputationClause, Kusto.Language.Syntax.ScanComputationClause>,
  ScanStep: true as OnlyShipped<S.ScanStep, Kusto.Language.Syntax.ScanStep>,
  ScanOperator: true as OnlyShipped<S.ScanOperator, Kusto.Language.Syntax.ScanOperator>,
  ParseOperator: true as OnlyShipped<S.ParseOperator, Kusto.Language.Syntax.ParseOperator>,
  ParseWhereOperator: true as OnlyShipped<S.ParseWhereOperator, Kusto.Language.Syntax.ParseWhereOperator>,
  RowSchema: true as OnlyShipped<S.RowSchema, Kusto.Language.Syntax.RowSchema>,
  ParseKvWithClause: true as OnlyShipped<S.ParseKvWithClause, Kusto.Language.Syntax.ParseKvWithClause>,
  ParseKvOperator: true as OnlyShipped<S.ParseKvOperator, Kusto.Language.Syntax.ParseKvOperator>,
  MakeSeriesOnClause: true as OnlyShipped<S.MakeSeriesOnClause, Kusto.Language.Syntax.MakeSeriesOnClause>,
  MakeSeriesFromClause: true as OnlyShipped<S.MakeSeriesFromClause, Kusto.Language.Syntax.MakeSeriesFromClause>,
  MakeSeriesToClause: true as OnlyShipped<S.MakeSeriesToClause, Kusto.Language.Syntax.MakeSeriesToClause>,
  MakeSeriesStepClause: true as OnlyShipped<S.MakeSeriesStepClause, Kusto.Language.Syntax.MakeSeriesStepClause>,
  DefaultExpressionClause: true as OnlyShipped<
    S.DefaultExpressionClause,
    Kusto.Language.Syntax.DefaultExpressionClause
  >,
  MakeSeriesFromToStepClause: true as OnlyShipped<
    S.MakeSeriesFromToStepClause,
    Kusto.Language.Syntax.MakeSeriesFromToStepClause
  >,
  MakeSeriesInRangeClause: true as OnlyShipped<
    S.MakeSeriesInRangeClause,
    Kusto.Language.Syntax.MakeSeriesInRangeClause
  >,
  MakeSeriesExpression: true as OnlyShipped<S.MakeSeriesExpression, Kusto.Language.Syntax.MakeSeriesExpression>,
  MakeSeriesByClause: true as OnlyShipped<S.MakeSeriesByClause, Kusto.Language.Syntax.MakeSeriesByClause>,
  MakeSeriesOperator: true as OnlyShipped<S.MakeSeriesOperator, Kusto.Language.Syntax.MakeSeriesOperator>,
  NameEqualsClause: true as OnlyShipped<S.NameEqualsClause, Kusto.Language.Syntax.NameEqualsClause>,
  ForkExpression: true as OnlyShipped<S.ForkExpression, Kusto.Language.Syntax.ForkExpression>,
  ForkOperator: true as OnlyShipped<S.ForkOperator, Kusto.Language.Syntax.ForkOperator>,
  FacetWithOperatorClause: true as OnlyShipped<
    S.FacetWithOperatorClause,
    Kusto.Language.Syntax.FacetWithOperatorClause
  >,
  FacetWithExpressionClause: true as OnlyShipped<
    S.FacetWithExpressionClause,
    Kusto.Language.Syntax.FacetWithExpressionClause
  >,
  FacetOperator: true as OnlyShipped<S.FacetOperator, Kusto.Language.Syntax.FacetOperator>,
  FindInClause: true as OnlyShipped<S.FindInClause, Kusto.Language.Syntax.FindInClause>,
  SearchOperator: true as OnlyShipped<S.SearchOperator, Kusto.Language.Syntax.SearchOperator>,
  DataTableExpression: true as OnlyShipped<S.DataTableExpression, Kusto.Language.Syntax.DataTableExpression>,
  RangeOperator: true as OnlyShipped<S.RangeOperator, Kusto.Language.Syntax.RangeOperator>,
  UnionOperator: true as OnlyShipped<S.UnionOperator, Kusto.Language.Syntax.UnionOperator>,
  SummarizeByClause: true as OnlyShipped<S.SummarizeByClause, Kusto.Language.Syntax.SummarizeByClause>,
  SummarizeOperator: true as OnlyShipped<S.SummarizeOperator, Kusto.Language.Syntax.SummarizeOperator>,
  JoinOnClause: true as OnlyShipped<S.JoinOnClause, Kusto.Language.Syntax.JoinOnClause>,
  JoinOperator: true as OnlyShipped<S.JoinOperator, Kusto.Language.Syntax.JoinOperator>,
  LookupOperator: true as OnlyShipped<S.LookupOperator, Kusto.Language.Syntax.LookupOperator>,
  FindProjectClause: true as OnlyShipped<S.FindProjectClause, Kusto.Language.Syntax.FindProjectClause>,
  FindOperator: true as OnlyShipped<S.FindOperator, Kusto.Language.Syntax.FindOperator>,
  InvokeOperator: true as OnlyShipped<S.InvokeOperator, Kusto.Language.Syntax.InvokeOperator>,
  EvaluateOperator: true as OnlyShipped<S.EvaluateOperator, Kusto.Language.Syntax.EvaluateOperator>,
} as const;

// Classes the interfaces stand for, named as the binder's runtime names them (Kusto.Language.Symbols or .Syntax).
const symbolClasses = new Set([
  "Symbol",
  "ColumnSymbol",
  "TableSymbol",
  "Parameter",
  "Signature",
  "FunctionSymbol",
  "DatabaseSymbol",
  "GroupSymbol",
]);
const languageClasses = new Set(["Diagnostic", "GlobalState", "KustoCode"]);
const genericClasses: Record<string, string> = { SyntaxList: "SyntaxList$1", SeparatedElement: "SeparatedElement$1" };

describe("the compiler's syntax interfaces", () => {
  it("each stands for a class Kusto.Language defines at run time", () => {
    const L = kustoLanguage().Kusto.Language;
    const missing = Object.keys(checked)
      .filter((name) => name !== "ReadOnlyList")
      .map((name) => (name === "KustoSymbol" ? "Symbol" : name))
      .filter((name) => {
        const space = symbolClasses.has(name) ? L.Symbols : languageClasses.has(name) ? L : L.Syntax;
        return typeof space[genericClasses[name] ?? name] !== "function";
      });
    expect(missing).toEqual([]);
  });

  it("the typed members are the ones a parsed node has: a legacy partition's { query } is its Query", () => {
    const K = kustoLanguage().Kusto.Language;
    const code = K.KustoCode.ParseAndAnalyze(
      'let T = datatable(k: string)["a"]; T | partition hint.strategy=legacy by k { T }',
    );
    let operand: S.PartitionQuery | undefined;
    code.Syntax.WalkElements((e: S.SyntaxElement) => {
      if (K.Syntax.SyntaxKind.PartitionQuery === e.Kind) operand = e as S.PartitionQuery;
    });
    expect(operand?.Query).toBeDefined();
    expect((operand as unknown as { Expression?: unknown }).Expression).toBeUndefined();
  });
});
