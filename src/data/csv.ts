// RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks, as the Log Analytics portal writes them.

export interface CsvRecord {
  /** 1-based physical line where the record starts, for error messages. */
  readonly line: number;
  readonly fields: string[];
}

export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = "";
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < body.length) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        if (i < body.length && body[i] !== "," && body[i] !== "\n" && body[i] !== "\r") {
          throw new Error(`${file}:${line}: CSV: unexpected text after a closing quote; double a quote inside a quoted field ("")`);
        }
        continue;
      }
      if (ch === "\n") line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i += 1;
      continue;
    }
    if (ch === ",") {
      endField();
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && body[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i += 1;
  }
  if (quoted) throw new Error(`${file}:${recordLine}: CSV: a quoted field is not closed; add the closing quote (")`);
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
