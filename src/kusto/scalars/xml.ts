// parse_xml: XML text to dynamic by the reference's conversion table (parse-xml-function.md): <e/> → {"e": null},
// text-only → string, attributes as "@name", text beside children as "#text", repeated children as arrays.
// Only elements, attributes and text count; declarations, comments and processing instructions are skipped.
import type { KType, Value } from "../types";
import { type Bag, bagHas, newBag } from "./bag-object";
import { arity, type ScalarTable } from "./common";
import { formatterFor } from "./format";

/** Longer input gives null, as the reference says. */
const MAX_XML_BYTES = 1_048_576;
const MAX_XML_DEPTH = 1000;

interface XmlElement {
  readonly name: string;
  readonly attributes: [string, string][];
  readonly children: XmlElement[];
  readonly texts: string[];
}

class XmlError extends Error {}

const namedEntities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);|&/g, (all, body: string | undefined) => {
    if (body === undefined) throw new XmlError("bare &");
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = Object.hasOwn(namedEntities, body) ? namedEntities[body] : undefined;
    if (named === undefined) throw new XmlError(`unknown entity ${all}`);
    return named;
  });
}

const nameChars = /[A-Za-z_:][\w.:-]*/y;

/** A small non-validating XML reader: throws XmlError on malformed text. */
export function readXml(text: string): XmlElement {
  let pos = 0;
  const fail = (what: string): never => {
    throw new XmlError(`${what} at offset ${pos}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      if (text.startsWith("<?", pos)) pos = closeOf("?>");
      else if (text.startsWith("<!--", pos)) pos = closeOf("-->");
      else if (text.startsWith("<!DOCTYPE", pos)) fail("DOCTYPE is not supported");
      else return;
    }
  };
  const closeOf = (end: string): number => {
    const at = text.indexOf(end, pos);
    if (at < 0) fail(`missing ${end}`);
    return at + end.length;
  };
  const readName = (): string => {
    nameChars.lastIndex = pos;
    const m = nameChars.exec(text);
    if (!m) return fail("expected a name");
    pos += m[0].length;
    return m[0];
  };
  const readElement = (depth: number): XmlElement => {
    if (depth > MAX_XML_DEPTH) fail("too deeply nested");
    if (text[pos] !== "<") fail("expected <");
    pos++;
    const name = readName();
    const element: XmlElement = { name, attributes: [], children: [], texts: [] };
    for (;;) {
      while (/\s/.test(text[pos] ?? "")) pos++;
      if (text.startsWith("/>", pos)) {
        pos += 2;
        return element;
      }
      if (text[pos] === ">") {
        pos++;
        break;
      }
      const attr = readName();
      while (/\s/.test(text[pos] ?? "")) pos++;
      if (text[pos++] !== "=") fail("expected =");
      while (/\s/.test(text[pos] ?? "")) pos++;
      const quote = text[pos++];
      if (quote !== '"' && quote !== "'") fail("expected a quoted attribute value");
      const end = text.indexOf(quote, pos);
      if (end < 0) fail("unterminated attribute value");
      element.attributes.push([attr, decodeEntities(text.slice(pos, end))]);
      pos = end + 1;
    }
    for (;;) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) fail(`unclosed <${name}>`);
      if (lt > pos) element.texts.push(decodeEntities(text.slice(pos, lt)));
      pos = lt;
      if (text.startsWith("</", pos)) {
        pos += 2;
        if (readName() !== name) fail(`mismatched </...> for <${name}>`);
        while (/\s/.test(text[pos] ?? "")) pos++;
        if (text[pos++] !== ">") fail("expected >");
        return element;
      }
      if (text.startsWith("<!--", pos)) pos = closeOf("-->");
      else if (text.startsWith("<?", pos)) pos = closeOf("?>");
      else if (text.startsWith("<![CDATA[", pos)) fail("CDATA sections are not supported");
      else element.children.push(readElement(depth + 1));
    }
  };
  skipMisc();
  const root = readElement(0);
  skipMisc();
  if (pos !== text.length) fail("text after the root element");
  return root;
}

function convert(e: XmlElement): Value {
  const hasChildren = e.children.length > 0;
  // Whitespace between child elements is layout, not text.
  const texts = hasChildren
    ? e.texts.map((t) => t.trim()).filter((t) => t !== "")
    : e.texts.length
      ? [e.texts.join("")]
      : [];
  if (e.attributes.length === 0 && !hasChildren) return texts.length ? texts[0] : null;
  const bag: Bag = newBag();
  for (const [k, v] of e.attributes) bag[`@${k}`] = v;
  if (texts.length) bag["#text"] = texts.length === 1 ? texts[0] : texts;
  for (const c of e.children) {
    const v = convert(c);
    // An element's own value is never an array, so an array here is the list of a repeated child.
    if (!bagHas(bag, c.name)) bag[c.name] = v;
    else if (Array.isArray(bag[c.name])) (bag[c.name] as unknown[]).push(v);
    else bag[c.name] = [bag[c.name], v];
  }
  return bag;
}

/** The dynamic value of XML text, or null when it is not well-formed XML or longer than 1 MB. */
export function parseXml(text: string): Value {
  if (Buffer.byteLength(text, "utf8") > MAX_XML_BYTES) return null;
  let root: XmlElement;
  try {
    root = readXml(text);
  } catch (err) {
    if (err instanceof XmlError) {
      if (/not supported|too deeply/.test(err.message)) throw new Error(`parse_xml: ${err.message}`);
      return null;
    }
    throw err;
  }
  const out = newBag();
  out[root.name] = convert(root);
  return out;
}

export const xmlFunctions: ScalarTable = {
  parse_xml: arity(1, 1, (argTypes: readonly KType[]) => {
    const f = formatterFor(argTypes[0]);
    return (args) => parseXml(f(args[0]));
  }),
};
