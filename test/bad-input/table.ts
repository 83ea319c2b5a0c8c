import type { BadInputCase } from "./case";

// Renders the cases as the README table, so the table can only list what the tests run.

export const readmeHeading = "## Bad input and what you see";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, "\\n");
const code = (fragment: string) => (fragment.includes("`") ? `\`\` ${cell(fragment)} \`\`` : `\`${cell(fragment)}\``);

export function badInputTable(cases: readonly BadInputCase[]): string {
  return [
    "| # | Area | What is tried | What you see |",
    "| --- | --- | --- | --- |",
    ...cases.map((c, i) => `| ${i + 1} | ${c.area} | ${cell(c.tried)} | ${c.sees.map(code).join(" … ")} |`),
  ].join("\n");
}

/** The table lines of the README's bad-input section, or undefined when the section is missing. */
export function readmeTable(readme: string): string | undefined {
  const start = readme.indexOf(`${readmeHeading}\n`);
  if (start < 0) return undefined;
  const rest = readme.slice(start + readmeHeading.length + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .join("\n");
}
