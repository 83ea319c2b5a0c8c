// Byte-level string functions: base64 (text, byte arrays, GUIDs), gzip/zlib, hashes, UTF-8 size.
import { createHash } from "node:crypto";
import { deflateSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import type { KType, Value } from "../types";
import { asDouble } from "../values/dynamic-real";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";

function onText(fn: (s: string) => Value): ScalarFactory {
  return arity(1, 1, (argTypes: readonly KType[]) => {
    const f = formatterFor(argTypes[0]);
    return (args) => fn(f(args[0]));
  });
}

/** The bytes of base64 text, or null when the text is not base64. */
function base64Bytes(s: string): Buffer | null {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return null;
  return Buffer.from(t, "base64");
}

/** UTF-8 text of the bytes, or null when they are not UTF-8 (rather than replacement characters). */
function utf8Text(bytes: Buffer): string | null {
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : null;
}

/** base64_decode_tostring: null when the text is not base64 or not UTF-8, rather than garbage. */
function decodeBase64(s: string): string | null {
  const bytes = base64Bytes(s);
  return bytes === null ? null : utf8Text(bytes);
}

/** A .NET Guid's 16 bytes: the first three fields little-endian, the last two as written. */
function guidBytes(guid: string): Buffer | null {
  const hex = guid.replace(/-/g, "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const b = Buffer.from(hex, "hex");
  return Buffer.concat([
    b.subarray(0, 4).reverse(),
    b.subarray(4, 6).reverse(),
    b.subarray(6, 8).reverse(),
    b.subarray(8),
  ]);
}

function guidFromBytes(b: Buffer): string | null {
  if (b.length !== 16) return null;
  const h = Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8),
  ]).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** base64_encode_fromarray: every element a whole number 0..255, else null. */
function encodeByteArray(v: Value): string | null {
  if (!Array.isArray(v)) return null;
  const bytes: number[] = [];
  for (const x of v) {
    const n = asDouble(x);
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 255) return null;
    bytes.push(n);
  }
  return Buffer.from(bytes).toString("base64");
}

/**
 * Kusto's compressors write stored (level 0) deflate blocks: the reference's outputs for "1234567890qwertyuiop"
 * are exactly that (zlib header 78 01; gzip with XFL 0 and OS 255), so the same bytes come out here.
 */
function gzipBase64(s: string): string {
  const out = gzipSync(Buffer.from(s, "utf8"), { level: 0 });
  out[8] = 0;
  out[9] = 0xff;
  return out.toString("base64");
}

/** Decompressed text larger than this is refused with an error rather than filling memory (a "zip bomb"). */
const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

function tooLarge(err: unknown, fn: string): void {
  if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
    throw new Error(`${fn}: the decompressed text is larger than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB`);
  }
}

/** Decompression failures give "" as the reference says; a gzip FLG byte other than 0 is refused like Kusto does. */
function gunzipBase64(s: string): string {
  const bytes = base64Bytes(s);
  if (bytes === null || bytes.length < 10 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8 || bytes[3] !== 0)
    return "";
  try {
    return utf8Text(gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES })) ?? "";
  } catch (err) {
    tooLarge(err, "gzip_decompress_from_base64_string");
    return "";
  }
}

function inflateBase64(s: string): string {
  const bytes = base64Bytes(s);
  if (bytes === null) return "";
  try {
    return utf8Text(inflateSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES })) ?? "";
  } catch (err) {
    tooLarge(err, "zlib_decompress_from_base64_string");
    return "";
  }
}

const hash = (algorithm: string) => (s: string) => createHash(algorithm).update(s, "utf8").digest("hex");

const onValue = (fn: (v: Value) => Value): ScalarFactory => arity(1, 1, () => (args) => fn(args[0]));

export const encodingFunctions: ScalarTable = {
  // Bytes that are not UTF-8 give null: base64-encode-fromarray-function.md shows such an array "will return null".
  base64_decode_toarray: onText((s) => {
    const b = base64Bytes(s);
    return b === null || utf8Text(b) === null ? null : [...b];
  }),
  base64_decode_toguid: onText((s) => {
    const b = base64Bytes(s);
    return b === null ? null : guidFromBytes(b);
  }),
  base64_encode_fromarray: onValue(encodeByteArray),
  base64_encode_fromguid: onValue((v) => (typeof v === "string" ? (guidBytes(v)?.toString("base64") ?? null) : null)),
  gzip_compress_to_base64_string: onText(gzipBase64),
  gzip_decompress_from_base64_string: onText(gunzipBase64),
  zlib_compress_to_base64_string: onText((s) => deflateSync(Buffer.from(s, "utf8"), { level: 0 }).toString("base64")),
  zlib_decompress_from_base64_string: onText(inflateBase64),
  base64_encode_tostring: onText((s) => Buffer.from(s, "utf8").toString("base64")),
  base64_decode_tostring: onText(decodeBase64),
  hash_sha256: onText(hash("sha256")),
  hash_sha1: onText(hash("sha1")),
  hash_md5: onText(hash("md5")),
  string_size: onText((s) => Buffer.byteLength(s, "utf8")),
};
