// Property bags as plain data: objects without a prototype, read through own-property checks, so keys such as
// `toString`, `constructor` and `__proto__` are ordinary keys and never reach JavaScript's Object machinery.
import type { Value } from "../types";
import { DynamicReal } from "../values/dynamic-real";

export type Bag = Record<string, unknown>;

/**
 * Instances inherit from an empty prototype-less object, so no key is inherited and "__proto__" has no setter; unlike
 * Object.create(null) (a dictionary-mode object in V8, about twice as slow to fill and read) they keep fast shapes.
 */
const PlainRecord = function PlainRecord(this: Bag) {} as unknown as new () => Bag;
PlainRecord.prototype = Object.freeze(Object.create(null));

/** An empty record for bags and rows: `bag["__proto__"] = v` stores a key, `bag.toString` is undefined. */
export function newRecord(): Bag {
  return new PlainRecord();
}

/** An empty bag with no inherited keys: `bag["__proto__"] = v` stores a key, `bag.toString` is undefined. */
export function newBag(): Bag {
  return new PlainRecord();
}

const hasOwn = Object.prototype.hasOwnProperty;

/** A property bag (dynamic object), as opposed to an array, a scalar or null. */
export function isBag(v: unknown): v is Bag {
  // A boxed whole real is an object to JS but a number to Kusto.
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof DynamicReal);
}

export function bagHas(bag: Bag, key: string): boolean {
  return hasOwn.call(bag, key);
}

/** The value under `key`, or undefined when the bag does not hold that key itself (inherited names never count). */
export function bagGet(bag: Bag, key: string): unknown {
  return hasOwn.call(bag, key) ? bag[key] : undefined;
}

/** The deepest nesting of arrays and bags a dynamic value may have here; deeper text is refused, not overflowed. */
export const MAX_DYNAMIC_DEPTH = 1000;

export function tooDeep(where: string): Error {
  return new Error(`${where}: value is too deeply nested (more than ${MAX_DYNAMIC_DEPTH} levels of arrays/bags)`);
}

/**
 * Rebuilds a value parsed by JSON.parse (or handed in by a caller) with prototype-free bags, checking the nesting depth.
 * JSON.parse itself keeps `__proto__` as an own key, so copying own keys preserves every key as data.
 */
export function toBagTree(v: unknown, where = "dynamic", depth = 0): Value {
  if (typeof v !== "object" || v === null || v instanceof DynamicReal) return v as Value;
  if (depth >= MAX_DYNAMIC_DEPTH) throw tooDeep(where);
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = toBagTree(v[i], where, depth + 1);
    return out;
  }
  const out = newBag();
  for (const k of Object.keys(v)) out[k] = toBagTree((v as Bag)[k], where, depth + 1);
  return out;
}
