// bag_unpack(Column [, Prefix] [, columnsConflict] [, ignoredProperties]): each top-level slot of the bags becomes a
// column, named prefix+slot, in ordinal order of names, typed by its values (one type, else dynamic); nulls ignored.
// https://learn.microsoft.com/kusto/query/bag-unpack-plugin
import { type ColumnInfo, type KType, nullOf, type Value } from "../../../types";
import { DynamicReal, unboxReal } from "../../../values/dynamic-real";
import { type OperatorFn, type Scope, unsupported } from "../../context";
import { invalidEntityName } from "../../entity-names";
import { columnArgument, constantArgument, type PluginCall, rowWithout } from "../evaluate";
import { typeOfDynamic, unifyType } from "./dynamic-type";

type Conflict = "error" | "replace_source" | "keep_source";

function isBag(v: Value): v is Record<string, Value> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof DynamicReal);
}

export function bagUnpack(call: PluginCall, scope: Scope): OperatorFn {
  const source = columnArgument(call.positional[0], scope, call, "the column to unpack");
  const prefixArg = constantArgument(call.named.get("outputcolumnprefix") ?? call.positional[1], scope);
  const conflictArg = constantArgument(call.named.get("columnsconflict") ?? call.positional[2], scope);
  const ignoredArg = constantArgument(call.named.get("ignoredproperties") ?? call.positional[3], scope);
  for (const k of call.named.keys()) {
    if (k !== "outputcolumnprefix" && k !== "columnsconflict" && k !== "ignoredproperties")
      throw unsupported(scope, call.call, `bag_unpack parameter ${k}`);
  }
  return (input, ctx) => {
    const prefix = String(prefixArg(ctx) ?? "");
    const conflict = String(conflictArg(ctx) ?? "error") as Conflict;
    if (conflict !== "error" && conflict !== "replace_source" && conflict !== "keep_source") {
      throw new Error(
        `bag_unpack: columnsConflict must be 'error', 'replace_source' or 'keep_source', got '${conflict}'`,
      );
    }
    const ignoredValue = ignoredArg(ctx);
    const ignored = new Set(Array.isArray(ignoredValue) ? ignoredValue.map(String) : []);
    const types = new Map<string, KType | null>();
    for (const row of input.rows) {
      const bag = row[source];
      if (!isBag(bag)) continue;
      for (const key of Object.keys(bag)) {
        if (ignored.has(key)) continue;
        types.set(key, unifyType(types.get(key), typeOfDynamic(bag[key])));
      }
    }
    const kept = input.columns.filter((c) => c.name !== source);
    const keptNames = new Set(kept.map((c) => c.name));
    const slots = [...types.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const added: ColumnInfo[] = [];
    const replaced = new Map<string, KType>();
    for (const key of slots) {
      const name = prefix + key;
      // bag-unpack-plugin.md: prefixed slot names must be valid entity names (identifier naming rules).
      const invalid = invalidEntityName(name);
      if (invalid) throw new Error(`bag_unpack: slot '${key}' would create column '${name}', which has ${invalid}`);
      const type = types.get(key) ?? "dynamic";
      if (!keptNames.has(name)) added.push({ name, type });
      else if (conflict === "error")
        throw new Error(
          `bag_unpack: slot '${key}' would create column '${name}', which the input already has (use columnsConflict='replace_source' or 'keep_source')`,
        );
      else if (conflict === "replace_source") replaced.set(name, type);
    }
    const columns = [
      ...kept.map((c) => (replaced.has(c.name) ? { name: c.name, type: replaced.get(c.name) as KType } : c)),
      ...added,
    ];
    const written = [...added, ...[...replaced].map(([name, type]) => ({ name, type }))];
    const rows = input.rows.map((row) => {
      const out = rowWithout(row, source);
      const bag = row[source];
      for (const { name, type } of written) {
        const v = isBag(bag) ? bag[name.slice(prefix.length)] : undefined;
        // Kusto strings have no null: a slot a row lacks is "" in a string column.
        // A typed column holds the plain number of a boxed whole real (values/dynamic-real.ts).
        out[name] = v === undefined || v === null ? nullOf(type) : type === "dynamic" ? v : unboxReal(v);
      }
      return out;
    });
    return { columns, rows };
  };
}
