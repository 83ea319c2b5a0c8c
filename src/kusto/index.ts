// The local KQL engine: Microsoft's analyzer plus an evaluator over in-memory tables.
export { analyze, globalStateFor, parseAndAnalyze } from "./analyzer";
export type { AnalyzeOptions } from "./analyzer";
export { catalogWithData, compileQuery, runQuery } from "./evaluator";
export type { CompiledQuery, CompileOptions, RunOptions } from "./evaluator";
export { defaultLimits, QueryLimitError } from "./compile/limits";
export { UnsupportedError } from "./errors";
export type { QueryLimits } from "./compile/limits";
export { stringifyJson, toJsonRows } from "./json";
export * from "./types";
export { toCsv, toTextTable } from "./output";
