// Math, rounding and binning, plus the conditional functions (iff, case, min_of, max_of).
import type { KType, Value } from "../types";
import { checkedSpan } from "../values/arith";
import { arity, MS_FROM_YEAR_ONE_TO_EPOCH, MS_PER_DAY, type ScalarFactory, type ScalarTable } from "./common";
import { compareValues } from "./compare";
import { normLong, toDouble } from "./int64";
import { real1 } from "./math";

const math1 = real1;

/** floor/ceiling/round/abs/sign of a long stay exact: a bigint long is already whole, so only its sign matters. */
function integral(fn: (x: number) => number | null, big: (x: bigint) => Value): ScalarFactory {
  return arity(1, 1, () => (args) => {
    const x = args[0];
    return typeof x === "number" ? fn(x) : typeof x === "bigint" ? big(x) : null;
  });
}

/** |x| of a long; |-2^63| is beyond int64, where .NET's Math.Abs throws and Kusto fails (concepts/overflow.md). */
function absLong(x: bigint): Value {
  if (x === -(2n ** 63n)) throw new Error("abs: |-9223372036854775808| is beyond a long (at most 2^63 - 1)");
  return normLong(x < 0n ? -x : x);
}

/** round(x[, precision]): halves round away from zero (round(2.5) = 3, round(-2.5) = -3). */
export function roundAway(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** precision;
  // Far left of the first digit everything rounds to 0; from 2^52 up a scaled double has no fraction left to round.
  if (f === 0) return 0;
  const scaled = Math.abs(x) * f;
  if (!(scaled < 2 ** 52)) return x;
  // Rounding the magnitude makes Math.round's "half up" into Kusto's "half away from zero".
  const r = Math.round(scaled);
  const out = (Math.sign(x) * r) / f;
  return out === 0 ? 0 : out;
}

const round: ScalarFactory = arity(1, 2, () => (args) => {
  const x = args[0];
  if (typeof x === "bigint") {
    const digits = args.length < 2 ? 0 : args[1];
    if (typeof digits !== "number" && typeof digits !== "bigint") return null;
    if (digits >= 0) return x;
    // |x| < 10^19, so from 10^20 on every long rounds to 0 (and 10n ** huge would never finish).
    if (digits <= -20) return 0;
    // Negative precision on a long beyond 2^53: round the magnitude half up in bigint (halves away from zero).
    const f = 10n ** BigInt(Math.trunc(-Number(digits)));
    const m = (((x < 0n ? -x : x) + f / 2n) / f) * f;
    // round(9223372036854775807, -19) is 10^19, beyond a long: Kusto fails an overflow (concepts/overflow.md).
    if (m > 2n ** 63n) throw new Error(`round: ${x} to ${digits} digits is beyond a long`);
    return normLong(x < 0n ? -m : m);
  }
  if (typeof x !== "number") return null;
  const p = args.length > 1 ? args[1] : 0;
  // A precision beyond 2^53 either way: nothing to round, or everything rounds to 0.
  if (typeof p === "bigint") return p > 0n ? x : 0;
  if (typeof p !== "number") return null;
  return roundAway(x, Math.trunc(p));
});

/** Floors to a multiple of size; datetimes bin from 0001-01-01 like Kusto, which equals the epoch for sizes dividing a day. */
export function binFor(valueType: KType): (v: number, size: number) => number | null {
  if (valueType === "datetime") {
    return (v, size) => {
      if (!(size > 0)) return null;
      if (MS_PER_DAY % size === 0) return Math.floor(v / size) * size;
      return Math.floor((v + MS_FROM_YEAR_ONE_TO_EPOCH) / size) * size - MS_FROM_YEAR_ONE_TO_EPOCH;
    };
  }
  return (v, size) => {
    if (!(size > 0)) return null;
    const b = Math.floor(v / size) * size;
    return b === 0 ? 0 : b;
  };
}

const bin: ScalarFactory = arity(2, 2, (argTypes) => {
  const b = binFor(argTypes[0]);
  return (args) => {
    const v = args[0];
    const size = args[1];
    if (typeof v === "number" && typeof size === "number") return b(v, size);
    return typeof v === "bigint" || typeof size === "bigint" ? binLong(v, size) : null;
  };
});

/** bin of a long beyond 2^53: floor division in bigint, so the bin stays exact. */
function binLong(v: Value, size: Value): Value {
  const whole = (x: Value) =>
    typeof x === "bigint" ? x : typeof x === "number" && Number.isInteger(x) ? BigInt(x) : null;
  const a = whole(v);
  const s = whole(size);
  if (a === null || s === null) {
    const x = toDouble(v);
    const y = toDouble(size);
    return x === null || y === null || !(y > 0) ? null : Math.floor(x / y) * y;
  }
  if (s <= 0n) return null;
  const q = a / s - (a % s < 0n ? 1n : 0n);
  return normLong(q * s);
}

/** bin_at(value, size, fixed_point): bins aligned so that fixed_point starts a bin. */
const binAt: ScalarFactory = arity(3, 3, () => (args) => {
  const [v, size, at] = args;
  if (typeof v === "bigint" || typeof size === "bigint" || typeof at === "bigint") return binAtLong(v, size, at);
  if (typeof v !== "number" || typeof size !== "number" || typeof at !== "number" || !(size > 0)) return null;
  return Math.floor((v - at) / size) * size + at;
});

/** bin_at with a long beyond 2^53 among its arguments: exact floor division in bigint when all three are whole. */
function binAtLong(v: Value, size: Value, at: Value): Value {
  const whole = (x: Value) =>
    typeof x === "bigint" ? x : typeof x === "number" && Number.isInteger(x) ? BigInt(x) : null;
  const [a, s, o] = [whole(v), whole(size), whole(at)];
  if (a === null || s === null || o === null) {
    const [x, y, z] = [toDouble(v), toDouble(size), toDouble(at)];
    return x === null || y === null || z === null || !(y > 0) ? null : Math.floor((x - z) / y) * y + z;
  }
  if (s <= 0n) return null;
  const d = a - o;
  const q = d / s - (d % s < 0n ? 1n : 0n);
  const r = q * s + o;
  if (r !== BigInt.asIntN(64, r)) throw new Error(`bin_at: the bin of ${v} is beyond a long`);
  return normLong(r);
}

function math2(fn: (x: number, y: number) => number | null): ScalarFactory {
  return arity(2, 2, () => (args) => {
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    return x !== null && y !== null ? fn(x, y) : null;
  });
}

/** iff(cond, then, else): a null condition takes the else branch. */
const iff: ScalarFactory = arity(3, 3, () => (args) => (args[0] === true ? args[1] : args[2]));

/** case(c1, v1, c2, v2, ..., else). */
const caseFn: ScalarFactory = (argTypes) => {
  if (argTypes.length < 3 || argTypes.length % 2 === 0) return undefined;
  const last = argTypes.length - 1;
  return (args) => {
    for (let i = 0; i < last; i += 2) if (args[i] === true) return args[i + 1];
    return args[last];
  };
};

/** min_of/max_of: nulls are ignored; null only when every argument is null. */
function extremeOf(sign: 1 | -1): ScalarFactory {
  return (argTypes, resultType) => {
    if (argTypes.length < 2) return undefined;
    const cmp = compareValues(resultType);
    // A real result holds a long beyond 2^53 as the double it converts to (a real column never holds a bigint).
    const asResult = resultType === "real" ? (v: Value) => (typeof v === "bigint" ? Number(v) : v) : (v: Value) => v;
    return (args) => {
      let best: Value = null;
      for (let i = 0; i < args.length; i++) {
        const v = asResult(args[i]);
        if (v === null || v === undefined) continue;
        if (best === null || sign * cmp(v, best) < 0) best = v;
      }
      return best;
    };
  };
}

// log-function.md: null only for a negative (or null) argument; NaN is neither, so its logarithm is NaN.
const positiveLog = (fn: (x: number) => number) => (x: number) => (x < 0 ? null : x === 0 ? -Infinity : fn(x));

export const numberFunctions: ScalarTable = {
  round,
  bin,
  floor: (argTypes, resultType, ctx) =>
    argTypes.length === 1 ? integral(Math.floor, (x) => x)(argTypes, resultType, ctx) : bin(argTypes, resultType, ctx),
  bin_at: binAt,
  ceiling: integral(
    (x) => Math.ceil(x) + 0,
    (x) => x,
  ),
  // A timespan stays bigint ticks (abs-function.md takes a timespan); a long is normalised.
  abs: (argTypes, resultType, ctx) =>
    argTypes[0] === "timespan"
      ? arity(
          1,
          1,
          () => (args) => (typeof args[0] === "bigint" ? checkedSpan(args[0] < 0n ? -args[0] : args[0]) : null),
        )(argTypes, resultType, ctx)
      : integral(Math.abs, absLong)(argTypes, resultType, ctx),
  sign: integral(
    (x) => Math.sign(x) + 0,
    (x) => (x < 0n ? -1 : 1),
  ),
  // sqrt-function.md: null for a negative argument; NaN stays NaN.
  sqrt: math1((x) => (x < 0 ? null : Math.sqrt(x))),
  log: math1(positiveLog(Math.log)),
  log10: math1(positiveLog(Math.log10)),
  log2: math1(positiveLog(Math.log2)),
  exp: math1(Math.exp),
  exp2: math1((x) => 2 ** x),
  exp10: math1((x) => 10 ** x),
  pow: math2(Math.pow),
  pi: arity(0, 0, () => () => Math.PI),
  // "true if x is NaN and false otherwise" (isnan-function.md): null is false too.
  isnan: arity(1, 1, () => (args) => typeof args[0] === "number" && Number.isNaN(args[0])),
  isfinite: arity(
    1,
    1,
    () => (args) => typeof args[0] === "bigint" || (typeof args[0] === "number" && Number.isFinite(args[0])),
  ),
  isinf: arity(1, 1, () => (args) => args[0] === Infinity || args[0] === -Infinity),
  iff,
  iif: iff,
  not: arity(1, 1, () => (args) => (args[0] === true ? false : args[0] === false ? true : null)),
  case: caseFn,
  min_of: extremeOf(1),
  max_of: extremeOf(-1),
};
