// With no timings cached yet (a fresh clone), vitest orders files by size; start the few long ones first instead, so
// no worker is left running one of them alone at the end.
import { relative, sep } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The longest files (seconds each on a 2-core machine), longest first; every other file keeps vitest's order. */
export const longFiles = [
  "test/setup/typecheck.test.ts",
  "test/preview/large.test.ts",
  "test/bad-input/bad-input.test.ts",
  "test/kusto/int64.test.ts",
  "test/preview/browser.test.ts",
  "test/templates/standalone.test.ts",
  "test/data/package.test.ts",
  "test/synth.test.ts",
  "test/workbook/queries.test.ts",
  "test/kusto/shipped-run.test.ts",
];

/** `files` with those named in `first` moved to the front, in `first`'s order; `key` gives a file's path from the root. */
export function longFirst<T>(files: readonly T[], key: (file: T) => string, first: readonly string[]): T[] {
  const rank = (f: T) => {
    const i = first.indexOf(key(f));
    return i < 0 ? first.length : i;
  };
  // Array.prototype.sort is stable, so files outside the list keep the order they came in.
  return [...files].sort((a, b) => rank(a) - rank(b));
}

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (f: TestSpecification) => relative(f.project.config.root, f.moduleId).split(sep).join("/");
    return longFirst(sorted, key, longFiles);
  }
}
