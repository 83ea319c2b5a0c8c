// Byte-level string functions: base64, hashes, UTF-8 size.
import { createHash } from "node:crypto";
import type { KType } from "../types";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";

function onText(fn: (s: string) => string | number | null): ScalarFactory {
  return arity(1, 1, (argTypes: readonly KType[]) => {
    const f = formatterFor(argTypes[0]);
    return (args) => fn(f(args[0]));
  });
}

/** base64_decode_tostring: null when the text is not base64 or not UTF-8, rather than garbage. */
function decodeBase64(s: string): string | null {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return null;
  const bytes = Buffer.from(t, "base64");
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : null;
}

const hash = (algorithm: string) => (s: string) => createHash(algorithm).update(s, "utf8").digest("hex");

export const encodingFunctions: ScalarTable = {
  base64_encode_tostring: onText((s) => Buffer.from(s, "utf8").toString("base64")),
  base64_decode_tostring: onText(decodeBase64),
  hash_sha256: onText(hash("sha256")),
  hash_sha1: onText(hash("sha1")),
  hash_md5: onText(hash("md5")),
  string_size: onText((s) => Buffer.byteLength(s, "utf8")),
};
