// hash/hash_xxhash64 (XXH64 of the value's bytes) and hash_md5/sha1/sha256 (hex digest of the value's tostring text).
import { createHash } from "node:crypto";
import type { KType, Value } from "../types";
import { EPOCH_DOTNET_TICKS } from "../values/time";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";
import { modLong, normLong } from "./int64";
import { xxhash64 } from "./xxhash64";

const utf8 = new TextEncoder();

function int64Bytes(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt.asIntN(64, v), true);
  return out;
}

/**
 * The bytes XXH64 reads, per type. Checked against hash-function.md: a string hashes its UTF-8 bytes ("World"),
 * a datetime its .NET ticks as a little-endian Int64 (datetime(2015-01-01)). Timespans, ints and longs use the same
 * Int64 form; types whose encoding the docs do not pin down (real, bool, guid, dynamic) are refused, not guessed.
 */
function bytesOf(type: KType): ((v: Value) => Uint8Array | null) | undefined {
  switch (type) {
    case "string":
      return (v) => utf8.encode(typeof v === "string" ? v : "");
    case "datetime":
      return (v) => (typeof v === "bigint" ? int64Bytes(v + EPOCH_DOTNET_TICKS) : null);
    case "timespan":
      return (v) => (typeof v === "bigint" ? int64Bytes(v) : null);
    case "int":
    case "long":
      return (v) =>
        typeof v === "bigint"
          ? int64Bytes(v)
          : typeof v === "number" && Number.isInteger(v)
            ? int64Bytes(BigInt(v))
            : null;
    default:
      return undefined;
  }
}

/** hash(source[, mod]): XXH64 as a signed long; with mod, the hash modulo mod, from 0 to mod - 1. */
const xxhashFn: ScalarFactory = arity(1, 2, (argTypes) => {
  const bytes = bytesOf(argTypes[0]);
  if (!bytes) return undefined;
  return (args) => {
    const b = bytes(args[0]);
    if (b === null) return null;
    const h = normLong(xxhash64(b));
    if (args.length < 2) return h;
    const mod = args[1];
    if (typeof mod !== "number" && typeof mod !== "bigint") return null;
    // hash-function.md promises a result "between 0 and mod - 1": no such value exists for mod <= 0.
    if (mod <= 0) throw new Error(`unsupported: hash with a mod of ${mod} (the reference defines mod - 1 >= 0 only)`);
    return modLong(h, mod);
  };
});

function digest(algorithm: "md5" | "sha1" | "sha256"): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    const text = formatterFor(argTypes[0]);
    return (args) =>
      args[0] === null || args[0] === undefined
        ? null
        : createHash(algorithm).update(text(args[0]), "utf8").digest("hex");
  });
}

export const hashFunctions: ScalarTable = {
  hash: xxhashFn,
  hash_xxhash64: xxhashFn,
  hash_md5: digest("md5"),
  hash_sha1: digest("sha1"),
  hash_sha256: digest("sha256"),
};
