// Every generated file in the repository and how to render it; `npm run generate` writes them, test/generated.test.ts checks them.
import * as fs from "node:fs";
import * as path from "node:path";
import type { AlertRuleDef } from "../src/alerts";
import { alertRules } from "../src/alerts";
import { renderSample } from "../src/data/sample";
import { undocumentedPlugins } from "../src/kusto/compile/operators/evaluate";
import { knownDifferences } from "../src/kusto/differences";
import { aggregateFunctionNames, scalarFunctionNames } from "../src/kusto/scalars";
import { arrayTupleFunctions } from "../src/kusto/scalars/arrays";
import { refusedFunctions } from "../src/kusto/scalars/refused";
import { seriesTupleFunctions } from "../src/kusto/scalars/series";
import { tablesMarkdown } from "../src/schema/tables";
import { serializedWorkbook, workbookFile } from "../src/workbook";
import { badInputCases } from "../test/bad-input/cases";
import { badInputTable } from "../test/bad-input/table";
import { replaceMarked, replaceTable, replaceUntilNextSection } from "./readme-sections";

export const root = path.resolve(__dirname, "..");

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  readonly file: string;
  /** The file's content as it should be, given its current content (README keeps its prose). */
  readonly render: (current: string | undefined) => string;
}

const alertsHeader = "| Key | Measures | Fires when (default) | Window / frequency (min) | Severity |";

function firesWhen(rule: AlertRuleDef): string {
  const measure = rule.timeAggregation === "Count" ? "Count" : `${rule.timeAggregation} of ${rule.metricMeasureColumn}`;
  const split = rule.dimensions.length > 0 ? `, split by ${rule.dimensions.join(", ")}` : "";
  return `${rule.operator} ${rule.defaults.threshold} (${measure}${split})`;
}

export function alertsTable(rules: readonly AlertRuleDef[]): string {
  return [
    alertsHeader,
    "| --- | --- | --- | --- | --- |",
    ...rules.map(
      (r) =>
        `| \`${r.key}\` | ${r.description.replace(/\|/g, "\\|")} | ${firesWhen(r)} | ${r.defaults.windowMinutes} / ${r.defaults.frequencyMinutes} | ${r.severity} |`,
    ),
  ].join("\n");
}

/** `title (n): a, b, ...` wrapped at 120 characters, as the README's prose is. */
function wrappedList(title: string, names: readonly string[]): string {
  const lines: string[] = [];
  let line = `${title} (${names.length}):`;
  names.forEach((n, i) => {
    const word = ` \`${n}\`${i === names.length - 1 ? "." : ","}`;
    if (line.length + word.length > 120) {
      lines.push(line);
      line = word.trimStart();
    } else line += word;
  });
  return [...lines, line].join("\n");
}

export function functionLists(): string {
  return [
    wrappedList("Scalar functions", scalarFunctionNames),
    "",
    // Functions returning several columns ((a, b) = f(x)) live in their own tables.
    wrappedList(
      "Functions returning several columns",
      [...new Set([...Object.keys(seriesTupleFunctions), ...Object.keys(arrayTupleFunctions)])].sort(),
    ),
    "",
    wrappedList("Aggregates", aggregateFunctionNames),
    "",
    "Differences from Kusto, on purpose (`src/kusto/differences.ts`):",
    ...knownDifferences.map((d) => `- ${d.subject} (${d.functions.map((f) => `\`${f}\``).join(", ")}): ${d.rule}.`),
    "",
    "Refused with `unsupported:` and the reason (`src/kusto/scalars/refused.ts`, `evaluate.ts`):",
    ...refusedFunctions.map(([name, reason]) => `- \`${name}()\`: ${reason}.`),
    ...Object.entries(undocumentedPlugins).map(([name, reason]) => `- \`evaluate ${name}\`: ${reason}.`),
  ].join("\n");
}

function readme(current: string | undefined): string {
  if (current === undefined) throw new Error("README.md is missing");
  let text = replaceTable(current, "| # | Area | What is tried | What you see |", badInputTable(badInputCases));
  text = replaceTable(text, alertsHeader, alertsTable(alertRules));
  text = replaceMarked(text, "kql-functions", functionLists());
  const tables = tablesMarkdown();
  return replaceUntilNextSection(text, tables.split("\n")[0], tables);
}

export function generatedFiles(): GeneratedFile[] {
  const sample = Object.entries(renderSample()).map(([name, text]) => ({
    file: `test/fixtures/sample/${name}`,
    render: () => text,
  }));
  return [{ file: workbookFile, render: () => serializedWorkbook }, ...sample, { file: "README.md", render: readme }];
}

/** The current content of a generated file, or undefined when it does not exist. */
export function currentText(file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(root, file), "utf8");
  } catch {
    return undefined;
  }
}
