import { describe, expect, it } from "vitest";
import { rowBuilder } from "../../src/kusto/compile/row-builder";

describe("rowBuilder", () => {
  const build = rowBuilder(
    ["Id", "Name", "Id1", "Size"],
    [
      { from: 0, name: "Id", missing: "" },
      { from: 0, name: "Name", missing: "" },
      { from: 1, name: "Id", missing: "" },
      { from: 1, name: "Size", missing: null },
    ],
  );

  it("copies each column from the side its source names, in the column order given", () => {
    const row = build({ Id: "a", Name: "x" }, { Id: "a", Size: 3 });
    expect(Object.keys(row)).toEqual(["Id", "Name", "Id1", "Size"]);
    expect({ ...row }).toEqual({ Id: "a", Name: "x", Id1: "a", Size: 3 });
  });

  it("fills an absent side with null, or an empty string for a string column", () => {
    expect({ ...build({ Id: "a", Name: "x" }, undefined) }).toEqual({ Id: "a", Name: "x", Id1: "", Size: null });
    expect({ ...build(undefined, { Id: "b", Size: 0 }) }).toEqual({ Id: "", Name: "", Id1: "b", Size: 0 });
  });

  it("fills a null or missing cell the same way, and keeps falsy values", () => {
    expect({ ...build({ Id: null, Name: "" }, { Id: "b", Size: null }) }).toEqual({
      Id: "",
      Name: "",
      Id1: "b",
      Size: null,
    });
    expect(build({ Id: "a", Name: "x" }, { Id: "b", Size: false }).Size).toBe(false);
  });

  it("stores __proto__, constructor and toString as plain columns, with nothing inherited", () => {
    const odd = rowBuilder(
      ["__proto__", "constructor", "toString"],
      [
        { from: 0, name: "constructor", missing: null },
        { from: 0, name: "__proto__", missing: null },
        { from: 1, name: "x", missing: "" },
      ],
    );
    const proto = "__proto__";
    const source = Object.create(null);
    source.constructor = 1;
    source[proto] = 2;
    const row = odd(source, undefined);
    expect(Object.keys(row)).toEqual(["__proto__", "constructor", "toString"]);
    expect([row[proto], row.constructor, row.toString]).toEqual([1, 2, ""]);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(row))).toBeNull();
    expect(row.hasOwnProperty).toBeUndefined();
  });

  it("names a column whose text would break generated code as data", () => {
    const weird = 'a"];throw 1;//\n';
    const b = rowBuilder([weird], [{ from: 0, name: weird, missing: null }]);
    expect(b({ [weird]: 5 }, undefined)[weird]).toBe(5);
  });
});
