// Reads a file in fixed-size byte chunks cut at line ends, checking the encoding, so no file is ever one string.
import { isUtf8 } from "node:buffer";
import * as fs from "node:fs";

/** Bytes read per system call; a chunk handed on holds whole lines only. */
export const chunkBytes = 4 * 1024 * 1024;
/** The longest line accepted: far beyond any record, well below V8's string limit (0x1fffffe8 characters). */
export const maxLineBytes = 256 * 1024 * 1024;

/** Called with bytes ending at a line end (or the file's end) and the 1-based line number of their first line. */
export type ChunkSink = (bytes: Buffer, firstLine: number) => void;

const lineOf = (bytes: Buffer, index: number, firstLine: number): number => {
  let line = firstLine;
  for (let at = bytes.indexOf(10); at >= 0 && at < index; at = bytes.indexOf(10, at + 1)) line++;
  return line;
};

/** The first byte that does not start or continue a UTF-8 sequence (error path only; isUtf8 already said there is one). */
function firstBadByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}

/** Throws, naming file and line, when `bytes` is not UTF-8 text (Latin-1/Windows-1252 accents, UTF-16, binary). */
export function checkUtf8(bytes: Buffer, file: string, firstLine: number): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new Error(
      `${file}:${lineOf(bytes, nul, firstLine)}: contains a NUL byte, so it is UTF-16 or binary, not UTF-8 text; save it as UTF-8`,
    );
  }
  if (isUtf8(bytes)) return;
  const at = firstBadByte(bytes);
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, "0");
  throw new Error(
    `${file}:${lineOf(bytes, at, firstLine)}: byte 0x${hex} is not UTF-8 (the file looks like Latin-1 or Windows-1252); save it as UTF-8`,
  );
}

/** Throws for a byte-order mark other than UTF-8's; returns how many bytes of BOM to skip. */
function bomLength(head: Buffer, file: string): number {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new Error(`${file}:1: starts with a UTF-16 byte-order mark; save it as UTF-8`);
  }
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/**
 * Streams `file` to `sink` in chunks of whole lines; returns the number of lines read. The bytes handed on are valid
 * during the call only: one buffer is reused, since a fresh 4 MB buffer per chunk is external memory that makes V8
 * run a full GC over everything loaded every 64 MB read.
 */
export function readChunks(file: string, sink: ChunkSink): number {
  const fd = fs.openSync(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    // Bytes of an unfinished line kept at the buffer's start.
    let kept = 0;
    let line = 1;
    let first = true;
    const hand = (bytes: Buffer) => {
      checkUtf8(bytes, file, line);
      sink(bytes, line);
      let n = 0;
      for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) n++;
      line += n;
    };
    for (;;) {
      if (kept === buffer.length) {
        // One line fills the buffer: grow it, up to the longest line accepted.
        if (kept >= maxLineBytes)
          throw new Error(
            `${file}:${line}: a line longer than ${maxLineBytes / 1048576} MB; write one record per line (NDJSON)`,
          );
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxLineBytes + 1));
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const read = fs.readSync(fd, buffer, kept, buffer.length - kept, null);
      if (read === 0) break;
      let start = 0;
      if (first) {
        start = bomLength(buffer.subarray(0, kept + read), file);
        first = false;
      }
      const filled = kept + read;
      const last = buffer.lastIndexOf(10, filled - 1);
      if (last < start) {
        buffer.copy(buffer, 0, start, filled);
        kept = filled - start;
        continue;
      }
      hand(buffer.subarray(start, last + 1));
      // The unfinished line moves to the front; the next read appends to it.
      buffer.copy(buffer, 0, last + 1, filled);
      kept = filled - last - 1;
    }
    if (kept > 0) {
      if (kept > maxLineBytes)
        throw new Error(
          `${file}:${line}: a line longer than ${maxLineBytes / 1048576} MB; write one record per line (NDJSON)`,
        );
      hand(buffer.subarray(0, kept));
    }
    return line - 1 + (kept > 0 ? 1 : 0);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Bytes decoded to one string at a time: below V8's large-object size, so the text dies young. A 4 MB string per
 * chunk went straight to the old generation and forced a full GC over every loaded row each ~80 MB of input.
 */
export const pieceBytes = 64 * 1024;

/** Streams `file` line by line (without line ends); `onLine` gets the text and its 1-based number. */
export function readLines(file: string, onLine: (text: string, line: number) => void): void {
  readChunks(file, (bytes, firstLine) => {
    let line = firstLine;
    let from = 0;
    while (from < bytes.length) {
      // A piece of whole lines (one longer line is a piece of its own).
      let to = from + pieceBytes >= bytes.length ? bytes.length : bytes.lastIndexOf(10, from + pieceBytes) + 1;
      if (to <= from) {
        const end = bytes.indexOf(10, from);
        to = end < 0 ? bytes.length : end + 1;
      }
      const text = bytes.toString("utf8", from, to);
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf("\n", start);
        if (end < 0) end = text.length;
        const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        onLine(text.slice(start, stop), line);
        line++;
        start = end + 1;
      }
      from = to;
    }
  });
}
