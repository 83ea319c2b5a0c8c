// Just enough Markdown for the workbook's text items: headings, paragraphs, pipe tables, **bold** and `code`.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

function table(lines: string[]): string {
  const [head, , ...body] = lines;
  const th = cells(head)
    .map((c) => `<th>${inline(c)}</th>`)
    .join("");
  const rows = body
    .map(
      (l) =>
        `<tr>${cells(l)
          .map((c) => `<td>${inline(c)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `<table class="md"><thead><tr>${th}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function markdownToHtml(text: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let tableLines: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(`<p>${inline(paragraph.join(" "))}</p>`);
    if (tableLines.length) blocks.push(table(tableLines));
    paragraph = [];
    tableLines = [];
  };
  for (const line of text.split("\n")) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(heading[1].length + 1, 6);
      blocks.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (line.trim().startsWith("|")) {
      if (paragraph.length) flush();
      tableLines.push(line);
    } else if (line.trim() === "") {
      flush();
    } else {
      if (tableLines.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks.join("\n");
}
