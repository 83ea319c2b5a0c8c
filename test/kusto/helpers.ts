import { beforeAll, expect } from "vitest";
import type { KqlFunctionDef, QueryResult, Tables } from "../../src/kusto";
import { analyze, runQuery, toJsonRows } from "../../src/kusto";
import { acsTables } from "../../src/schema/catalog";

export const NOW = Date.parse("2024-03-10T12:00:00Z");

export function run(kql: string, tables: Tables = {}, functions?: readonly KqlFunctionDef[]): QueryResult {
  // The engine knows no tables of its own: the ACS tables are declared, so a table missing from `tables` is empty.
  return runQuery(kql, tables, { now: NOW, tables: acsTables, functions });
}

export function json(
  kql: string,
  tables: Tables = {},
  functions?: readonly KqlFunctionDef[],
): Record<string, unknown>[] {
  return toJsonRows(run(kql, tables, functions));
}

// Loading Microsoft's library takes seconds on a busy machine; every file that imports the helpers pays it here, once.
beforeAll(() => {
  analyze("print 1");
}, 60_000);

/** A datetime as the engine holds it (bigint 100-ns ticks since the epoch), from ISO text read by Date.parse (whole ms). */
export const ticksAt = (iso: string): bigint => BigInt(Date.parse(iso)) * 10_000n;

/** Asserts `got` is a number array as long as `want`, each element equal to `digits` decimal places. */
export function closeTo(got: unknown, want: number[], digits = 12): void {
  const g = got as number[];
  expect(g).toHaveLength(want.length);
  want.forEach((w, i) => expect(g[i]).toBeCloseTo(w, digits));
}
