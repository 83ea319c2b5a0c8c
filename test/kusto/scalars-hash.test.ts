import { describe, expect, it } from "vitest";
import { xxhash64 } from "../../src/kusto/scalars/xxhash64";
import { run } from "./helpers";
import { call } from "./scalars-helpers";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("XXH64", () => {
  it("must reproduce the reference digests (short, tail and 32-byte-stripe paths)", () => {
    expect(xxhash64(bytes("")).toString(16)).toBe("ef46db3751d8e999");
    expect(xxhash64(bytes("a")).toString(16)).toBe("d24ec4f1a98c6e5b");
    expect(xxhash64(bytes("Nobody inspects the spammish repetition")).toString(16)).toBe("fbcea83c8a378bf1");
  });
});

describe("hash and hash_xxhash64", () => {
  it("a string must hash as XXH64 of its UTF-8 bytes, as a signed long", () => {
    // XXH64("a") = 0xd24ec4f1a98c6e5b, above 2^63, so negative as a long
    expect(call("hash", ["string"], "long", ["a"])).toBe(BigInt.asIntN(64, 0xd24ec4f1a98c6e5bn));
    expect(call("hash_xxhash64", ["string"], "long", ["a"])).toBe(call("hash", ["string"], "long", ["a"]));
  });

  it("with mod the result must lie in [0, mod)", () => {
    for (const s of ["a", "b", "World", "Hello", ""]) {
      const h = call("hash", ["string", "long"], "long", [s, 7]) as number;
      expect(h >= 0 && h < 7).toBe(true);
    }
    // 0xd24ec4f1a98c6e5b as Int64 is -3292477735350538661; Kusto's % is never negative: 100 - 61 = 39
    expect(call("hash", ["string", "long"], "long", ["a", 100])).toBe(39);
  });

  it("a datetime must hash its .NET ticks like the long of the same value", () => {
    const [row] = run("print d = hash(datetime(0001-01-01)), l = hash(0), t = hash(0s)").rows;
    expect(row.d).toBe(row.l);
    expect(row.t).toBe(row.l);
  });

  it("types whose byte form is not documented must be refused, not guessed", () => {
    expect(() => run("print hash(1.5)")).toThrow(/unsupported/);
  });
});

describe("hash_md5, hash_sha1, hash_sha256", () => {
  it("must digest the UTF-8 text (RFC 1321 / FIPS 180 test vectors for 'abc')", () => {
    expect(call("hash_md5", ["string"], "string", ["abc"])).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(call("hash_sha1", ["string"], "string", ["abc"])).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(call("hash_sha256", ["string"], "string", ["abc"])).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("a non-string must digest its tostring text", () => {
    const [row] = run("print a = hash_md5(123) == hash_md5('123'), b = hash_sha1(true) == hash_sha1('true')").rows;
    expect(row).toEqual({ a: true, b: true });
  });
});

describe("rand and new_guid", () => {
  it("rand() must lie in [0, 1) and rand(N) be a whole number below N", () => {
    const { rows } = run(
      "range i from 1 to 200 step 1 | extend r = rand(), n = rand(5) | summarize minr = min(r), maxr = max(r), minn = min(n), maxn = max(n), whole = countif(n == round(n))",
    );
    const [s] = rows as { minr: number; maxr: number; minn: number; maxn: number; whole: number }[];
    expect(s.minr >= 0 && s.maxr < 1).toBe(true);
    expect(s.minn >= 0 && s.maxn <= 4).toBe(true);
    expect(s.whole).toBe(200);
  });

  it("new_guid must give a fresh version-4 guid per row", () => {
    const { rows } = run(
      "range i from 1 to 50 step 1 | extend g = new_guid() | summarize n = dcount(g), shape = countif(tostring(g) matches regex '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')",
    );
    expect(rows[0]).toEqual({ n: 50, shape: 50 });
  });
});
