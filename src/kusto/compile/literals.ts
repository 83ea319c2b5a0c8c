// Turns the binder's boxed .NET literal values into engine values (epoch-ms datetimes, ms timespans, JSON dynamics).
import { parseDateTime } from "../../schema/tables";
import { kustoLanguage } from "../kusto-language";
import type { KType, Value } from "../types";
import { kindOf, type Node, type Scope, unsupported } from "./context";
import { parseDynamicLiteral } from "./dynamic-literal";

/* eslint-disable @typescript-eslint/no-explicit-any */
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

export function isLiteral(node: Node): boolean {
  return literalKinds.has(kindOf(node));
}

const epochTicks = 621355968000000000n;

function dateTimeValue(scope: Scope, raw: any, node: Node): Value {
  const text = String(node.ToString?.() ?? "");
  const inner = /\(\s*([^)]*?)\s*\)/.exec(text)?.[1]?.replace(/^(["'])(.*)\1$/, "$2");
  if (inner !== undefined) {
    if (inner.toLowerCase() === "null") return null;
    const parsed = parseDateTime(inner);
    if (Number.isFinite(parsed)) return parsed;
  }
  const { System } = kustoLanguage();
  const ticks = BigInt(String(System.DateTime.getTicks(raw)));
  // Tick 0 is the bridge's "could not parse": refuse rather than answer with year 1.
  if (ticks === 0n) throw unsupported(scope, node, `datetime literal ${text.trim()} (use ISO 8601, e.g. datetime(2024-01-02T03:04:05Z))`);
  return Number(ticks - epochTicks) / 10000;
}

const clockSpan = /^(?:time|timespan)\(\s*(-?)(?:(\d+)\.)?(\d+):(\d+)(?::(\d+(?:\.\d+)?))?\s*\)$/i;
const daysSpan = /^(?:time|timespan)\(\s*(-?\d+(?:\.\d+)?)\s*\)$/i;

/** time(1.02:03:04) and time(2) (days): the bridge's boxed TimeSpan loses these forms, so they are read from the text. */
function timespanValue(raw: any, node: Node): Value {
  const text = String(node.ToString?.() ?? "").trim();
  const clock = clockSpan.exec(text);
  if (clock) {
    const [, sign, days, hours, minutes, seconds] = clock;
    const ms = ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds ?? 0) * 1000;
    return sign ? -ms : ms;
  }
  const days = daysSpan.exec(text);
  if (days) return Number(days[1]) * 86_400_000;
  return typeof raw.getTotalMilliseconds === "function" ? raw.getTotalMilliseconds() : numberValue(raw.ticks) / 10000;
}

/** real(nan), real(+inf), 0x1F: forms the bridge boxes as 0, read from the literal's text instead. */
function specialNumber(node: Node): number | undefined {
  const text = String(node.ToString?.() ?? "").trim();
  const inner = (/^[a-z]+\((.*)\)$/i.exec(text)?.[1] ?? text).trim().toLowerCase();
  if (inner === "nan") return Number.NaN;
  if (inner === "inf" || inner === "+inf") return Number.POSITIVE_INFINITY;
  if (inner === "-inf") return Number.NEGATIVE_INFINITY;
  const hex = /^([+-]?)0x([0-9a-f]+)$/.exec(inner);
  if (hex) return (hex[1] === "-" ? -1 : 1) * parseInt(hex[2], 16);
  return undefined;
}

function numberValue(raw: any): number {
  if (typeof raw === "number") return raw;
  if (typeof raw?.toNumber === "function") return raw.toNumber();
  return Number(String(raw));
}

/** The value of a literal expression node of binder type `type`. */
export function literalValue(scope: Scope, node: Node, type: KType | "null"): Value {
  let raw = node.ConstantValue;
  if (raw && raw.$boxed) raw = raw.v;
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case "null":
      return null;
    case "long":
    case "int":
    case "real":
    case "decimal":
      return specialNumber(node) ?? numberValue(raw);
    case "string":
    case "guid":
      return String(raw);
    case "bool":
      return Boolean(raw);
    case "datetime":
      return dateTimeValue(scope, raw, node);
    case "timespan":
      return timespanValue(raw, node);
    case "dynamic":
      return parseDynamicLiteral(String(raw));
  }
  throw unsupported(scope, node, `literal of type ${type}`);
}
