// Narrow views of Kusto.Language's syntax tree and symbols: only the members the compiler reads, named as in the shipped
// node_modules/@kusto/language-service-next/Kusto.Language.Bridge.d.ts (test/kusto/syntax.test.ts checks the names).
// The shipped types mark every child `| null`; here a child the parser always builds (a missing one becomes an empty
// "missing" node) is typed as present, and only optional children (clauses, keywords, defaults) may be null.
/// <reference types="@kusto/language-service-next" />

/** The name of a SyntaxKind, as kindOf() returns it ("PipeExpression", "FilterOperator", ...). */
export type SyntaxKindName = keyof typeof Kusto.Language.Syntax.SyntaxKind;
/** The name of a SymbolKind, as symbolKindOf() returns it ("Table", "Column", "Function", ...). */
export type SymbolKindName = keyof typeof Kusto.Language.Symbols.SymbolKind;

/** A .NET read-only list from the bridge (System.Collections.Generic.IReadOnlyList$1); read it with toArray(). */
export interface ReadOnlyList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

/** The parts of the Kusto.Language namespace the compiler calls (its enums, built-in lists and naming rule). */
export interface KustoLanguageNamespace {
  readonly Syntax: { readonly SyntaxKind: object };
  readonly Symbols: { readonly SymbolKind: object };
  readonly Aggregates: { readonly All: ReadOnlyList<FunctionSymbol> };
  readonly Functions: { readonly All: ReadOnlyList<FunctionSymbol> };
  readonly KustoFacts: {
    /** The column name Kusto gives an expression (x = ..., a column, d.k -> d_k), null when it generates ColumnN. */
    GetExpressionResultName(expr: Expression, defaultName: string | null, rowScope: TableSymbol | null): string | null;
  };
}

// ---- Symbols (Kusto.Language.Symbols) ----

/** Kusto.Language.Symbols.Symbol (renamed: `Symbol` is JavaScript's). */
export interface KustoSymbol {
  readonly Name: string;
  readonly Kind: number;
}

export type TypeSymbol = KustoSymbol;

export interface ColumnSymbol extends KustoSymbol {
  readonly Type: TypeSymbol | null;
}

/** A table type; also the shape of TupleSymbol, whose Columns a tuple-returning function declares. */
export interface TableSymbol extends TypeSymbol {
  readonly Columns: ReadOnlyList<ColumnSymbol>;
  readonly IsOpen: boolean;
}

export interface Parameter {
  readonly Name: string;
  readonly DeclaredTypes: ReadOnlyList<TypeSymbol>;
  readonly DefaultValue: Expression | null;
}

export interface Signature {
  readonly Parameters: ReadOnlyList<Parameter>;
}

export interface FunctionSymbol extends KustoSymbol {
  readonly Signatures: ReadOnlyList<Signature>;
}

export interface Diagnostic {
  readonly Message: string;
  /** "Error", "Warning", "Suggestion"... */
  readonly Severity: string;
  readonly Code: string | null;
  readonly Start: number;
}

export interface DatabaseSymbol extends KustoSymbol {
  readonly Tables: ReadOnlyList<TableSymbol>;
}

/** A symbol standing for several (`ACS*` in search or union names every matching table): they are its Members. */
export interface GroupSymbol extends KustoSymbol {
  readonly Members: ReadOnlyList<KustoSymbol>;
}

export interface GlobalState {
  readonly Database: DatabaseSymbol | null;
  /** The binding cache (KustoCache) WithCache() attached, or null. */
  readonly Cache: unknown;
}

/** The analyzed query (Kusto.Language.KustoCode); positions are read through the analyzer's lineColumn(). */
export interface KustoCode {
  readonly Syntax: QueryBlock;
  readonly Globals: GlobalState | null;
  GetDiagnostics(): ReadOnlyList<Diagnostic> | null;
  /** 1-based line and column of a text position, through .NET out-parameters. */
  TryGetLineAndOffset(position: number, line: { v: number }, lineOffset: { v: number }): boolean;
}

// ---- Syntax (Kusto.Language.Syntax) ----

export interface SyntaxElement {
  readonly Kind: number;
  readonly TextStart: number;
  readonly ChildCount: number;
  readonly Parent: SyntaxNode | null;
  GetChild(index: number): SyntaxElement | null;
  GetFirstToken(includeZeroWidthTokens?: boolean): SyntaxToken | null;
  /** The node's source text as Kusto.Language renders it. */
  ToString(includeTrivia?: number): string;
}

export interface SyntaxToken extends SyntaxElement {
  readonly Text: string;
  GetNextToken(includeZeroWidthTokens?: boolean): SyntaxToken | null;
}

export interface SyntaxNode extends SyntaxElement {
  readonly ReferencedSymbol: KustoSymbol | null;
  readonly ReferencedSignature: Signature | null;
  readonly CalledFunctionHasErrors: boolean;
  GetCalledFunctionDiagnostics(): ReadOnlyList<Diagnostic> | null;
  /** The called function's body, bound for this call's arguments (a FunctionBody, or an expression). */
  GetExpansion(): SyntaxNode | null;
}

/** A list node; its items are SeparatedElement<T> where the syntax has separators (commas), else T. */
export interface SyntaxList<T extends SyntaxElement> extends SyntaxNode {
  readonly Count: number;
  getItem(index: number): T;
}

export interface SeparatedElement<T extends SyntaxElement> extends SyntaxNode {
  readonly Element: T;
}

/** A comma-separated list, as most lists in the grammar are. */
export type SeparatedList<T extends SyntaxElement> = SyntaxList<SeparatedElement<T>>;

export interface Expression extends SyntaxNode {
  readonly ResultType: TypeSymbol | null;
  readonly ConstantValue: unknown;
}

export interface Name extends SyntaxNode {
  readonly SimpleName: string;
}

export interface NameDeclaration extends Expression {
  readonly SimpleName: string;
  readonly Name: Name;
}

export interface NameReference extends Expression {
  readonly SimpleName: string;
  readonly Name: Name;
}

export interface LiteralExpression extends Expression {
  readonly Token: SyntaxToken;
}

export interface ExpressionList extends SyntaxNode {
  readonly Expressions: SeparatedList<Expression>;
}

export interface FunctionCallExpression extends Expression {
  readonly Name: NameReference;
  readonly ArgumentList: ExpressionList;
}

/** BinaryExpression: `a + b`, `a == b`, `a and b`, ... */
export interface BinaryExpression extends Expression {
  readonly Left: Expression;
  readonly Operator: SyntaxToken;
  readonly Right: Expression;
}

/** `-x`, `+x`. */
export interface PrefixUnaryExpression extends Expression {
  readonly Operator: SyntaxToken;
  readonly Expression: Expression;
}

/** `x in (...)`, `x !in~ (...)`. */
export interface InExpression extends Expression {
  readonly Left: Expression;
  readonly Operator: SyntaxToken;
  readonly Right: ExpressionList;
}

/** `x has_any (...)`, `x has_all (...)`. */
export interface HasAnyExpression extends Expression {
  readonly Left: Expression;
  readonly Operator: SyntaxToken;
  readonly Right: ExpressionList;
}

export interface ExpressionCouple extends SyntaxNode {
  readonly First: Expression;
  readonly Second: Expression;
}

/** `x between (a .. b)`. */
export interface BetweenExpression extends Expression {
  readonly Left: Expression;
  readonly Operator: SyntaxToken;
  readonly Right: ExpressionCouple;
}

export interface ParenthesizedExpression extends Expression {
  readonly Expression: Expression;
}

export interface BracketedExpression extends Expression {
  readonly Expression: Expression;
}

/** `x.name` or `x.['name']`. */
export interface PathExpression extends Expression {
  readonly Expression: Expression;
  readonly Selector: Expression;
}

/** `x[index]`: the selector is a BracketedExpression. */
export interface ElementExpression extends Expression {
  readonly Expression: Expression;
  readonly Selector: BracketedExpression;
}

export interface ToScalarExpression extends Expression {
  readonly Expression: Expression;
}

export interface MaterializeExpression extends Expression {
  readonly Expression: Expression;
}

/** `name = expr`. */
export interface SimpleNamedExpression extends Expression {
  readonly Name: NameDeclaration;
  readonly Expression: Expression;
}

/** `name: type`. */
export interface NameAndTypeDeclaration extends Expression {
  readonly Name: NameDeclaration;
  readonly Type: Expression;
}

export interface DefaultValueDeclaration extends SyntaxNode {
  readonly Value: Expression;
}

export interface FunctionParameter extends SyntaxNode {
  readonly NameAndType: NameAndTypeDeclaration;
  readonly DefaultValue: DefaultValueDeclaration | null;
}

export interface FunctionParameters extends SyntaxNode {
  readonly Parameters: SeparatedList<FunctionParameter>;
}

export type Statement = SyntaxNode;

export interface FunctionBody extends SyntaxNode {
  readonly Statements: SeparatedList<Statement>;
  readonly Expression: Expression | null;
}

/** `(params) { body }` or `view (params) { body }`. */
export interface FunctionDeclaration extends Expression {
  readonly ViewKeyword: SyntaxToken | null;
  readonly Parameters: FunctionParameters;
  readonly Body: FunctionBody;
}

export interface LetStatement extends Statement {
  readonly Name: NameDeclaration;
  readonly Expression: Expression;
}

export interface ExpressionStatement extends Statement {
  readonly Expression: Expression;
}

export interface QueryParametersStatement extends Statement {
  readonly Parameters: SeparatedList<FunctionParameter>;
}

export interface OptionValueClause extends SyntaxNode {
  readonly Expression: Expression;
}

/** `set name[=value];`. */
export interface SetOptionStatement extends Statement {
  readonly Name: NameDeclaration;
  readonly ValueClause: OptionValueClause | null;
}

export interface PatternPathValue extends SyntaxNode {
  readonly Value: Expression;
}

/** One case of a pattern: `(args).[path] = { body }`. */
export interface PatternMatch extends SyntaxNode {
  readonly ParameterValues: ExpressionList;
  readonly PathValue: PatternPathValue | null;
  readonly Body: FunctionBody;
}

export interface PatternDeclaration extends Expression {
  readonly Patterns: SyntaxList<PatternMatch>;
}

/** `declare pattern P = (args).[path] { cases }`. */
export interface PatternStatement extends Statement {
  readonly Name: NameDeclaration;
  readonly Pattern: PatternDeclaration;
}

export interface RenameList extends SyntaxNode {
  readonly Names: SeparatedList<NameDeclaration>;
}

/** `(a, b) = f(x)`. */
export interface CompoundNamedExpression extends Expression {
  readonly Names: RenameList;
  readonly Expression: Expression;
}

export interface QueryBlock extends SyntaxNode {
  readonly Statements: SeparatedList<Statement>;
}

/** `name=value` parameters of an operator (kind=inner, withsource=T, ...). */
export interface NamedParameter extends SyntaxNode {
  readonly Name: NameDeclaration;
  readonly Expression: Expression;
}

export type QueryOperator = Expression;

/** `input | operator`. */
export interface PipeExpression extends Expression {
  readonly Expression: Expression;
  readonly Operator: QueryOperator;
}

/** An operator whose body is a comma list of expressions: extend, project and its variants, serialize, distinct... */
export interface OperatorWithExpressions extends QueryOperator {
  readonly Expressions: SeparatedList<Expression>;
}

export type ExtendOperator = OperatorWithExpressions;
export type ProjectOperator = OperatorWithExpressions;
export type ProjectAwayOperator = OperatorWithExpressions;
export type ProjectKeepOperator = OperatorWithExpressions;
export type ProjectRenameOperator = OperatorWithExpressions;
export type SerializeOperator = OperatorWithExpressions;

/** `where condition`. */
export interface FilterOperator extends QueryOperator {
  readonly Condition: Expression;
}

/** `take n`, `limit n`. */
export interface TakeOperator extends QueryOperator {
  readonly Expression: Expression;
}

export interface RenderWithClause extends SyntaxNode {
  readonly Properties: SeparatedList<NamedParameter>;
}

/** `render chart [params] [with (props)]`. */
export interface RenderOperator extends QueryOperator {
  readonly ChartType: SyntaxToken;
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly WithClause: RenderWithClause | null;
}

/** `as [hint.materialized=true] Name`. */
export interface AsOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Name: NameDeclaration;
}

export interface OrderingNullsClause extends SyntaxNode {
  readonly FirstOrLastKeyword: SyntaxToken;
}

/** `asc|desc [nulls first|last]`. */
export interface OrderingClause extends SyntaxNode {
  readonly AscOrDescKeyword: SyntaxToken | null;
  readonly NullsClause: OrderingNullsClause | null;
}

/** `expr asc nulls last` in sort/top. */
export interface OrderedExpression extends Expression {
  readonly Expression: Expression;
  readonly Ordering: OrderingClause | null;
}

export type SortOperator = OperatorWithExpressions;
export type DistinctOperator = OperatorWithExpressions;

/** `top n by expr [asc|desc]`. */
export interface TopOperator extends QueryOperator {
  readonly Expression: Expression;
  readonly ByExpression: Expression;
}

/** `sample n`. */
export interface SampleOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Expression: Expression;
}

/** `sample-distinct n of column`. */
export interface SampleDistinctOperator extends SampleOperator {
  readonly OfExpression: Expression;
}

/** `partition by key (subquery)`: the operand is a PartitionSubquery or a PartitionQuery (`{ ... }`). */
export interface PartitionOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly ByExpression: Expression;
  readonly Scope: SyntaxNode | null;
  readonly Operand: SyntaxNode;
}

export interface PartitionSubquery extends SyntaxNode {
  readonly Subquery: Expression;
}

/** `{ Source | ... }` of legacy partition: a query with its own source. */
export interface PartitionQuery extends SyntaxNode {
  readonly Query: Expression;
}

export interface TopHittersByClause extends SyntaxNode {
  readonly Expression: Expression;
}

/** `top-hitters n of column [by expr]`. */
export interface TopHittersOperator extends QueryOperator {
  readonly Expression: Expression;
  readonly OfExpression: Expression;
  readonly ByClause: TopHittersByClause | null;
}

/** One level of top-nested: `[n] of column [with others = v] by aggregate [asc|desc]`. */
export interface TopNestedClause extends SyntaxNode {
  readonly Expression: Expression | null;
  readonly OfExpression: Expression;
  readonly WithOthersClause: TopNestedWithOthersClause | null;
  readonly ByExpression: Expression;
}

/** `with others = value`. */
export interface TopNestedWithOthersClause extends SyntaxNode {
  readonly Expression: Expression;
}

export interface TopNestedOperator extends QueryOperator {
  readonly Clauses: SeparatedList<TopNestedClause>;
}

/** `typeof(long)`, `typeof(a:string, b:int)`. */
export interface TypeOfLiteralExpression extends Expression {
  readonly Types: SeparatedList<Expression>;
}

/** `to typeof(T)` after an mv-expand/mv-apply expression. */
export interface ToTypeOfClause extends SyntaxNode {
  readonly TypeOf: TypeOfLiteralExpression;
}

/** An item of mv-expand: `expr [to typeof(T)]`. */
export interface MvExpandExpression extends Expression {
  readonly Expression: Expression;
  readonly ToTypeOf: ToTypeOfClause | null;
}

export type MvApplyExpression = MvExpandExpression;

/** `limit n` of mv-expand and mv-apply. */
export interface MvExpandRowLimitClause extends Expression {
  readonly RowLimit: Expression;
}

export type MvApplyRowLimitClause = MvExpandRowLimitClause;

/** `mv-expand [params] items [limit n]`; each item is usually an MvExpandExpression. */
export interface MvExpandOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Expressions: SeparatedList<Expression>;
  readonly RowLimitClause: MvExpandRowLimitClause | null;
}

/** `mv-apply [params] items [limit n] [id=...] on (subquery)`. */
export interface MvApplyOperator extends MvExpandOperator {
  readonly ContextIdClause: SyntaxNode | null;
  readonly Subquery: MvApplySubqueryExpression;
}

export interface ScanDeclareClause extends SyntaxNode {
  readonly Declarations: SeparatedList<FunctionParameter>;
}

/** `name = expr` after a scan step's `=>`. */
export interface ScanAssignment extends SyntaxNode {
  readonly Name: NameReference;
  readonly Expression: Expression;
}

export interface ScanComputationClause extends SyntaxNode {
  readonly Assignments: SeparatedList<ScanAssignment>;
}

/** `step name [output=...]: condition [=> assignments];`. */
export interface ScanStep extends SyntaxNode {
  readonly Name: NameDeclaration;
  readonly ScanStepOutput: SyntaxNode | null;
  readonly Condition: Expression;
  readonly ComputationClause: ScanComputationClause | null;
}

/** `scan [params] [order by] [partition by] [declare (...)] with (steps)`. */
export interface ScanOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly OrderByClause: SyntaxNode | null;
  readonly PartitionByClause: SyntaxNode | null;
  readonly DeclareClause: ScanDeclareClause | null;
  readonly Steps: SyntaxList<ScanStep>;
}

/** `parse [params] expr with pattern...`; parse-where has the same shape. */
export interface ParseOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Expression: Expression;
  /** String literals, `*`, and the NameDeclaration/NameAndTypeDeclaration columns. */
  readonly Patterns: SyntaxList<Expression>;
}

export type ParseWhereOperator = ParseOperator;

export interface RowSchema extends SyntaxNode {
  readonly Columns: SeparatedList<NameAndTypeDeclaration>;
}

export interface ParseKvWithClause extends SyntaxNode {
  readonly Properties: SeparatedList<NamedParameter>;
}

/** `parse-kv expr as (k: type, ...) [with (options)]`. */
export interface ParseKvOperator extends QueryOperator {
  readonly Expression: Expression;
  readonly Keys: RowSchema;
  readonly WithClause: ParseKvWithClause | null;
}

/** A clause holding one expression (`on x`, `from a`, `to b`, `step c`, `default = v`). */
export interface ClauseWithExpression extends SyntaxNode {
  readonly Expression: Expression;
}

export type MakeSeriesOnClause = ClauseWithExpression;
export type MakeSeriesFromClause = ClauseWithExpression;
export type MakeSeriesToClause = ClauseWithExpression;
export type MakeSeriesStepClause = ClauseWithExpression;
export type DefaultExpressionClause = ClauseWithExpression;

/** `from a to b step c` (from and to optional). */
export interface MakeSeriesFromToStepClause extends SyntaxNode {
  readonly MakeSeriesFromClause: MakeSeriesFromClause | null;
  readonly MakeSeriesToClause: MakeSeriesToClause | null;
  readonly MakeSeriesStepClause: MakeSeriesStepClause;
}

/** `in range(start, stop, step)`. */
export interface MakeSeriesInRangeClause extends SyntaxNode {
  readonly Arguments: ExpressionList;
}

export type MakeSeriesRangeClause = MakeSeriesFromToStepClause | MakeSeriesInRangeClause;

/** `aggregate [default = v]`. */
export interface MakeSeriesExpression extends Expression {
  readonly Expression: Expression;
  readonly DefaultExpression: DefaultExpressionClause | null;
}

export interface MakeSeriesByClause extends SyntaxNode {
  readonly Expressions: SeparatedList<Expression>;
}

/** `make-series [params] aggregates on axis (from/to/step | in range(...)) [by ...]`. */
export interface MakeSeriesOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Aggregates: SeparatedList<MakeSeriesExpression>;
  readonly OnClause: MakeSeriesOnClause;
  readonly RangeClause: MakeSeriesRangeClause | null;
  readonly ByClause: MakeSeriesByClause | null;
}

/** `name =` before a fork leg. */
export interface NameEqualsClause extends Expression {
  readonly Name: NameDeclaration;
}

/** One leg of fork: `[name =] (subquery)`. */
export interface ForkExpression extends Expression {
  readonly NameEquals: NameEqualsClause | null;
  readonly Expression: Expression;
}

export interface ForkOperator extends QueryOperator {
  readonly Expressions: SyntaxList<ForkExpression>;
}

/** `with (subquery)` of facet, as an operator. */
export interface FacetWithOperatorClause extends SyntaxNode {
  readonly Operator: QueryOperator;
}

/** `with (subquery)` of facet, as an expression. */
export interface FacetWithExpressionClause extends SyntaxNode {
  readonly Expression: Expression;
}

/** `facet by columns [with (subquery)]`. */
export interface FacetOperator extends QueryOperator {
  readonly Expressions: SeparatedList<Expression>;
  readonly WithClause: FacetWithOperatorClause | FacetWithExpressionClause | null;
}

export interface FindInClause extends SyntaxNode {
  readonly Expressions: SeparatedList<Expression>;
}

/** `search [params] [in (tables)] condition`; the condition's `Column:"term"` parts are BinaryExpressions. */
export interface SearchOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly InClause: FindInClause | null;
  readonly Condition: Expression;
}

/** `datatable (schema) [values]`. */
export interface DataTableExpression extends Expression {
  readonly Values: SeparatedList<Expression>;
}

export type PrintOperator = OperatorWithExpressions;

/** `range name from a to b step c`. */
export interface RangeOperator extends QueryOperator {
  readonly From: Expression;
  readonly To: Expression;
  readonly Step: Expression;
}

/** `union [params] legs`. */
export interface UnionOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Expressions: SeparatedList<Expression>;
}

export interface SummarizeByClause extends SyntaxNode {
  readonly Expressions: SeparatedList<Expression>;
}

/** `summarize [params] aggregates [by keys]`. */
export interface SummarizeOperator extends QueryOperator {
  readonly Aggregates: SeparatedList<Expression>;
  readonly ByClause: SummarizeByClause | null;
}

/** `on key, $left.a == $right.b, ...`; the other condition clause, JoinWhereClause, the engine refuses. */
export interface JoinOnClause extends SyntaxNode {
  readonly Expressions: SeparatedList<Expression>;
}

/** `join [params] (right) on ...`. */
export interface JoinOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Expression: Expression;
  readonly ConditionClause: SyntaxNode | null;
}

/** `lookup [params] (right) on ...`. */
export interface LookupOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly Expression: Expression;
  readonly LookupClause: SyntaxNode | null;
}

export interface FindProjectClause extends SyntaxNode {
  readonly ProjectKeyword: SyntaxToken;
  readonly Columns: SeparatedList<Expression>;
}

/** `find [params] [in (tables)] where condition [project ...]`. */
export interface FindOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly InClause: FindInClause | null;
  readonly Condition: Expression;
  readonly Project: FindProjectClause | null;
  readonly ProjectAway: FindProjectClause | null;
}

export interface InvokeOperator extends QueryOperator {
  readonly Function: Expression;
}

/** `evaluate [params] plugin(args) [: schema]`. */
export interface EvaluateOperator extends QueryOperator {
  readonly Parameters: SyntaxList<NamedParameter>;
  readonly FunctionCall: FunctionCallExpression;
  readonly Schema: SyntaxNode | null;
}

/** The `(subquery)` of mv-apply. */
export interface MvApplySubqueryExpression extends Expression {
  readonly Expression: Expression;
}
