// scan: matches serialized rows against a sequence of steps, following the documented matching logic: each row is
// tried against the steps from last to first; Check 1 promotes the previous step's sequence, Check 2 extends the
// step's own active sequence (the first step always starts a new one, with a new match id).
// https://learn.microsoft.com/kusto/query/scan-operator#scan-logic
import { type ColumnInfo, type KType, nullOf, type Value } from "../../types";
import {
  type Binding,
  columnType,
  elements,
  guardGrowth,
  kindOf,
  namedParameters,
  newRow,
  type OperatorFn,
  type Row,
  resultColumns,
  type ScalarFn,
  type Scope,
  unsupported,
  withBindings,
} from "../context";
import { compileScalar, emptyRow } from "../expressions";
import { isLiteral, literalValue } from "../literals";
import type { FunctionParameter, NameReference, ScanOperator, ScanStep } from "../syntax";

type Output = "all" | "last" | "none";

interface Step {
  readonly name: string;
  readonly output: Output;
  readonly condition: ScalarFn;
  readonly assignments: readonly { readonly column: string; readonly fn: ScalarFn }[];
}

/** One step's state: the latest extended row of each step in the sequence so far, and the sequence's match id. */
interface Sequence {
  readonly rows: Map<string, Row>;
  readonly matchId: number;
}

function declaredDefault(param: FunctionParameter, type: KType, scope: Scope): Value {
  const expr = param.DefaultValue?.Value;
  if (!expr) return nullOf(type);
  if (isLiteral(expr)) return literalValue(scope, expr, kindOf(expr) === "NullLiteralExpression" ? "null" : type);
  return compileScalar(expr, scope)(emptyRow, { tables: {}, memo: new Map() });
}

function outputOf(step: ScanStep): Output {
  const text = step.ScanStepOutput ? String(step.ScanStepOutput.ToString()).replace(/\s/g, "").toLowerCase() : "";
  if (!text) return "all";
  const mode = text.replace(/^output=/, "");
  if (mode === "all" || mode === "last" || mode === "none") return mode;
  throw new Error(`scan: step ${String(step.Name?.SimpleName)} has output=${mode}; use all, last or none`);
}

export function compileScan(node: ScanOperator, scope: Scope, input: readonly ColumnInfo[]): OperatorFn {
  if (node.OrderByClause || node.PartitionByClause)
    throw unsupported(scope, node, "scan order by / partition by (sort, or use partition, first)");
  const params = namedParameters(node.Parameters);
  for (const p of params.keys()) if (p !== "with_match_id") throw unsupported(scope, node, `scan ${p}`);
  const matchParam = params.get("with_match_id");
  const matchName = matchParam as Partial<NameReference> | undefined;
  const matchColumn = matchParam
    ? String(matchName?.SimpleName ?? matchName?.Name?.SimpleName ?? matchParam.ToString()).trim()
    : undefined;
  const declared = elements(node.DeclareClause?.Declarations).map((p) => {
    const type = columnType(p.NameAndType?.Name?.ResultType);
    return { name: String(p.NameAndType?.Name?.SimpleName ?? ""), value: declaredDefault(p, type, scope) };
  });
  const defaults = newRow();
  for (const d of declared) defaults[d.name] = d.value;
  const stepNodes = elements(node.Steps);
  const names = stepNodes.map((s) => String(s.Name?.SimpleName ?? ""));
  // `StepName.Column` reads the state being checked: that step's latest row, or the declared defaults before it has one.
  let state: Sequence | null = null;
  const bindings = names.map((name): [string, Binding] => [
    name,
    { kind: "scalar", fn: () => state?.rows.get(name) ?? defaults },
  ]);
  const inner = withBindings(scope, bindings);
  const steps: Step[] = stepNodes.map((s, i) => ({
    name: names[i],
    output: outputOf(s),
    condition: compileScalar(s.Condition, inner),
    assignments: elements(s.ComputationClause?.Assignments).map((a) => ({
      column: String(a.Name?.SimpleName ?? ""),
      fn: compileScalar(a.Expression, inner),
    })),
  }));
  // The binder lists a match_id column even without with_match_id; Kusto's output has none.
  const columns = resultColumns(node).filter(
    (c) => matchColumn || c.name !== "match_id" || input.some((i) => i.name === c.name),
  );
  return (table, ctx) => {
    const states: (Sequence | null)[] = steps.map(() => null);
    const out: (Row | undefined)[] = [];
    // For output=last: the position of the step's latest output, replaced by the next match of the same step.
    const lastAt: (number | undefined)[] = steps.map(() => undefined);
    let nextMatchId = 0;
    const check = (row: Row, against: Sequence | null, k: number): Row | undefined => {
      state = against;
      if (steps[k].condition(row, ctx) !== true) return undefined;
      const extended: Row = Object.assign(newRow(), row);
      for (const a of steps[k].assignments) extended[a.column] = a.fn(row, ctx);
      return extended;
    };
    const emit = (k: number, row: Row, matchId: number) => {
      const step = steps[k];
      if (step.output === "none") return;
      const result = matchColumn ? { ...row, [matchColumn]: matchId } : row;
      if (step.output === "last" && lastAt[k] !== undefined) out[lastAt[k] as number] = undefined;
      out.push(result);
      guardGrowth(ctx, out.length, "scan");
      lastAt[k] = out.length - 1;
    };
    for (const source of table.rows) {
      const row: Row = Object.assign(newRow(), source);
      for (const d of declared) row[d.name] = d.value;
      for (let k = steps.length - 1; k >= 0; k--) {
        const previous = k > 0 ? states[k - 1] : null;
        if (previous) {
          const extended = check(row, previous, k);
          if (extended) {
            const rows = new Map(previous.rows);
            rows.set(steps[k].name, extended);
            states[k] = { rows, matchId: previous.matchId };
            states[k - 1] = null;
            // The promotion ends both steps' series of repeated matches (output=last).
            lastAt[k - 1] = undefined;
            lastAt[k] = undefined;
            emit(k, extended, previous.matchId);
            continue;
          }
        }
        const own = states[k];
        if (own || k === 0) {
          const extended = check(row, own, k);
          if (!extended) continue;
          if (k === 0 && !own) {
            // The first step with no active sequence starts one, with the next match id.
            const fresh: Sequence = { rows: new Map([[steps[0].name, extended]]), matchId: nextMatchId++ };
            states[0] = fresh;
            emit(0, extended, fresh.matchId);
          } else if (own) {
            own.rows.set(steps[k].name, extended);
            emit(k, extended, own.matchId);
          }
        }
      }
    }
    state = null;
    const rows = out.filter((r): r is Row => r !== undefined);
    return { columns, rows };
  };
}
