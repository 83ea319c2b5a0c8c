// parse and parse-where (kind=simple, regex, relaxed): the pattern becomes one RE2 regex anchored at the start,
// with a named group per column. https://learn.microsoft.com/kusto/query/parse-operator
//  simple:  literals match as text; a typed number column must look like its type; any column that does not convert
//           makes every column null (strict).
//  regex:   literals are regular expressions, string columns are greedy `(.*)`, flags=U/i/m/s apply to the whole.
//  relaxed: literals as text, a number column its type's regex or else `(.*?)`, other columns `(.*?)`; a column that
//           does not convert is null on its own.
import { convertTo } from "../../scalars";
import { compileKustoRegex, type KustoRegex } from "../../scalars/regex";
import { type KType, nullOf, type Value } from "../../types";
import {
  columnType,
  elements,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  type Row,
  resultColumns,
  type Scope,
  typeOf,
  unsupported,
} from "../context";
import { compileScalar } from "../expressions";
import { literalValue } from "../literals";
import type { Expression, NameAndTypeDeclaration, NameDeclaration, ParseOperator, ParseWhereOperator } from "../syntax";

type ParseKind = "simple" | "regex" | "relaxed";

interface Capture {
  readonly name: string;
  readonly type: KType;
  readonly group: string;
  readonly convert: (text: string) => Value;
}

/** RE2 metacharacters escaped, so a literal delimiter matches as text. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

const integer = "-?\\d+";
const real = "-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";

/** The regex a column captures with. */
function columnRegex(kind: ParseKind, type: KType, last: boolean): string {
  const typed = type === "int" || type === "long" ? integer : type === "real" || type === "decimal" ? real : undefined;
  const any = last ? ".*" : ".*?";
  // relaxed: a number column takes what looks like its type first (before a `*`, `.*?` alone would take nothing), else
  // any text, which then converts to null (parse-operator.md, relaxed example: sliceNumber before `*`).
  if (kind === "relaxed") return typed ? `${typed}|${any}` : any;
  if (kind === "simple" && typed) return typed;
  if (kind === "regex") return type === "int" || type === "long" ? integer : ".*";
  return last ? ".*" : ".*?";
}

function textParameter(node: Expression | undefined): string {
  return node ? String(node.ToString?.() ?? "").trim() : "";
}

export interface CompiledPattern {
  readonly regex: KustoRegex;
  readonly captures: readonly Capture[];
  readonly strict: boolean;
}

export function compilePattern(node: ParseOperator, scope: Scope): CompiledPattern {
  const params = namedParameters(node.Parameters);
  let kind: ParseKind = "simple";
  let flags = "";
  for (const [name, value] of params) {
    const text = textParameter(value);
    if (name === "kind" && (text === "simple" || text === "regex" || text === "relaxed")) kind = text;
    else if (name === "flags") flags = text;
    else throw unsupported(scope, node, `parse ${name}=${text}`);
  }
  if (flags && kind !== "regex") throw unsupported(scope, node, `parse flags with kind=${kind}`);
  const patterns = elements(node.Patterns);
  const captures: Capture[] = [];
  let source = "";
  patterns.forEach((p, i) => {
    const kindOfPart = kindOf(p);
    const last = i === patterns.length - 1;
    if (kindOfPart === "StringLiteralExpression" || kindOfPart === "CompoundStringLiteralExpression") {
      const text = String(literalValue(scope, p, "string"));
      source += kind === "regex" ? `(?:${text})` : escapeRegex(text);
    } else if (kindOfPart === "StarExpression") source += last ? "" : kind === "regex" ? ".*?" : "(?:.*?)";
    else if (kindOfPart === "NameDeclaration" || kindOfPart === "NameAndTypeDeclaration") {
      const typed = p as NameAndTypeDeclaration;
      const decl = kindOfPart === "NameDeclaration" ? (p as NameDeclaration) : typed.Name;
      const type: KType =
        kindOfPart === "NameDeclaration"
          ? "string"
          : columnType(typed.Type?.ReferencedSymbol ?? typed.Name?.ResultType);
      const group = `c${captures.length}`;
      const convert = type === "string" ? (v: string) => v : (convertTo(type, "string") as (v: string) => Value);
      captures.push({ name: String(decl.SimpleName), type, group, convert });
      source += `(?P<${group}>${columnRegex(kind, type, last)})`;
    } else throw unsupported(scope, p, `parse pattern ${kindOfPart}`);
  });
  // simple and relaxed read the whole text, newlines included; regex follows its own flags.
  const regex = compileKustoRegex(`^(?:${source})`, kind === "regex" ? flags : "s");
  return { regex, captures, strict: kind !== "relaxed" };
}

/** The captured values of one text, or undefined when the pattern does not match (or, strict, a column fails to convert). */
export function parseText(pattern: CompiledPattern, text: string): Value[] | undefined {
  const m = pattern.regex.exec(text);
  if (!m) return undefined;
  const names = pattern.regex.groupNames;
  const values: Value[] = [];
  for (const c of pattern.captures) {
    const raw = m.groups[names.indexOf(c.group)] ?? "";
    const v = c.convert(raw);
    if (v === null && pattern.strict) return undefined;
    values.push(v);
  }
  return values;
}

function compileSource(
  node: ParseOperator,
  scope: Scope,
): (row: Row, ctx: Parameters<ReturnType<typeof compileScalar>>[1]) => string | null {
  const fn = compileScalar(node.Expression, scope);
  const type = typeOf(scope, node.Expression);
  if (type === "string")
    return (row, ctx) => {
      const v = fn(row, ctx);
      return typeof v === "string" ? v : null;
    };
  // A non-string expression is parsed as its text.
  const text = convertTo("string", type);
  return (row, ctx) => {
    const v = fn(row, ctx);
    return v === null ? null : (text(v) as string);
  };
}

export function compileParse(node: ParseOperator, scope: Scope): OperatorFn {
  const pattern = compilePattern(node, scope);
  const source = compileSource(node, scope);
  const columns = resultColumns(node);
  // Kusto strings are never null: an unmatched string capture is empty.
  const missing = pattern.captures.map((c) => nullOf(c.type));
  return (input, ctx) => ({
    columns,
    rows: input.rows.map((row) => {
      const text = source(row, ctx);
      const values = text === null ? undefined : parseText(pattern, text);
      const out: Row = Object.assign(newRow(), row);
      pattern.captures.forEach((c, i) => (out[c.name] = values ? values[i] : missing[i]));
      return out;
    }),
  });
}

/** parse-where: as parse, but rows whose text does not match (or does not convert, unless relaxed) are dropped. */
export function compileParseWhere(node: ParseWhereOperator, scope: Scope): OperatorFn {
  const pattern = compilePattern(node, scope);
  const source = compileSource(node, scope);
  const columns = resultColumns(node);
  return (input, ctx) => {
    const rows: Row[] = [];
    for (const row of input.rows) {
      const text = source(row, ctx);
      const values = text === null ? undefined : parseText(pattern, text);
      if (!values) continue;
      const out: Row = Object.assign(newRow(), row);
      pattern.captures.forEach((c, i) => (out[c.name] = values[i]));
      rows.push(out);
    }
    return { columns, rows };
  };
}
