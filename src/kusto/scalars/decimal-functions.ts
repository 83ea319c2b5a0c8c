// abs, round, ceiling, bin/floor, min_of/max_of and coalesce of decimals, exact; their results' scale (printed zeros) is left unknown.
import type { KType, Value } from "../types";
import { isIntegerType, type ScalarFactory } from "./common";
import { alignDecimals, asDecimal, compareDecimals, Decimal } from "./decimal";

/** The decimal rounded to `places` digits after the point: mode picks which way a dropped remainder goes. */
function toPlaces(d: Decimal, places: number, mode: "halfAway" | "ceiling"): Decimal {
  if (places >= d.scale) return new Decimal(d.mantissa, d.scale, false);
  const unit = 10n ** BigInt(d.scale - places);
  let q = d.mantissa / unit;
  const r = d.mantissa % unit;
  if (r !== 0n) {
    if (mode === "ceiling" && r > 0n) q += 1n;
    // Half away from zero, as round() does for reals (round(2.5) = 3, round(-2.5) = -3).
    else if (mode === "halfAway" && 2n * (r < 0n ? -r : r) >= unit) q += r < 0n ? -1n : 1n;
  }
  // Negative places (round(1234.5, -2) = 1200) scale the whole part back up.
  return places >= 0 ? new Decimal(q, places, false) : new Decimal(q * 10n ** BigInt(-places), 0, false);
}

const wrap = (d: Decimal | null): Value => d as unknown as Value;

const unary =
  (f: (d: Decimal) => Decimal): ScalarFactory =>
  (argTypes) =>
    argTypes.length === 1 && argTypes[0] === "decimal"
      ? (args) => {
          const d = asDecimal(args[0]);
          return wrap(d === null ? null : f(d));
        }
      : undefined;

/** round(decimal[, precision]): halves away from zero; null precision gives null. */
const round: ScalarFactory = (argTypes) => {
  if (argTypes[0] !== "decimal" || argTypes.length > 2 || (argTypes.length === 2 && !isIntegerType(argTypes[1])))
    return undefined;
  return (args) => {
    const d = asDecimal(args[0]);
    const p = args.length > 1 ? args[1] : 0;
    if (d === null || (typeof p !== "number" && typeof p !== "bigint")) return null;
    return wrap(toPlaces(d, Math.max(-38, Math.min(28, Number(p))), "halfAway"));
  };
};

const exactTypes = (types: readonly KType[]) => types.every((t) => t === "decimal" || isIntegerType(t));

/** bin/floor(decimal, size): the largest multiple of size at or below the value; null for a size that is not positive. */
const bin: ScalarFactory = (argTypes) => {
  if (argTypes.length !== 2 || argTypes[0] !== "decimal" || !exactTypes(argTypes)) return undefined;
  return (args) => {
    const v = asDecimal(args[0]);
    const size = asDecimal(args[1]);
    if (v === null || size === null || size.mantissa <= 0n) return null;
    const [mv, ms, scale] = alignDecimals(v, size);
    // Floor division: bigint division truncates toward zero, so step down once for a negative remainder.
    let q = mv / ms;
    if (mv % ms !== 0n && mv < 0n) q -= 1n;
    return wrap(new Decimal(q * ms, scale, false));
  };
};

/** min_of/max_of over decimals and whole numbers: nulls are ignored, null only when all are null. */
const extremeOf =
  (sign: 1 | -1): ScalarFactory =>
  (argTypes) =>
    argTypes.length > 0 && exactTypes(argTypes)
      ? (args) => {
          let best: Decimal | null = null;
          for (const a of args) {
            const d = asDecimal(a);
            if (d !== null && (best === null || sign * compareDecimals(d, best) > 0)) best = d;
          }
          return wrap(best);
        }
      : undefined;

/** coalesce: the first argument that is not null, as it is. */
const coalesce: ScalarFactory = (argTypes) =>
  argTypes.length > 0 && exactTypes(argTypes)
    ? (args) => wrap(args.map(asDecimal).find((d) => d !== null) ?? null)
    : undefined;

/** Scalar functions with an exact form for a decimal first argument. */
export const decimalFunctions: Readonly<Record<string, ScalarFactory>> = {
  abs: unary((d) => new Decimal(d.mantissa < 0n ? -d.mantissa : d.mantissa, d.scale, d.scaleKnown)),
  round,
  ceiling: unary((d) => toPlaces(d, 0, "ceiling")),
  bin,
  floor: bin,
  min_of: extremeOf(-1),
  max_of: extremeOf(1),
  coalesce,
};
