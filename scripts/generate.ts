// `npm run generate`: rewrites every generated file (workbook JSON, bundled sample data, README tables) that is out of date.
import * as fs from "node:fs";
import * as path from "node:path";
import { currentText, generatedFiles, root } from "./generated";

let changed = 0;
for (const { file, render } of generatedFiles()) {
  const current = currentText(file);
  const next = render(current);
  if (next === current) continue;
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), next);
  process.stdout.write(`wrote ${file}\n`);
  changed++;
}
process.stdout.write(`${changed} generated file(s) updated\n`);
