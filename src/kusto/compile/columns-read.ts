// Which columns of an operator's output the rest of its pipeline reads: a join then copies only those into its rows.
import { isBuiltinFunction } from "./calls";
import { kindOf } from "./context";
import type { FunctionCallExpression, NameReference, PipeExpression, SyntaxElement, SyntaxNode } from "./syntax";

// Operators that pass rows on and read only the columns they name.
const passing = new Set(["FilterOperator", "ExtendOperator", "SortOperator", "TakeOperator", "TopOperator"]);
// Operators whose output is made only of what they name: columns they do not name are read by no one after them.
const closing = new Set(["SummarizeOperator", "ProjectOperator", "CountOperator", "DistinctOperator"]);
// Built-ins that read columns not named in the text: the whole row, or a column named by a string.
const implicitReaders = new Set(["pack_all", "column_ifexists"]);

/** Adds every name the subtree refers to; false when it may read a column without naming it (`*`, pack_all(), a user function). */
function namesIn(root: SyntaxElement, names: Set<string>): boolean {
  // An explicit stack: expressions such as `1+1+...` nest thousands deep.
  const pending: (SyntaxElement | null)[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node.GetChild !== "function") continue;
    const kind = kindOf(node);
    if (kind === "StarExpression") return false;
    if (kind === "NameReference") names.add(String((node as NameReference).SimpleName));
    if (kind === "FunctionCallExpression") {
      const symbol = (node as FunctionCallExpression).ReferencedSymbol;
      if (!symbol || !isBuiltinFunction(symbol)) return false;
      if (implicitReaders.has(String(symbol.Name).toLowerCase())) return false;
    }
    for (let i = node.ChildCount - 1; i >= 0; i--) pending.push(node.GetChild(i));
  }
  return true;
}

/**
 * The output columns of `operator` (an operator of a pipe) that the operators after it can read: a superset of the
 * names they refer to, up to the first one that builds its own columns (summarize, project, count, distinct).
 * Undefined when any column may be read: the output is the query's result or feeds a let, a function, another join.
 */
export function columnsReadAfter(operator: SyntaxNode): Set<string> | undefined {
  // Parents are checked to be pipes before they are read as such.
  let pipe = operator.Parent as PipeExpression | null;
  if (!pipe || kindOf(pipe) !== "PipeExpression" || pipe.Operator !== operator) return undefined;
  const names = new Set<string>();
  for (;;) {
    const next = pipe.Parent as PipeExpression | null;
    if (!next || kindOf(next) !== "PipeExpression" || next.Expression !== pipe) return undefined;
    const kind = kindOf(next.Operator);
    if (!passing.has(kind) && !closing.has(kind)) return undefined;
    if (!namesIn(next.Operator, names)) return undefined;
    if (closing.has(kind)) return names;
    pipe = next;
  }
}
