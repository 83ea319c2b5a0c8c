// Shared by the function tests: the scenario fixture (rows documented in test/fixtures/scenario/README.md) and a runner.
import * as path from "node:path";
import { loadDataDir } from "../../src/data";
import { kqlFunctionDefs } from "../../src/functions";
import { runQuery, type Tables, toJsonRows } from "../../src/kusto";

export const scenario = loadDataDir(path.resolve(__dirname, "..", "fixtures", "scenario"));

/** The reference window W = [2024-05-01, 2024-05-02) as KQL arguments. */
export const W = "datetime(2024-05-01T00:00:00Z), datetime(2024-05-02T00:00:00Z)";

/** `kql` with the saved functions over `tables` (the scenario unless given); `now` in epoch ms sets ago()'s clock. */
export function run(kql: string, tables: Tables = scenario, now?: number): Record<string, unknown>[] {
  return toJsonRows(runQuery(kql, tables, { functions: kqlFunctionDefs, now }));
}

/** Epoch ms of an ISO datetime, to compare datetimes whatever their fractional digits. */
export const ms = (iso: unknown): number => Date.parse(String(iso));

export const sortedSet = (v: unknown): string[] => [...(v as string[])].sort();
