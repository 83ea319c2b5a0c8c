// Reads the text of a dynamic literal as Kusto does: JSON plus single-quoted and verbatim (@'...') strings.
import { MAX_DYNAMIC_DEPTH, newBag, tooDeep } from "../scalars/bag-object";
import { parseLongText } from "../scalars/int64";
import type { Value } from "../types";
import { dynamicReal } from "../values/dynamic-real";
import { formatDatetime, formatTimespan, parseDatetime, parseTimespan } from "../values/time";

const escapes: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "/": "/",
  b: "\b",
  f: "\f",
  "0": "\0",
};

const typed = /(dynamic|datetime|date|timespan|time|guid|bool|boolean|string|int|long|real|double|decimal)\s*\(/iy;
const wordAt = /true|false|null|-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;

/** Text the reader cannot read as a dynamic value: what it expected, and where. */
export class DynamicSyntaxError extends Error {
  constructor(
    readonly what: string,
    readonly offset: number,
    text: string,
  ) {
    super(`dynamic literal: ${what} at offset ${offset} in ${text}`);
    this.name = "DynamicSyntaxError";
  }
}

export function parseDynamicLiteral(text: string, where = "dynamic literal"): Value {
  let pos = 0;
  const fail = (what: string): never => {
    throw new DynamicSyntaxError(what, pos, text);
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  // h'...' / h@'...' hide a string from traces (string.md, obfuscated string literals); the value is the same string.
  const stringStart = (at: number): boolean => {
    const c = text[at] === "h" || text[at] === "H" ? text[at + 1] : text[at];
    return c === '"' || c === "'" || c === "@";
  };
  const readString = (): string => {
    if (text[pos] === "h" || text[pos] === "H") pos++;
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
      if (text[pos] === "]") return (pos++, items);
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") return (pos++, items);
        else fail("expected , or ]");
      }
    }
    if (ch === "{") {
      pos++;
      // No prototype: "__proto__", "toString" and "constructor" are keys like any other.
      const bag = newBag();
      skipSpace();
      if (text[pos] === "}") return (pos++, bag);
      for (;;) {
        skipSpace();
        const key = stringStart(pos) ? readString() : fail("expected a quoted key");
        skipSpace();
        if (text[pos++] !== ":") fail("expected :");
        bag[key] = readValue(depth + 1);
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") return (pos++, bag);
        else fail("expected , or }");
      }
    }
    if (stringStart(pos)) return readString();
    typed.lastIndex = pos;
    const call = typed.exec(text);
    if (call) {
      pos += call[0].length;
      return readTyped(call[1].toLowerCase(), depth);
    }
    // Sticky: matching at pos without copying the rest of the text keeps long literals linear.
    wordAt.lastIndex = pos;
    const word = wordAt.exec(text);
    if (!word) return fail("unsupported value");
    pos += word[0].length;
    const w = word[0];
    if (w === "true" || w === "false" || w === "null") return w === "true" ? true : w === "false" ? false : null;
    // Whole numbers are longs: exact (a bigint beyond 2^53) while they fit in int64, else a real as in JSON.
    if (/^-?\d+$/.test(w)) return (parseLongText(w) ?? dynamicReal(Number(w))) as Value;
    // Written with a fraction or exponent (42.0, 1e3): a real, kept apart from the long of the same value.
    return dynamicReal(Number(w));
  };
  /** The text inside typename( ... ): a quoted string or the raw characters up to the closing parenthesis. */
  const readInner = (): string => {
    skipSpace();
    let inner: string;
    if (text[pos] === '"' || text[pos] === "'" || text[pos] === "@") inner = readString();
    else {
      const close = text.indexOf(")", pos);
      if (close < 0) fail("unterminated (");
      inner = text.slice(pos, close).trim();
      pos = close;
    }
    skipSpace();
    if (text[pos++] !== ")") fail("expected )");
    return inner;
  };
  /** Kusto lets typed literals appear inside a dynamic literal: they become their dynamic form (datetimes as ISO text). */
  const readTyped = (type: string, depth: number): Value => {
    if (type === "dynamic") {
      const inner = readValue(depth);
      skipSpace();
      if (text[pos++] !== ")") fail("expected )");
      return inner;
    }
    const inner = readInner();
    if (inner === "null") return null;
    switch (type) {
      case "datetime":
      case "date": {
        const ticks = parseDatetime(inner);
        return ticks === null ? fail(`invalid datetime(${inner})`) : formatDatetime(ticks);
      }
      case "timespan":
      case "time": {
        const ticks = parseTimespan(inner);
        return ticks === null ? fail(`invalid timespan(${inner})`) : formatTimespan(ticks);
      }
      case "guid":
        return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(inner)
          ? inner.toLowerCase()
          : fail(`invalid guid(${inner})`);
      case "bool":
      case "boolean":
        return inner === "true" ? true : inner === "false" ? false : fail(`invalid bool(${inner})`);
      case "string":
        return inner;
      case "int":
      case "long":
      case "real":
      case "double":
      case "decimal": {
        const n = /^-?\d+$/.test(inner) && type !== "real" && type !== "double" ? parseLongText(inner) : Number(inner);
        if (n === null || (typeof n === "number" && Number.isNaN(n))) return fail(`invalid ${type}(${inner})`);
        return type === "real" || type === "double" ? dynamicReal(n as number) : n;
      }
      default:
        return fail(`${type}(...) inside a dynamic literal`);
    }
  };
  const value = readValue(0);
  skipSpace();
  if (pos !== text.length) fail("unexpected text after the value");
  return value;
}
