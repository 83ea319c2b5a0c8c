// parse-kv: extracts the listed keys from key/value text, in one of three modes, first appearance of a key winning,
// surrounding white space trimmed, a missing key null ("" for strings). https://learn.microsoft.com/kusto/query/parse-kv-operator
//  delimiters: pair_delimiter and kv_delimiter split pairs; quote/escape protect delimiters; greedy=true lets an
//              unquoted value run on to the next "key<kv_delimiter>".
//  no delimiters: any non-alphanumeric character separates; a listed key's value is the token after it.
//  regex: each match of a two-group regex is one (key, value).
import { convertTo } from "../../scalars";
import { compileKustoRegex } from "../../scalars/regex";
import { type KType, nullOf, type Value } from "../../types";
import {
  columnType,
  elements,
  kindOf,
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
import type { ParseKvOperator } from "../syntax";

export interface KvOptions {
  readonly pairDelimiter?: string;
  readonly kvDelimiter?: string;
  /** Pairs of [open, close] quote characters. */
  readonly quotes: readonly (readonly [string, string])[];
  readonly escapes: readonly string[];
  readonly greedy: boolean;
  readonly regex?: string;
}

/** Reads a quoted run starting at text[start] (an opening quote); returns its unescaped content and the index after it. */
function readQuoted(
  text: string,
  start: number,
  close: string,
  escapes: readonly string[],
): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (escapes.includes(ch) && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === close) return { value, end: i + 1 };
    value += ch;
    i++;
  }
  return { value, end: i };
}

function quoteAt(text: string, i: number, options: KvOptions): string | undefined {
  return options.quotes.find(([open]) => text.startsWith(open, i))?.[1];
}

/** Delimiter mode: the (key, value) pairs in order of appearance. */
export function delimitedPairs(text: string, options: KvOptions): [string, string][] {
  const pair = options.pairDelimiter as string;
  const kv = options.kvDelimiter as string;
  const out: [string, string][] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]) && !text.startsWith(pair, i) && !text.startsWith(kv, i)) i++;
  };
  const toNextPair = () => {
    const next = text.indexOf(pair, i);
    i = next < 0 ? text.length : next + pair.length;
  };
  while (i < text.length) {
    skipSpace();
    let key: string;
    const keyClose = quoteAt(text, i, options);
    if (keyClose) {
      const q = readQuoted(text, i, keyClose, options.escapes);
      key = q.value;
      i = q.end;
      skipSpace();
    } else {
      const kvAt = text.indexOf(kv, i);
      const pairAt = text.indexOf(pair, i);
      if (kvAt < 0 || (pairAt >= 0 && pairAt < kvAt)) {
        // No key/value delimiter before the next pair: not a pair.
        if (pairAt < 0) break;
        i = pairAt + pair.length;
        continue;
      }
      key = text.slice(i, kvAt).trim();
      i = kvAt;
    }
    if (!text.startsWith(kv, i)) {
      toNextPair();
      continue;
    }
    i += kv.length;
    skipSpace();
    const valueClose = quoteAt(text, i, options);
    if (valueClose) {
      const q = readQuoted(text, i, valueClose, options.escapes);
      out.push([key, q.value]);
      i = q.end;
      toNextPair();
      continue;
    }
    let end = text.indexOf(pair, i);
    if (options.greedy) {
      // The value runs on while the next segment holds no key/value delimiter.
      while (end >= 0) {
        const nextEnd = text.indexOf(pair, end + pair.length);
        const segment = text.slice(end + pair.length, nextEnd < 0 ? text.length : nextEnd);
        if (segment.includes(kv)) break;
        end = nextEnd;
      }
    }
    out.push([key, text.slice(i, end < 0 ? text.length : end).trim()]);
    i = end < 0 ? text.length : end + pair.length;
  }
  return out;
}

const wordChar = /[\p{L}\p{N}_]/u;

/** No-delimiter mode: tokens are runs of letters/digits or quoted runs; a key's value is the token after it. */
export function undelimitedPairs(text: string, options: KvOptions): [string, string][] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const close = quoteAt(text, i, options);
    if (close) {
      const q = readQuoted(text, i, close, options.escapes);
      tokens.push(q.value);
      i = q.end;
    } else if (wordChar.test(text[i])) {
      let j = i;
      while (j < text.length && wordChar.test(text[j])) j++;
      tokens.push(text.slice(i, j));
      i = j;
    } else i++;
  }
  const out: [string, string][] = [];
  for (let t = 0; t + 1 < tokens.length; t++) out.push([tokens[t], tokens[t + 1]]);
  return out;
}

function regexPairs(pattern: string): (text: string) => [string, string][] {
  const regex = compileKustoRegex(pattern);
  if (regex.groupCount !== 2)
    throw new Error(
      `parse-kv: regex ${JSON.stringify(pattern)} must have exactly two capturing groups (key, value), it has ${regex.groupCount}`,
    );
  return (text) => [...regex.matchAll(text)].map((m) => [(m.groups[1] ?? "").trim(), (m.groups[2] ?? "").trim()]);
}

function options(node: ParseKvOperator, scope: Scope): KvOptions {
  const props = node.WithClause ? elements(node.WithClause.Properties) : [];
  const quotes: [string, string][] = [];
  const escapes: string[] = [];
  let pairDelimiter: string | undefined;
  let kvDelimiter: string | undefined;
  let greedy = false;
  let regex: string | undefined;
  for (const p of props) {
    const name = String(p.Name?.SimpleName ?? "").toLowerCase();
    const expr = p.Expression;
    const value =
      kindOf(expr) === "BooleanLiteralExpression"
        ? literalValue(scope, expr, "bool")
        : literalValue(scope, expr, "string");
    if (name === "pair_delimiter") pairDelimiter = String(value);
    else if (name === "kv_delimiter") kvDelimiter = String(value);
    else if (name === "greedy") greedy = value === true;
    else if (name === "regex") regex = String(value);
    else if (name === "escape") escapes.push(String(value));
    else if (name === "quote") {
      const q = String(value);
      if (q.length < 1 || q.length > 2)
        throw new Error(`parse-kv: quote must be one or two characters, got ${JSON.stringify(q)}`);
      quotes.push([q[0], q[q.length - 1]]);
    } else throw unsupported(scope, p, `parse-kv option ${name}`);
  }
  if ((pairDelimiter === undefined) !== (kvDelimiter === undefined))
    throw new Error("parse-kv: give both pair_delimiter and kv_delimiter, or neither");
  if (pairDelimiter === "" || kvDelimiter === "")
    throw new Error("parse-kv: pair_delimiter and kv_delimiter must not be empty");
  return { pairDelimiter, kvDelimiter, quotes, escapes, greedy, regex };
}

export function compileParseKv(node: ParseKvOperator, scope: Scope): OperatorFn {
  const opts = options(node, scope);
  const source = compileScalar(node.Expression, scope);
  const sourceText = convertTo("string", typeOf(scope, node.Expression));
  const keys = elements(node.Keys?.Columns).map((decl) => {
    const name = String(decl.Name?.SimpleName ?? "");
    const type: KType = columnType(decl.Name?.ResultType);
    return {
      name,
      type,
      convert: type === "string" ? (v: string): Value => v : (convertTo(type, "string") as (v: string) => Value),
    };
  });
  const pairsOf =
    opts.regex !== undefined
      ? regexPairs(opts.regex)
      : opts.pairDelimiter !== undefined
        ? (t: string) => delimitedPairs(t, opts)
        : (t: string) => undelimitedPairs(t, opts);
  const columns = resultColumns(node);
  const wanted = new Set(keys.map((k) => k.name));
  return (input, ctx) => ({
    columns,
    rows: input.rows.map((row) => {
      const v = source(row, ctx);
      const found = new Map<string, string>();
      if (v !== null) {
        for (const [key, value] of pairsOf(sourceText(v) as string))
          if (wanted.has(key) && !found.has(key)) found.set(key, value);
      }
      const out: Row = Object.assign(newRow(), row);
      for (const k of keys) {
        const text = found.get(k.name);
        out[k.name] = text === undefined ? nullOf(k.type) : k.convert(text);
      }
      return out;
    }),
  });
}
