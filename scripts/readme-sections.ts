// Replaces the generated parts of README.md, each found by a heading, a table header or a marker, leaving the prose alone.

/** The lines of the markdown table that starts at the line `header`, or undefined when there is no such table. */
function tableAt(text: string, header: string): { start: number; end: number } | undefined {
  const start = text.startsWith(`${header}\n`) ? 0 : text.indexOf(`\n${header}\n`) + 1;
  if (start <= 0 && !text.startsWith(`${header}\n`)) return undefined;
  let end = start;
  while (end < text.length && text[end] === "|") {
    const next = text.indexOf("\n", end);
    end = next < 0 ? text.length : next + 1;
  }
  return { start, end };
}

/** `text` with the table under `header` replaced by `table` (which starts with that same header line). */
export function replaceTable(text: string, header: string, table: string): string {
  const at = tableAt(text, header);
  if (!at)
    throw new Error(
      `README.md: no table with the header "${header}"; add one where it belongs, then run npm run generate`,
    );
  return `${text.slice(0, at.start)}${table}\n${text.slice(at.end)}`;
}

/** `text` with everything from the first line equal to `fromLine` up to the next `## ` heading (or the end) replaced. */
export function replaceUntilNextSection(text: string, fromLine: string, body: string): string {
  const start = text.startsWith(`${fromLine}\n`) ? 0 : text.indexOf(`\n${fromLine}\n`) + 1;
  if (start <= 0 && !text.startsWith(`${fromLine}\n`))
    throw new Error(`README.md: no line "${fromLine}"; add it, then run npm run generate`);
  const next = text.slice(start).search(/\n## /);
  const end = next < 0 ? text.length : start + next + 1;
  return `${text.slice(0, start)}${body}\n${next < 0 ? "" : "\n"}${text.slice(end)}`;
}

/** `text` with the lines between `<!-- generated: name -->` and `<!-- end generated: name -->` replaced by `body`. */
export function replaceMarked(text: string, name: string, body: string): string {
  const open = `<!-- generated: ${name} -->\n`;
  const close = `<!-- end generated: ${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close, start);
  if (start < 0 || end < 0)
    throw new Error(`README.md: no "${open.trim()}" … "${close}" markers; add them, then run npm run generate`);
  return `${text.slice(0, start + open.length)}${body}\n${text.slice(end)}`;
}
