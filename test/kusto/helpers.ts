import { runQuery, toJsonRows } from "../../src/kusto";
import type { KqlFunctionDef, QueryResult, Tables } from "../../src/kusto";

export const NOW = Date.parse("2024-03-10T12:00:00Z");

export function run(kql: string, tables: Tables = {}, functions?: readonly KqlFunctionDef[]): QueryResult {
  return runQuery(kql, tables, { now: NOW, functions });
}

export function json(kql: string, tables: Tables = {}, functions?: readonly KqlFunctionDef[]): Record<string, unknown>[] {
  return toJsonRows(run(kql, tables, functions));
}
