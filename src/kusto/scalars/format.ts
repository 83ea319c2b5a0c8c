// Kusto's tostring() text for every type, and how typed scalars look once placed inside a dynamic value.
import type { KType, Value } from "../types";
import { DynamicReal, dynamicReal } from "../values/dynamic-real";
import { formatReal } from "../values/real-text";
import { formatDatetime, formatTimespan } from "../values/time";
import { Decimal, normalized } from "./decimal";
import { jsonText } from "./int64";

export { formatDatetime, formatReal, formatTimespan };

/** Compact JSON, as tostring(dynamic) prints it; a dynamic string prints bare. */
export function formatDynamic(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  // A dynamic holding a whole real alone prints as tostring(real) does (5), as before boxing; inside JSON it is 5.0.
  if (v instanceof DynamicReal) return formatReal(v.value);
  // jsonText, not JSON.stringify: a dynamic may hold a long beyond 2^53 (a bigint), printed with its exact digits.
  return jsonText(v);
}

export function formatValue(v: Value, type: KType): string {
  if (v === null || v === undefined) return "";
  switch (type) {
    case "string":
    case "guid":
      return typeof v === "string" ? v : formatDynamic(v);
    case "datetime":
      return typeof v === "bigint" ? formatDatetime(v) : formatDynamic(v);
    case "timespan":
      return typeof v === "bigint" ? formatTimespan(v) : formatDynamic(v);
    case "real":
      return typeof v === "number" ? formatReal(v) : v instanceof DynamicReal ? formatReal(v.value) : formatDynamic(v);
    case "decimal":
      return formatDecimal(v);
    case "int":
    case "long":
      return typeof v === "number"
        ? Number.isInteger(v)
          ? String(v)
          : formatReal(v)
        : typeof v === "bigint"
          ? String(v)
          : formatDynamic(v);
    case "bool":
      return v === true ? "true" : v === false ? "false" : formatDynamic(v);
    default:
      return formatDynamic(v);
  }
}

/**
 * tostring(decimal): its digits. Whether Kusto keeps trailing zeros of the scale (1.10) is not documented, so such a
 * value is refused; a decimal column loaded as a number prints by the same rule as its exact digits.
 */
function formatDecimal(v: Value): string {
  if (typeof v === "number") return formatReal(v);
  if (!(v instanceof Decimal)) return formatDynamic(v);
  if (normalized(v) !== v || !v.scaleKnown)
    throw new Error(
      `unsupported: tostring of the decimal ${v} (whether Kusto prints trailing zeros is not documented)`,
    );
  return v.toString();
}

/** Returns a formatter bound to one type, so per-row calls skip the switch. */
export function formatterFor(type: KType): (v: Value) => string {
  switch (type) {
    case "string":
    case "guid":
      return (v) => (typeof v === "string" ? v : formatValue(v, type));
    case "datetime":
      return (v) => (typeof v === "bigint" ? formatDatetime(v) : formatValue(v, type));
    case "timespan":
      return (v) => (typeof v === "bigint" ? formatTimespan(v) : formatValue(v, type));
    case "int":
    case "long":
      return (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : formatValue(v, type));
    default:
      return (v) => formatValue(v, type);
  }
}

/** A typed scalar as JSON inside a dynamic: datetimes and timespans become their text, like Kusto's JSON output. */
export function toDynamicValue(v: Value, type: KType): Value {
  if (v === null || v === undefined) return null;
  if (type === "datetime" && typeof v === "bigint") return formatDatetime(v);
  if (type === "timespan" && typeof v === "bigint") return formatTimespan(v);
  if ((type === "real" || type === "decimal") && typeof v === "number" && !Number.isFinite(v)) return formatReal(v);
  // A whole real stays a real inside the dynamic (values/dynamic-real.ts).
  if (type === "real" && typeof v === "number") return dynamicReal(v);
  // Dynamic values hold no decimal type (dynamic.md lists bool, datetime, guid, int, long, real, string, timespan).
  if (v instanceof Decimal)
    throw new Error("unsupported: a decimal inside a dynamic value (Kusto's conversion is not documented)");
  return v;
}
