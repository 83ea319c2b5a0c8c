// estimate_data_size(): bytes per value as documented (estimate-table-size.md, estimate-data-size-function.md).
import type { KType, Value } from "../types";

/** Bytes of one value, by the documented sizes: int 4, long and datetime 8, a string its length. */
export type SizeOf = (v: Value) => number;

// Only ASCII strings: the docs give "length", which for other text could mean characters or UTF-8 bytes.
const ascii = /^[\x00-\x7f]*$/;

/** The size rule of a column type, or undefined for types whose size Kusto does not document (real, dynamic, ...). */
export function sizeOfType(type: KType): SizeOf | undefined {
  const fixed = type === "int" ? 4 : type === "long" || type === "datetime" ? 8 : undefined;
  if (fixed !== undefined)
    return (v) => {
      // Whether a null still takes its fixed width is not documented.
      if (v === null || v === undefined) throw new Error(`unsupported: estimate_data_size of a null ${type}`);
      return fixed;
    };
  if (type === "string")
    return (v) => {
      const s = typeof v === "string" ? v : "";
      if (!ascii.test(s))
        throw new Error("unsupported: estimate_data_size of a non-ASCII string (characters or bytes?)");
      return s.length;
    };
  return undefined;
}
