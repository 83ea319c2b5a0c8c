// `acs-insights preview`: render the workbook offline as one HTML page, or rewrite the committed workbook JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { booleanFlag, type ParsedArgs } from "./args";
import { previewSpec } from "./commands";
import { dataDirFlag, nowFlag, outputFileFlag } from "./flags";
import { runCommand } from "./run";

export async function execute(args: ParsedArgs): Promise<number> {
  const data = dataDirFlag(args);
  const out = outputFileFlag(args, "out", "out/preview.html", "preview.html");
  const nowMs = nowFlag(args, "2024-05-02T00:00:00Z");
  if (booleanFlag(args, "write-workbook")) {
    const { writeWorkbookFile } = await import("../workbook/write");
    const { path, changed } = writeWorkbookFile();
    process.stdout.write(`${changed ? "wrote" : "unchanged"} ${path}\n`);
    return 0;
  }
  const { renderPreview } = await import("../preview");
  const report = booleanFlag(args, "quiet")
    ? undefined
    : (summary: string) => process.stderr.write(`acs-insights preview: ${summary}`);
  const { html, model } = renderPreview({ dataDir: data, nowMs, report });
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  for (const e of model.errors) process.stderr.write(`acs-insights preview: ${e.item}: ${e.message}\n`);
  process.stdout.write(`preview: ${file} (${model.errors.length} item error(s))\n`);
  return model.errors.length > 0 ? 1 : 0;
}

export const run = (argv: string[]): Promise<number> => runCommand({ ...previewSpec, load: async () => execute }, argv);
