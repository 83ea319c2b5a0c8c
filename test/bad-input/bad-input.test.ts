import { afterAll, describe, expect, it } from "vitest";
import type { BadInputCase } from "./case";
import { badInputCases } from "./cases";
import { configCases, parseWith } from "./config-cases";
import { queryShape } from "./kql-cases";
import { removeScratchDirs } from "./temp";

// The README table is rendered from these same cases by `npm run generate`; test/generated.test.ts keeps it current.
const cases: readonly BadInputCase[] = badInputCases;

function expectInOrder(text: string, fragments: readonly string[]) {
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    expect(at, `expected ${JSON.stringify(fragment)} after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
    from = at + fragment.length;
  }
}

describe("bad input", () => {
  afterAll(removeScratchDirs);

  it("must start every stack config case from a config that passes", () => {
    expect(parseWith({}).names.workspace).toBe("acsri-dev-law");
  });

  it("must cover at least 120 cases, each tried once", () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.tried)).size).toBe(cases.length);
  });

  it.each(cases.map((c, i) => [i + 1, c.area, c.tried, c] as const))(
    "#%i %s: %s must show what the table says",
    async (_n, _area, _tried, c) => {
      expectInOrder(await c.attempt(), c.sees);
    },
  );

  it.each(configCases.map((c) => [c.tried, c] as const))(
    "stack config %s must say nothing was declared or changed",
    (_tried, c) => {
      expect(c.attempt()).toMatch(
        /^Invalid stack config for stack "dev" \(nothing was declared, nothing was changed\):\n {2}- acs-recording-insights:/,
      );
    },
  );

  it("must see a changed query shape when a value is pasted in unescaped", () => {
    // guards queryShape itself: the same hostile text spliced in raw adds tokens
    const raw =
      'ACSRecordingOperations(datetime(null), datetime(null), dynamic([]), "x" | drop table ACSCallRecordingSummary //")';
    const escaped =
      'ACSRecordingOperations(datetime(null), datetime(null), dynamic([]), "x\\" | drop table ACSCallRecordingSummary //")';
    expect(queryShape(raw)).not.toEqual(queryShape(escaped));
    expect(queryShape(escaped)).toEqual(
      queryShape('ACSRecordingOperations(datetime(null), datetime(null), dynamic([]), "call-benign")'),
    );
  });
});
