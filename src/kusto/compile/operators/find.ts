// find: rows matching a predicate across tables (find-operator.md). Tables holding none of the predicate's columns are
// left out; the output is source_ (or withsource), the projected columns, and for project-smart (the default) the
// predicate's columns and those common to all tables, with every other column of the row's table packed into pack_.
import { toDynamicValue } from "../../scalars/format";
import { type ColumnInfo, nullOf, type Value } from "../../types";
import {
  kindOf,
  namedParameters,
  newRow,
  parameterName,
  type Row,
  resultColumns,
  type Scope,
  symbolKindOf,
  type TabularFn,
  unsupported,
} from "../context";
import type { BinaryExpression, Expression, FindOperator, NameReference } from "../syntax";
import { compileSearchPredicate, namedSources, type RowPredicate } from "./search";

/** The column names a predicate reads, or undefined when it reads every column (a bare term or `*` as a condition). */
function predicateColumns(node: Expression | null | undefined, out = new Set<string>()): Set<string> | undefined {
  if (!node) return out;
  const kind = kindOf(node);
  if (kind === "StarExpression" || kind === "StringLiteralExpression") return undefined;
  if (kind === "AndExpression" || kind === "OrExpression" || kind === "ParenthesizedExpression") {
    for (let i = 0; i < node.ChildCount; i++) {
      const child = node.GetChild(i) as Expression | null;
      if (child && typeof child.ChildCount === "number" && child.ChildCount > 0 && !predicateColumns(child, out))
        return undefined;
    }
    return out;
  }
  namesIn(node, out);
  return out;
}

/** The column names an expression reads (literals inside it are values, not terms). */
function namesIn(node: Expression, out: Set<string>): void {
  if (kindOf(node) === "NameReference") {
    const symbol = (node as NameReference).ReferencedSymbol;
    if (symbol && symbolKindOf(symbol) === "Column") out.add(String((node as NameReference).SimpleName));
  }
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i) as Expression | null;
    if (child && typeof child.ChildCount === "number") namesIn(child, out);
  }
}

/** The disjuncts of `a or b or c` (a single one for any other expression). */
function disjuncts(node: Expression): Expression[] {
  const kind = kindOf(node);
  if (kind === "OrExpression") {
    const b = node as BinaryExpression;
    return [...disjuncts(b.Left), ...disjuncts(b.Right)];
  }
  if (kind === "ParenthesizedExpression") {
    const inner = (node as unknown as { Expression: Expression }).Expression;
    if (kindOf(inner) === "OrExpression") return disjuncts(inner);
  }
  return [node];
}

interface Disjunct {
  readonly columns: readonly string[];
  readonly test: RowPredicate;
}

export function compileFind(node: FindOperator, scope: Scope): TabularFn {
  if (node.ProjectAway) throw unsupported(scope, node.ProjectAway, "find ... project-away");
  for (const p of namedParameters(node.Parameters).keys())
    if (p !== "withsource" && !p.startsWith("hint.")) throw unsupported(scope, node, `find ${p}`);
  const columns = resultColumns(node);
  const withSource = namedParameters(node.Parameters).get("withsource");
  const sourceColumn = withSource ? parameterName(withSource) : "source_";
  // A table column of the same name makes the binder suffix both (x_string, x_long); how Kusto fills them is undocumented.
  if (columns[0]?.name !== sourceColumn)
    throw unsupported(scope, node, `find whose source column ${sourceColumn} is also a column of its tables`);
  const smart = !node.Project || String(node.Project.ProjectKeyword?.Text ?? "").toLowerCase() === "project-smart";
  // pack_ comes last, and only when some table has a column left to pack.
  const last = columns[columns.length - 1];
  const packColumn = smart && last.name === "pack_" && last.type === "dynamic" ? last : undefined;
  const shown = columns.slice(1, packColumn ? -1 : undefined);
  const condition: Expression = node.Condition;
  const read = predicateColumns(condition);
  const whole = compileSearchPredicate(condition, scope);
  const parts: Disjunct[] = disjuncts(condition).map((d) => ({
    columns: [...(predicateColumns(d) ?? [])],
    test: compileSearchPredicate(d, scope),
  }));
  const sources = namedSources(node, scope, "find", "source_");
  const partial = unsupported(scope, condition, "find predicate with a term over columns a table has only some of");
  const retyped = unsupported(scope, node, "find over a column of differing types (Kusto makes one column per type)");
  /** The tests that apply to a table, from the columns it has; none: the table is left out. */
  const testsFor = (tableColumns: readonly ColumnInfo[]): RowPredicate[] => {
    for (const c of shown) if (tableColumns.some((x) => x.name === c.name && x.type !== c.type)) throw retyped;
    if (!read || read.size === 0) return [whole];
    const has = new Set(tableColumns.map((c) => c.name));
    if (![...read].some((c) => has.has(c))) return [];
    if ([...read].every((c) => has.has(c))) return [whole];
    // The page's rule for a table with some of the columns: the disjuncts it can evaluate apply, the others do not.
    if (parts.some((d) => d.columns.some((c) => has.has(c)) && d.columns.some((c) => !has.has(c)))) throw partial;
    return parts.filter((d) => d.columns.every((c) => has.has(c))).map((d) => d.test);
  };
  return (ctx) => {
    const rows: Row[] = [];
    for (const source of sources) {
      const table = source.fn(ctx);
      const tests = testsFor(table.columns);
      if (tests.length === 0) continue;
      const packed = table.columns.filter((c) => !shown.some((s) => s.name === c.name));
      for (const row of table.rows) {
        if (!tests.some((t) => t(row, ctx, table.columns))) continue;
        const out = newRow();
        out[sourceColumn] = source.label;
        for (const c of shown) out[c.name] = (row[c.name] ?? nullOf(c.type)) as Value;
        if (packColumn) {
          const bag: Record<string, unknown> = Object.create(null);
          for (const c of packed) bag[c.name] = toDynamicValue(row[c.name] ?? null, c.type);
          out[packColumn.name] = bag as Value;
        }
        rows.push(out);
      }
    }
    return { columns, rows };
  };
}
