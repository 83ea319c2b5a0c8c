// URL and path functions: url_encode/url_encode_component/url_decode (.NET HttpUtility rules), parse_url,
// parse_urlquery, parse_path. Bags are prototype-free, so any query key is data.
import type { KType, Value } from "../types";
import { type Bag, newBag } from "./bag-object";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";

function unaryText(fn: (s: string) => Value): ScalarFactory {
  return arity(1, 1, (argTypes: readonly KType[]) => {
    const f = formatterFor(argTypes[0]);
    return (args) => fn(f(args[0]));
  });
}

/** Characters HttpUtility.UrlEncode leaves alone: ASCII letters, digits and - _ . ! * ( ). */
function isUrlSafe(b: number): boolean {
  return (
    (b >= 97 && b <= 122) ||
    (b >= 65 && b <= 90) ||
    (b >= 48 && b <= 57) ||
    b === 45 ||
    b === 95 ||
    b === 46 ||
    b === 33 ||
    b === 42 ||
    b === 40 ||
    b === 41
  );
}

/**
 * UTF-8 percent-encoding with lowercase hex, as .NET's HttpUtility.UrlEncode writes it (the reference pages show
 * "https%3a%2f%2f"); a space is "+" for url_encode and "%20" for url_encode_component.
 */
export function urlEncode(s: string, space: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    if (isUrlSafe(b)) out += String.fromCharCode(b);
    else if (b === 32) out += space;
    else out += `%${b.toString(16).padStart(2, "0")}`;
  }
  return out;
}

const hexByte = /^[0-9a-fA-F]{2}$/;

/**
 * HttpUtility.UrlDecode: "+" is a space, %xx a byte, %uXXXX a UTF-16 unit; a "%" that starts no escape stays as written.
 * Escaped bytes that are not UTF-8 give null rather than replacement characters.
 */
export function urlDecode(s: string): string | null {
  const bytes: number[] = [];
  let out = "";
  let broken = false;
  const flush = () => {
    if (bytes.length) {
      const buf = Buffer.from(bytes);
      const text = buf.toString("utf8");
      if (!Buffer.from(text, "utf8").equals(buf)) broken = true;
      out += text;
    }
    bytes.length = 0;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "+") {
      bytes.push(32);
    } else if (ch === "%" && hexByte.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === "%" && (s[i + 1] === "u" || s[i + 1] === "U") && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      flush();
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      flush();
      out += ch;
    }
  }
  flush();
  return broken ? null : out;
}

/** Query text (with or without its leading "?") to a bag of decoded parameters; a repeated key keeps the last. */
function queryBag(query: string): Bag {
  const bag = newBag();
  const text = query.startsWith("?") ? query.slice(1) : query;
  if (text === "") return bag;
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = urlDecode(eq < 0 ? part : part.slice(0, eq)) ?? "";
    bag[key] = eq < 0 ? "" : (urlDecode(part.slice(eq + 1)) ?? "");
  }
  return bag;
}

const urlShape =
  /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/** parse_url: Scheme, Host, Port, Path, Username, Password, Query Parameters, Fragment; an empty bag for text that is no absolute URL. */
export function parseUrl(s: string): Bag {
  const bag = newBag();
  const m = urlShape.exec(s.trim());
  if (!m || m[3] === "") return bag;
  const [, scheme, userinfo, host, port, path, query, fragment] = m;
  const colon = userinfo === undefined ? -1 : userinfo.indexOf(":");
  bag.Scheme = scheme;
  bag.Host = host;
  bag.Port = port ?? "";
  bag.Path = path;
  bag.Username = userinfo === undefined ? "" : (urlDecode(colon < 0 ? userinfo : userinfo.slice(0, colon)) ?? "");
  bag.Password = userinfo === undefined || colon < 0 ? "" : (urlDecode(userinfo.slice(colon + 1)) ?? "");
  bag["Query Parameters"] = queryBag(query ?? "");
  bag.Fragment = fragment ?? "";
  return bag;
}

function parseUrlQuery(s: string): Bag {
  const bag = newBag();
  bag["Query Parameters"] = queryBag(s);
  return bag;
}

/** parse_path: Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension, AlternateDataStreamName. */
export function parsePath(input: string): Bag {
  let rest = input;
  let scheme = "";
  const sm = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//.exec(rest);
  if (sm) {
    scheme = sm[1];
    rest = rest.slice(sm[0].length);
  }
  const root = /^[A-Za-z]:/.exec(rest)?.[0] ?? "";
  const cut = Math.max(rest.lastIndexOf("/"), rest.lastIndexOf("\\"));
  const directoryPath = cut < 0 ? "" : rest.slice(0, cut);
  let filename = cut < 0 ? rest.slice(root.length) : rest.slice(cut + 1);
  let stream = "";
  const colon = filename.indexOf(":");
  if (colon >= 0) {
    stream = filename.slice(colon + 1);
    filename = filename.slice(0, colon);
  }
  const dirCut = Math.max(directoryPath.lastIndexOf("/"), directoryPath.lastIndexOf("\\"));
  const dot = filename.lastIndexOf(".");
  const bag = newBag();
  bag.Scheme = scheme;
  bag.RootPath = root;
  bag.DirectoryPath = directoryPath;
  bag.DirectoryName = directoryPath.slice(dirCut + 1);
  bag.Filename = filename;
  bag.Extension = dot < 0 ? "" : filename.slice(dot + 1);
  bag.AlternateDataStreamName = stream;
  return bag;
}

export const urlFunctions: ScalarTable = {
  url_encode: unaryText((s) => urlEncode(s, "+")),
  url_encode_component: unaryText((s) => urlEncode(s, "%20")),
  url_decode: unaryText(urlDecode),
  parse_url: unaryText(parseUrl),
  parseurl: unaryText(parseUrl),
  parse_urlquery: unaryText(parseUrlQuery),
  parseurlquery: unaryText(parseUrlQuery),
  parse_path: unaryText(parsePath),
};
