// around(), repeat() and parse_version(): small scalar functions with no family of their own.
import type { KType, Value } from "../types";
import { arity, isIntegerType, type ScalarFactory } from "./common";
import { type Decimal, decimalFromText } from "./decimal";
import { toDynamicValue } from "./format";
import { big, isLong } from "./int64";

const isTicks = (t: KType): boolean => t === "datetime" || t === "timespan";

/**
 * around(value, center, delta): center - delta <= value <= center + delta (around-function.md); null when any argument
 * is null. Whole numbers and ticks compare exactly as bigints; a real among the arguments makes it a real comparison.
 */
const around: ScalarFactory = arity(3, 3, (argTypes) => {
  const [v, c, d] = argTypes;
  const ticks = isTicks(v) && v === c && d === "timespan";
  const integral = isIntegerType(v) && isIntegerType(c) && isIntegerType(d);
  const numeric = [v, c, d].every((t) => isIntegerType(t) || t === "real");
  if (ticks || integral)
    return (args) => {
      const [x, m, r] = args;
      if (!isLong(x) || !isLong(m) || !isLong(r)) return null;
      const center = big(m);
      const delta = big(r);
      const value = big(x);
      return value >= center - delta && value <= center + delta;
    };
  if (!numeric) return undefined;
  return (args) => {
    const [x, m, r] = args.map((a) => (typeof a === "bigint" ? Number(a) : a));
    if (typeof x !== "number" || typeof m !== "number" || typeof r !== "number") return null;
    return x >= m - r && x <= m + r;
  };
});

/** repeat(value, count): an array of count copies; [] for 0, null for a negative or null count (repeat-function.md). */
const repeat: ScalarFactory = arity(2, 2, (argTypes) => {
  const type = argTypes[0];
  if (!["bool", "int", "long", "real", "datetime", "string", "timespan"].includes(type)) return undefined;
  if (!isIntegerType(argTypes[1])) return undefined;
  return (args) => {
    const n = args[1];
    if (!isLong(n) || n < 0) return null;
    if (n > 1_048_576)
      throw new Error(`unsupported: repeat() of ${n} elements, above this engine's array limit of 1,048,576`);
    return new Array(Number(n)).fill(toDynamicValue(args[0] as Value, type));
  };
});

export const miscFunctions: Record<string, ScalarFactory> = { around, repeat };

const versionText = /^\d{1,8}(?:\.\d{1,8}){0,3}$/;

/**
 * parse_version(v): one to four dot-separated parts of up to eight digits, missing parts 0, as the decimal
 * p1*10^24 + p2*10^16 + p3*10^8 + p4 (parse-version-function.md: "1.2.3.4" is 1,000,000,020,000,000,300,000,004);
 * anything else is null.
 */
export function parseVersion(text: string): Decimal | null {
  if (!versionText.test(text)) return null;
  const parts = text.split(".").map(BigInt);
  while (parts.length < 4) parts.push(0n);
  return decimalFromText(String(parts.reduce((acc, p) => acc * 100_000_000n + p, 0n)));
}

miscFunctions.parse_version = arity(1, 1, (argTypes) =>
  argTypes[0] === "string"
    ? (args) => parseVersion(typeof args[0] === "string" ? args[0] : "") as unknown as Value
    : undefined,
);
