// Writes the committed workbook JSON; run through `acs-insights preview --write-workbook`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { serializedWorkbook, workbookFile } from "./index";

export const repositoryRoot = join(__dirname, "..", "..");

/** Writes the file if it differs; returns the absolute path and whether it changed. */
export function writeWorkbookFile(root: string = repositoryRoot): { path: string; changed: boolean } {
  const path = join(root, workbookFile);
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  if (current === serializedWorkbook) return { path, changed: false };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializedWorkbook);
  return { path, changed: true };
}
