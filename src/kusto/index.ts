// The local KQL engine: Microsoft's analyzer plus an evaluator over in-memory tables.

export type { AnalyzeOptions } from "./analyzer";
export { analyze, globalStateFor, parseAndAnalyze } from "./analyzer";
export type { QueryLimits } from "./compile/limits";
export { defaultLimits, QueryLimitError } from "./compile/limits";
export { KqlRuntimeError, UnsupportedError } from "./errors";
export type { CompiledQuery, CompileOptions, QueryResults, ResultSet, RunOptions } from "./evaluator";
export { catalogWithData, compileQuery, runQuery } from "./evaluator";
export { stringifyJson, toJsonRows } from "./json";
export { toCsv, toTextTable } from "./output";
export * from "./types";
// Callers build datetime/timespan cells as bigint ticks (the engine refuses epoch-ms numbers at run()).
export { formatDatetime, msFromTicks, parseDatetime, ticksFromMs } from "./values/time";
