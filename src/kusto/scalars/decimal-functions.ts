// abs, round and ceiling of a decimal, exact; their results' scale (printed zeros) is left unknown.
import type { KType, Value } from "../types";
import type { ScalarFactory } from "./common";
import { asDecimal, Decimal } from "./decimal";

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

const isWhole = (t: KType) => t === "int" || t === "long";
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
  if (argTypes[0] !== "decimal" || argTypes.length > 2 || (argTypes.length === 2 && !isWhole(argTypes[1])))
    return undefined;
  return (args) => {
    const d = asDecimal(args[0]);
    const p = args.length > 1 ? args[1] : 0;
    if (d === null || (typeof p !== "number" && typeof p !== "bigint")) return null;
    return wrap(toPlaces(d, Math.max(-38, Math.min(28, Number(p))), "halfAway"));
  };
};

/** Scalar functions with an exact form for a decimal first argument. */
export const decimalFunctions: Readonly<Record<string, ScalarFactory>> = {
  abs: unary((d) => new Decimal(d.mantissa < 0n ? -d.mantissa : d.mantissa, d.scale, d.scaleKnown)),
  round,
  ceiling: unary((d) => toPlaces(d, 0, "ceiling")),
};
