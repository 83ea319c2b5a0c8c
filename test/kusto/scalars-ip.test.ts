import { describe, expect, it } from "vitest";
import { ipv4sInText, parseIpv6 } from "../../src/kusto/scalars/ip";
import { call } from "./scalars-helpers";

const s = "string" as const;

describe("IPv4 functions", () => {
  it("parse_ipv4 must give the address as a long, masked by its prefix", () => {
    // 10.0.0.1 = 10·2^24 + 1 = 167772161; /8 keeps only the 10 → 167772160
    expect(call("parse_ipv4", [s], "long", ["10.0.0.1"])).toBe(167772161);
    expect(call("parse_ipv4", [s], "long", ["10.0.0.1/8"])).toBe(167772160);
    expect(call("parse_ipv4", [s], "long", ["10.0.0.256"])).toBeNull();
    expect(call("parse_ipv4", [s], "long", ["10.0.0.1/33"])).toBeNull();
  });

  it("ipv4_compare must compare on the shortest prefix of both texts and the argument", () => {
    // 172.16.5.9 vs 172.16.200.1: third octet 5 < 200 → -1; on 16 bits both are 172.16 → 0
    expect(call("ipv4_compare", [s, s], "int", ["172.16.5.9", "172.16.200.1"])).toBe(-1);
    expect(call("ipv4_compare", [s, s, "long"], "int", ["172.16.5.9", "172.16.200.1", 16])).toBe(0);
    expect(call("ipv4_compare", [s, s], "int", ["172.16.5.9/16", "172.16.200.1"])).toBe(0);
    expect(call("ipv4_compare", [s, s], "int", ["x", "172.16.200.1"])).toBeNull();
  });

  it("ipv4_is_in_range and ipv4_is_in_any_range must mask by the range's prefix", () => {
    // 100.64.0.0/10 spans 100.64.0.0 .. 100.127.255.255
    expect(call("ipv4_is_in_range", [s, s], "bool", ["100.127.1.1", "100.64.0.0/10"])).toBe(true);
    expect(call("ipv4_is_in_range", [s, s], "bool", ["100.128.0.0", "100.64.0.0/10"])).toBe(false);
    expect(call("ipv4_is_in_any_range", [s, "dynamic"], "bool", ["100.128.0.0", ["1.0.0.0/8", "100.0.0.0/8"]])).toBe(
      true,
    );
    expect(call("ipv4_is_in_any_range", [s, s, s], "bool", ["8.8.8.8", "1.0.0.0/8", "100.0.0.0/8"])).toBe(false);
  });

  it("ipv4_is_private must know the three RFC 1918 ranges and nothing else", () => {
    // 172.16.0.0/12 ends at 172.31.255.255
    expect(call("ipv4_is_private", [s], "bool", ["172.31.0.1"])).toBe(true);
    expect(call("ipv4_is_private", [s], "bool", ["172.32.0.1"])).toBe(false);
    expect(call("ipv4_is_private", [s], "bool", ["127.0.0.1"])).toBe(false);
    expect(call("ipv4_is_private", [s], "bool", ["not an ip"])).toBeNull();
  });

  it("format_ipv4 and format_ipv4_mask must accept text or a long and apply the prefix", () => {
    // 3232235777 = 192.168.1.1; /16 → 192.168.0.0
    expect(call("format_ipv4", ["long", "long"], s, [3232235777, 16])).toBe("192.168.0.0");
    expect(call("format_ipv4_mask", [s, "long"], s, ["10.20.30.40/8", 24])).toBe("10.0.0.0/8");
    expect(call("format_ipv4", [s, "long"], s, ["10.20.30.40", -1])).toBe("");
  });

  it("has_ipv4 must find only addresses delimited by non-alphanumerics", () => {
    expect(call("has_ipv4", [s, s], "bool", ["from=10.1.2.3;port=80", "10.1.2.3"])).toBe(true);
    // "x10.1.2.3" is glued to a letter
    expect(call("has_ipv4", [s, s], "bool", ["from x10.1.2.3", "10.1.2.3"])).toBe(false);
    expect(ipv4sInText("a 1.2.3.4, 1.2.3.999 and 5.6.7.8")).toEqual(["1.2.3.4", "5.6.7.8"]);
  });

  it("has_ipv4_prefix must match a dotted prefix of a valid address only", () => {
    expect(call("has_ipv4_prefix", [s, s], "bool", ["peer 10.9.8.7 up", "10.9."])).toBe(true);
    expect(call("has_ipv4_prefix", [s, s], "bool", ["peer 10.9.8.7 up", "10.9"])).toBe(false);
    expect(call("has_any_ipv4_prefix", [s, "dynamic"], "bool", ["peer 10.9.8.7 up", ["11.", "10.9.8."]])).toBe(true);
  });

  it("ipv4_range_to_cidr_list must cover the range with the fewest blocks", () => {
    // 10.0.0.0 .. 10.0.2.255 = a /23 (0.0–1.255) and a /24 (2.0–2.255)
    expect(call("ipv4_range_to_cidr_list", [s, s], "dynamic", ["10.0.0.0", "10.0.2.255"])).toEqual([
      "10.0.0.0/23",
      "10.0.2.0/24",
    ]);
  });
});

describe("IPv6 functions", () => {
  it("parse_ipv6 must print eight zero-padded groups and read IPv4 as ::ffff:a.b.c.d", () => {
    expect(call("parse_ipv6", [s], s, ["2001:db8::1"])).toBe("2001:0db8:0000:0000:0000:0000:0000:0001");
    // 10.0.0.1 → ::ffff:0a00:0001; an IPv4 /8 is an IPv6 /104
    expect(call("parse_ipv6", [s], s, ["10.0.0.1/8"])).toBe("0000:0000:0000:0000:0000:ffff:0a00:0000");
    expect(call("parse_ipv6", [s], s, ["2001:db8::1::2"])).toBe("");
  });

  it("an IPv4 tail after zeros must be that IPv4 address, prefix counted in IPv4 bits", () => {
    expect(parseIpv6("::10.0.0.1/8")).toEqual({ value: (0xffffn << 32n) | 0x0a000001n, prefix: 104 });
  });

  it("ipv6_compare and ipv6_is_match must use the shortest prefix", () => {
    // ...:0010 vs ...:00ff differ only in the last 8 bits
    expect(call("ipv6_compare", [s, s], "int", ["2001:db8::10", "2001:db8::ff"])).toBe(-1);
    expect(call("ipv6_is_match", [s, s, "long"], "bool", ["2001:db8::10", "2001:db8::ff", 120])).toBe(true);
    expect(call("ipv6_is_match", [s, s], "bool", ["2001:db8::10/120", "2001:db8::ff"])).toBe(true);
  });

  it("ipv6_is_in_range must test membership of the range", () => {
    expect(call("ipv6_is_in_range", [s, s], "bool", ["2001:db8:0:ffff::1", "2001:db8::/48"])).toBe(true);
    expect(call("ipv6_is_in_range", [s, s], "bool", ["2001:db9::1", "2001:db8::/48"])).toBe(false);
  });
});
