// gettype and range(): the dynamic functions that are neither array nor bag functions (see arrays.ts, bags.ts).
import { isInt32, type Value } from "../types";
import { DynamicReal, dynamicReal } from "../values/dynamic-real";
import { TICKS_PER_HOUR } from "../values/time";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { toDynamicValue } from "./format";

function gettypeOfDynamic(v: Value): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof DynamicReal) return "real";
  if (typeof v === "object") return "dictionary";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return "long";
  // A whole number inside a dynamic reads as int when it fits 32 bits (gettype(parse_json('1')) is "int"), else long.
  if (Number.isInteger(v)) return isInt32(v) ? "int" : "long";
  return "real";
}

const gettype: ScalarFactory = arity(1, 1, (argTypes) => {
  const t = argTypes[0];
  if (t === "dynamic") return (args) => gettypeOfDynamic(args[0]);
  const name = t === "decimal" ? "decimal" : t;
  return () => name;
});

const MAX_RANGE = 1_048_576;

/** range(start, stop[, step]): start, start+step, ... while not past stop; at most 2^20 values (then truncated). */
const range: ScalarFactory = arity(2, 3, (argTypes) => {
  const t = argTypes[0];
  if (t === "datetime" || t === "timespan") {
    return (args) => {
      const [start, stop] = args;
      const step = args.length > 2 ? args[2] : TICKS_PER_HOUR;
      if (typeof start !== "bigint" || typeof stop !== "bigint" || typeof step !== "bigint" || step === 0n) return null;
      const out: Value[] = [];
      for (let v = start; (step > 0n ? v <= stop : v >= stop) && out.length < MAX_RANGE; v += step)
        out.push(toDynamicValue(v, t));
      return out;
    };
  }
  // With a real bound or step the elements are reals (whole ones boxed so they stay reals).
  const real = argTypes.some((a) => a === "real" || a === "decimal");
  return (args) => {
    const [start, stop] = args.map((v) => (typeof v === "bigint" ? Number(v) : v));
    const step = args.length > 2 ? (typeof args[2] === "bigint" ? Number(args[2]) : args[2]) : 1;
    if (
      typeof start !== "number" ||
      typeof stop !== "number" ||
      typeof step !== "number" ||
      step === 0 ||
      !Number.isFinite(step)
    )
      return null;
    const count = Math.min(MAX_RANGE, Math.floor((stop - start) / step) + 1);
    if (!(count > 0)) return [];
    const out = new Array<Value>(count);
    for (let i = 0; i < count; i++) out[i] = real ? dynamicReal(start + i * step) : start + i * step;
    return out;
  };
});

export const dynamicFunctions: ScalarTable = {
  gettype,
  range,
};
