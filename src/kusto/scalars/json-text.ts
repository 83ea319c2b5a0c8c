// Text to dynamic (parse_json, todynamic, dynamic columns): JSON with prototype-free bags, exact longs, a depth guard.
import { DynamicSyntaxError, parseDynamicLiteral } from "../compile/dynamic-literal";
import type { Value } from "../types";
import { toBagTree } from "./bag-object";

// 16+ digits may not survive a double: such text goes through the exact reader.
const longDigits = /\d{16}/;
const realDigits = /\d[.eE]/;

/** The dynamic value of JSON text, null for empty text, or undefined when the text is not JSON (Kusto then keeps it as a string). */
export function parseJsonText(text: string, where = "parse_json"): Value | undefined {
  // parse_json('') is null (gettype-function.md), not a dynamic holding "".
  if (text.trim() === "") return null;
  if (longDigits.test(text)) {
    try {
      return parseDynamicLiteral(text, where);
    } catch (err) {
      // Not JSON: Kusto keeps the text as a string. Anything else (too deeply nested) is the query's error.
      if (err instanceof DynamicSyntaxError) return undefined;
      throw err;
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  // A number written with a fraction or exponent is a real (7.0 stays 7.0): JSON.parse cannot say, the exact reader can.
  if (realDigits.test(text)) return parseDynamicLiteral(text, where);
  return toBagTree(parsed, where);
}
