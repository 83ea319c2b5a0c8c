// Bitwise functions on Int64 (binary_and/or/xor/not, shifts, bitset_count_ones): computed in bigint, wrapped to 64 bits.
import type { Value } from "../types";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { normLong } from "./int64";

/** A whole number as bigint; a real argument is truncated as Kusto converts it to long. */
function asBig(v: Value): bigint | null {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isFinite(v)) return BigInt(Math.trunc(v));
  return null;
}

function bitwise2(fn: (a: bigint, b: bigint) => bigint): ScalarFactory {
  return arity(2, 2, () => (args) => {
    const a = asBig(args[0]);
    const b = asBig(args[1]);
    return a === null || b === null ? null : normLong(fn(a, b));
  });
}

/** value << (shift % 64) and value >> (shift % 64), arithmetic; a negative shift is null (binary-shift-left-function.md). */
function shift(left: boolean): ScalarFactory {
  return arity(2, 2, () => (args) => {
    const a = asBig(args[0]);
    const n = asBig(args[1]);
    if (a === null || n === null || n < 0n) return null;
    const by = n % 64n;
    return normLong(left ? BigInt.asIntN(64, a) << by : BigInt.asIntN(64, a) >> by);
  });
}

/** Set bits of the 64-bit two's complement form. */
export function countOnes(v: bigint): number {
  let x = BigInt.asUintN(64, v);
  let n = 0;
  while (x !== 0n) {
    x &= x - 1n;
    n++;
  }
  return n;
}

export const binaryFunctions: ScalarTable = {
  binary_and: bitwise2((a, b) => a & b),
  binary_or: bitwise2((a, b) => a | b),
  binary_xor: bitwise2((a, b) => a ^ b),
  binary_not: arity(1, 1, () => (args) => {
    const a = asBig(args[0]);
    return a === null ? null : normLong(~a);
  }),
  binary_shift_left: shift(true),
  binary_shift_right: shift(false),
  bitset_count_ones: arity(1, 1, () => (args) => {
    const a = asBig(args[0]);
    return a === null ? null : countOnes(a);
  }),
};
