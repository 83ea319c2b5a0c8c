// The data API: data directories and in-memory fixtures in, typed tables out.
import * as path from "node:path";

export { loadData, loadDataDir, summaryLine, tablesFromRows, type LoadOptions, type LoadSummary } from "./load";
export { coerceRow } from "./coerce";
export { categoryTables } from "./diagnostic";
export { generateDataset, type GenerateOptions, type GeneratedDataset } from "./generate";

/** Absolute path of the bundled sample data, the default of `npm start`, `query` and `preview`. */
export const sampleDataDir: string = path.resolve(__dirname, "..", "..", "test", "fixtures", "sample");
