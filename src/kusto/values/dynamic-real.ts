// Reals inside dynamic values. Kusto's dynamic keeps long and real apart (make_set of real 5 prints [5.0],
// summarize-operator.md; dynamic({'key3': 42.0}) keeps 42.0, bag-remove-keys-function.md), but a JS number 5 cannot say
// which it is. So a whole-valued real placed in a dynamic is boxed in a DynamicReal; a non-whole real (1.5) or a
// non-finite one stays a plain number, as no long can hold it. Readers take the number with unboxReal/asDouble.
import type { Value } from "../types";

/** A whole-valued real (5.0) inside a dynamic value. Only dynamicReal() makes one. */
export class DynamicReal {
  constructor(readonly value: number) {}
  /** JSON has one number type: wherever a box reaches JSON.stringify unconverted it is its number. */
  toJSON(): number {
    return this.value;
  }
}

/** A real as it is held inside a dynamic value: boxed when whole (so it stays a real), else the plain number. */
export function dynamicReal(x: number): Value {
  return Number.isInteger(x) ? (new DynamicReal(x) as unknown as Value) : x;
}

export function isDynamicReal(v: unknown): v is DynamicReal {
  return v instanceof DynamicReal;
}

/** True when a dynamic scalar is a real: a boxed whole real, or a number no long can hold (1.5, NaN, Infinity). */
export function isDynamicRealValue(v: unknown): boolean {
  return v instanceof DynamicReal || (typeof v === "number" && !Number.isInteger(v));
}

/** A top-level boxed real as its plain number; any other value unchanged. */
export function unboxReal(v: Value): Value {
  return v instanceof DynamicReal ? v.value : v;
}

/** A long (number or bigint) or a real (plain or boxed) as a double; any other value unchanged, for series readers. */
export function asDouble(v: unknown): unknown {
  return typeof v === "bigint" ? Number(v) : v instanceof DynamicReal ? v.value : v;
}

/** Reals produced into a dynamic array: whole ones boxed so they print and type as reals ([-1.0,1.0,3.0]). */
export function dynamicReals(xs: readonly number[]): Value[] {
  return xs.map(dynamicReal);
}
