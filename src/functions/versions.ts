// Each saved function's deployed text, hashed: the committed kql/versions.json records one hash per version, so a changed body needs a new version.
import { createHash } from "node:crypto";
import type { SavedFunction } from "./parse";

/** SHA-256 of what a workspace stores for the function: its parameter list and its body. */
export function functionHash(fn: Pick<SavedFunction, "functionParameters" | "body">): string {
  return createHash("sha256").update(`${fn.functionParameters}\n${fn.body}\n`).digest("hex");
}

/** kql/versions.json: function name -> version -> hash of that version's text, oldest first. */
export type VersionHistory = Readonly<Record<string, Readonly<Record<string, string>>>>;

const parts = (v: string) => v.split(".").map(Number);
export const versionLess = (a: string, b: string): boolean => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

/** Why the recorded history does not fit the shipped functions, one line each; empty when it does. */
export function versionProblems(functions: readonly SavedFunction[], history: VersionHistory): string[] {
  const problems: string[] = [];
  for (const fn of functions) {
    const recorded = history[fn.name];
    const hash = functionHash(fn);
    if (!recorded) {
      problems.push(
        `${fn.file}: no entry in kql/versions.json; add "${fn.name}": { "${fn.version}": "${hash}" } and a kql/CHANGELOG.md section`,
      );
      continue;
    }
    const versions = Object.keys(recorded);
    for (let i = 1; i < versions.length; i++) {
      if (!versionLess(versions[i - 1], versions[i]))
        problems.push(
          `kql/versions.json: ${fn.name} lists ${versions[i]} after ${versions[i - 1]}; keep versions in increasing order`,
        );
    }
    const latest = versions[versions.length - 1];
    if (latest !== fn.version) {
      problems.push(
        `${fn.file}: Version ${fn.version} but kql/versions.json's latest for ${fn.name} is ${latest}; record "${fn.version}": "${hash}"`,
      );
    } else if (recorded[latest] !== hash) {
      const earlier = versions.find((v) => recorded[v] === hash);
      problems.push(
        earlier
          ? `${fn.file}: the text is that of ${earlier}, not ${latest}`
          : `${fn.file}: the body or parameters changed but Version is still ${fn.version}; bump Version, add "<new version>": "${hash}" to kql/versions.json and a kql/CHANGELOG.md line`,
      );
    }
  }
  for (const name of Object.keys(history))
    if (!functions.some((f) => f.name === name)) problems.push(`kql/versions.json: ${name} is not a shipped function`);
  return problems;
}
