// Query limits, after Kusto's own (https://learn.microsoft.com/kusto/concepts/query-limits): the result set is cut off
// at 500,000 records or 64 MB (truncationmaxrecords / truncationmaxsize, lifted by `set notruncation`), and an
// operator that outgrows its memory budget fails (E_RUNAWAY_QUERY) instead of taking the process down with it.
import { getHeapStatistics } from "node:v8";

export interface QueryLimits {
  /** Most records a query may return (Kusto's truncationmaxrecords default: 500,000); Infinity for none. */
  readonly maxResultRows: number;
  /** Most bytes (estimated as Kusto counts them: UTF-16 text, 8 per number) a result may hold; default 64 MB. */
  readonly maxResultBytes: number;
  /** Most rows one operator (join, mv-expand, range, ...) may produce before the query fails; default 10,000,000. */
  readonly maxOperatorRows: number;
  /** Fraction of V8's heap limit beyond which a growing operator stops the query; default 0.8. */
  readonly maxHeapFraction: number;
}

export const defaultLimits: QueryLimits = {
  maxResultRows: 500_000,
  maxResultBytes: 64 * 1024 * 1024,
  maxOperatorRows: 10_000_000,
  maxHeapFraction: 0.8,
};

/** A query stopped by a limit: the message names the limit, Kusto's equivalent and how to lift it. */
export class QueryLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryLimitError";
  }
}

const format = (n: number) => n.toLocaleString("en-US");
const heapLimit = getHeapStatistics().heap_size_limit;

/**
 * Called by operators while they add rows: fails past the operator row limit, and every 65,536 rows checks the heap so
 * a blow-up (a join fanning out, mv-expand of huge arrays) becomes a clear error rather than an out-of-memory abort.
 */
export function guardRows(count: number, limits: QueryLimits, what: string): void {
  if (count > limits.maxOperatorRows) {
    throw new QueryLimitError(
      `${what} produces more than ${format(limits.maxOperatorRows)} rows (the engine's per-operator limit, like Kusto's E_RUNAWAY_QUERY memory budget): filter or summarize earlier`,
    );
  }
  if ((count & 0xffff) === 0 && count > 0) {
    const used = process.memoryUsage().heapUsed;
    if (used > heapLimit * limits.maxHeapFraction) {
      throw new QueryLimitError(
        `${what} exceeded the memory budget after ${format(count)} rows (${Math.round(used / 1048576)} MB of ${Math.round(heapLimit / 1048576)} MB heap; Kusto fails such a query with E_RUNAWAY_QUERY): filter or summarize earlier`,
      );
    }
  }
}

/** Estimated size of a value as Kusto counts result data: strings as UTF-16, numbers and dates as 8 bytes. */
function valueBytes(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "string") return v.length * 2;
  if (typeof v === "number" || typeof v === "bigint") return 8;
  if (typeof v === "boolean") return 1;
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)).length * 2;
}

/** Kusto's result truncation: fails (E_QUERY_RESULT_SET_TOO_LARGE) past the record or size limit. */
export function checkResultSize(
  rows: readonly Record<string, unknown>[],
  columns: readonly { name: string }[],
  limits: QueryLimits,
): void {
  if (rows.length > limits.maxResultRows) {
    throw new QueryLimitError(
      `query result exceeds ${format(limits.maxResultRows)} rows (Kusto's truncationmaxrecords limit, E_QUERY_RESULT_SET_TOO_LARGE): add take/summarize, or write "set notruncation;" or "set truncationmaxrecords=N;" before the query`,
    );
  }
  if (!Number.isFinite(limits.maxResultBytes)) return;
  let bytes = 0;
  for (const row of rows) {
    for (const c of columns) bytes += valueBytes(row[c.name]);
    if (bytes > limits.maxResultBytes) {
      throw new QueryLimitError(
        `query result exceeds ${format(limits.maxResultBytes)} bytes (Kusto's truncationmaxsize limit, E_QUERY_RESULT_SET_TOO_LARGE): project fewer columns, or write "set notruncation;" or "set truncationmaxsize=N;" before the query`,
      );
    }
  }
}

/** Applies the query's own `set notruncation` / `set truncationmaxrecords=N` / `set truncationmaxsize=N` statements. */
export function limitsWithOptions(base: QueryLimits, options: ReadonlyMap<string, string | true>): QueryLimits {
  let { maxResultRows, maxResultBytes } = base;
  const number = (name: string): number | undefined => {
    const v = options.get(name);
    if (v === undefined || v === true) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`set ${name}=${v}: expected a non-negative number`);
    return n;
  };
  const records = number("truncationmaxrecords") ?? number("query_take_max_records");
  const size = number("truncationmaxsize");
  // As in Kusto, notruncation is ignored when an explicit maximum is also set.
  if (
    options.has("notruncation") &&
    options.get("notruncation") !== "false" &&
    records === undefined &&
    size === undefined
  ) {
    maxResultRows = Number.POSITIVE_INFINITY;
    maxResultBytes = Number.POSITIVE_INFINITY;
  }
  if (records !== undefined) maxResultRows = records;
  if (size !== undefined) maxResultBytes = size;
  return { ...base, maxResultRows, maxResultBytes };
}
