// join (all Kusto kinds, innerunique by default) and lookup, hashed on the equality keys of the on-clause.
import { hashKey, keyedByValueOnly } from "../scalars";
import { type ColumnInfo, nullOf, type Value } from "../types";
import { columnsReadAfter } from "./columns-read";
import {
  elements,
  guardGrowth,
  kindOf,
  namedParameters,
  type OperatorFn,
  parameterText,
  type Row,
  type RunContext,
  resultColumns,
  type Scope,
  unsupported,
} from "./context";
import { PairNumbering, ValueNumbering } from "./key-numbering";
import { type CellSource, rowBuilder } from "./row-builder";
import { streamOf } from "./streaming";
import type {
  BinaryExpression,
  Expression,
  JoinOnClause,
  JoinOperator,
  LookupOperator,
  NameReference,
  PathExpression,
  SyntaxNode,
} from "./syntax";
import { compileTabular } from "./tabular";

interface Keys {
  readonly left: string[];
  readonly right: string[];
}

function sideColumn(expr: Expression, scope: Scope): { side: "left" | "right"; name: string } {
  const path = expr as PathExpression;
  if (kindOf(expr) === "PathExpression" && kindOf(path.Expression) === "NameReference") {
    const side = String((path.Expression as NameReference).SimpleName).toLowerCase();
    if (side === "$left" || side === "$right")
      return { side: side === "$left" ? "left" : "right", name: String((path.Selector as NameReference).SimpleName) };
  }
  throw unsupported(scope, expr, "join condition (use Col or $left.A == $right.B)");
}

function joinKeys(clause: SyntaxNode | null, scope: Scope): Keys {
  if (!clause || kindOf(clause) !== "JoinOnClause") throw unsupported(scope, clause, "join where-clause");
  const keys: Keys = { left: [], right: [] };
  const add = (e: Expression) => {
    const kind = kindOf(e);
    const binary = e as BinaryExpression;
    if (kind === "NameReference") {
      keys.left.push(String((e as NameReference).SimpleName));
      keys.right.push(String((e as NameReference).SimpleName));
    } else if (kind === "EqualExpression") {
      const a = sideColumn(binary.Left, scope);
      const b = sideColumn(binary.Right, scope);
      if (a.side === b.side) throw unsupported(scope, e, "join condition comparing one side with itself");
      keys.left.push(a.side === "left" ? a.name : b.name);
      keys.right.push(a.side === "left" ? b.name : a.name);
    } else if (kind === "AndExpression") {
      add(binary.Left);
      add(binary.Right);
    } else throw unsupported(scope, e, "join condition");
  };
  for (const e of elements((clause as JoinOnClause).Expressions)) add(e);
  return keys;
}

interface KeySide {
  readonly names: readonly string[];
  /** Per key: a string column, where a missing value is "" (Kusto strings have no null) and so matches "". */
  readonly strings: readonly boolean[];
}

function keySide(names: readonly string[], columns: readonly ColumnInfo[]): KeySide {
  return { names, strings: names.map((n) => columns.find((c) => c.name === n)?.type === "string") };
}

/** The join key of a row, or undefined when a non-string key is null (null keys never match). */
function keyOf(row: Row, side: KeySide): string | undefined {
  let key = "";
  for (let i = 0; i < side.names.length; i++) {
    let v = row[side.names[i]];
    if (v === null || v === undefined) {
      if (!side.strings[i]) return undefined;
      v = "";
    }
    key += (i ? "\u0001" : "") + hashKey(v as Value);
  }
  return key;
}

/** A key's value as a Map key would compare it; undefined when a non-string key is null (null keys never match). */
type KeyFn = (row: Row) => unknown;

const integerTypes = new Set<string>(["int", "long"]);

/** One key whose two sides compare like Map keys (SameValueZero, as hashKey's strings do): one scalar type, or int with long. */
function rawComparable(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || keyedByValueOnly(a) || keyedByValueOnly(b)) return false;
  return a === b || (integerTypes.has(a) && integerTypes.has(b));
}

/** How a side reads one key: a column's own value ("" for a missing string), or a function's (hashed keys, undefined for null). */
type KeyRead = { readonly column: string; readonly string: boolean } | KeyFn;

/**
 * A row's key tuple as one number (see key-numbering.ts), -1 when a key is null. `add` numbers a tuple first seen;
 * `find` only looks up, so the side that only probes never grows the tables (a tuple absent from them has no match).
 */
interface KeyCoder {
  addLeft(row: Row): number;
  addRight(row: Row): number;
  findLeft(row: Row): number;
  findRight(row: Row): number;
  /** Distinct tuples added so far: every number given out is below it. */
  size(): number;
}

type SideCoder = (values: ValueNumbering[], pairs: PairNumbering[], reads: readonly KeyRead[]) => (row: Row) => number;

/**
 * One side's add or find, generated so that each key is a named property load (a closure reading `row[name]` for every
 * key and both sides is a megamorphic keyed load): value numbers per key, combined pairwise into the tuple's number.
 */
function sideCoder(reads: readonly KeyRead[], mode: "add" | "find"): SideCoder {
  const setup: string[] = [];
  const body: string[] = ["let v, n, id;"];
  reads.forEach((r, k) => {
    setup.push(
      `const V${k} = V[${k}]${k > 0 ? `, P${k} = P[${k - 1}]` : ""}${typeof r === "function" ? `, F${k} = F[${k}]` : ""};`,
    );
    if (typeof r === "function") body.push(`v = F${k}(row);`);
    else body.push(`v = row[${JSON.stringify(r.column)}]${r.string ? ' ?? ""' : ""};`);
    body.push("if (v === null || v === undefined) return -1;");
    body.push(`n = V${k}.${mode}(v);`);
    if (mode === "find") body.push("if (n < 0) return -1;");
    body.push(k === 0 ? "id = n;" : `id = P${k}.${mode}(id, n);`);
    if (mode === "find" && k > 0) body.push("if (id < 0) return -1;");
  });
  body.push("return id;");
  return new Function("V", "P", "F", `${setup.join("\n")}\nreturn (row) => { ${body.join("\n")} };`) as SideCoder;
}

/** Key coders over shared numberings made per run, so equal tuples get equal numbers whichever side adds them. */
function keyCoders(left: readonly KeyRead[], right: readonly KeyRead[]): () => KeyCoder {
  const [addLeft, addRight, findLeft, findRight] = [
    sideCoder(left, "add"),
    sideCoder(right, "add"),
    sideCoder(left, "find"),
    sideCoder(right, "find"),
  ];
  return () => {
    const values = left.map(() => new ValueNumbering());
    const pairs = left.slice(1).map(() => new PairNumbering());
    const last = pairs.length > 0 ? pairs[pairs.length - 1] : values[0];
    return {
      addLeft: addLeft(values, pairs, left),
      addRight: addRight(values, pairs, right),
      findLeft: findLeft(values, pairs, left),
      findRight: findRight(values, pairs, right),
      size: () => last.size,
    };
  };
}

/**
 * Key coders for both sides: raw values per key when every key's sides compare alike, else one hashKey string per
 * row joining the keys with a separator (a dynamic key, or types that compare only as text).
 */
function keyFns(keys: Keys, leftColumns: readonly ColumnInfo[], rightColumns: readonly ColumnInfo[]): () => KeyCoder {
  const typeIn = (columns: readonly ColumnInfo[], name: string) => columns.find((c) => c.name === name)?.type;
  const lt = keys.left.map((n) => typeIn(leftColumns, n));
  const rt = keys.right.map((n) => typeIn(rightColumns, n));
  if (lt.every((t, i) => rawComparable(t, rt[i]))) {
    return keyCoders(
      keys.left.map((column, i) => ({ column, string: lt[i] === "string" })),
      keys.right.map((column, i) => ({ column, string: rt[i] === "string" })),
    );
  }
  const left = keySide(keys.left, leftColumns);
  const right = keySide(keys.right, rightColumns);
  return keyCoders([(row: Row) => keyOf(row, left)], [(row: Row) => keyOf(row, right)]);
}

/** Row numbers by key as chains: `first[key]` gives a key's first row (-1 for none), `next[i]` the following row of that key or -1. */
interface RowIndex {
  readonly first: Int32Array;
  readonly next: Int32Array;
}

/** Int32Array slots per key number and per row, where arrays per key cost an allocation per key. */
function index(rows: readonly Row[], key: (row: Row) => number, coder: KeyCoder): RowIndex {
  const ids = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ids[i] = key(rows[i]);
  const first = new Int32Array(coder.size()).fill(-1);
  // The last row of each chain, by key number: appending keeps every chain in row order.
  const last = new Int32Array(first.length);
  const next = new Int32Array(rows.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const id = ids[i];
    if (id < 0) continue;
    if (first[id] < 0) first[id] = i;
    else next[last[id]] = i;
    last[id] = i;
  }
  return { first, next };
}

/** A key number's first row in an index; -1 for a null key or one the indexed side lacks. */
function headOf(first: Int32Array, id: number): number {
  return id >= 0 && id < first.length ? first[id] : -1;
}

/** The cells a join copies: all, or only the columns the rest of the pipeline reads (see columnsReadAfter). */
function kept<T extends { name: string }>(cells: readonly T[], read: Set<string> | undefined): T[] {
  return read === undefined ? [...cells] : cells.filter((c) => read.has(c.name));
}

/** Each left row's matches: right rows rows[start[l]] .. rows[start[l + 1] - 1] (numbered `at`), in right-row order. */
interface Matches {
  readonly start: Int32Array;
  readonly rows: readonly Row[];
  readonly at: ArrayLike<number>;
}

/** Matches by indexing the right side and looking each left row's key up. */
function matchByRightIndex(left: readonly Row[], right: readonly Row[], key: KeyCoder, ctx: RunContext): Matches {
  const { first, next } = index(right, key.addRight, key);
  const start = new Int32Array(left.length + 1);
  const at: number[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < left.length; i++) {
    start[i] = at.length;
    for (let m = headOf(first, key.findLeft(left[i])); m >= 0; m = next[m]) {
      at.push(m);
      rows.push(right[m]);
      guardGrowth(ctx, at.length, "join");
    }
  }
  start[left.length] = at.length;
  return { start, rows, at };
}

/**
 * The same matches by indexing the left side while the right rows come by one at a time (a table's, or a row-by-row
 * chain's that is never collected), then ordered by left row (a counting sort).
 */
function matchByLeftIndex(
  left: readonly Row[],
  eachRight: (visit: (row: Row) => void) => void,
  key: KeyCoder,
  ctx: RunContext,
): Matches {
  const { first, next } = index(left, key.addLeft, key);
  const start = new Int32Array(left.length + 1);
  const pairLeft: number[] = [];
  const pairRight: number[] = [];
  const pairRows: Row[] = [];
  let j = 0;
  eachRight((row) => {
    for (let l = headOf(first, key.findRight(row)); l >= 0; l = next[l]) {
      pairLeft.push(l);
      pairRight.push(j);
      pairRows.push(row);
      start[l + 1]++;
      guardGrowth(ctx, pairLeft.length, "join");
    }
    j++;
  });
  for (let i = 0; i < left.length; i++) start[i + 1] += start[i];
  // Pairs arrive in right-row order, so each left row's slice stays in right-row order.
  const fill = start.slice(0, left.length);
  const at = new Int32Array(pairLeft.length);
  const rows = new Array<Row>(pairLeft.length);
  for (let p = 0; p < pairLeft.length; p++) {
    const slot = fill[pairLeft[p]]++;
    at[slot] = pairRight[p];
    rows[slot] = pairRows[p];
  }
  return { start, rows, at };
}

const joinKinds = new Set([
  "innerunique",
  "inner",
  "leftouter",
  "rightouter",
  "fullouter",
  "leftsemi",
  "leftanti",
  "leftantisemi",
  "rightsemi",
  "rightanti",
  "rightantisemi",
]);

export function compileJoin(node: JoinOperator, scope: Scope, leftColumns: readonly ColumnInfo[]): OperatorFn {
  const params = namedParameters(node.Parameters);
  const written = parameterText(params.get("kind")) || "innerunique";
  // Kusto spells some kinds two ways.
  const kind = written === "anti" ? "leftanti" : written === "semi" ? "leftsemi" : written;
  if (!joinKinds.has(kind)) throw unsupported(scope, node, `join kind=${kind}`);
  for (const p of params.keys())
    if (p !== "kind" && p !== "hint.strategy" && p !== "hint.shufflekey")
      throw unsupported(scope, node, `join parameter ${p}`);
  const right = compileTabular(node.Expression, scope);
  const rightStream = streamOf(right);
  const rightColumns = resultColumns(node.Expression);
  const keys = joinKeys(node.ConditionClause, scope);
  const keysFor = keyFns(keys, leftColumns, rightColumns);
  const columns = resultColumns(node);
  const semiLeft = kind === "leftsemi" || kind === "leftanti" || kind === "leftantisemi";
  const semiRight = kind === "rightsemi" || kind === "rightanti" || kind === "rightantisemi";
  const sources: { from: "left" | "right"; name: string }[] = semiLeft
    ? leftColumns.map((c) => ({ from: "left", name: c.name }))
    : semiRight
      ? rightColumns.map((c) => ({ from: "right", name: c.name }))
      : [
          ...leftColumns.map((c) => ({ from: "left" as const, name: c.name })),
          ...rightColumns.map((c) => ({ from: "right" as const, name: c.name })),
        ];
  if (sources.length !== columns.length) throw unsupported(scope, node, "join result schema");

  // Kusto strings have no null: a string column of an unmatched side is "".
  const cells = kept(
    columns.map((c, i) => ({
      name: c.name,
      source: {
        from: sources[i].from === "left" ? 0 : 1,
        name: sources[i].name,
        missing: nullOf(c.type),
      },
    })) as { name: string; source: CellSource }[],
    columnsReadAfter(node),
  );
  const build = rowBuilder(
    cells.map((c) => c.name),
    cells.map((c) => c.source),
  );
  const leftOuter = kind === "leftouter" || kind === "fullouter";

  return (input, ctx) => {
    const key = keysFor();
    let leftRows = input.rows;
    // A right side that comes row by row is never collected by the kinds that keep no unmatched right row.
    const streamed = rightStream !== undefined && (kind === "inner" || kind === "innerunique" || kind === "leftouter");
    const rightRows = streamed ? [] : right(ctx).rows;
    if (kind === "innerunique") {
      // innerunique keeps one left row per key before joining: the row whose key gets a new number.
      leftRows = leftRows.filter((r) => {
        const before = key.size();
        const id = key.addLeft(r);
        return id >= 0 && id === before;
      });
    }
    const rows: Row[] = [];
    if (semiRight || semiLeft) {
      // The semi and anti kinds keep one side's rows by whether the other side has their key.
      // Only the other side's rows add numbers, so a kept row's key is found exactly when the other side has it.
      const [kept, keptKey, other, otherKey] = semiRight
        ? [rightRows, key.findRight, leftRows, key.addLeft]
        : [leftRows, key.findLeft, rightRows, key.addRight];
      for (const r of other) otherKey(r);
      const want = kind === "rightsemi" || kind === "leftsemi";
      for (const r of kept) {
        if (keptKey(r) >= 0 === want) rows.push(semiRight ? build(undefined, r) : build(r, undefined));
      }
      return { columns, rows };
    }
    // The smaller side is indexed (fewer entries to build, the larger side only looks keys up); a streamed right never is.
    const {
      start,
      rows: matched,
      at,
    } = streamed
      ? matchByLeftIndex(leftRows, (visit) => rightStream(ctx, visit), key, ctx)
      : leftRows.length < rightRows.length
        ? matchByLeftIndex(leftRows, (visit) => rightRows.forEach((r) => visit(r)), key, ctx)
        : matchByRightIndex(leftRows, rightRows, key, ctx);
    // Only outer joins on the right ask which right rows matched.
    const matchedRight = kind === "rightouter" || kind === "fullouter" ? new Uint8Array(rightRows.length) : undefined;
    for (let i = 0; i < leftRows.length; i++) {
      const l = leftRows[i];
      const end = start[i + 1];
      if (start[i] === end) {
        if (leftOuter) rows.push(build(l, undefined));
        continue;
      }
      for (let p = start[i]; p < end; p++) {
        if (matchedRight) matchedRight[at[p]] = 1;
        rows.push(build(l, matched[p]));
      }
    }
    if (matchedRight) {
      for (let i = 0; i < rightRows.length; i++) if (matchedRight[i] === 0) rows.push(build(undefined, rightRows[i]));
    }
    return { columns, rows };
  };
}

export function compileLookup(node: LookupOperator, scope: Scope, leftColumns: readonly ColumnInfo[]): OperatorFn {
  const params = namedParameters(node.Parameters);
  const kind = parameterText(params.get("kind")) || "leftouter";
  if (kind !== "leftouter" && kind !== "inner") throw unsupported(scope, node, `lookup kind=${kind}`);
  const right = compileTabular(node.Expression, scope);
  const keys = joinKeys(node.LookupClause, scope);
  const rightKeyNames = new Set(keys.right);
  const rightAll = resultColumns(node.Expression);
  const keysFor = keyFns(keys, leftColumns, rightAll);
  const rightValueColumns = rightAll.filter((c) => !rightKeyNames.has(c.name));
  const columns = resultColumns(node);
  if (columns.length !== leftColumns.length + rightValueColumns.length)
    throw unsupported(scope, node, "lookup result schema");
  // Left cells copy as they are (null when absent); an unmatched right string column is "" (Kusto strings have no null).
  const cells = kept(
    [
      ...leftColumns.map((c) => ({ name: c.name, source: { from: 0 as const, name: c.name, missing: null } })),
      ...columns.slice(leftColumns.length).map((c, i) => ({
        name: c.name,
        source: {
          from: 1 as const,
          name: rightValueColumns[i].name,
          missing: c.type === "string" ? ("" as const) : null,
        },
      })),
    ],
    columnsReadAfter(node),
  );
  const build = rowBuilder(
    cells.map((c) => c.name),
    cells.map((c) => c.source),
  );
  return (input, ctx) => {
    const key = keysFor();
    const rightRows = right(ctx).rows;
    const { first, next } = index(rightRows, key.addRight, key);
    const rows: Row[] = [];
    const leftRows = input.rows;
    for (let i = 0; i < leftRows.length; i++) {
      const l = leftRows[i];
      const match = headOf(first, key.findLeft(l));
      if (match < 0) {
        if (kind === "leftouter") {
          rows.push(build(l, undefined));
          guardGrowth(ctx, rows.length, "lookup");
        }
        continue;
      }
      for (let m = match; m >= 0; m = next[m]) {
        rows.push(build(l, rightRows[m]));
        guardGrowth(ctx, rows.length, "lookup");
      }
    }
    return { columns, rows };
  };
}
