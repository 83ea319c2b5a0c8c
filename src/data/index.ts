// The data API: data directories and in-memory fixtures in, typed tables out.
import * as path from "node:path";

export { coerceRow } from "./coerce";
export { categoryTables } from "./diagnostic";
export { type GeneratedDataset, type GenerateOptions, generateDataset } from "./generate";
export { type LoadOptions, type LoadSummary, loadData, loadDataDir, summaryLine, tablesFromRows } from "./load";

/** Absolute path of the bundled sample data, the default of `npm start`, `query` and `preview`. */
export const sampleDataDir: string = path.resolve(__dirname, "..", "..", "test", "fixtures", "sample");
