// Numbers as text: tohex (two's complement at the argument's width) and format_bytes (1024-based units).
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { roundAway } from "./numbers";

/** tohex(value[, minLength]): an int prints as 32-bit, a long as 64-bit two's complement; minLength pads up to 16 (tohex-function.md). */
const tohex: ScalarFactory = arity(1, 2, (argTypes) => {
  const bits = argTypes[0] === "int" ? 32 : 64;
  return (args) => {
    const v = args[0];
    const whole = typeof v === "bigint" ? v : typeof v === "number" && Number.isInteger(v) ? BigInt(v) : null;
    if (whole === null) return null;
    const text = BigInt.asUintN(bits, whole).toString(16);
    const min = args.length > 1 ? args[1] : 0;
    if (min !== null && typeof min !== "number") return null;
    const width = Math.min(16, Math.max(0, Math.trunc(min ?? 0)));
    return text.padStart(width, "0");
  };
});

const byteUnits = ["Bytes", "KB", "MB", "GB", "TB", "PB", "EB"];

/** format_bytes(size[, precision[, units]]): size / 1024^unit rounded to precision digits; the unit is picked by size when not given. */
export function formatBytes(size: number, precision = 0, units = ""): string | null {
  if (!Number.isFinite(size)) return null;
  let unit = units === "" ? -1 : byteUnits.findIndex((u) => u.toLowerCase() === units.toLowerCase());
  if (unit < 0 && units !== "") return null;
  if (unit < 0) {
    unit = 0;
    while (unit < byteUnits.length - 1 && Math.abs(size) >= 1024 ** (unit + 1)) unit++;
  }
  const digits = Math.max(0, Math.trunc(precision));
  const exact = size / 1024 ** unit;
  const scaled = Math.abs(exact) * 10 ** digits;
  // format-bytes-function.md says only "rounded to" precision digits: a half whose two roundings differ is refused.
  if (scaled < 2 ** 52 && scaled % 1 === 0.5 && Math.floor(scaled) % 2 === 0)
    throw new Error(
      `unsupported: format_bytes of ${size}: ${exact} ${byteUnits[unit]} is a half at ${digits} digits, and whether Kusto rounds it away from zero or to even is not documented`,
    );
  return `${roundAway(exact, digits)} ${byteUnits[unit]}`;
}

const formatBytesFn: ScalarFactory = arity(1, 3, () => (args) => {
  const size = typeof args[0] === "bigint" ? Number(args[0]) : args[0];
  if (typeof size !== "number") return "";
  const precision = args.length > 1 ? args[1] : 0;
  const units = args.length > 2 ? args[2] : "";
  const text = formatBytes(size, typeof precision === "number" ? precision : 0, typeof units === "string" ? units : "");
  return text ?? "";
});

export const numericTextFunctions: ScalarTable = {
  tohex,
  format_bytes: formatBytesFn,
};
