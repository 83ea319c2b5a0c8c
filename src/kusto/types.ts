// Shared shapes of the local KQL engine: what callers hand in and get back. Knows nothing of Pulumi.

/** Kusto's scalar types as the binder names them: the one list the engine, the binder glue and the templates share. */
export const scalarTypes = [
  "string",
  "int",
  "long",
  "real",
  "decimal",
  "bool",
  "datetime",
  "timespan",
  "dynamic",
  "guid",
] as const;

export type KType = (typeof scalarTypes)[number];

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** A value Kusto's 32-bit int holds: a whole number in [-2^31, 2^31 - 1]. */
export function isInt32(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
}

/** The null of a type: Kusto strings have no null, so a missing string is "" (null-values.md). */
export function nullOf(type: string): Value {
  return type === "string" ? "" : null;
}

export function isScalarType(name: string): name is KType {
  return (scalarTypes as readonly string[]).includes(name);
}

/**
 * An in-memory value. datetime: bigint 100-ns ticks since 1970-01-01; timespan: bigint ticks; long: a number when
 * safe, else a bigint; dynamic: a JSON-like value (bags without prototype) in which a whole-valued real is a DynamicReal
 * box (values/dynamic-real.ts) so it stays apart from the long; null is Kusto's null. run() checks the tables it is given.
 */
export type Value = string | number | bigint | boolean | null | unknown[] | { [key: string]: unknown };

export interface ColumnInfo {
  readonly name: string;
  readonly type: KType;
}

/** A table in memory: typed rows keyed by column name (missing keys are null). */
export interface DataTable {
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Record<string, Value>[];
}

export type Tables = Readonly<Record<string, DataTable>>;

/** A table the binder knows (its schema only; rows come with run()). */
export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  readonly description?: string;
}

/** What a query may refer to besides its own lets: the database's tables and stored functions (none by default). */
export interface Catalog {
  readonly tables?: readonly TableSchema[];
  readonly functions?: readonly KqlFunctionDef[];
}

/** A stored function (a workspace saved search with a function alias, or a `let` made global). */
export interface KqlFunctionDef {
  readonly name: string;
  readonly parameters: readonly { readonly name: string; readonly type: KType; readonly defaultValue?: string }[];
  readonly body: string;
}

/** One KQL text the package ships, with where it comes from so `check` can print file:line:col. */
export interface KqlSource {
  /** A repository-relative file, or a logical id such as "workbook:recordings-per-bin". */
  readonly file: string;
  /** 1-based line in `file` where the KQL text starts. */
  readonly line: number;
  readonly kql: string;
}

export interface KqlDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly severity: "error" | "warning";
  readonly code?: string;
}

export interface QueryResult {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Record<string, Value>[];
  /** The `render` hint, kept for charts: e.g. { kind: "timechart", properties: { title: "..." } }. */
  readonly visualization?: { readonly kind: string; readonly properties: Readonly<Record<string, unknown>> };
}
