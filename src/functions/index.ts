// The saved KQL functions shipped in kql/: parsed once, handed to the engine, the checker and the stack.
import * as fs from "node:fs";
import * as path from "node:path";
import type { KqlFunctionDef, KqlSource, KType } from "../kusto/types";
import { functionParametersOf, parseSavedFunction, type SavedFunction } from "./parse";

export { functionParametersOf, parseSavedFunction, type SavedFunction, type SavedFunctionParameter } from "./parse";

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
      const fn = parseSavedFunction(
        fs.readFileSync(path.join(kqlDir, f), "utf8"),
        path.relative(root, path.join(kqlDir, f)),
      );
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

/** The parameter every function that judges end reasons takes; its shipped default is the documented normal list. */
export const normalEndReasonsParameter = "normalendreasons";

/** Allowed end-reason names: they are written into KQL literals and workbook text, so no quotes, commas or spaces. */
const endReasonName = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** The list itself, refused when empty or holding a name that could break out of a KQL literal or workbook text. */
export function checkNormalEndReasons(reasons: readonly string[]): readonly string[] {
  if (!Array.isArray(reasons) || reasons.length === 0)
    throw new Error("normal end reasons: list at least one RecordingEndReason, e.g. CallEnded");
  for (const r of reasons) {
    if (typeof r !== "string" || !endReasonName.test(r)) {
      throw new Error(
        `normal end reason ${JSON.stringify(r)} is not a RecordingEndReason name (letters, digits, "_", ".", "-"; starting with a letter)`,
      );
    }
  }
  return reasons;
}

/** `dynamic(["A","B"])`, the one spelling of the list in a parameter default (no spaces: the header splits on them). */
export function normalEndReasonsLiteral(reasons: readonly string[]): string {
  return `dynamic([${checkNormalEndReasons(reasons)
    .map((r) => `"${r}"`)
    .join(",")}])`;
}

/** The normal RecordingEndReason values shipped as the default of ACSRecordings' normalendreasons parameter. */
export const normalEndReasons: readonly string[] = (() => {
  const p = savedFunction("ACSRecordings").parameters.find((x) => x.name === normalEndReasonsParameter);
  const m = p?.defaultValue ? /^dynamic\((\[.*\])\)$/.exec(p.defaultValue) : null;
  if (!m)
    throw new Error(
      `kql/ACSRecordings.kql: the ${normalEndReasonsParameter}:dynamic=dynamic([...]) parameter is missing`,
    );
  return JSON.parse(m[1]) as string[];
})();

/**
 * The saved functions with another normal end-reason list as the default of every `normalendreasons` parameter,
 * so the stack setting recording.normalEndReasons reaches every caller that uses the defaults (alerts, workbook, users).
 */
export function savedFunctionsWith(options: {
  readonly normalEndReasons?: readonly string[];
}): readonly SavedFunction[] {
  if (!options.normalEndReasons) return savedFunctions;
  const literal = normalEndReasonsLiteral(options.normalEndReasons);
  return savedFunctions.map((fn) => {
    if (!fn.parameters.some((p) => p.name === normalEndReasonsParameter)) return fn;
    const parameters = fn.parameters.map((p) =>
      p.name === normalEndReasonsParameter ? { ...p, defaultValue: literal } : p,
    );
    return { ...fn, parameters, functionParameters: functionParametersOf(parameters) };
  });
}

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
