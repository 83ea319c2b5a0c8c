// Turns the binder's boxed .NET literal values into engine values (bigint tick datetimes/timespans, exact longs, JSON dynamics).

import { type Decimal, decimalFromText } from "../scalars/decimal";
import { normLong, parseLongText } from "../scalars/int64";
import { isInt32, type KType, type Value } from "../types";
import { parseDatetime, parseTimespan, TICKS_PER_DAY, ticksOfAmount } from "../values/time";
import { kindOf, position, type Scope, unsupported } from "./context";
import { DynamicSyntaxError, parseDynamicLiteral } from "./dynamic-literal";
import type { Expression, LiteralExpression, SyntaxElement } from "./syntax";

/** A constant as the bridge holds it: a JS primitive, a boxed one ({ $boxed, v }), an Int64 ({ value: { low, high } }), a Decimal. */
type BridgeConstant = unknown;

const literalKinds = new Set([
  "LongLiteralExpression",
  "IntLiteralExpression",
  "RealLiteralExpression",
  "DecimalLiteralExpression",
  "StringLiteralExpression",
  "CompoundStringLiteralExpression",
  "BooleanLiteralExpression",
  "DateTimeLiteralExpression",
  "TimespanLiteralExpression",
  "GuidLiteralExpression",
  "DynamicExpression",
  "NullLiteralExpression",
]);

export function isLiteral(node: SyntaxElement): boolean {
  return literalKinds.has(kindOf(node));
}

/** The text between a literal's parentheses, unquoted: "2024-01-02" of datetime("2024-01-02"); undefined for a bare 1h. */
function literalInner(text: string): string | undefined {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const inner = text.slice(open + 1, close).trim();
  const q = inner[0];
  return (q === '"' || q === "'") && inner.endsWith(q) && inner.length >= 2 ? inner.slice(1, -1) : inner;
}

/** datetime(2025, 6, 14): Kusto's parser also reads a date as year, month, day separated by commas (startofweek-function.md). */
function commaDate(inner: string): bigint | null {
  const parts = inner.split(",").map((p) => p.trim());
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) return null;
  const [y, m, d] = parts.map(Number);
  return parseDatetime(`${String(y).padStart(4, "0")}-${m}-${d}`);
}

/** datetime(...) literals go through the project's one strict parser: an impossible date such as datetime(2026-02-30) is an error, as in Kusto. */
function dateTimeValue(scope: Scope, _raw: BridgeConstant, node: Expression): Value {
  const text = literalText(node).trim();
  const inner = literalInner(text);
  if (inner !== undefined) {
    if (inner.toLowerCase() === "null") return null;
    const parsed = parseDatetime(inner) ?? commaDate(inner);
    if (parsed !== null) return parsed;
  }
  // The bridge's own value is no fallback: it rolls datetime(2026-02-30) over to March 2.
  throw new Error(
    `invalid datetime literal ${text} at ${position(scope, node)}: not a valid date and time; write one such as datetime(2024-01-02T03:04:05Z)`,
  );
}

/** Timespan literals (1.5h, 10microsecond, time(1.02:03:04), timespan(2), time(15 seconds)) as exact ticks. */
function timespanValue(scope: Scope, _raw: BridgeConstant, node: Expression): Value {
  const text = literalText(node).trim();
  const inner = literalInner(text) ?? text;
  if (inner.toLowerCase() === "null") return null;
  const parsed = parseTimespan(inner);
  if (parsed !== null) return parsed;
  // time(0.5) is half a day.
  const days = /^(-?)(\d*)\.(\d+)$/.exec(inner);
  if (days) {
    const t = ticksOfAmount(days[2], days[3], TICKS_PER_DAY);
    return days[1] ? -t : t;
  }
  throw unsupported(scope, node, `timespan literal ${text}`);
}

/** The literal's own token text: node.ToString() renders the whole tree each call, which made compilation quadratic. */
export function literalText(node: Expression): string {
  // Only a LiteralExpression has a Token; a dynamic(...) or compound string literal renders its text.
  const text = (node as Partial<LiteralExpression>).Token?.Text;
  return typeof text === "string" ? text : String(node.ToString?.() ?? "");
}

/** The bridge's boxed Int64 (two 32-bit halves) as an exact long; text the bridge could not read (beyond Int64) is refused. */
function longValue(scope: Scope, raw: BridgeConstant, node: Expression): Value {
  const text = literalText(node).trim();
  // long(5) and its alias int64(5).
  const digits = /^(?:[a-z][a-z0-9]*\(\s*)?([+-]?\d+)\s*\)?$/i.exec(text)?.[1];
  if (digits !== undefined) {
    const exact = parseLongText(digits);
    if (exact === null)
      throw unsupported(
        scope,
        node,
        `long literal ${text} (outside the Int64 range -9223372036854775808..9223372036854775807)`,
      );
    return exact;
  }
  const v = (raw as { value?: { low: unknown; high: unknown } } | null)?.value;
  if (v && typeof v.low === "number" && typeof v.high === "number")
    return normLong((BigInt(v.high) << 32n) | BigInt(v.low >>> 0));
  return numberValue(raw);
}

/** int32(5), double(2.5): a number in a type's parentheses, read from the text (the bridge boxes some aliases as 0). */
function wrappedNumber(node: Expression): number | undefined {
  const inner = /^[a-z][a-z0-9]*\(\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*\)$/i.exec(
    literalText(node).trim(),
  )?.[1];
  return inner === undefined ? undefined : Number(inner);
}

/** real(nan), real(+inf), 0x1F: forms the bridge boxes as 0, read from the literal's text instead. */
function specialNumber(node: Expression): Value | undefined {
  const text = literalText(node).trim();
  const inner = (/^[a-z]+\((.*)\)$/i.exec(text)?.[1] ?? text).trim().toLowerCase();
  if (inner === "nan") return Number.NaN;
  if (inner === "inf" || inner === "+inf") return Number.POSITIVE_INFINITY;
  if (inner === "-inf") return Number.NEGATIVE_INFINITY;
  const hex = /^([+-]?)0x([0-9a-f]+)$/.exec(inner);
  // 0xFFFFFFFFFFFFFFFF is -1 as an Int64, as .NET reads hex literals.
  if (hex) return normLong((hex[1] === "-" ? -1n : 1n) * BigInt(`0x${hex[2]}`));
  return undefined;
}

/** decimal(1.10), decimal(1e5) or a bare number in a decimal position, read exactly from the literal's text. */
function decimalLiteral(scope: Scope, node: Expression): Value {
  const text = literalText(node).trim();
  const inner = (/^[a-z]+\((.*)\)$/i.exec(text)?.[1] ?? text).trim();
  let d: Decimal | null;
  try {
    d = decimalFromText(inner);
  } catch (err) {
    throw unsupported(scope, node, (err as Error).message.replace(/^unsupported: /, ""));
  }
  if (d === null) throw unsupported(scope, node, `decimal literal ${text}`);
  return d as unknown as Value;
}

function numberValue(raw: BridgeConstant): number {
  if (typeof raw === "number") return raw;
  const boxed = raw as { toNumber?: () => number } | null;
  if (typeof boxed?.toNumber === "function") return boxed.toNumber();
  return Number(String(raw));
}

const numberText = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|0x[0-9a-f]+|nan|inf)$/i;
const literalForms: Partial<Record<KType, RegExp>> = {
  bool: /^(?:true|false|null)$/i,
  int: numberText,
  long: numberText,
  real: numberText,
  decimal: numberText,
  // guid.md: guid(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), the digits hex, optionally quoted.
  guid: /^(["']?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\1$/i,
};

/**
 * real(x), long(1+2), bool(x): the parser takes these for literals and the binder boxes them as 0 or false; Kusto's
 * literal syntax (scalar-data-types/*.md) holds only a number, true/false, nan/inf or null between the parentheses.
 */
function checkLiteralForm(scope: Scope, node: Expression, type: KType): void {
  const form = literalForms[type];
  if (!form) return;
  const text = literalText(node).trim();
  const inner = /^[a-z][a-z0-9]*\((.*)\)$/is.exec(text)?.[1].trim();
  if (inner === undefined || inner.toLowerCase() === "null" || form.test(inner)) return;
  // bool.md calls true 1 and false 0 but lists no bool(1) literal; the bridge boxes it as false.
  if (type === "bool" && (inner === "0" || inner === "1")) throw unsupported(scope, node, `bool literal ${text}`);
  throw new Error(
    `invalid ${type} literal ${text} at ${position(scope, node)}: only a constant goes between the parentheses; to convert a value use to${type === "real" ? "real" : type}()`,
  );
}

/** The value of a literal expression node of binder type `type`. */
export function literalValue(scope: Scope, node: Expression, type: KType | "null"): Value {
  if (type !== "null") checkLiteralForm(scope, node, type);
  let raw: BridgeConstant = node.ConstantValue;
  const boxed = raw as { $boxed?: boolean; v?: BridgeConstant } | null;
  if (boxed?.$boxed) raw = boxed.v;
  // datetime() is the current time (scalar-data-types/datetime.md), not null; a constant cannot read the clock.
  if (type === "datetime" && literalInner(literalText(node).trim()) === "")
    throw unsupported(scope, node, "datetime() as the current time; write now()");
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case "null":
      return null;
    case "long":
      return specialNumber(node) ?? longValue(scope, raw, node);
    case "int": {
      const v = specialNumber(node) ?? wrappedNumber(node) ?? numberValue(raw);
      // int.md: a 32-bit integer; int(2.5) or int(3000000000) has no int value.
      if (typeof v === "number" && !isInt32(v))
        throw unsupported(scope, node, `int literal ${literalText(node).trim()} (not a 32-bit integer)`);
      return v;
    }
    case "real":
      return specialNumber(node) ?? wrappedNumber(node) ?? numberValue(raw);
    case "decimal":
      return decimalLiteral(scope, node);
    case "string":
    case "guid":
      return String(raw);
    case "bool":
      return Boolean(raw);
    case "datetime":
      return dateTimeValue(scope, raw, node);
    case "timespan":
      return timespanValue(scope, raw, node);
    case "dynamic":
      return dynamicLiteral(scope, node, String(raw));
  }
  throw unsupported(scope, node, `literal of type ${type}`);
}

/** A dynamic literal the analyzer accepted but our reader cannot: a refusal with the literal's line:col. */
function dynamicLiteral(scope: Scope, node: SyntaxElement, text: string): Value {
  try {
    return parseDynamicLiteral(text);
  } catch (err) {
    if (err instanceof DynamicSyntaxError)
      throw unsupported(scope, node, `dynamic literal: ${err.what} at offset ${err.offset}`);
    throw err;
  }
}
