// The JSONPath subset Kusto accepts (jsonpath.md): $, .name, ['name'] / ["name"], [n]; no wildcards, slices or recursion.
import type { Value } from "../types";
import { bagGet, isBag } from "./bag-object";

export type PathStep = string | number;

/** Steps of a JSONPath; text without a leading $ is one root-level key name. Throws on syntax Kusto does not accept. */
export function parseJsonPath(path: string): PathStep[] {
  const text = path.trim();
  if (!text.startsWith("$")) return [path];
  const steps: PathStep[] = [];
  let i = 1;
  const fail = (what: string): never => {
    throw new Error(`JSONPath ${JSON.stringify(path)}: ${what} at offset ${i} (supported: $, .name, ['name'], [n])`);
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === ".") {
      const m = /^[A-Za-z_$@][\w$@-]*/.exec(text.slice(i + 1));
      if (!m) fail("expected a property name after '.'");
      steps.push(m![0]);
      i += 1 + m![0].length;
    } else if (ch === "[") {
      const rest = text.slice(i + 1);
      // The two alternatives never both match a backslash, so a run of them cannot backtrack exponentially.
      const quoted = /^\s*(['"])((?:\\.|(?!\1|\\).)*)\1\s*\]/.exec(rest);
      const index = /^\s*(-?\d+)\s*\]/.exec(rest);
      if (quoted) {
        steps.push(quoted[2].replace(/\\(.)/g, "$1"));
        i += 1 + quoted[0].length;
      } else if (index) {
        steps.push(Number(index[1]));
        i += 1 + index[0].length;
      } else fail("expected ['name'] or [n]");
    } else fail(`unexpected ${JSON.stringify(ch)}`);
  }
  return steps;
}

/** The value at the path, or undefined when a step is missing. */
export function readPath(root: Value, steps: readonly PathStep[]): Value | undefined {
  let v: unknown = root;
  for (const s of steps) {
    if (typeof s === "number") {
      if (!Array.isArray(v)) return undefined;
      const i = s < 0 ? v.length + s : s;
      if (i < 0 || i >= v.length) return undefined;
      v = v[i];
    } else {
      if (!isBag(v)) return undefined;
      v = bagGet(v, s);
      if (v === undefined) return undefined;
    }
  }
  return v as Value;
}

/** Steps that are all key names: bag_has_key, bag_remove_keys and bag_set_key refuse array indexing. */
export function keySteps(path: string, fn: string): string[] {
  const steps = parseJsonPath(path);
  if (steps.length === 0) throw new Error(`${fn}: the root path "$" names no key`);
  for (const s of steps)
    if (typeof s === "number")
      throw new Error(`${fn}: array indexing in ${JSON.stringify(path)} is not supported (as in Kusto)`);
  return steps as string[];
}
