// Functions over dynamic values (arrays and property bags), plus gettype.
import type { KType, Value } from "../types";
import { arity, isPlainObject, str, type ScalarFactory, type ScalarTable } from "./common";
import { compareDynamic, deepEqual, hashKey } from "./compare";
import { toDynamicValue } from "./format";

function onArray(fn: (a: unknown[], args: readonly Value[]) => Value, min = 1, max = 1): ScalarFactory {
  return arity(min, max, () => (args) => (Array.isArray(args[0]) ? fn(args[0], args) : null));
}

/** pack/bag_pack(key1, value1, ...): typed values are stored as JSON (datetimes as ISO text). */
const pack: ScalarFactory = (argTypes) => {
  if (argTypes.length % 2 !== 0) return undefined;
  const types = argTypes.slice();
  return (args) => {
    const bag: Record<string, unknown> = {};
    for (let i = 0; i < args.length; i += 2) bag[str(args[i])] = toDynamicValue(args[i + 1], types[i + 1]);
    return bag;
  };
};

const packArray: ScalarFactory = (argTypes) => {
  const types = argTypes.slice();
  return (args) => args.map((v, i) => toDynamicValue(v, types[i]));
};

const arrayConcat: ScalarFactory = (argTypes) => {
  if (argTypes.length < 1) return undefined;
  return (args) => {
    const out: unknown[] = [];
    for (const a of args) {
      if (!Array.isArray(a)) return null;
      for (const x of a) out.push(x);
    }
    return out;
  };
};

/** The dynamic form of a scalar argument, so 5 finds 5 and a datetime finds its ISO text inside arrays. */
function lookupArg(argTypes: readonly KType[], i: number): (v: Value) => Value {
  const t = argTypes[i];
  return (v) => toDynamicValue(v, t);
}

const arrayIndexOf: ScalarFactory = arity(2, 5, (argTypes) => {
  const find = lookupArg(argTypes, 1);
  return (args) => {
    const a = args[0];
    if (!Array.isArray(a)) return null;
    const needle = find(args[1]);
    const start = args.length > 2 && typeof args[2] === "number" ? Math.max(0, args[2] < 0 ? a.length + args[2] : args[2]) : 0;
    for (let i = start; i < a.length; i++) if (deepEqual(a[i], needle)) return i;
    return -1;
  };
});

const setHasElement: ScalarFactory = arity(2, 2, (argTypes) => {
  const find = lookupArg(argTypes, 1);
  return (args) => {
    const a = args[0];
    if (!Array.isArray(a)) return null;
    const needle = find(args[1]);
    for (const x of a) if (deepEqual(x, needle)) return true;
    return false;
  };
});

function setOf(keep: (inAll: number, total: number, inFirst: boolean) => boolean): ScalarFactory {
  return (argTypes) => {
    if (argTypes.length < 2) return undefined;
    return (args) => {
      const seen = new Map<string, { value: unknown; count: number; inFirst: boolean }>();
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (!Array.isArray(a)) return null;
        const once = new Set<string>();
        for (const x of a) {
          const k = hashKey(x as Value);
          if (once.has(k)) continue;
          once.add(k);
          const e = seen.get(k);
          if (e) e.count++;
          else seen.set(k, { value: x, count: 1, inFirst: i === 0 });
        }
      }
      const out: unknown[] = [];
      for (const e of seen.values()) if (keep(e.count, args.length, e.inFirst)) out.push(e.value);
      return out;
    };
  };
}

/** array_slice(array, start, end): both ends inclusive, negatives count from the end. */
const arraySlice = onArray((a, args) => {
  const s = args[1];
  const e = args[2];
  if (typeof s !== "number" || typeof e !== "number") return null;
  const start = s < 0 ? Math.max(0, a.length + s) : s;
  const end = e < 0 ? a.length + e : Math.min(e, a.length - 1);
  return start > end ? [] : a.slice(start, end + 1);
}, 3, 3);

const arraySum = onArray((a) => {
  let sum = 0;
  for (const x of a) {
    if (typeof x !== "number") return null;
    sum += x;
  }
  return sum;
});

function gettypeOfDynamic(v: Value): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "dictionary";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return Number.isInteger(v) ? "long" : "real";
}

const gettype: ScalarFactory = arity(1, 1, (argTypes) => {
  const t = argTypes[0];
  if (t === "dynamic") return (args) => gettypeOfDynamic(args[0]);
  const name = t === "decimal" ? "decimal" : t;
  return () => name;
});

const bagKeys: ScalarFactory = arity(1, 1, () => (args) => (isPlainObject(args[0]) ? Object.keys(args[0]) : null));

const bagMerge: ScalarFactory = (argTypes) => {
  if (argTypes.length < 2) return undefined;
  return (args) => {
    const out: Record<string, unknown> = {};
    // The first bag that holds a key wins, as in Kusto.
    for (const b of args) if (isPlainObject(b)) for (const k of Object.keys(b)) if (!(k in out)) out[k] = b[k];
    return out;
  };
};

const bagHasKey: ScalarFactory = arity(2, 2, () => (args) =>
  isPlainObject(args[0]) ? Object.prototype.hasOwnProperty.call(args[0], str(args[1])) : null);

/** strcat_array(array, delimiter): elements as text (dynamic strings bare, others as JSON). */
const strcatArray = onArray((a, args) => {
  const delim = str(args[1]);
  return a.map((x) => (typeof x === "string" ? x : x === null || x === undefined ? "" : JSON.stringify(x))).join(delim);
}, 2, 2);

/** array_sort_asc/desc: numbers and strings sort among themselves, nulls go last. */
function arraySort(sign: 1 | -1): ScalarFactory {
  return onArray((a) => {
    const vals = a.filter((x) => x !== null && x !== undefined) as Value[];
    const nulls = a.length - vals.length;
    vals.sort((x, y) => sign * compareDynamic(x, y));
    return [...vals, ...new Array(nulls).fill(null)];
  }, 1, 2);
}

/** range(start, stop[, step]): inclusive of stop, as make-series and mv-expand use it; capped to stay in memory. */
const range: ScalarFactory = arity(2, 3, () => (args) => {
  const [start, stop] = args;
  const step = args.length > 2 ? args[2] : 1;
  if (typeof start !== "number" || typeof stop !== "number" || typeof step !== "number" || step === 0) return null;
  const count = Math.floor((stop - start) / step) + 1;
  if (count <= 0) return [];
  if (count > 1_048_576) throw new Error(`range: ${count} elements is more than the 1,048,576 allowed; use a larger step`);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = start + i * step;
  return out;
});

export const dynamicFunctions: ScalarTable = {
  array_length: onArray((a) => a.length),
  bag_keys: bagKeys,
  bag_merge: bagMerge,
  bag_has_key: bagHasKey,
  pack,
  bag_pack: pack,
  pack_array: packArray,
  array_concat: arrayConcat,
  array_index_of: arrayIndexOf,
  array_slice: arraySlice,
  array_sum: arraySum,
  array_reverse: onArray((a) => a.slice().reverse()),
  set_has_element: setHasElement,
  set_union: setOf(() => true),
  set_intersect: setOf((count, total) => count === total),
  set_difference: setOf((count, _total, inFirst) => inFirst && count === 1),
  gettype,
  strcat_array: strcatArray,
  array_strcat: strcatArray,
  array_sort_asc: arraySort(1),
  array_sort_desc: arraySort(-1),
  range,
};
