// Makes a query self-contained: the saved functions it calls, directly or not, become `let` definitions in front of it.
import { type SavedFunction, savedFunctions } from "../functions";

const calls = (text: string, fn: SavedFunction) => new RegExp(`\\b${fn.name}\\s*\\(`).test(text);

/** The saved functions `kql` calls, callees before callers, so each `let` only refers to earlier ones. */
export function referencedFunctions(kql: string): SavedFunction[] {
  const ordered: SavedFunction[] = [];
  const visit = (fn: SavedFunction, path: string[]) => {
    if (ordered.includes(fn)) return;
    if (path.includes(fn.name))
      throw new Error(`saved functions call each other in a cycle: ${[...path, fn.name].join(" -> ")}`);
    for (const callee of savedFunctions) if (callee !== fn && calls(fn.body, callee)) visit(callee, [...path, fn.name]);
    ordered.push(fn);
  };
  for (const fn of savedFunctions) if (calls(kql, fn)) visit(fn, []);
  return ordered;
}

/** `kql` with the saved functions it needs defined in front, for a workspace where they are not deployed. */
export function withInlineFunctions(kql: string): string {
  const lets = referencedFunctions(kql).map((fn) => {
    const params = fn.parameters
      .map((p) => (p.defaultValue !== undefined ? `${p.name}:${p.type}=${p.defaultValue}` : `${p.name}:${p.type}`))
      .join(", ");
    return `let ${fn.name} = (${params}) {\n${fn.body}\n};`;
  });
  return [...lets, kql].join("\n");
}
