// The saved KQL functions shipped in kql/: parsed once, handed to the engine, the checker and the stack.
import * as fs from "node:fs";
import * as path from "node:path";
import type { KType, KqlFunctionDef, KqlSource } from "../kusto/types";
import { parseSavedFunction, type SavedFunction } from "./parse";

export { parseSavedFunction, type SavedFunction, type SavedFunctionParameter } from "./parse";

/** Where the .kql files live, and the workspace category the stack files them under. */
export const kqlDir: string = path.resolve(__dirname, "..", "..", "kql");
export const savedFunctionCategory = "ACS Call Recording";

function loadSavedFunctions(): SavedFunction[] {
  const root = path.resolve(kqlDir, "..");
  return fs
    .readdirSync(kqlDir)
    .filter((f) => f.endsWith(".kql"))
    .sort()
    .map((f) => {
      const fn = parseSavedFunction(fs.readFileSync(path.join(kqlDir, f), "utf8"), path.relative(root, path.join(kqlDir, f)));
      if (`${fn.name}.kql` !== f) throw new Error(`${fn.file}: Name ${fn.name} must match the file name`);
      return fn;
    });
}

export const savedFunctions: readonly SavedFunction[] = loadSavedFunctions();

/** The functions as the engine and analyzer declare them. */
export const kqlFunctionDefs: readonly KqlFunctionDef[] = savedFunctions;

export function savedFunction(name: string): SavedFunction {
  const fn = savedFunctions.find((f) => f.name === name);
  if (!fn) throw new Error(`no saved function ${name}; shipped: ${savedFunctions.map((f) => f.name).join(", ")}`);
  return fn;
}

/** The normal RecordingEndReason values, read from the one place they are listed (ACSRecordings.kql). */
export const normalEndReasons: readonly string[] = (() => {
  const m = /let normalEndReasons = dynamic\(\[([^\]]*)\]\);/.exec(savedFunction("ACSRecordings").body);
  if (!m) throw new Error("kql/ACSRecordings.kql: the normalEndReasons list is missing");
  return JSON.parse(`[${m[1]}]`) as string[];
})();

const stand_in: Record<KType, string> = {
  string: "''",
  int: "int(null)",
  long: "long(null)",
  real: "real(null)",
  decimal: "decimal(null)",
  bool: "bool(null)",
  datetime: "datetime(null)",
  timespan: "1h",
  dynamic: "dynamic([])",
  guid: "guid(null)",
};

/**
 * Each body as checkable KQL: one first line binds the parameters with `let` (their default, or a typed stand-in),
 * so `line` points at the line before the body and diagnostics land on the file's own lines.
 */
export function kqlSources(): KqlSource[] {
  return savedFunctions.map((fn) => ({
    file: fn.file,
    line: fn.bodyLine - 1,
    kql: `${fn.parameters.map((p) => `let ${p.name} = ${p.defaultValue ?? stand_in[p.type]};`).join(" ")}\n${fn.body}`,
  }));
}
