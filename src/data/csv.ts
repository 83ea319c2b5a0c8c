// Streams a CSV file (RFC 4180, as the Log Analytics portal exports it) through csv-parse, chunk by chunk.
import { CsvError, Parser } from "csv-parse";
import { readChunks } from "./chunks";

/** One record: the 1-based physical line it starts on, and its fields. */
export type CsvSink = (fields: string[], line: number) => void;

interface CsvParserApi {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (record: { record: string[]; info: { lines: number } }) => void,
    close: () => void,
  ): Error | undefined;
}

function newlinesIn(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) for (let at = f.indexOf("\n"); at >= 0; at = f.indexOf("\n", at + 1)) n++;
  return n;
}

function explain(err: Error, file: string): Error {
  const line = err instanceof CsvError ? (err as CsvError & { lines?: number }).lines : undefined;
  const where = line ? `${file}:${line}` : file;
  const code = (err as { code?: string }).code;
  if (code === "CSV_INVALID_CLOSING_QUOTE")
    return new Error(`${where}: CSV: unexpected text after a closing quote; double a quote inside a quoted field ("")`);
  if (code === "CSV_QUOTE_NOT_CLOSED")
    return new Error(`${where}: CSV: a quoted field is not closed; add the closing quote (")`);
  return new Error(`${where}: CSV: ${err.message}`);
}

/** Reads every record of `file`; blank lines are skipped, the field count is the caller's to check. */
export function readCsv(file: string, sink: CsvSink): void {
  // The stream class's synchronous core (the same one csv-parse/sync drives), fed chunk by chunk.
  const api = (
    new Parser({ info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { api: CsvParserApi }
  ).api;
  const push = (r: { record: string[]; info: { lines: number } }) =>
    sink(r.record, r.info.lines - newlinesIn(r.record));
  const close = () => undefined;
  readChunks(file, (bytes) => {
    // A copy: csv-parse keeps a view of the bytes it has not decided on yet, and readChunks reuses its buffer.
    const err = api.parse(Buffer.from(bytes), false, push, close);
    if (err) throw explain(err, file);
  });
  const err = api.parse(undefined, true, push, close);
  if (err) throw explain(err, file);
}
