import { describe, expect, it } from "vitest";
import { json } from "./helpers";

const Lines = `datatable(s:string)["id=12, name=ab, tail", "id=x7, name=cd, tail"]`;

describe("parse kinds", () => {
  it("simple: a typed number column reads only digits, and a failed conversion nulls every column (strict)", () => {
    // Row 1: id 12, name "ab". Row 2: "x7" is not a long, so the whole row's captures are empty.
    expect(json(`${Lines} | parse s with "id=" id:long ", name=" name "," * | project id, name`)).toEqual([
      { id: 12, name: "ab" },
      { id: null, name: "" },
    ]);
  });

  it("simple: a typed column before * stops at the end of its number", () => {
    // id:long takes "12" and * skips ", "; without the digits rule id would capture nothing.
    expect(json(`print s="id=12, name=ab" | parse s with "id=" id:long * "name=" name | project id, name`)).toEqual([
      { id: 12, name: "ab" },
    ]);
  });

  it("relaxed: a column that does not convert is null on its own", () => {
    expect(json(`${Lines} | parse kind=relaxed s with "id=" id:long ", name=" name "," * | project id, name`)).toEqual([
      { id: 12, name: "ab" },
      { id: null, name: "cd" },
    ]);
  });

  it("relaxed: a number column right before * takes its number, and text that is not one is null", () => {
    // Row 1: "12" then * skips ", name=ab, " up to "tail". Row 2: "x7" is no long, so id is null but tail still reads.
    expect(json(`${Lines} | parse kind=relaxed s with "id=" id:long * "name=" * ", " tail | project id, tail`)).toEqual(
      [
        { id: 12, tail: "tail" },
        { id: null, tail: "tail" },
      ],
    );
  });

  it("regex: delimiters are regular expressions and string columns are greedy", () => {
    // "name=" then [a-z]+ , then a greedy capture up to the last comma of "x, y, z" → "x, y".
    expect(
      json(`print s="name=ab: x, y, z" | parse kind=regex s with "name=[a-z]+: " rest "," * | project rest`),
    ).toEqual([{ rest: "x, y" }]);
  });

  it("regex: flags=U makes captures lazy and i ignores case", () => {
    expect(
      json(`print s="NAME=ab: x, y, z" | parse kind=regex flags=Ui s with "name=[a-z]+: " rest "," * | project rest`),
    ).toEqual([{ rest: "x" }]);
  });

  it("regex: groups inside a delimiter do not shift the columns", () => {
    // The delimiter's own group (a|b) is not a column: v is the digits after it.
    expect(json(`print s="k=b7" | parse kind=regex s with "k=(a|b)" v:long | project v`)).toEqual([{ v: 7 }]);
  });
});

describe("parse-where", () => {
  it("must drop the rows whose text does not match or does not convert", () => {
    expect(json(`${Lines} | parse-where s with "id=" id:long ", name=" name "," * | project id, name`)).toEqual([
      { id: 12, name: "ab" },
    ]);
  });
});

describe("parse-kv", () => {
  it("must read keys by delimiters, trimming spaces, first appearance winning, absent keys empty", () => {
    // a appears twice: the first (1) wins; c is absent: a long is null and a string "".
    expect(
      json(
        `print s="a: 1, b: two words, a: 3" | parse-kv s as (a:long, b:string, c:long, d:string) with (pair_delimiter=",", kv_delimiter=":") | project a, b, c, d`,
      ),
    ).toEqual([{ a: 1, b: "two words", c: null, d: "" }]);
  });

  it("must honour quotes with escapes, and greedy values running on to the next key", () => {
    expect(
      json(
        `print s='x="p q\\\\"r" y=s t z=u' | parse-kv s as (x:string, y:string) with (pair_delimiter=" ", kv_delimiter="=", quote='"', escape='\\\\') | project x, y`,
      ),
    ).toEqual([{ x: 'p q"r', y: "s" }]);
    expect(
      json(
        `print s='x=a b y=s t z=u' | parse-kv s as (x:string, y:string, z:string) with (pair_delimiter=" ", kv_delimiter="=", greedy=true) | project x, y, z`,
      ),
    ).toEqual([{ x: "a b", y: "s t", z: "u" }]);
  });

  it("must pair tokens when no delimiters are given", () => {
    expect(json(`print s="[INFO] user:ann; id=42" | parse-kv s as (user:string, id:long) | project user, id`)).toEqual([
      { user: "ann", id: 42 },
    ]);
  });

  it("must read (key, value) from a two-group regex", () => {
    expect(
      json(`print s="<k1|v1><k2|v2>" | parse-kv s as (k2:string) with (regex=@"<(\\w+)\\|(\\w+)>") | project k2`),
    ).toEqual([{ k2: "v2" }]);
  });
});
