// Reads the text of a dynamic literal as Kusto does: JSON plus single-quoted and verbatim (@'...') strings.
import type { Value } from "../types";

const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "/": "/", b: "\b", f: "\f", "0": "\0" };

export function parseDynamicLiteral(text: string): Value {
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
  const readValue = (): Value => {
    skipSpace();
    const ch = text[pos];
    if (ch === "[") {
      pos++;
      const items: unknown[] = [];
      skipSpace();
      if (text[pos] === "]") return pos++, items;
      for (;;) {
        items.push(readValue());
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") return pos++, items;
        else fail("expected , or ]");
      }
    }
    if (ch === "{") {
      pos++;
      const bag: Record<string, unknown> = {};
      skipSpace();
      if (text[pos] === "}") return pos++, bag;
      for (;;) {
        skipSpace();
        const key = text[pos] === '"' || text[pos] === "'" || text[pos] === "@" ? readString() : fail("expected a quoted key");
        skipSpace();
        if (text[pos++] !== ":") fail("expected :");
        bag[key] = readValue();
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
    return word[0] === "true" ? true : word[0] === "false" ? false : word[0] === "null" ? null : Number(word[0]);
  };
  const value = readValue();
  skipSpace();
  if (pos !== text.length) fail("unexpected text after the value");
  return value;
}
