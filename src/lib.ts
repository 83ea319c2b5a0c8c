// The package's library entry (`import ... from "acs-recording-insights"`): application code only, never the Pulumi program (src/index.ts).

export {
  categoryTables,
  type GeneratedDataset,
  type GenerateOptions,
  generateDataset,
  loadDataDir,
  sampleDataDir,
  tablesFromRows,
} from "./data";
export { kqlFunctionDefs, type SavedFunction, savedFunctions } from "./functions";
export type {
  ColumnInfo,
  CompiledQuery,
  DataTable,
  KqlDiagnostic,
  KqlFunctionDef,
  KqlSource,
  KType,
  QueryResult,
  Tables,
  Value,
} from "./kusto";
export { analyze, compileQuery, runQuery, toCsv, toJsonRows, toTextTable } from "./kusto";
export { renderPreview } from "./preview";
export { type TableName, tableNames, tables } from "./schema/tables";
export * from "./templates";
export { buildWorkbook, serializedWorkbook, type Workbook, workbookForWorkspace } from "./workbook";
