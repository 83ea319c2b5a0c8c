// Reads the text of a dynamic literal as Kusto does: JSON plus single-quoted and verbatim (@'...') strings.
import { MAX_DYNAMIC_DEPTH, newBag, tooDeep } from "../scalars/bag-object";
import { parseLongText } from "../scalars/int64";
import type { Value } from "../types";

const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "/": "/", b: "\b", f: "\f", "0": "\0" };

export function parseDynamicLiteral(text: string, where = "dynamic literal"): Value {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`dynamic literal: ${what} at offset ${pos} in ${text}`);
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const readString = (): string => {
    const verbatim = text[pos] === "@";
    if (verbatim) pos++;
    const quote = text[pos++];
    let out = "";
    while (pos < text.length && text[pos] !== quote) {
      const ch = text[pos++];
      if (ch !== "\\" || verbatim) {
        out += ch;
        continue;
      }
      const next = text[pos++];
      if (next === "u") {
        out += String.fromCharCode(parseInt(text.slice(pos, pos + 4), 16));
        pos += 4;
      } else if (next in escapes) out += escapes[next];
      else fail(`unknown escape \\${next}`);
    }
    if (text[pos] !== quote) fail("unterminated string");
    pos++;
    return out;
  };
  const readValue = (depth: number): Value => {
    skipSpace();
    const ch = text[pos];
    if ((ch === "[" || ch === "{") && depth >= MAX_DYNAMIC_DEPTH) throw tooDeep(where);
    if (ch === "[") {
      pos++;
      const items: unknown[] = [];
      skipSpace();
      if (text[pos] === "]") return pos++, items;
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") return pos++, items;
        else fail("expected , or ]");
      }
    }
    if (ch === "{") {
      pos++;
      // No prototype: "__proto__", "toString" and "constructor" are keys like any other.
      const bag = newBag();
      skipSpace();
      if (text[pos] === "}") return pos++, bag;
      for (;;) {
        skipSpace();
        const key = text[pos] === '"' || text[pos] === "'" || text[pos] === "@" ? readString() : fail("expected a quoted key");
        skipSpace();
        if (text[pos++] !== ":") fail("expected :");
        bag[key] = readValue(depth + 1);
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") return pos++, bag;
        else fail("expected , or }");
      }
    }
    if (ch === '"' || ch === "'" || ch === "@") return readString();
    const word = /^(true|false|null|-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(text.slice(pos));
    if (!word) return fail("unsupported value");
    pos += word[0].length;
    const w = word[0];
    if (w === "true" || w === "false" || w === "null") return w === "true" ? true : w === "false" ? false : null;
    // Whole numbers are longs: exact (a bigint beyond 2^53) while they fit in int64, else a real as in JSON.
    if (/^-?\d+$/.test(w)) return (parseLongText(w) ?? Number(w)) as Value;
    return Number(w);
  };
  const value = readValue(0);
  skipSpace();
  if (pos !== text.length) fail("unexpected text after the value");
  return value;
}
