// Compiles tabular expressions and statement blocks (let, query, function bodies) into closures over a run context.

import { lineColumn } from "../analyzer";
import { UnsupportedError } from "../errors";
import { toArray } from "../kusto-language";
import { randomDraws } from "../scalars/random-draws";
import type { ColumnInfo, KType, Value } from "../types";
import { parameterBindings } from "./calls";
import {
  type Binding,
  columnType,
  elements,
  isOpenSchema,
  kindOf,
  type OperatorFn,
  position,
  type Row,
  type RunContext,
  resultColumns,
  type ScalarFn,
  type Scope,
  symbolKindOf,
  type Table,
  type TabularFn,
  tokenText,
  unsupported,
  withBindings,
} from "./context";
import { compileScalar, emptyRow } from "./expressions";
import { isLiteral, literalValue } from "./literals";
import { compileOperator, compileSource } from "./operators";
import { forkResultSets, type ResultSetFn } from "./operators/fork";
import { unionResultColumns } from "./operators/union";
import { patternBinding, patternReference } from "./patterns";
import { chained, drawsRandom, eachRowOf, withEachRow } from "./streaming";
import type {
  Diagnostic,
  EvaluateOperator,
  Expression,
  ExpressionStatement,
  FunctionBody,
  FunctionCallExpression,
  FunctionDeclaration,
  FunctionParameter,
  InvokeOperator,
  LetStatement,
  MaterializeExpression,
  MvApplySubqueryExpression,
  NameReference,
  ParenthesizedExpression,
  PatternStatement,
  PipeExpression,
  QueryBlock,
  QueryParametersStatement,
  SetOptionStatement,
  Statement,
  SyntaxNode,
} from "./syntax";

export function isTabular(node: Expression | null | undefined): boolean {
  // A pipe is tabular even where the binder gives no table (`... | consume` has no result type).
  return (
    (!!node?.ResultType && symbolKindOf(node.ResultType) === "Table") || (!!node && kindOf(node) === "PipeExpression")
  );
}

/** Values of the first column of a (sub)query, memoised per run: `x in (T | project y)`. */
export function tableValues(table: TabularFn, ctx: RunContext): Value[] {
  const cached = ctx.memo.get(table);
  if (cached) return cached as Value[];
  const t = table(ctx);
  const first = t.columns[0]?.name;
  const values = first === undefined ? [] : t.rows.map((r) => r[first] ?? null);
  ctx.memo.set(table, values);
  return values;
}

// Operators whose output keeps every input column (adding some): after an open schema they carry the run-time columns.
const passThroughKinds = new Set([
  "FilterOperator",
  "SortOperator",
  "TakeOperator",
  "TopOperator",
  "ExtendOperator",
  "SerializeOperator",
  "RenderOperator",
  "AsOperator",
  "SampleOperator",
  "ParseOperator",
  "ParseWhereOperator",
  "ParseKvOperator",
  "MvExpandOperator",
  "ScanOperator",
]);

// Operators whose output columns come from the binder's view of their input: wrong after an open schema.
const closedInputKinds = new Set([
  "ProjectRenameOperator",
  "ProjectReorderOperator",
  "UnionOperator",
  "JoinOperator",
  "LookupOperator",
  "MvApplyOperator",
  "PartitionOperator",
  "SearchOperator",
]);

/** Whether a tabular expression's columns are known only when it runs: an open schema not since fixed by a project, summarize... */
function openAtRun(expr: Expression): boolean {
  if (!isOpenSchema(expr)) return false;
  if (kindOf(expr) !== "PipeExpression")
    return kindOf(expr) === "ParenthesizedExpression" ? openAtRun((expr as ParenthesizedExpression).Expression) : true;
  const pipe = expr as PipeExpression;
  const op = kindOf(pipe.Operator);
  if (op === "EvaluateOperator") return !(pipe.Operator as EvaluateOperator).Schema;
  if (passThroughKinds.has(op) || op === "ProjectAwayOperator" || op === "ProjectKeepOperator")
    return openAtRun(pipe.Expression);
  return false;
}

/** The input's columns in order, then the operator's new ones. */
function mergeColumns(input: readonly ColumnInfo[], added: readonly ColumnInfo[]): ColumnInfo[] {
  const names = new Set(input.map((c) => c.name));
  return [...input, ...added.filter((c) => !names.has(c.name))];
}

function memoised(fn: TabularFn): TabularFn {
  const key = {};
  return (ctx) => {
    const hit = ctx.memo.get(key) as Table | undefined;
    if (hit) return hit;
    const t = fn(ctx);
    ctx.memo.set(key, t);
    return t;
  };
}

/**
 * A let's value, computed once per run unless computing it drew random numbers: a let binds a calculation that Kusto
 * evaluates at each reference (let-statement.md: use materialize() or toscalar() to fix one value), which only chance shows.
 */
function keptUnlessRandom<F extends (...args: never[]) => unknown>(fn: F): F {
  const key = {};
  return ((...args: Parameters<F>) => {
    const ctx = args[args.length - 1] as RunContext;
    if (ctx.memo.has(key)) return ctx.memo.get(key);
    const before = randomDraws();
    const value = fn(...args);
    if (randomDraws() === before) ctx.memo.set(key, value);
    return value;
  }) as F;
}

/**
 * A query-level let's table, kept as keptUnlessRandom says. Its rows are handed on one at a time: from the kept table,
 * or, when the let's own text draws random numbers (so it is never kept), straight from its calculation.
 */
function keptTable(table: TabularFn, random: boolean): TabularFn {
  const kept = keptUnlessRandom(table);
  return withEachRow(kept, random ? eachRowOf(table) : eachRowOf(kept));
}

export function compileTabular(node: Expression, scope: Scope): TabularFn {
  const kind = kindOf(node);
  switch (kind) {
    case "PipeExpression": {
      const pipe = node as PipeExpression;
      const input = compileTabular(pipe.Expression, scope);
      const opKind = kindOf(pipe.Operator);
      if (
        openAtRun(pipe.Expression) &&
        (closedInputKinds.has(opKind) || (opKind === "DistinctOperator" && /\*/.test(String(pipe.Operator.ToString()))))
      ) {
        // These operators take their columns from the binder, which cannot list an open schema's: refuse, not drop columns.
        const name = opKind
          .replace(/Operator$/, "")
          .replace(/([a-z])([A-Z])/g, "$1-$2")
          .toLowerCase();
        throw unsupported(
          scope,
          pipe.Operator,
          `${name} after a schema known only when the query runs (bag_unpack, pivot): project the columns first`,
        );
      }
      const op = compileOperator(pipe.Operator, scope, resultColumns(pipe.Expression));
      if (!isOpenSchema(node) || !passThroughKinds.has(kindOf(pipe.Operator))) {
        // Row-wise operators over a source that hands rows on run as one pass (streaming.ts); closed schemas only.
        const closed = !isOpenSchema(node) && !isOpenSchema(pipe.Expression);
        const chain = closed ? chained(input, op, resultColumns(pipe.Expression), resultColumns(node)) : undefined;
        return chain ?? ((ctx) => op(input(ctx), ctx));
      }
      // Open schema: the binder lists only the columns it knows, so the input's run-time columns are carried over.
      return (ctx) => {
        const before = input(ctx);
        const after = op(before, ctx);
        return { columns: mergeColumns(before.columns, after.columns), rows: after.rows };
      };
    }
    case "ParenthesizedExpression":
      return compileTabular((node as ParenthesizedExpression).Expression, scope);
    case "MaterializeExpression":
      return memoised(compileTabular((node as MaterializeExpression).Expression, scope));
    case "NameReference":
      return compileTableName(node as NameReference, scope);
    case "FunctionCallExpression":
      return (
        patternReference(node, scope, compilePatternBody) ?? compileTabularCall(node as FunctionCallExpression, scope)
      );
    case "PathExpression": {
      const pattern = patternReference(node, scope, compilePatternBody);
      if (pattern) return pattern;
      break;
    }
  }
  return compileSource(node, scope);
}

/**
 * A subquery whose first operator has no source of its own (mv-apply ... on (...), partition ... (...), facet with (...)):
 * that operator reads `input`, whose columns are `inputColumns`. A subquery with its own source ignores `input`.
 */
export function compileSubquery(node: Expression, scope: Scope, inputColumns: readonly ColumnInfo[]): OperatorFn {
  const kind = kindOf(node);
  if (kind === "ParenthesizedExpression" || kind === "MvApplySubqueryExpression")
    return compileSubquery((node as MvApplySubqueryExpression).Expression, scope, inputColumns);
  if (kind === "PipeExpression") {
    const pipe = node as PipeExpression;
    const left = compileSubquery(pipe.Expression, scope, inputColumns);
    const op = compileOperator(pipe.Operator, scope, resultColumns(pipe.Expression));
    return (input, ctx) => op(left(input, ctx), ctx);
  }
  if (kind.endsWith("Operator") && !sourceKinds.has(kind)) return compileOperator(node, scope, inputColumns);
  const source = compileTabular(node, scope);
  return (_input, ctx) => source(ctx);
}

const sourceKinds = new Set(["PrintOperator", "RangeOperator", "UnionOperator", "FindOperator"]);

function compilePatternBody(body: SyntaxNode, scope: Scope): TabularFn {
  const compiled = compileFunctionBody(body, scope);
  if (compiled.kind !== "tabular") throw unsupported(scope, body, "pattern case with a scalar body");
  return compiled.fn;
}

function compileTableName(node: NameReference, scope: Scope): TabularFn {
  const name = String(node.SimpleName);
  const symbolKind = node.ReferencedSymbol ? symbolKindOf(node.ReferencedSymbol) : "";
  const binding = scope.bindings.get(name);
  if (binding?.kind === "tabular" && symbolKind !== "Table") return binding.fn;
  if (symbolKind === "Function") return compileTabularCall(node, scope);
  if (symbolKind === "Variable" && !binding) {
    // A name given by `T | as Name` earlier in the query.
    return (ctx) => {
      const table = ctx.named?.get(name);
      if (!table)
        throw new Error(`tabular reference ${name} at ${position(scope, node)} is read before \`as ${name}\` ran`);
      return table;
    };
  }
  if (symbolKind !== "Table") throw unsupported(scope, node, `tabular reference ${name}`);
  const columns = resultColumns(node);
  // A table the data directory lacks is empty (the binder still knows its columns).
  return (ctx) => ctx.tables[name] ?? { columns, rows: [] };
}

/** A call of a tabular function, or a bare name of one (`MyFunction` without parentheses). */
function compileTabularCall(node: FunctionCallExpression | NameReference, scope: Scope): TabularFn {
  const name = String(node.ReferencedSymbol?.Name ?? "").toLowerCase();
  const argumentList = (node as Partial<FunctionCallExpression>).ArgumentList;
  if (name === "materialize" && argumentList)
    return memoised(compileTabular(elements(argumentList.Expressions)[0], scope));
  const expansion = node.GetExpansion();
  if (!expansion) throw unsupported(scope, node, `tabular function ${name}`);
  const body = compileExpansion(node, expansion, withBindings(scope, parameterBindings(node, scope)));
  if (body.kind !== "tabular") throw unsupported(scope, node, `scalar function ${name} in tabular position`);
  return body.fn;
}

export type CompiledBody =
  | { kind: "tabular"; fn: TabularFn }
  | { kind: "scalar"; fn: (row: Row, ctx: RunContext) => Value };

/** let statements bind names for what follows; the last expression statement is the result. */
function compileStatements(
  statements: Statement[],
  finalExpr: Expression | null | undefined,
  scope: Scope,
  what: SyntaxNode,
  memoize: boolean,
): CompiledBody {
  let result: Expression | null | undefined = finalExpr;
  const current = bindStatements(statements, scope, memoize, (expr, at, st) => {
    // A function body has one result; only a query returns several result sets.
    if (result) throw unsupported(at, st, "several result sets in a function body");
    result = expr;
  });
  if (!result) throw unsupported(current, what, "a query without a result expression");
  if (isTabular(result)) return { kind: "tabular", fn: compileTabular(result, current) };
  const fn = compileScalar(result, current);
  return { kind: "scalar", fn };
}

/** Binds let, query-parameter and pattern statements for what follows; each expression statement goes to `onResult`. */
function bindStatements(
  statements: Statement[],
  scope: Scope,
  memoize: boolean,
  onResult: (expr: Expression, at: Scope, statement: Statement) => void,
): Scope {
  let current = scope;
  for (const st of statements) {
    const kind = kindOf(st);
    if (kind === "LetStatement") {
      const letSt = st as LetStatement;
      current = withBindings(current, [
        [String(letSt.Name.SimpleName), compileLet(letSt.Expression, current, memoize)],
      ]);
    } else if (kind === "ExpressionStatement") onResult((st as ExpressionStatement).Expression, current, st);
    else if (kind === "QueryParametersStatement")
      current = withBindings(current, queryParameterDefaults(st as QueryParametersStatement, current));
    else if (kind === "SetOptionStatement") continue;
    else if (kind === "PatternStatement")
      current = withBindings(current, [patternBinding(st as PatternStatement, current)]);
    else throw unsupported(current, st, kind);
  }
  return current;
}

/** `declare query_parameters(...)`: nothing supplies values locally, so each parameter takes its declared default. */
function queryParameterDefaults(statement: QueryParametersStatement, scope: Scope): [string, Binding][] {
  return elements<FunctionParameter>(statement.Parameters).map((p): [string, Binding] => {
    const name = String(p.NameAndType?.Name?.SimpleName ?? "");
    const value = p.DefaultValue?.Value;
    if (!value) throw unsupported(scope, p, `query parameter ${name} without a default`);
    const type = columnType(p.NameAndType?.Name?.ResultType);
    const fn = isLiteral(value) ? literalScalar(scope, value, type) : compileScalar(value, scope);
    return [name, { kind: "scalar", fn }];
  });
}

function literalScalar(scope: Scope, value: Expression, type: KType): ScalarFn {
  const v = literalValue(scope, value, kindOf(value) === "NullLiteralExpression" ? "null" : type);
  return () => v;
}

/** Query-level lets are computed once per run; inside function bodies they may depend on per-row arguments, so they are not. */
function compileLet(expr: Expression, scope: Scope, memoize: boolean): Binding {
  const kind = kindOf(expr);
  if (kind === "FunctionDeclaration") {
    const declaration = expr as FunctionDeclaration;
    if (!tokenText(declaration.ViewKeyword) || elements(declaration.Parameters?.Parameters).length > 0)
      return { kind: "lambda" };
    try {
      const body = compileFunctionBody(declaration.Body, scope);
      return body.kind === "tabular"
        ? { kind: "lambda", view: memoize ? keptUnlessRandom(body.fn) : body.fn }
        : { kind: "lambda" };
    } catch (err) {
      // Calls expand the view on their own; only a database-wide search needs it compiled here, and fails as it did.
      return {
        kind: "lambda",
        view: () => {
          throw err;
        },
      };
    }
  }
  if (isTabular(expr)) {
    const table = compileTabular(expr, scope);
    return { kind: "tabular", fn: memoize ? keptTable(table, drawsRandom(expr)) : table };
  }
  const fn = compileScalar(expr, scope);
  if (!memoize) return { kind: "scalar", fn };
  const once = keptUnlessRandom((ctx: RunContext) => fn(emptyRow, ctx));
  return { kind: "scalar", fn: (_row, ctx) => once(ctx) };
}

/** Compiles a function's expansion; positions inside it are the function's own, so errors also name the call site. */
export function compileExpansion(call: SyntaxNode, body: SyntaxNode, scope: Scope): CompiledBody {
  if (call.CalledFunctionHasErrors) {
    const messages = toArray<Diagnostic>(call.GetCalledFunctionDiagnostics?.()).map((d) => String(d.Message));
    throw new Error(
      `function ${String(call.ReferencedSymbol?.Name)} (called at ${position(scope, call)}) does not analyze: ${messages.join("; ") || "its body has errors"}`,
    );
  }
  try {
    return compileFunctionBody(body, scope);
  } catch (err) {
    // A refusal inside a function names the outermost call site, where the user can see it.
    if (!(err instanceof UnsupportedError) || err.calledAt) throw err;
    const { line, column } = lineColumn(scope.code, call?.TextStart ?? 0);
    throw err.insideCall(String(call.ReferencedSymbol?.Name ?? "a function"), line, column);
  }
}

export function compileFunctionBody(body: SyntaxNode, scope: Scope): CompiledBody {
  if (kindOf(body) !== "FunctionBody") {
    const expr = body as Expression;
    return isTabular(expr)
      ? { kind: "tabular", fn: compileTabular(expr, scope) }
      : { kind: "scalar", fn: compileScalar(expr, scope) };
  }
  const functionBody = body as FunctionBody;
  return compileStatements(elements(functionBody.Statements), functionBody.Expression, scope, body, false);
}

/** `set name[=value];` statements, for the options the engine honours (result truncation). */
function setOptions(statements: Statement[]): Map<string, string | true> {
  const options = new Map<string, string | true>();
  for (const statement of statements) {
    if (kindOf(statement) !== "SetOptionStatement") continue;
    const st = statement as SetOptionStatement;
    const name = String(st.Name?.SimpleName ?? "").toLowerCase();
    const value = st.ValueClause?.Expression;
    options.set(
      name,
      value
        ? String(value.ToString())
            .trim()
            .replace(/^(["'])(.*)\1$/, "$2")
        : true,
    );
  }
  return options;
}

export function compileQueryBlock(
  block: QueryBlock,
  scope: Scope,
): ResultSetFn & { options: Map<string, string | true>; more: ResultSetFn[] } {
  const statements = elements(block.Statements);
  // Each expression statement is a result set (batches.md), in order; fork and facet give several.
  const sets: ResultSetFn[] = [];
  bindStatements(statements, scope, true, (expr, at, st) => sets.push(...resultSets(expr, at, st)));
  if (sets.length === 0) throw unsupported(scope, block, "a query without a result expression");
  const [first, ...more] = sets;
  return { ...first, options: setOptions(statements), more };
}

function resultSets(expr: Expression, scope: Scope, statement: Statement): ResultSetFn[] {
  if (!isTabular(expr)) {
    // Compiling it first reports what inside cannot run (a function whose body forks has no table type either).
    compileScalar(expr, scope);
    throw unsupported(
      scope,
      statement,
      "a bare scalar expression as the query (the column name Kusto gives it is not documented: write print <expression>)",
    );
  }
  const forked = forkResultSets(expr, scope);
  if (forked) return forked;
  return [
    {
      fn: compileTabular(expr, scope),
      // A final union names same-named columns of differing types Kusto's way, which the binder does not.
      columns: unionResultColumns(expr) ?? resultColumns(expr),
      open: isOpenSchema(expr),
    },
  ];
}

/** `input | invoke f(args)`: f's first (tabular) parameter is the piped input. */
export function compileInvoke(node: InvokeOperator, scope: Scope): (input: Table, ctx: RunContext) => Table {
  // The binder makes the invoked function a call (`invoke f(...)`), or a bare name for `invoke f`.
  const call = node.Function as FunctionCallExpression;
  const expansion = call?.GetExpansion?.();
  if (!expansion) throw unsupported(scope, node, "invoke of this function");
  const key = {};
  const piped: Binding = { kind: "tabular", fn: (ctx) => ctx.memo.get(key) as Table };
  const body = compileExpansion(call, expansion, withBindings(scope, parameterBindings(call, scope, undefined, piped)));
  if (body.kind !== "tabular") throw unsupported(scope, node, "invoke of a scalar function");
  return (input, ctx) => {
    ctx.memo.set(key, input);
    return body.fn(ctx);
  };
}
