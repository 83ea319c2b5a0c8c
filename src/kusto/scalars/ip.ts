// IPv4/IPv6 functions per the KQL reference: addresses with optional IP-prefix notation ("a.b.c.d/n"), compared on
// the shorter of the prefixes involved; IPv4 inside IPv6 functions is the mapped address ::ffff:a.b.c.d (prefix + 96).
import type { KType, Value } from "../types";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { formatterFor } from "./format";

export interface Ipv4 {
  readonly value: number;
  readonly prefix: number;
}

const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Value(text: string): number | null {
  const m = octets.exec(text);
  if (!m) return null;
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return null;
    v = v * 256 + o;
  }
  return v;
}

/** "a.b.c.d" or "a.b.c.d/n" (n 0..32); null when the text is not that. */
export function parseIpv4(text: string): Ipv4 | null {
  const t = text.trim();
  const slash = t.indexOf("/");
  const value = ipv4Value(slash < 0 ? t : t.slice(0, slash));
  if (value === null) return null;
  if (slash < 0) return { value, prefix: 32 };
  const p = t.slice(slash + 1);
  if (!/^\d{1,2}$/.test(p) || Number(p) > 32) return null;
  return { value, prefix: Number(p) };
}

/** The address with all but its `prefix` most significant bits cleared, as an unsigned 32-bit number. */
export function maskIpv4(value: number, prefix: number): number {
  if (prefix <= 0) return 0;
  if (prefix >= 32) return value;
  return (value - (value % 2 ** (32 - prefix))) >>> 0;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** A prefix argument: a whole number within 0..max, else null. */
function prefixArg(v: Value | undefined, max: number): number | null {
  const n = typeof v === "bigint" ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
}

export interface Ipv6 {
  readonly value: bigint;
  readonly prefix: number;
}

const ALL128 = (1n << 128n) - 1n;
const MAPPED = 0xffffn << 32n;

function hexGroups(text: string): bigint[] | null {
  if (text === "") return [];
  const out: bigint[] = [];
  for (const g of text.split(":")) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    out.push(BigInt(`0x${g}`));
  }
  return out;
}

/** IPv6 text (with "::" and an optional dotted IPv4 tail), or IPv4 text as its mapped address; optional "/n". */
export function parseIpv6(text: string): Ipv6 | null {
  const t = text.trim();
  const slash = t.indexOf("/");
  const addr = slash < 0 ? t : t.slice(0, slash);
  const prefixText = slash < 0 ? undefined : t.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const v4 = ipv4Value(addr);
  if (v4 !== null) return withPrefix(MAPPED | BigInt(v4), prefixText, true);
  let tail: number | null = null;
  let body = addr;
  const lastColon = addr.lastIndexOf(":");
  if (lastColon >= 0 && addr.slice(lastColon + 1).includes(".")) {
    tail = ipv4Value(addr.slice(lastColon + 1));
    if (tail === null) return null;
    body = `${addr.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const head = hexGroups(halves[0]);
  const rest = halves.length === 2 ? hexGroups(halves[1]) : [];
  if (!head || !rest) return null;
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...new Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...rest];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | g;
  if (tail !== null) {
    value = (value & ~0xffffffffn) | BigInt(tail);
    // An IPv4 tail after zeros (::a.b.c.d or ::ffff:a.b.c.d) is that IPv4 address, as the reference's examples show.
    const upper = value >> 32n;
    if (upper === 0n || upper === 0xffffn) {
      return withPrefix(MAPPED | (value & 0xffffffffn), prefixText, true);
    }
  }
  return withPrefix(value, prefixText, false);
}

function withPrefix(value: bigint, prefixText: string | undefined, ipv4: boolean): Ipv6 | null {
  if (prefixText === undefined) return { value, prefix: 128 };
  const p = Number(prefixText);
  if (p > (ipv4 ? 32 : 128)) return null;
  return { value, prefix: ipv4 ? p + 96 : p };
}

export function maskIpv6(value: bigint, prefix: number): bigint {
  if (prefix <= 0) return 0n;
  if (prefix >= 128) return value;
  return value & (ALL128 ^ ((1n << BigInt(128 - prefix)) - 1n));
}

/** Eight groups of four lowercase hex digits, as parse_ipv6 prints. */
export function formatIpv6(value: bigint): string {
  const hex = value.toString(16).padStart(32, "0");
  return hex.match(/.{4}/g)!.join(":");
}

function textArgs(argTypes: readonly KType[]): ((v: Value) => string)[] {
  return argTypes.map((t) => formatterFor(t));
}

/** ipv4_compare / ipv4_is_match / ipv6_*: compare on the shortest of the two prefixes and the optional argument. */
function ipComparer<T extends { prefix: number }, V>(
  parse: (s: string) => T | null,
  max: number,
  mask: (a: T, p: number) => V,
  result: (x: V, y: V) => Value,
): ScalarFactory {
  return arity(2, 3, (argTypes) => {
    const [f0, f1] = textArgs(argTypes);
    return (args) => {
      const a = parse(f0(args[0]));
      const b = parse(f1(args[1]));
      const p = args.length > 2 ? prefixArg(args[2], max) : max;
      if (a === null || b === null || p === null) return null;
      const n = Math.min(a.prefix, b.prefix, p);
      return result(mask(a, n), mask(b, n));
    };
  });
}

const cmp = <V>(x: V, y: V): number => (x < y ? -1 : x > y ? 1 : 0);
const m4 = (a: Ipv4, p: number) => maskIpv4(a.value, p);
const m6 = (a: Ipv6, p: number) => maskIpv6(a.value, p);

/** ip in range: the address masked by the range's prefix (and its own) equals the range's masked address. */
function inRange<T extends { prefix: number }, V>(
  parse: (s: string) => T | null,
  mask: (a: T, p: number) => V,
): (ip: string, range: string) => boolean | null {
  return (ipText, rangeText) => {
    const ip = parse(ipText);
    const range = parse(rangeText);
    if (ip === null || range === null) return null;
    const n = Math.min(ip.prefix, range.prefix);
    return mask(ip, n) === mask(range, n);
  };
}

const in4 = inRange(parseIpv4, m4);
const in6 = inRange(parseIpv6, m6);

function isInRange(test: (ip: string, range: string) => boolean | null): ScalarFactory {
  return arity(2, 2, (argTypes) => {
    const [f0, f1] = textArgs(argTypes);
    return (args) => test(f0(args[0]), f1(args[1]));
  });
}

/** *_is_in_any_range(ip, range, ...) or (ip, [ranges]): null when the address or a range does not parse. */
function isInAnyRange(test: (ip: string, range: string) => boolean | null): ScalarFactory {
  return (argTypes) => {
    if (argTypes.length < 2) return undefined;
    const fs = textArgs(argTypes);
    return (args) => {
      const ip = fs[0](args[0]);
      let found = false;
      for (let i = 1; i < args.length; i++) {
        const ranges = Array.isArray(args[i])
          ? (args[i] as unknown[]).map((r) => (typeof r === "string" ? r : ""))
          : [fs[i](args[i])];
        for (const r of ranges) {
          const hit = test(ip, r);
          if (hit === null) return null;
          if (hit) found = true;
        }
      }
      return found;
    };
  };
}

const privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((r) => parseIpv4(r)!);

/** ipv4_is_private: inside one of RFC 1918's ranges (the address's own prefix must lie inside it too). */
function isPrivate(text: string): boolean | null {
  const ip = parseIpv4(text);
  if (ip === null) return null;
  return privateRanges.some((r) => ip.prefix >= r.prefix && maskIpv4(ip.value, r.prefix) === r.value);
}

/** format_ipv4/format_ipv4_mask(ip[, prefix]): ip as text or as a big-endian long; "" when anything is invalid. */
function formatIpv4Fn(withMask: boolean): ScalarFactory {
  return arity(1, 2, (argTypes) => {
    const numeric = argTypes[0] !== "string" && argTypes[0] !== "dynamic";
    const f = formatterFor(argTypes[0]);
    return (args) => {
      let ip: Ipv4 | null;
      if (numeric) {
        const n = typeof args[0] === "bigint" ? Number(args[0]) : args[0];
        ip =
          typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? { value: n, prefix: 32 } : null;
      } else ip = parseIpv4(f(args[0]));
      const p = args.length > 1 ? prefixArg(args[1], 32) : 32;
      if (ip === null || p === null) return "";
      const n = Math.min(ip.prefix, p);
      const text = formatIpv4(maskIpv4(ip.value, n));
      return withMask ? `${text}/${n}` : text;
    };
  });
}

/** IPv4 addresses written in text, delimited by non-alphanumeric characters, each octet 0..255. */
const ipv4InText = /(?<![A-Za-z0-9])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![A-Za-z0-9])/g;

export function ipv4sInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ipv4InText)) if (ipv4Value(m[0]) !== null) out.push(m[0]);
  return out;
}

const validPrefix = /^(\d{1,3}\.){1,3}$/;

/** has_ipv4 / has_any_ipv4 (exact addresses) and the _prefix forms ("192.", "192.168." ... or a whole address). */
function hasIpv4(prefix: boolean, any: boolean): ScalarFactory {
  return (argTypes) => {
    if (argTypes.length < 2 || (!any && argTypes.length !== 2)) return undefined;
    const fs = textArgs(argTypes);
    return (args) => {
      const wanted: string[] = [];
      for (let i = 1; i < args.length; i++) {
        if (Array.isArray(args[i]))
          for (const x of args[i] as unknown[]) wanted.push(typeof x === "string" ? x.trim() : "");
        else wanted.push(fs[i](args[i]).trim());
      }
      const valid = wanted.filter(
        (w) =>
          ipv4Value(w) !== null ||
          (prefix &&
            validPrefix.test(w) &&
            w
              .split(".")
              .slice(0, -1)
              .every((o) => Number(o) <= 255)),
      );
      if (valid.length === 0) return false;
      const found = ipv4sInText(fs[0](args[0]));
      const values = new Set(found.map((f) => ipv4Value(f)));
      return valid.some((w) => (ipv4Value(w) !== null ? values.has(ipv4Value(w)) : found.some((f) => f.startsWith(w))));
    };
  };
}

/** ipv4_range_to_cidr_list(start, end): the fewest CIDR blocks covering start..end. */
function rangeToCidr(startText: string, endText: string): Value {
  const a = parseIpv4(startText);
  const b = parseIpv4(endText);
  if (a === null || b === null || a.prefix !== 32 || b.prefix !== 32) return null;
  const out: string[] = [];
  let from = a.value;
  while (from <= b.value) {
    let size = 32;
    while (size > 0) {
      const block = 2 ** (33 - size);
      if (from % block !== 0 || from + block - 1 > b.value) break;
      size--;
    }
    out.push(`${formatIpv4(from)}/${size}`);
    from += 2 ** (32 - size);
  }
  return out;
}

function onText(fn: (s: string) => Value): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    const f = formatterFor(argTypes[0]);
    return (args) => fn(f(args[0]));
  });
}

/** parse_ipv4_mask / parse_ipv6_mask(ip, prefix): the address masked by the shorter prefix. */
function parseMask<T extends { prefix: number }>(
  parse: (s: string) => T | null,
  max: number,
  out: (ip: T, p: number) => Value,
  empty: Value,
): ScalarFactory {
  return arity(2, 2, (argTypes) => {
    const f = formatterFor(argTypes[0]);
    return (args) => {
      const ip = parse(f(args[0]));
      const p = prefixArg(args[1], max);
      return ip === null || p === null ? empty : out(ip, Math.min(ip.prefix, p));
    };
  });
}

export const ipFunctions: ScalarTable = {
  parse_ipv4: onText((s) => {
    const ip = parseIpv4(s);
    return ip === null ? null : maskIpv4(ip.value, ip.prefix);
  }),
  parse_ipv4_mask: parseMask(parseIpv4, 32, (ip, p) => maskIpv4(ip.value, p), null),
  ipv4_compare: ipComparer(parseIpv4, 32, m4, cmp),
  ipv4_is_match: ipComparer(parseIpv4, 32, m4, (x, y) => x === y),
  ipv4_is_in_range: isInRange(in4),
  ipv4_is_in_any_range: isInAnyRange(in4),
  ipv4_is_private: onText(isPrivate),
  ipv4_netmask_suffix: onText((s) => parseIpv4(s)?.prefix ?? null),
  format_ipv4: formatIpv4Fn(false),
  format_ipv4_mask: formatIpv4Fn(true),
  has_ipv4: hasIpv4(false, false),
  has_any_ipv4: hasIpv4(false, true),
  has_ipv4_prefix: hasIpv4(true, false),
  has_any_ipv4_prefix: hasIpv4(true, true),
  ipv4_range_to_cidr_list: arity(2, 2, (argTypes) => {
    const [f0, f1] = textArgs(argTypes);
    return (args) => rangeToCidr(f0(args[0]), f1(args[1]));
  }),
  parse_ipv6: onText((s) => {
    const ip = parseIpv6(s);
    return ip === null ? "" : formatIpv6(maskIpv6(ip.value, ip.prefix));
  }),
  parse_ipv6_mask: parseMask(parseIpv6, 128, (ip, p) => formatIpv6(maskIpv6(ip.value, p)), ""),
  ipv6_compare: ipComparer(parseIpv6, 128, m6, cmp),
  ipv6_is_match: ipComparer(parseIpv6, 128, m6, (x, y) => x === y),
  ipv6_is_in_range: isInRange(in6),
  ipv6_is_in_any_range: isInAnyRange(in6),
};
