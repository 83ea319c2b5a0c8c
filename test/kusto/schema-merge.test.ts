import { describe, expect, it } from "vitest";
import { analyze } from "../../src/kusto";
import { mergeSchemas, type SchemaColumn, splitSchemas } from "../../src/kusto/compile/operators/plugins/schema-merge";
import { json, run } from "./helpers";

// Rules: learn.microsoft.com/kusto/query/schema-merge-plugin — a column keeps the ordinal of the first schema it appears
// in; with PreserveOrder (default true) one a later schema moves is an error row (ordinal -1).
const schemas = (...tables: string[]) =>
  tables.map((t, i) => `let s${i} = datatable(${t})[] | getschema;`).join("\n") +
  `\nunion ${tables.map((_, i) => `s${i}`).join(", ")}`;
const outOfOrder = {
  ColumnOrdinal: -1,
  DataType: "ERROR(unknown CSL type:ERROR(columns are out of order))",
  ColumnType: "ERROR(columns are out of order)",
};
const col = (name: string, ordinal: number, type: string): SchemaColumn => ({
  name,
  ordinal,
  dataType: `T.${type}`,
  columnType: type,
});

describe("getschema feeds schema_merge", () => {
  it("must list each column with its 0-based ordinal, CLR type name and Kusto type", () => {
    // Kusto.Language types getschema's ColumnOrdinal long (GetSchemaSchema) and schema_merge's int (PlugIns.SchemaMerge).
    expect(run("datatable(a:int, b:dynamic)[] | getschema").columns).toEqual([
      { name: "ColumnName", type: "string" },
      { name: "ColumnOrdinal", type: "long" },
      { name: "DataType", type: "string" },
      { name: "ColumnType", type: "string" },
    ]);
    expect(json("datatable(a:int, b:dynamic)[] | getschema")).toEqual([
      { ColumnName: "a", ColumnOrdinal: 0, DataType: "System.Int32", ColumnType: "int" },
      { ColumnName: "b", ColumnOrdinal: 1, DataType: "System.Object", ColumnType: "dynamic" },
    ]);
  });
});

describe("evaluate schema_merge", () => {
  it("must be known to the analyzer with PreserveOrder optional and boolean", () => {
    const q = "datatable(a:int)[] | getschema | evaluate schema_merge";
    expect(analyze(`${q}()`)).toEqual([]);
    expect(analyze(`${q}(PreserveOrder = false)`)).toEqual([]);
    expect(analyze(`${q}(false)`)).toEqual([]);
    expect(analyze(`${q}(1)`).map((d) => d.message)).toEqual(["A value of type bool expected."]);
  });

  it("must add a column a later schema appends, at the ordinal it has there", () => {
    expect(
      json(`${schemas("Id:long, Name:string", "Id:long, Name:string, Score:real")} | evaluate schema_merge()`),
    ).toEqual([
      { ColumnName: "Id", ColumnOrdinal: 0, DataType: "System.Int64", ColumnType: "long" },
      { ColumnName: "Name", ColumnOrdinal: 1, DataType: "System.String", ColumnType: "string" },
      { ColumnName: "Score", ColumnOrdinal: 2, DataType: "System.Double", ColumnType: "real" },
    ]);
  });

  it("must list a schema repeated in the input once", () => {
    expect(json(`${schemas("k:guid, t:datetime", "k:guid, t:datetime")} | evaluate schema_merge(true)`)).toEqual([
      { ColumnName: "k", ColumnOrdinal: 0, DataType: "System.Guid", ColumnType: "guid" },
      { ColumnName: "t", ColumnOrdinal: 1, DataType: "System.DateTime", ColumnType: "datetime" },
    ]);
  });

  it("must make a column moved by a later schema an error row listed after the ordered columns", () => {
    // B is at 1 in the first schema and 2 in the second; C first appears at 1, which B no longer holds.
    const q = `${schemas("A:int, B:string", "A:int, C:bool, B:string")} | evaluate schema_merge`;
    const expected = [
      { ColumnName: "A", ColumnOrdinal: 0, DataType: "System.Int32", ColumnType: "int" },
      { ColumnName: "C", ColumnOrdinal: 1, DataType: "System.SByte", ColumnType: "bool" },
      { ColumnName: "B", ...outOfOrder },
    ];
    expect(json(`${q}()`)).toEqual(expected);
    expect(json(`${q}(PreserveOrder = true)`)).toEqual(expected);
  });

  it("must list several error rows in the order their columns first appeared", () => {
    // The third schema swaps X (first at 0) and Y (first at 1): both move, nothing keeps an ordinal.
    expect(json(`${schemas("X:string", "X:string, Y:long", "Y:long, X:string")} | evaluate schema_merge()`)).toEqual([
      { ColumnName: "X", ...outOfOrder },
      { ColumnName: "Y", ...outOfOrder },
    ]);
  });

  it("must merge without PreserveOrder when every column keeps its ordinal", () => {
    expect(
      json(`${schemas("A:timespan", "A:timespan, B:decimal")} | evaluate schema_merge(PreserveOrder = false)`),
    ).toEqual([
      { ColumnName: "A", ColumnOrdinal: 0, DataType: "System.TimeSpan", ColumnType: "timespan" },
      { ColumnName: "B", ColumnOrdinal: 1, DataType: "System.Data.SqlTypes.SqlDecimal", ColumnType: "decimal" },
    ]);
  });

  it("must return no rows for no schemas", () => {
    expect(json("datatable(a:int)[] | getschema | where ColumnOrdinal > 5 | evaluate schema_merge()")).toEqual([]);
  });

  it("must refuse what the page leaves open, naming the column", () => {
    const moved = schemas("A:int, B:string", "A:int, C:bool, B:string");
    expect(() => run(`${moved} | evaluate schema_merge(PreserveOrder = false)`)).toThrow(
      /^unsupported: schema_merge: PreserveOrder=false with column B at ordinals 1 and 2 .* at 3:/,
    );
    expect(() => run(`${schemas("A:int", "A:long")} | evaluate schema_merge()`)).toThrow(
      /^unsupported: schema_merge: column A is int in one schema and long in another/,
    );
    expect(() => run(`${schemas("A:int, B:int", "A:int, C:int")} | evaluate schema_merge()`)).toThrow(
      /columns B and C both take ordinal 1/,
    );
    // B moves from 1 to 0, leaving A at 0 and C at 2 with nothing at 1.
    expect(() => run(`${schemas("A:int, B:int, C:int", "B:int")} | evaluate schema_merge()`)).toThrow(
      /no merged column takes ordinal 1/,
    );
  });

  it("must refuse input not in getschema's form, saying what getschema gives", () => {
    expect(() => run("print x = 1 | evaluate schema_merge()")).toThrow(/schema_merge input without column ColumnName/);
    const rows = (r: string) =>
      `datatable(ColumnName:string, ColumnOrdinal:int, DataType:string, ColumnType:string)[${r}] | evaluate schema_merge()`;
    expect(() => run(rows('"a", 1, "System.Int32", "int"'))).toThrow(/input row 1: ColumnOrdinal 1 does not follow/);
    expect(() => run(rows('"a", 0, "System.Int32", "int", "a", 1, "System.Int32", "int"'))).toThrow(
      /input row 2: column a appears twice in one schema/,
    );
    expect(() => run(rows('"", 0, "System.Int32", "int"'))).toThrow(
      /input row 1: ColumnName must be a non-empty string/,
    );
  });
});

describe("splitSchemas and mergeSchemas", () => {
  it("must start a schema at each ordinal 0", () => {
    const row = (ColumnName: string, ColumnOrdinal: number) => ({
      ColumnName,
      ColumnOrdinal,
      DataType: "T.int",
      ColumnType: "int",
    });
    expect(splitSchemas([row("a", 0), row("b", 1), row("a", 0)])).toEqual([
      [col("a", 0, "int"), col("b", 1, "int")],
      [col("a", 0, "int")],
    ]);
  });

  it("must refuse one Kusto type given under two CLR names, showing both", () => {
    expect(() =>
      mergeSchemas([[col("p", 0, "int")], [{ ...col("p", 0, "int"), dataType: "Other.int" }]], true),
    ).toThrow("column p is int (T.int) in one schema and int (Other.int) in another");
  });

  it("must keep the first schema's ordinal for a column every schema places alike", () => {
    expect(mergeSchemas([[col("p", 0, "int")], [col("p", 0, "int"), col("q", 1, "string")]], true)).toEqual([
      col("p", 0, "int"),
      col("q", 1, "string"),
    ]);
  });
});
