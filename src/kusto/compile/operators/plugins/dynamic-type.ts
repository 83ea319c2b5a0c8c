// The Kusto type of values read out of a dynamic (bag_unpack, pivot headers): one type if all agree, else dynamic.
import type { KType, Value } from "../../../types";
import { DynamicReal } from "../../../values/dynamic-real";

/** The scalar type a dynamic value unpacks to; null for null (which does not vote). */
export function typeOfDynamic(v: Value): KType | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return "long";
  if (typeof v === "number") return Number.isInteger(v) ? "long" : "real";
  if (v instanceof DynamicReal) return "real";
  if (typeof v === "string") return "string";
  return "dynamic";
}

/** Folds the types of one slot's values: the same type throughout keeps it, a disagreement makes it dynamic. */
export function unifyType(current: KType | null | undefined, next: KType | null): KType | null {
  if (next === null) return current ?? null;
  if (current === null || current === undefined) return next;
  return current === next ? current : "dynamic";
}
