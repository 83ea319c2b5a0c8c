// Streams the JSON values of a data file: NDJSON (one value per line, as Azure's PT1H.json), a JSON array of rows,
// or pretty-printed values one after another; errors name the line where the text broke.
import * as fs from "node:fs";
import { readLines } from "./chunks";

/** Called per value; `line` is where it starts, `index` its 0-based position in a top-level array (else -1). */
export type ValueSink = (value: unknown, line: number, index: number) => void;

function invalid(file: string, line: number, err: unknown, advice: string): Error {
  return new Error(`${file}:${line}: invalid JSON (${(err as Error).message})${advice}`);
}

/** The line of a JSON.parse error inside `text` whose first line is `firstLine`. */
function errorLine(text: string, err: unknown, firstLine: number): number {
  const position = /at position (\d+)/.exec((err as Error).message)?.[1];
  if (position === undefined) return firstLine;
  let line = firstLine;
  let end = Number(position);
  // "Expected ',' or '}' after property value": the comma is missing after the previous token, which may end an earlier line.
  if (/after/.test((err as Error).message)) while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  for (let at = text.indexOf("\n"); at >= 0 && at < end; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** The first non-blank character of the file and the text of its first non-blank line (read from the head only). */
function head(file: string): { first: string; firstLine: string } {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, n)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    const trimmed = text.trimStart();
    const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? "";
    return { first: trimmed.charAt(0), firstLine };
  } finally {
    fs.closeSync(fd);
  }
}

/** One JSON value per non-blank line. */
export function readNdjson(file: string, sink: ValueSink): void {
  readLines(file, (text, line) => {
    if (text.length === 0 || text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw invalid(file, line, err, "; write one JSON object per line");
    }
    sink(value, line, -1);
  });
}

/**
 * Splits a stream of lines into top-level JSON texts (array elements when the file is one array), tracking strings
 * and brackets only; JSON.parse judges each text, so an error is reported at its own line.
 */
class ValueSplitter {
  private depth = 0;
  private inString = false;
  private parts: string[] = [];
  private startLine = 0;
  private inArray = false;
  private arrayClosed = false;
  private index = 0;
  /** Depth at which the values handed on live: 0 for a sequence of values, 1 inside the top-level array. */
  private base = 0;
  private scalar = false;

  constructor(
    private readonly file: string,
    private readonly sink: ValueSink,
  ) {}

  private emit(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw invalid(this.file, errorLine(text, err, this.startLine), err, "");
    }
    this.sink(value, this.startLine, this.inArray ? this.index++ : -1);
  }

  line(text: string, line: number): void {
    let from = -1;
    if (this.parts.length > 0 || this.scalar) from = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        // Jump to the next quote or backslash.
        const q = text.indexOf('"', i);
        const b = text.indexOf("\\", i);
        if (b >= 0 && (q < 0 || b < q)) {
          i = b + 2;
          continue;
        }
        if (q < 0) {
          i = n;
          break;
        }
        this.inString = false;
        i = q + 1;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      if (this.arrayClosed)
        throw new Error(
          `${this.file}:${line}: text after the closing ] of the array; a .json file holds one array or one value per line`,
        );
      if (this.depth === this.base && !this.scalar) {
        // Between values.
        if (c === 44 && this.inArray) {
          i++;
          continue;
        }
        if (c === 93 && this.inArray) {
          this.arrayClosed = true;
          this.depth = 0;
          i++;
          continue;
        }
        if (c === 91 && this.depth === 0 && !this.inArray && this.index === 0 && this.startLine === 0) {
          this.inArray = true;
          this.base = 1;
          this.depth = 1;
          i++;
          continue;
        }
        from = i;
        this.startLine = line;
        this.parts = [];
        if (c === 123 || c === 91) {
          this.depth++;
        } else if (c === 34) {
          this.inString = true;
          this.scalar = true;
        } else this.scalar = true;
        i++;
        continue;
      }
      if (this.scalar) {
        if (c === 34) {
          this.inString = true;
          i++;
          continue;
        }
        if ((c === 44 || c === 93) && this.inArray) {
          this.parts.push(text.slice(from, i));
          this.scalar = false;
          this.emit(this.parts.join("\n"));
          this.parts = [];
          from = -1;
          continue;
        }
        i++;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === this.base) {
          this.parts.push(text.slice(from, i + 1));
          this.emit(this.parts.join("\n"));
          this.parts = [];
          from = -1;
        }
      }
      i++;
    }
    if (from >= 0) this.parts.push(text.slice(from));
    if (this.scalar && !this.inArray && !this.inString) {
      // A bare scalar value ends with its line.
      this.scalar = false;
      this.emit(this.parts.join("\n"));
      this.parts = [];
    }
  }

  end(lastLine: number): void {
    if (this.inArray && !this.arrayClosed)
      throw new Error(`${this.file}:${lastLine}: the JSON array opened on line 1 is not closed; add the closing ]`);
    if (this.depth > this.base || this.inString || this.parts.length > 0) {
      throw new Error(
        `${this.file}:${this.startLine}: the JSON value starting here is not closed by the end of the file; add the missing } or ]`,
      );
    }
  }
}

/** Values of a `.json` file: one value per line when the first line is a whole value, else a streamed array or pretty-printed values. */
export function readJsonValues(file: string, sink: ValueSink): void {
  const { first, firstLine } = head(file);
  if (first === "")
    throw new Error(`${file}: the file is empty; write [] for a table with no rows, or remove the file`);
  if (first !== "[") {
    let whole = false;
    try {
      JSON.parse(firstLine);
      whole = true;
    } catch {
      // Not one value per line: pretty-printed.
    }
    if (whole) {
      readNdjson(file, sink);
      return;
    }
  }
  const splitter = new ValueSplitter(file, sink);
  let last = 0;
  readLines(file, (text, line) => {
    splitter.line(text, line);
    last = line;
  });
  splitter.end(last);
}
