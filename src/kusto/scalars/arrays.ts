// Dynamic array functions (array_*, set_*, zip, pack_array, jaccard_index), per the KQL reference pages.
import type { KType, Value } from "../types";
import { DynamicReal } from "../values/dynamic-real";
import { formatReal } from "../values/real-text";
import { parseDatetime } from "../values/time";
import { arity, type ScalarFactory, type ScalarTable, str } from "./common";
import { compareDynamic, deepEqual, hashKey } from "./compare";
import { toDynamicValue } from "./format";
import { jsonText } from "./int64";

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** An integer argument (int/long, a long may be a bigint), or null. */
function intArg(v: Value | undefined): number | null {
  if (v instanceof DynamicReal) return v.value;
  if (typeof v === "number") return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === "bigint") return Number(v);
  return null;
}

function onArray(fn: (a: unknown[], args: readonly Value[]) => Value, min = 1, max = 1): ScalarFactory {
  return arity(min, max, () => (args) => (Array.isArray(args[0]) ? fn(args[0], args) : null));
}

/** The dynamic form of a scalar argument, so 5 finds 5 and a datetime finds its ISO text inside arrays. */
function dynamicArg(argTypes: readonly KType[], i: number): (v: Value) => Value {
  const t = argTypes[i];
  return (v) => toDynamicValue(v, t);
}

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

/** array_index_of(array, value[, start[, length[, occurrence]]]): -1 when absent; null for occurrence < 0 or length < -1. */
const arrayIndexOf: ScalarFactory = arity(2, 5, (argTypes) => {
  const find = dynamicArg(argTypes, 1);
  return (args) => {
    const a = args[0];
    if (!Array.isArray(a)) return null;
    const needle = find(args[1]);
    let start = args.length > 2 ? intArg(args[2]) : 0;
    const length = args.length > 3 ? intArg(args[3]) : -1;
    const occurrence = args.length > 4 ? intArg(args[4]) : 1;
    if (start === null || length === null || occurrence === null || occurrence < 0 || length < -1) return null;
    if (start < 0) start = Math.max(0, a.length + start);
    const end = length === -1 ? a.length : Math.min(a.length, start + length);
    let seen = 0;
    for (let i = start; i < end; i++) if (deepEqual(a[i], needle) && ++seen >= Math.max(1, occurrence)) return i;
    return -1;
  };
});

/** array_iff(conditions, whenTrue, whenFalse): per element; a scalar branch repeats, a short array yields null. */
const arrayIff: ScalarFactory = arity(3, 3, (argTypes) => {
  const branch = (i: number) => {
    const dyn = dynamicArg(argTypes, i);
    return (v: Value, k: number): unknown => (Array.isArray(v) ? (k < v.length ? v[k] : null) : dyn(v));
  };
  const [t, f] = [branch(1), branch(2)];
  return (args) => {
    const cond = args[0];
    if (!Array.isArray(cond)) return null;
    return cond.map((c, k) => {
      const truth =
        typeof c === "boolean"
          ? c
          : typeof c === "number"
            ? c !== 0
            : typeof c === "bigint"
              ? c !== 0n
              : c instanceof DynamicReal
                ? c.value !== 0
                : null;
      if (truth === null) return null;
      const v = truth ? t(args[1], k) : f(args[2], k);
      return v === undefined ? null : v;
    });
  };
});

function rotate(a: unknown[], leftBy: number): unknown[] {
  const n = a.length;
  if (n === 0) return [];
  const k = ((leftBy % n) + n) % n;
  return a.slice(k).concat(a.slice(0, k));
}

/** array_rotate_left/right(array, count): a negative count rotates the other way. */
function arrayRotate(sign: 1 | -1): ScalarFactory {
  return onArray(
    (a, args) => {
      const k = intArg(args[1]);
      return k === null ? null : rotate(a, sign * k);
    },
    2,
    2,
  );
}

/**
 * The default of a vacated slot: "null or an empty string depending on the type of elements in the array"
 * (array-shift-left-function.md): "" for an array of strings, null for one without; a mix is refused.
 */
export function shiftDefault(a: readonly unknown[]): Value {
  let strings = 0;
  let others = 0;
  for (const x of a) {
    if (typeof x === "string") {
      // A dynamic holds datetimes, timespans and guids as their text here, where Kusto keeps their type.
      if (TYPED_TEXT.test(x) || parseDatetime(x) !== null)
        throw new Error("unsupported: array_shift of datetime, timespan or guid elements without a default_value");
      strings++;
    } else if (!isNull(x)) others++;
  }
  if (strings > 0 && others > 0)
    throw new Error("unsupported: array_shift of an array mixing strings and other values without a default_value");
  return strings > 0 ? "" : null;
}

/** Texts of a timespan (1.02:03:04.5) or a guid, as a dynamic holds those values here. */
const TYPED_TEXT =
  /^(-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d+)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** array_shift_left/right(array, count[, default]): vacated slots take the default (see shiftDefault when not given). */
function arrayShift(sign: 1 | -1): ScalarFactory {
  return arity(2, 3, (argTypes) => {
    const fill = argTypes.length > 2 ? dynamicArg(argTypes, 2) : () => null;
    return (args) => {
      const a = args[0];
      const k = intArg(args[1]);
      if (!Array.isArray(a) || k === null) return null;
      const by = sign * k;
      const n = a.length;
      const vacated = by !== 0 && n > 0;
      const d = args.length > 2 ? fill(args[2]) : vacated ? shiftDefault(a) : null;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const from = i + by;
        out[i] = from >= 0 && from < n ? a[from] : d;
      }
      return out;
    };
  });
}

/** array_slice(array, start, end): both ends inclusive, negatives count from the end, out-of-range ends are clipped. */
const arraySlice = onArray(
  (a, args) => {
    const s = intArg(args[1]);
    const e = intArg(args[2]);
    if (s === null || e === null) return null;
    const start = Math.max(0, s < 0 ? a.length + s : s);
    const end = Math.min(a.length - 1, e < 0 ? a.length + e : e);
    return start > end ? [] : a.slice(start, end + 1);
  },
  3,
  3,
);

/** array_split(array, index | [indices]): N indices give N+1 consecutive parts; negatives count from the end. */
const arraySplit = onArray(
  (a, args) => {
    const raw = Array.isArray(args[1]) ? (args[1] as Value[]) : [args[1]];
    const cuts: number[] = [];
    for (const r of raw) {
      const i = intArg(r);
      if (i === null) return null;
      cuts.push(Math.min(a.length, Math.max(0, i < 0 ? a.length + i : i)));
    }
    const out: unknown[][] = [];
    let from = 0;
    for (const c of cuts) {
      const to = Math.max(from, c);
      out.push(a.slice(from, to));
      from = to;
    }
    out.push(a.slice(from));
    return out;
  },
  2,
  2,
);

/** array_sum: a real; null when any element is not a number. */
const arraySum = onArray((a) => {
  let sum = 0;
  for (const x of a) {
    if (typeof x === "number") sum += x;
    else if (typeof x === "bigint") sum += Number(x);
    else if (x instanceof DynamicReal) sum += x.value;
    else return null;
  }
  return sum;
});

/** Sort groups of array_sort_*: numbers (and datetimes/timespans held as numbers) first, then strings, then the rest. */
const sortGroup = (v: unknown): number =>
  typeof v === "number" || typeof v === "bigint" || v instanceof DynamicReal ? 0 : typeof v === "string" ? 1 : 2;

/** The order array_sort_asc/desc puts the first array in, as indexes into it; nulls last unless nullsLast is false. */
function sortOrder(a: readonly unknown[], sign: 1 | -1, nullsLast: boolean): number[] {
  const vals: number[] = [];
  const nulls: number[] = [];
  for (let i = 0; i < a.length; i++) (isNull(a[i]) ? nulls : vals).push(i);
  vals.sort((i, j) => {
    const x = a[i] as Value;
    const y = a[j] as Value;
    const g = sortGroup(x) - sortGroup(y);
    return g !== 0 ? g : sign * compareDynamic(x, y);
  });
  return nullsLast ? [...vals, ...nulls] : [...nulls, ...vals];
}

/** array_sort_asc/desc(array[, nulls_last]): nulls last by default, first when nulls_last is false. */
function arraySort(sign: 1 | -1): ScalarFactory {
  return (argTypes) => {
    const withFlag = argTypes.length === 2 && argTypes[1] === "bool";
    // Several arrays sorted by the first return several columns: arraySortTuple below.
    if (argTypes.length !== 1 && !withFlag) return undefined;
    return (args) => {
      const a = args[0];
      if (!Array.isArray(a)) return null;
      return sortOrder(a, sign, withFlag ? args[1] !== false : true).map((i) => a[i]);
    };
  };
}

/**
 * array_sort_asc/desc(array1, ..., arrayN[, nulls_last]) with N >= 2: a tuple of N arrays, the first sorted and the
 * others put in the same order; an array whose length differs from the first is null (array-sort-asc-function.md).
 * Equal elements of the first array keep their input order.
 */
function arraySortTuple(
  sign: 1 | -1,
): (argTypes: readonly KType[]) => ((args: readonly Value[]) => Value[]) | undefined {
  return (argTypes) => {
    const withFlag = argTypes[argTypes.length - 1] === "bool";
    const arrays = withFlag ? argTypes.length - 1 : argTypes.length;
    if (arrays < 2 || argTypes.slice(0, arrays).some((t) => t !== "dynamic")) return undefined;
    return (args) => {
      const first = args[0];
      if (!Array.isArray(first)) return new Array(arrays).fill(null);
      const order = sortOrder(first, sign, withFlag ? args[arrays] !== false : true);
      const out: Value[] = [];
      for (let k = 0; k < arrays; k++) {
        const a = args[k];
        out.push(Array.isArray(a) && a.length === first.length ? order.map((i) => a[i]) : null);
      }
      return out;
    };
  };
}

/** Functions of several arrays that yield several columns (the binder types them as a tuple). */
export const arrayTupleFunctions = {
  array_sort_asc: arraySortTuple(1),
  array_sort_desc: arraySortTuple(-1),
};

const setHasElement: ScalarFactory = arity(2, 2, (argTypes) => {
  const find = dynamicArg(argTypes, 1);
  return (args) => {
    const a = args[0];
    if (!Array.isArray(a)) return null;
    const needle = find(args[1]);
    for (const x of a) if (deepEqual(x, needle)) return true;
    return false;
  };
});

/** Distinct values of the arrays with how many arrays hold each; null when an argument is not an array. */
function setOf(keep: (count: number, total: number, inFirst: boolean) => boolean): ScalarFactory {
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

/** jaccard_index(set1, set2): |distinct intersection| / |distinct union|; two empty sets give NaN (0/0). */
const jaccardIndex: ScalarFactory = arity(2, 2, () => (args) => {
  const [a, b] = args;
  if (!Array.isArray(a) || !Array.isArray(b)) return null;
  const left = new Set(a.map((x) => hashKey(x as Value)));
  const right = new Set(b.map((x) => hashKey(x as Value)));
  let both = 0;
  for (const k of left) if (right.has(k)) both++;
  return both / (left.size + right.size - both);
});

/** zip(array1, ..., arrayN): element-wise tuples as long as the longest array, missing values null. */
const zip: ScalarFactory = (argTypes) => {
  if (argTypes.length < 2 || argTypes.length > 16) return undefined;
  return (args) => {
    if (!args.every(Array.isArray)) return null;
    const arrays = args as unknown[][];
    const n = Math.max(...arrays.map((a) => a.length));
    const out: unknown[][] = [];
    for (let i = 0; i < n; i++) out.push(arrays.map((a) => (i < a.length ? a[i] : null)));
    return out;
  };
};

/** strcat_array(array, delimiter): elements as text (dynamic strings bare, others as JSON with exact longs, null as empty). */
const strcatArray = onArray(
  (a, args) => {
    const delim = str(args[1]);
    // A whole real alone prints as tostring does (5), like a dynamic holding it (format.ts formatDynamic).
    return a
      .map((x) =>
        typeof x === "string" ? x : isNull(x) ? "" : x instanceof DynamicReal ? formatReal(x.value) : jsonText(x),
      )
      .join(delim);
  },
  2,
  2,
);

export const arrayFunctions: ScalarTable = {
  array_length: onArray((a) => a.length),
  pack_array: packArray,
  array_concat: arrayConcat,
  array_iff: arrayIff,
  array_iif: arrayIff,
  array_index_of: arrayIndexOf,
  array_rotate_left: arrayRotate(1),
  array_rotate_right: arrayRotate(-1),
  array_shift_left: arrayShift(1),
  array_shift_right: arrayShift(-1),
  array_slice: arraySlice,
  array_split: arraySplit,
  array_sum: arraySum,
  array_reverse: onArray((a) => a.slice().reverse()),
  array_sort_asc: arraySort(1),
  array_sort_desc: arraySort(-1),
  set_has_element: setHasElement,
  set_union: setOf(() => true),
  set_intersect: setOf((count, total) => count === total),
  set_difference: setOf((count, _total, inFirst) => inFirst && count === 1),
  jaccard_index: jaccardIndex,
  zip,
  strcat_array: strcatArray,
  array_strcat: strcatArray,
};
