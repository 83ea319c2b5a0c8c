// `acs-insights preview`: render the workbook offline as one HTML page, or rewrite the committed workbook JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseDateTime } from "../schema/tables";

const help = `usage: acs-insights preview [--data DIR] [--out FILE] [--now ISO] [--write-workbook]

  --data DIR         data directory, one file per table (default: the bundled sample data)
  --out FILE         where to write the page (default: out/preview.html)
  --now ISO          "now" for the time range, e.g. 2024-05-02T00:00:00Z (default: just after the latest TimeGenerated)
  --write-workbook   rewrite workbooks/acs-call-recording.workbook.json from the builder and exit
`;

interface Args {
  data?: string;
  out: string;
  nowMs?: number;
  writeWorkbook: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: "out/preview.html", writeWorkbook: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value (see --help)`);
      return v;
    };
    if (flag === "--data") args.data = resolve(value());
    else if (flag === "--out") args.out = value();
    else if (flag === "--now") {
      const text = value();
      const ms = parseDateTime(text);
      if (!Number.isFinite(ms)) throw new Error(`--now: "${text}" is not an ISO 8601 datetime; use e.g. 2024-05-02T00:00:00Z`);
      args.nowMs = ms;
    } else if (flag === "--write-workbook") args.writeWorkbook = true;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else throw new Error(`unknown option ${flag} (see --help)`);
  }
  return args;
}

export async function run(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`acs-insights preview: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(help);
    return 0;
  }
  if (args.writeWorkbook) {
    const { writeWorkbookFile } = await import("../workbook/write");
    const { path, changed } = writeWorkbookFile();
    process.stdout.write(`${changed ? "wrote" : "unchanged"} ${path}\n`);
    return 0;
  }
  const { renderPreview } = await import("../preview");
  const { html, model } = renderPreview({ dataDir: args.data, nowMs: args.nowMs });
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  for (const e of model.errors) process.stderr.write(`acs-insights preview: ${e.item}: ${e.message}\n`);
  process.stdout.write(`preview: ${out} (${model.errors.length} item error(s))\n`);
  return model.errors.length > 0 ? 1 : 0;
}
