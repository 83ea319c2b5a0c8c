// A datatable value put into its declared column type: exact widenings only; anything else is refused, not stored as is.
import { isInt32, type KType, type Value } from "../types";
import type { ScalarFn } from "./context";

/**
 * The value function for a typed (non-dynamic) column, or a reason when `from` values cannot be held by `to`.
 * int/long widen to real and int to long; a long narrows to int only when it fits (checked per value); a number in
 * a decimal column is left to the decimal code, as before this check.
 * A null of any type is the column's null. The binder accepts any value in any column, so this is the only check.
 */
export function datatableCell(fn: ScalarFn, from: KType, to: KType, refuse: (what: string) => Error): ScalarFn {
  if (from === to) return fn;
  const what = `datatable value of type ${from} in a ${to} column`;
  const whole = from === "int" || from === "long";
  // A number in a decimal column stays as the decimal code reads it (the literal's value), as before this check.
  if (to === "decimal" && (whole || from === "real")) return fn;
  if (to === "real" && whole)
    return (row, ctx) => {
      const v = fn(row, ctx);
      return typeof v === "bigint" ? Number(v) : v;
    };
  if (to === "long" && from === "int") return fn;
  if (to === "int" && from === "long")
    return (row, ctx) => {
      const v = fn(row, ctx);
      if (v === null || isInt32(v)) return v;
      throw refuse(`${what} outside the int range (${String(v)})`);
    };
  // Only a null literal of another type can be held (as the column's null).
  return (row, ctx): Value => {
    const v = fn(row, ctx);
    if (v === null) return null;
    throw refuse(what);
  };
}
