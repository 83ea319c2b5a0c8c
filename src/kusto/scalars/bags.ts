// Property-bag functions (bag_*, pack, treepath, dynamic_to_json, extract_json): every bag built here has no prototype.
import type { KType, Value } from "../types";
import { type Bag, bagGet, bagHas, isBag, newBag } from "./bag-object";
import { convertTo } from "./casts";
import { arity, lastValueCache, type ScalarFactory, type ScalarTable, str } from "./common";
import { formatDynamic, formatterFor, toDynamicValue } from "./format";
import { jsonText } from "./int64";
import { parseJsonText } from "./json-text";
import { keySteps, parseJsonPath, readPath } from "./jsonpath";

/** pack/bag_pack(key1, value1, ...): typed values are stored in their dynamic form (datetimes as ISO text). */
const pack: ScalarFactory = (argTypes) => {
  if (argTypes.length % 2 !== 0) return undefined;
  const types = argTypes.slice();
  return (args) => {
    const bag = newBag();
    for (let i = 0; i < args.length; i += 2) bag[str(args[i])] = toDynamicValue(args[i + 1], types[i + 1]);
    return bag;
  };
};

const bagKeys: ScalarFactory = arity(1, 1, () => (args) => (isBag(args[0]) ? Object.keys(args[0]) : null));

/** bag_merge(bag1, ..., bagN): the leftmost bag holding a key wins; arguments that are not bags are skipped. */
const bagMerge: ScalarFactory = (argTypes) => {
  if (argTypes.length < 2 || argTypes.length > 64) return undefined;
  return (args) => {
    const out = newBag();
    for (const b of args) if (isBag(b)) for (const k of Object.keys(b)) if (!bagHas(out, k)) out[k] = b[k];
    return out;
  };
};

const pathCache = (fn: string) => lastValueCache((path: string) => keySteps(path, fn));

/** bag_has_key(bag, key): a key name or a JSONPath to a nested key. */
const bagHasKey: ScalarFactory = arity(2, 2, () => {
  const steps = pathCache("bag_has_key");
  return (args) => (isBag(args[0]) ? readPath(args[0], steps(str(args[1]))) !== undefined : null);
});

/** A copy of `bag` without the key at `steps`, sharing every untouched branch. */
function withoutPath(bag: Bag, steps: readonly string[]): Bag {
  const [head, ...rest] = steps;
  if (!bagHas(bag, head)) return bag;
  const out = newBag();
  for (const k of Object.keys(bag)) out[k] = bag[k];
  if (rest.length === 0) delete out[head];
  else if (isBag(bag[head])) out[head] = withoutPath(bag[head] as Bag, rest);
  return out;
}

/** bag_remove_keys(bag, keys): each key a name or a JSONPath; missing keys are ignored. */
const bagRemoveKeys: ScalarFactory = arity(2, 2, () => {
  const steps = pathCache("bag_remove_keys");
  return (args) => {
    let bag = args[0];
    if (!isBag(bag) || !Array.isArray(args[1])) return null;
    for (const k of args[1]) if (typeof k === "string") bag = withoutPath(bag as Bag, steps(k));
    return bag;
  };
});

/** A copy of `bag` with `value` at `steps`, creating the bags on the way. */
function withPath(bag: Bag, steps: readonly string[], value: unknown): Bag {
  const [head, ...rest] = steps;
  const out = newBag();
  for (const k of Object.keys(bag)) out[k] = bag[k];
  if (rest.length === 0) out[head] = value;
  else {
    const inner = bagGet(bag, head);
    out[head] = withPath(isBag(inner) ? inner : newBag(), rest, value);
  }
  return out;
}

/** bag_set_key(bag, key, value): null when the input is not a bag. */
const bagSetKey: ScalarFactory = arity(3, 3, (argTypes) => {
  const steps = pathCache("bag_set_key");
  const t = argTypes[2];
  return (args) => (isBag(args[0]) ? withPath(args[0], steps(str(args[1])), toDynamicValue(args[2], t)) : null);
});

/** bag_zip(keys, values): string keys only; missing values are null, extra values ignored; null when keys is no array. */
const bagZip: ScalarFactory = arity(2, 2, () => (args) => {
  const [keys, values] = args;
  if (!Array.isArray(keys)) return null;
  const vals = Array.isArray(values) ? values : [];
  const out = newBag();
  keys.forEach((k, i) => {
    if (typeof k === "string") out[k] = i < vals.length ? vals[i] : null;
  });
  return out;
});

const bracket = (k: string) => `['${k.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;

/** treepath(object): the path of every key, arrays as [0] standing for all their elements. */
function treePaths(v: unknown, prefix: string, out: string[], seen: Set<string>): void {
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  if (isBag(v)) {
    for (const k of Object.keys(v)) {
      const p = prefix + bracket(k);
      add(p);
      treePaths(v[k], p, out, seen);
    }
  } else if (Array.isArray(v) && v.length > 0) {
    add(`${prefix}[0]`);
    for (const x of v) treePaths(x, `${prefix}[0]`, out, seen);
  }
}

const treepath: ScalarFactory = arity(1, 1, () => (args) => {
  const v = args[0];
  if (!isBag(v) && !Array.isArray(v)) return null;
  const out: string[] = [];
  treePaths(v, "", out, new Set());
  return out;
});

/** Canonical JSON: bag keys in ordinal order, longs exact; a value inside an array or bag prints as tostring prints it there (a whole real as 5.0). */
export function canonicalJson(v: unknown, nested = false): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x, true)).join(",")}]`;
  if (isBag(v)) {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k], true)}`).join(",")}}`;
  }
  return nested ? jsonText([v]).slice(1, -1) : JSON.stringify(v);
}

/** dynamic_to_json(expr): canonical JSON of a dynamic value; tostring() of any other type. */
const dynamicToJson: ScalarFactory = arity(1, 1, (argTypes) => {
  if (argTypes[0] !== "dynamic") {
    const f = formatterFor(argTypes[0]);
    return (args) => f(args[0]);
  }
  return (args) => canonicalJson(args[0]);
});

/** extract_json(path, text[, typeof(T)]): the value at a JSONPath of JSON text, converted to T; null when absent. */
const extractJson: ScalarFactory = arity(2, 3, (argTypes: readonly KType[], resultType: KType) => {
  const steps = lastValueCache(parseJsonPath);
  const source = formatterFor(argTypes[1]);
  const cast = resultType === "dynamic" ? undefined : convertTo(resultType, "dynamic");
  return (args) => {
    const doc = parseJsonText(source(args[1]), "extract_json");
    if (doc === undefined) return null;
    const v = readPath(doc, steps(str(args[0])));
    if (v === undefined) return null;
    // formatDynamic: text as tostring(dynamic) prints it (a lone whole real as 5, like tostring of the real).
    if (resultType === "string") return formatDynamic(v as Value);
    return cast ? cast(v) : v;
  };
});

export const bagFunctions: ScalarTable = {
  pack,
  bag_pack: pack,
  bag_keys: bagKeys,
  bag_merge: bagMerge,
  bag_has_key: bagHasKey,
  bag_remove_keys: bagRemoveKeys,
  bag_set_key: bagSetKey,
  bag_zip: bagZip,
  treepath,
  dynamic_to_json: dynamicToJson,
  extract_json: extractJson,
  extractjson: extractJson,
};
