// parse (kind=simple, the default): literal text anchors, columns capture between them, * skips; no match gives nulls.
import { convertTo } from "../../scalars";
import type { KType, Value } from "../../types";
import { columnType, elements, kindOf, namedParameters, type Node, type OperatorFn, resultColumns, type Row, type Scope, unsupported } from "../context";
import { compileScalar } from "../expressions";
import { literalValue } from "../literals";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compileParse(node: Node, scope: Scope): OperatorFn {
  const params = namedParameters(node.Parameters);
  for (const [name, value] of params) {
    const text = String(value?.ToString?.() ?? "").trim().toLowerCase();
    if (name !== "kind" || text !== "simple") throw unsupported(scope, node, `parse ${name}=${text}`);
  }
  const source = compileScalar(node.Expression, scope);
  const captures: { name: string; convert: (v: Value) => Value; missing: Value }[] = [];
  const patterns = elements(node.Patterns);
  let regex = "^";
  patterns.forEach((p, i) => {
    const kind = kindOf(p);
    const last = i === patterns.length - 1;
    if (kind === "StringLiteralExpression") regex += escapeRegExp(String(literalValue(scope, p, "string")));
    else if (kind === "StarExpression") regex += last ? "" : "(?:.*?)";
    else if (kind === "NameDeclaration" || kind === "NameAndTypeDeclaration") {
      const decl = kind === "NameDeclaration" ? p : p.Name;
      const type: KType = kind === "NameDeclaration" ? "string" : columnType(p.Type?.ReferencedSymbol ?? p.Name?.ResultType);
      // Kusto strings are never null: an unmatched string capture is empty.
      captures.push({ name: String(decl.SimpleName), convert: type === "string" ? (v) => v : convertTo(type, "string"), missing: type === "string" ? "" : null });
      regex += last ? "(.*)" : "(.*?)";
    } else throw unsupported(scope, p, `parse pattern ${kind}`);
  });
  const matcher = new RegExp(regex, "s");
  const columns = resultColumns(node);
  return (input, ctx) => ({
    columns,
    rows: input.rows.map((row) => {
      const text = source(row, ctx);
      const m = typeof text === "string" ? matcher.exec(text) : null;
      const out: Row = { ...row };
      captures.forEach((c, i) => (out[c.name] = m ? c.convert(m[i + 1]) : c.missing));
      return out;
    }),
  });
}
