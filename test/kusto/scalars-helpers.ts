// Shortcuts for the scalar-library tests: build a function or operator for given types and call it.

import { aggregateFactory, binaryOperator, scalarFunction } from "../../src/kusto/scalars";
import type { KType, Value } from "../../src/kusto/types";

/** 2024-03-10T12:00:00Z, the clock of every test that calls now()/ago(). */
export const NOW = Date.UTC(2024, 2, 10, 12, 0, 0);

export function call(name: string, argTypes: KType[], resultType: KType, args: Value[], now = NOW): Value {
  const fn = scalarFunction(name, argTypes, resultType, { now });
  if (!fn) throw new Error(`scalarFunction(${name}) is unsupported for ${argTypes.join(",")}`);
  return fn(args);
}

export function op(token: string, left: KType, right: KType, result: KType, a: Value, b: Value): Value {
  const fn = binaryOperator(token, left, right, result);
  if (!fn) throw new Error(`binaryOperator(${token}) is unsupported for ${left},${right}`);
  return fn(a, b);
}

/** Feeds rows (each an argument list) to a fresh aggregator and returns its result. */
export function aggregate(
  name: string,
  argTypes: KType[],
  resultType: KType,
  rows: Value[][],
  literals: (Value | undefined)[] = [],
): Value {
  const make = aggregateFactory(name, argTypes, resultType, literals);
  if (!make) throw new Error(`aggregateFactory(${name}) is unsupported for ${argTypes.join(",")}`);
  const agg = make();
  rows.forEach((args, i) => agg.add(args, i));
  return agg.result();
}

export const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms);

/** The same instant as the engine holds datetimes: bigint 100-ns ticks since the epoch (10,000 per ms), plus `ticks`. */
export const utcTicks = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, ticks = 0): bigint =>
  BigInt(Date.UTC(y, mo - 1, d, h, mi, s, ms)) * 10_000n + BigInt(ticks);
