// union: the rows of every leg, with Kusto's documented column rules (outer: one column per name and type; inner: common).
import { toArray } from "../../kusto-language";
import { type ColumnInfo, type KType, nullOf } from "../../types";
import {
  elements,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  parameterName,
  parameterText,
  position,
  type Row,
  resultColumns,
  type Scope,
  symbolColumns,
  symbolKindOf,
  type TabularFn,
  unsupported,
} from "../context";
import type {
  AsOperator,
  Expression,
  GroupSymbol,
  NameReference,
  ParenthesizedExpression,
  PipeExpression,
  SyntaxNode,
  TableSymbol,
  UnionOperator,
} from "../syntax";
import { compileTabular } from "../tabular";

interface UnionSource {
  readonly label: string;
  readonly fn: TabularFn;
  readonly columns: readonly ColumnInfo[];
}

/** One output column and, per leg, the leg's column feeding it (undefined: the leg lacks it, padded). */
export interface UnionColumn extends ColumnInfo {
  readonly from: ReadonlyMap<number, string>;
}

/**
 * Kusto's union schema (union-operator.md, kind): outer keeps one column per name and type, a name seen with several
 * types becomes `name_type` per type, and a generated name that another result column already has is made unique
 * with 1, 2... (`x_long1` beside a leg's own `x_long`); inner keeps the columns (same name and type) every leg has.
 */
export function unionColumns(legs: readonly (readonly ColumnInfo[])[], inner: boolean): UnionColumn[] | string {
  const types = new Map<string, KType[]>();
  for (const leg of legs)
    for (const c of leg) {
      const seen = types.get(c.name) ?? [];
      if (!seen.includes(c.type)) seen.push(c.type);
      types.set(c.name, seen);
    }
  if (inner) {
    const first = legs[0] ?? [];
    for (const c of first)
      if ((types.get(c.name)?.length ?? 0) > 1 && legs.every((l) => l.some((x) => x.name === c.name)))
        return `union kind=inner column ${c.name} of differing types`;
    return first
      .filter((c) => legs.every((l) => l.some((x) => x.name === c.name && x.type === c.type)))
      .map((c) => ({ ...c, from: new Map(legs.map((_, i) => [i, c.name])) }));
  }
  // Names kept as they are reserve themselves; generated names give way to them. Columns come by name in order of
  // first appearance, a name's types likewise (as the binder orders them).
  const taken = new Set([...types].filter(([, t]) => t.length === 1).map(([name]) => name));
  const out: UnionColumn[] = [];
  for (const [name, seen] of types)
    for (const type of seen) {
      let outName = name;
      if (seen.length > 1) {
        const base = `${name}_${type}`;
        outName = base;
        for (let n = 1; taken.has(outName); n++) outName = `${base}${n}`;
        taken.add(outName);
      }
      const from = new Map<number, string>();
      legs.forEach((leg, i) => {
        if (leg.some((c) => c.name === name && c.type === type)) from.set(i, name);
      });
      out.push({ name: outName, type, from });
    }
  return out;
}

/** A wildcard leg (ACS*) names every matching table; each is its own source. */
function groupTables(expr: Expression): { name: string; columns: ColumnInfo[] }[] | undefined {
  const symbol = kindOf(expr) === "NameReference" ? expr.ReferencedSymbol : undefined;
  if (!symbol || symbolKindOf(symbol) !== "Group") return undefined;
  return toArray<TableSymbol>((symbol as GroupSymbol).Members).map((table) => ({
    name: String(table.Name),
    columns: symbolColumns(table),
  }));
}

function legSchemas(expr: Expression): ColumnInfo[][] {
  return groupTables(expr)?.map((t) => t.columns) ?? [resultColumns(expr)];
}

function unionSource(expr: Expression, index: number, scope: Scope): UnionSource[] {
  const group = groupTables(expr);
  if (group)
    return group.map(({ name, columns }) => ({
      label: name,
      fn: (ctx) => ctx.tables[name] ?? { columns, rows: [] },
      columns,
    }));
  const label =
    kindOf(expr) === "NameReference"
      ? String((expr as NameReference).SimpleName)
      : (asName(expr) ?? `union_arg${index}`);
  return [{ label, fn: compileTabular(expr, scope), columns: resultColumns(expr) }];
}

function sourceColumnName(node: UnionOperator): string | undefined {
  const withSource = namedParameters(node.Parameters).get("withsource");
  return withSource ? parameterName(withSource) : undefined;
}

function isInner(node: UnionOperator): boolean {
  return parameterText(namedParameters(node.Parameters).get("kind")) === "inner";
}

/** Whether the union's rows are the query's result as they stand (nothing downstream reads its columns by name). */
function isQueryResult(node: UnionOperator): boolean {
  let up: SyntaxNode | null = node.Parent;
  if (up && kindOf(up) === "PipeExpression" && (up as PipeExpression).Operator === node) up = up.Parent;
  if (!up || kindOf(up) !== "ExpressionStatement") return false;
  // ExpressionStatement → SeparatedElement → List → QueryBlock.
  const block = up.Parent?.Parent?.Parent;
  // Every expression statement of the query is a result set of its own.
  return !!block && kindOf(block) === "QueryBlock";
}

function sameColumns(a: readonly ColumnInfo[], b: readonly ColumnInfo[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i].name && c.type === b[i].type);
}

/** The union's result columns, Kusto's way; refused where downstream operators were bound to the binder's other names. */
function planColumns(node: UnionOperator, scope: Scope, sources: readonly UnionSource[]): UnionColumn[] {
  const planned = unionColumns(
    sources.map((s) => s.columns),
    isInner(node),
  );
  if (typeof planned === "string") throw unsupported(scope, node, planned);
  const sourceColumn = sourceColumnName(node);
  // How Kusto names a withsource column that a leg already has is undocumented (the binder gives two equal names).
  if (sourceColumn !== undefined && planned.some((c) => c.name === sourceColumn))
    throw unsupported(scope, node, `union withsource=${sourceColumn}, a name one of its tables already has`);
  const all: UnionColumn[] = sourceColumn
    ? [{ name: sourceColumn, type: "string", from: new Map() }, ...planned]
    : planned;
  // Microsoft's binder names some of these columns otherwise (it suffixes the leg's own x_long, not the generated one).
  if (!sameColumns(all, resultColumns(node)) && !isQueryResult(node))
    throw unsupported(
      scope,
      node,
      `union whose columns Kusto names otherwise than the binder (${all.map((c) => c.name).join(", ")}) followed by more operators`,
    );
  return all;
}

function unionOf(node: UnionOperator, scope: Scope, sources: UnionSource[]): TabularFn {
  const sourceColumn = sourceColumnName(node);
  const columns = planColumns(node, scope, sources);
  return (ctx) => {
    const rows: Row[] = [];
    sources.forEach((s, i) => {
      const t = s.fn(ctx);
      const picks = columns.map((c, k) => (sourceColumn !== undefined && k === 0 ? undefined : c.from.get(i)));
      for (const r of t.rows) {
        const out: Row = newRow();
        columns.forEach((c, k) => {
          const pick = picks[k];
          const v = pick === undefined ? (sourceColumn !== undefined && k === 0 ? s.label : null) : r[pick];
          // A leg without the column pads it: null, or "" for a string (strings have no null).
          out[c.name] = v ?? nullOf(c.type);
        });
        rows.push(out);
      }
    });
    return { columns: columns.map(({ name, type }) => ({ name, type })), rows };
  };
}

/** The result columns of a query ending in a union (Kusto's names, which may differ from the binder's). */
export function unionResultColumns(expr: Expression): ColumnInfo[] | undefined {
  const pipe = kindOf(expr) === "PipeExpression" ? (expr as PipeExpression) : undefined;
  const op = pipe ? pipe.Operator : expr;
  if (kindOf(op) !== "UnionOperator") return undefined;
  const node = op as UnionOperator;
  const legs = unionLegs(node).flatMap(legSchemas);
  if (pipe) legs.unshift(resultColumns(pipe.Expression));
  const planned = unionColumns(legs, isInner(node));
  if (typeof planned === "string") return undefined;
  const sourceColumn = sourceColumnName(node);
  const columns = planned.map(({ name, type }) => ({ name, type }));
  return sourceColumn ? [{ name: sourceColumn, type: "string" }, ...columns] : columns;
}

/** The name a leg gives itself with a final `| as Name`, which withsource reports. */
function asName(expr: Expression): string | undefined {
  const kind = kindOf(expr);
  if (kind === "ParenthesizedExpression") return asName((expr as ParenthesizedExpression).Expression);
  const pipe = expr as PipeExpression;
  if (kind === "PipeExpression" && kindOf(pipe.Operator) === "AsOperator")
    return String((pipe.Operator as AsOperator).Name?.SimpleName ?? "") || undefined;
  return undefined;
}

/** The leftmost name of a leg (`(T | where ...)` → T). */
function leftmostName(expr: Expression): NameReference | undefined {
  const kind = kindOf(expr);
  if (kind === "NameReference") return expr as NameReference;
  if (kind === "ParenthesizedExpression" || kind === "PipeExpression")
    return leftmostName((expr as ParenthesizedExpression).Expression);
  return undefined;
}

/** The legs of a union; with isfuzzy=true a leg naming a table or view that does not exist is left out, as Kusto does. */
function unionLegs(node: UnionOperator): Expression[] {
  const fuzzy = parameterText(namedParameters(node.Parameters).get("isfuzzy")) === "true";
  const legs = elements(node.Expressions);
  if (!fuzzy) return legs;
  return legs.filter((leg) => {
    const name = leftmostName(leg);
    return !name || !!name.ReferencedSymbol;
  });
}

/** `union A, B` as the start of a query. */
export function compileUnionSource(node: UnionOperator, scope: Scope): TabularFn {
  // union-operator.md, isfuzzy: if no leg resolves, the query returns an error.
  if (unionLegs(node).length === 0)
    throw new Error(`union isfuzzy=true: none of its tables or views exists at ${position(scope, node)}`);
  return unionOf(
    node,
    scope,
    unionLegs(node).flatMap((e, i) => unionSource(e, i, scope)),
  );
}

/** `input | union A, B`: the piped input comes first. */
export function compileUnionOperator(
  node: UnionOperator,
  scope: Scope,
  inputColumns: readonly ColumnInfo[],
): OperatorFn {
  let piped: { value?: ReturnType<TabularFn> } = {};
  // as-operator.md: a name given by `as` is what withsource reports; a piped table reports its own name.
  const input = node.Parent && kindOf(node.Parent) === "PipeExpression" ? (node.Parent as PipeExpression) : undefined;
  const inputExpr = input?.Operator === node ? input.Expression : undefined;
  const first: UnionSource = {
    label: !inputExpr
      ? "union_arg0"
      : kindOf(inputExpr) === "NameReference"
        ? String((inputExpr as NameReference).SimpleName)
        : (asName(inputExpr) ?? "union_arg0"),
    fn: () => piped.value ?? { columns: inputColumns, rows: [] },
    columns: inputColumns,
  };
  const rest = unionLegs(node).flatMap((e, i) => unionSource(e, i + 1, scope));
  const fn = unionOf(node, scope, [first, ...rest]);
  return (input, ctx) => {
    piped = { value: input };
    return fn(ctx);
  };
}
