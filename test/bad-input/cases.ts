import type { BadInputCase } from "./case";
import { cliCases, previewCases, processCases } from "./cli-cases";
import { configCases } from "./config-cases";
import { dataCases } from "./data-cases";
import { alertWindowCases, templateCases } from "./kql-cases";
import { loaderCases } from "./loader-cases";
import { outputCases } from "./output-cases";
import { stackFileCases, synthCases } from "./synth-cases";

// Every bad-input case, in README order: the suite runs them and `npm run generate` renders the README table from them.

export const badInputCases: readonly BadInputCase[] = [
  ...configCases,
  ...dataCases,
  ...loaderCases,
  ...templateCases,
  ...alertWindowCases,
  ...stackFileCases,
  ...synthCases,
  ...outputCases,
  ...cliCases,
  ...previewCases,
  ...processCases,
];
