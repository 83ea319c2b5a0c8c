// The package's library entry (`import ... from "acs-recording-insights"`): application code only, never the Pulumi program (src/index.ts).
export * from "./templates";
export { analyze, compileQuery, runQuery, toCsv, toJsonRows, toTextTable } from "./kusto";
export type { ColumnInfo, CompiledQuery, DataTable, KqlDiagnostic, KqlFunctionDef, KqlSource, KType, QueryResult, Tables, Value } from "./kusto";
export { categoryTables, generateDataset, loadDataDir, sampleDataDir, tablesFromRows, type GenerateOptions, type GeneratedDataset } from "./data";
export { buildWorkbook, serializedWorkbook, workbookForWorkspace, type Workbook } from "./workbook";
export { kqlFunctionDefs, savedFunctions, type SavedFunction } from "./functions";
export { renderPreview } from "./preview";
export { tableNames, tables, type TableName } from "./schema/tables";
