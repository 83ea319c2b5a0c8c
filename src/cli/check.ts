// `acs-insights check`: analyzes every KQL text the package ships against the table schemas and the saved functions.
import { kqlSources as alertSources } from "../alerts";
import { kqlSources as functionSources } from "../functions";
import { analyze, type KqlDiagnostic, type KqlSource } from "../kusto";
import { acsCatalog } from "../schema/catalog";
import { kqlSources as templateSources } from "../templates";
import { kqlSources as workbookSources } from "../workbook";
import { choiceFlag, type ParsedArgs } from "./args";
import { checkSpec } from "./commands";
import { runCommand } from "./run";

export interface SourceDiagnostic extends KqlDiagnostic {
  readonly file: string;
}

export function shippedSources(): KqlSource[] {
  return [...functionSources(), ...templateSources(), ...workbookSources(), ...alertSources()];
}

/** Diagnostics with positions in the source file: the KQL's line 1 is the file's `source.line`. */
export function checkSources(sources: readonly KqlSource[]): SourceDiagnostic[] {
  const out: SourceDiagnostic[] = [];
  for (const source of sources) {
    for (const d of analyze(source.kql, acsCatalog)) {
      out.push({ ...d, file: source.file, line: source.line + d.line - 1 });
    }
  }
  return out;
}

export async function execute(args: ParsedArgs): Promise<number> {
  const format = choiceFlag(args, "format", ["text", "json"] as const, "text");
  const sources = shippedSources();
  const diagnostics = checkSources(sources);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  process.stdout.write(
    format === "json" ? `${JSON.stringify(diagnostics, null, 2)}\n` : textReport(diagnostics, sources.length),
  );
  return errors > 0 ? 1 : 0;
}

export const run = (argv: string[]): Promise<number> => runCommand({ ...checkSpec, load: async () => execute }, argv);

/** One `file:line:col: message` line per diagnostic (warnings marked), then a summary count. */
export function textReport(diagnostics: readonly SourceDiagnostic[], checked: number): string {
  const lines = diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column}: ${d.severity === "warning" ? "warning: " : ""}${d.message}`,
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  lines.push(
    `checked ${checked} KQL texts: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
