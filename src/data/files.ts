// Finds the data files under a directory: regular files only, size-capped, symlinked folders followed once,
// and one table-named file per table and folder.
import * as fs from "node:fs";
import * as path from "node:path";
import { type TableName, tableByName } from "../schema/tables";

export const dataExtensions = [".json", ".ndjson", ".jsonl", ".csv"] as const;

/** Largest data file read (bytes): far beyond one hour of Azure's export, a bound on what one file may cost. */
export const defaultMaxFileBytes = 8 * 1024 ** 3;

export interface DataFile {
  readonly path: string;
  /** Named after a table (rows of it), or diagnostic-log records routed by category. */
  readonly table?: TableName;
  readonly bytes: number;
}

export interface FileListing {
  readonly files: DataFile[];
  /** Symbolic links to folders that were followed, as found. */
  readonly links: string[];
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/** Data files under `dir` in name order; throws naming the file for anything the loader must not read. */
export function listDataFiles(dir: string, maxFileBytes = defaultMaxFileBytes): FileListing {
  const files: DataFile[] = [];
  const links: string[] = [];
  const visited = new Set<string>();
  const walk = (folder: string) => {
    const real = fs.realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    const tableFiles = new Map<TableName, string[]>();
    const entries = fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(folder, entry.name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        if (entry.isSymbolicLink())
          throw new Error(`${full}: a symbolic link to something that does not exist; remove it or fix its target`);
        throw new Error(`${full}: cannot be read; check its permissions`);
      }
      if (stat.isDirectory()) {
        // A link back to a folder already read (a cycle, or a second way in) is skipped.
        if (visited.has(fs.realpathSync(full))) continue;
        if (entry.isSymbolicLink()) links.push(full);
        walk(full);
        continue;
      }
      const ext = path.extname(entry.name).toLowerCase();
      if (!(dataExtensions as readonly string[]).includes(ext)) continue;
      if (!stat.isFile())
        throw new Error(`${full}: is ${kindOf(stat)}; the loader reads regular files only, copy the data to a file`);
      if (stat.size > maxFileBytes) {
        throw new Error(
          `${full}: is ${mb(stat.size)}, over the ${mb(maxFileBytes)} one data file may have; split it into several files (one per hour, as Azure's export does)`,
        );
      }
      const table = tableByName(path.basename(entry.name, path.extname(entry.name)))?.name;
      if (table) tableFiles.set(table, [...(tableFiles.get(table) ?? []), entry.name]);
      files.push({ path: full, table, bytes: stat.size });
    }
    for (const [table, names] of tableFiles) {
      if (names.length > 1) {
        throw new Error(
          `${folder}: ${table} is in ${names.length} files (${names.join(", ")}); keep one per folder, or move the others to their own folders to load them all`,
        );
      }
    }
  };
  walk(dir);
  return { files, links };
}
