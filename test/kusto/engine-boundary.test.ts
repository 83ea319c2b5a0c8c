import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..", "src", "kusto");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Module specifiers a file imports or requires (static, dynamic, re-exports). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm))
    out.push(m[1]);
  return out;
}

describe("the engine's edges", () => {
  it("must not import anything from elsewhere in src/ (it could be published on its own)", () => {
    const escapes: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const spec of specifiers(fs.readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (target !== root && !target.startsWith(root + path.sep))
          escapes.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it("must find the imports it checks (the scan itself works)", () => {
    expect(specifiers(`import { a } from "../x";\nexport { b } from "./y";\nconst c = require("../../z");`)).toEqual([
      "../x",
      "./y",
      "../../z",
    ]);
  });
});
