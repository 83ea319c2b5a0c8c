// ipv4_lookup / ipv6_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey...] [, return_unmatched]): joins each row to
// the lookup rows whose network holds its address (the two compared on the shorter of their prefixes, as
// ipv4_is_match does) and whose extra keys are equal; unmatched rows are kept only with return_unmatched=true.
// https://learn.microsoft.com/kusto/query/ipv4-lookup-plugin
import { hashKey } from "../../../scalars";
import { maskIpv4, maskIpv6, parseIpv4, parseIpv6 } from "../../../scalars/ip";
import type { Value } from "../../../types";
import {
  guardGrowth,
  kindOf,
  newRow,
  type OperatorFn,
  type Row,
  resultColumns,
  type Scope,
  unsupported,
} from "../../context";
import { isLiteral, literalValue } from "../../literals";
import { compileTabular } from "../../tabular";
import { columnArgument, constantArgument, type PluginCall } from "../evaluate";

interface Address {
  readonly value: bigint;
  readonly prefix: number;
}

const v4 = (text: string): Address | null => {
  const ip = parseIpv4(text);
  return ip ? { value: BigInt(ip.value), prefix: ip.prefix } : null;
};
const v6 = (text: string): Address | null => parseIpv6(text);
const mask4 = (a: Address, p: number) => BigInt(maskIpv4(Number(a.value), p));
const mask6 = (a: Address, p: number) => maskIpv6(a.value, p);

function lookupPlugin(parse: (text: string) => Address | null, mask: (a: Address, prefix: number) => bigint) {
  return (call: PluginCall, scope: Scope): OperatorFn => {
    const args = [...call.positional];
    // A trailing boolean literal is return_unmatched.
    let unmatchedArg = call.named.get("return_unmatched");
    const last = args[args.length - 1];
    if (!unmatchedArg && last && kindOf(last) === "BooleanLiteralExpression") unmatchedArg = args.pop();
    for (const k of call.named.keys())
      if (k !== "return_unmatched") throw unsupported(scope, call.call, `${call.name} parameter ${k}`);
    if (args.length < 3)
      throw unsupported(scope, call.call, `${call.name} without a lookup table, source key and lookup key`);
    const lookup = compileTabular(args[0], scope);
    const sourceKey = columnArgument(args[1], scope, call, "the source address column");
    const lookupKey = columnArgument(args[2], scope, call, "the lookup address column");
    const extra = args.slice(3).map((a) => columnArgument(a, scope, call, "an extra key column"));
    const returnUnmatched =
      unmatchedArg && isLiteral(unmatchedArg)
        ? () => literalValue(scope, unmatchedArg, "bool")
        : constantArgument(unmatchedArg, scope);
    const columns = resultColumns(call.node);
    return (input, ctx) => {
      const keepUnmatched = returnUnmatched(ctx) === true;
      const table = lookup(ctx);
      const entries = table.rows
        .map((row) => ({
          row,
          address: typeof row[lookupKey] === "string" ? parse(row[lookupKey] as string) : null,
          extra: extra.map((k) => hashKey((row[k] ?? null) as Value)).join("\u0001"),
        }))
        .filter((e) => e.address !== null) as { row: Row; address: Address; extra: string }[];
      const inputNames = new Set(input.columns.map((c) => c.name));
      const fromLookup = columns.filter((c) => !inputNames.has(c.name));
      const rows: Row[] = [];
      for (const row of input.rows) {
        const text = row[sourceKey];
        const address = typeof text === "string" ? parse(text) : null;
        const key = extra.map((k) => hashKey((row[k] ?? null) as Value)).join("\u0001");
        let matched = false;
        if (address) {
          for (const e of entries) {
            const p = Math.min(address.prefix, e.address.prefix);
            if (e.extra !== key || mask(address, p) !== mask(e.address, p)) continue;
            matched = true;
            const out = newRow();
            for (const c of columns)
              out[c.name] = inputNames.has(c.name) ? (row[c.name] ?? null) : (e.row[c.name] ?? null);
            rows.push(out);
            guardGrowth(ctx, rows.length, call.name);
          }
        }
        if (!matched && keepUnmatched) {
          const out = newRow();
          for (const c of columns) out[c.name] = inputNames.has(c.name) ? (row[c.name] ?? null) : null;
          for (const c of fromLookup) if (c.type === "string") out[c.name] = "";
          rows.push(out);
        }
      }
      return { columns, rows };
    };
  };
}

export const ipv4Lookup = lookupPlugin(v4, mask4);
export const ipv6Lookup = lookupPlugin(v6, mask6);
