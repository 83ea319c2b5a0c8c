// buildschema(): the minimal schema admitting every value (buildschema-aggregation-function.md): scalars by type name,
// bags by key, arrays under "`indexer`"; a place holding several kinds lists them in order of first appearance.
import type { Value } from "../types";
import { DynamicReal } from "../values/dynamic-real";
import type { Aggregator } from "./aggregates";

/** One place in the schema: the scalar type names seen, the merged bag schema, the merged array element schema. */
class Place {
  readonly order: (string | "bag" | "array")[] = [];
  bag: Map<string, Place> | undefined;
  items: Place | undefined;

  add(v: unknown): void {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) {
      if (!this.items) {
        this.items = new Place();
        this.order.push("array");
      }
      for (const x of v) this.items.add(x);
      return;
    }
    if (typeof v === "object" && !(v instanceof DynamicReal)) {
      if (!this.bag) {
        this.bag = new Map();
        this.order.push("bag");
      }
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        let p = this.bag.get(k);
        if (!p) {
          p = new Place();
          this.bag.set(k, p);
        }
        p.add(x);
      }
      return;
    }
    const name = scalarName(v);
    if (!this.order.includes(name)) this.order.push(name);
  }

  schema(): unknown {
    const alternatives = this.order.map((kind) => {
      if (kind === "array") return bagOf([["`indexer`", this.items!.schema()]]);
      if (kind === "bag") return bagOf([...this.bag!].map(([k, p]) => [k, p.schema()] as [string, unknown]));
      return kind;
    });
    return alternatives.length === 0 ? null : alternatives.length === 1 ? alternatives[0] : alternatives;
  }
}

function bagOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** JSON numbers: whole ones are long, others double (as the page's example types 1 and 3.5). */
function scalarName(v: unknown): string {
  if (typeof v === "bigint") return "long";
  if (typeof v === "number") return Number.isInteger(v) ? "long" : "double";
  if (v instanceof DynamicReal) return "double";
  if (typeof v === "boolean") return "bool";
  return "string";
}

export class BuildSchema implements Aggregator {
  readonly root = new Place();
  add(args: readonly Value[]): void {
    this.root.add(args[0]);
  }
  result(): Value {
    return this.root.schema() as Value;
  }
}
