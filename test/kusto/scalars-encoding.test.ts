import { describe, expect, it } from "vitest";
import { call, utc } from "./scalars-helpers";

/** A datetime value: 100-ns ticks since the Unix epoch. */
const ticks = (ms: number): bigint => BigInt(ms) * 10_000n;

describe("time zones", () => {
  it("datetime_utc_to_local must add the zone's offset at that instant, DST included", () => {
    // Berlin is UTC+2 in July (CEST) and UTC+1 in January (CET)
    expect(
      call("datetime_utc_to_local", ["datetime", "string"], "datetime", [ticks(utc(2024, 7, 1, 12)), "Europe/Berlin"]),
    ).toBe(ticks(utc(2024, 7, 1, 14)));
    expect(
      call("datetime_utc_to_local", ["datetime", "string"], "datetime", [ticks(utc(2024, 1, 15, 12)), "Europe/Berlin"]),
    ).toBe(ticks(utc(2024, 1, 15, 13)));
  });

  it("datetime_local_to_utc must undo the offset", () => {
    // 14:00 in Berlin on 1 July = 12:00Z; 08:00 in New York on 15 January (EST, UTC-5) = 13:00Z
    expect(
      call("datetime_local_to_utc", ["datetime", "string"], "datetime", [ticks(utc(2024, 7, 1, 14)), "Europe/Berlin"]),
    ).toBe(ticks(utc(2024, 7, 1, 12)));
    expect(
      call("datetime_local_to_utc", ["datetime", "string"], "datetime", [
        ticks(utc(2024, 1, 15, 8)),
        "America/New_York",
      ]),
    ).toBe(ticks(utc(2024, 1, 15, 13)));
  });

  it("an unknown zone must fail naming the zone and the expected form", () => {
    expect(() => call("datetime_utc_to_local", ["datetime", "string"], "datetime", [0n, "Mars/Olympus"])).toThrow(
      /"Mars\/Olympus".*IANA/,
    );
  });
});

describe("encodings and hashes", () => {
  it("base64 must round-trip UTF-8 text", () => {
    // "Kusto" → bytes 4B 75 73 74 6F → "S3VzdG8="
    expect(call("base64_encode_tostring", ["string"], "string", ["Kusto"])).toBe("S3VzdG8=");
    expect(call("base64_decode_tostring", ["string"], "string", ["S3VzdG8="])).toBe("Kusto");
  });

  it("base64_decode_tostring must be null for bytes that are not UTF-8", () => {
    // "S3VzdGuR" decodes to 4B 75 73 74 6B 91, and 0x91 cannot start a UTF-8 sequence
    expect(call("base64_decode_tostring", ["string"], "string", ["S3VzdGuR"])).toBeNull();
    expect(call("base64_decode_tostring", ["string"], "string", ["not base64!"])).toBeNull();
  });

  it("hashes must give the standard hex digests", () => {
    // digests of the empty string, as published for SHA-256 and MD5
    expect(call("hash_sha256", ["string"], "string", [""])).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(call("hash_md5", ["string"], "string", [""])).toBe("d41d8cd98f00b204e9800998ecf8427e");
  });

  it("string_size must count UTF-8 bytes", () => {
    // "a€": 1 byte + 3 bytes
    expect(call("string_size", ["string"], "long", ["a€"])).toBe(4);
  });
});
