import { beforeAll, describe, expect, it } from "vitest";
import { analyze, catalogWithData, type KqlFunctionDef, type TableSchema } from "../../src/kusto";
import { globalStateFor } from "../../src/kusto/analyzer";
import { kustoLanguage } from "../../src/kusto/kusto-language";
import { catalogQueries, warmUp } from "../../src/kusto/kusto-snapshot-warmup";

// A catalog of the caller's own: the engine declares exactly what it is given.
const Sales: TableSchema = {
  name: "Sales",
  columns: [
    { name: "Amount", type: "real" },
    { name: "Region", type: "string" },
  ],
};
const tables = [Sales];

describe("analyze", () => {
  beforeAll(() => {
    analyze("print 1");
  }, 60_000);

  it("must know no tables unless the caller declares them", () => {
    expect(analyze("print 1")).toEqual([]);
    expect(analyze("Sales | count")[0]).toMatchObject({ line: 1, column: 1, severity: "error" });
    expect(analyze("Sales | count", { tables })).toEqual([]);
  });

  it("must accept a valid query over a declared table", () => {
    expect(analyze("Sales\n| where Amount > 10\n| summarize count() by Region", { tables })).toEqual([]);
  });

  it("must report a misspelled column at its line and column", () => {
    // "Amuont" starts on line 2 after "| where " (8 chars), so column 9.
    const diags = analyze("Sales\n| where Amuont > 10", { tables });
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 2, column: 9, severity: "error" });
    expect(diags[0].message).toContain("Amuont");
  });

  it("must declare a column name that is not an identifier", () => {
    const odd: TableSchema = { name: "Odd", columns: [{ name: "event time", type: "datetime" }] };
    expect(analyze("Odd | project ['event time']", { tables: [odd] })).toEqual([]);
  });

  it("must report a call to a declared function whose body does not analyze, at the call", () => {
    const broken: KqlFunctionDef = { name: "Broken", parameters: [], body: "Sales | where NoSuchColumn > 1" };
    // The call starts on line 2 at column 1.
    const diags = analyze("print 1;\nBroken() | count", { tables, functions: [broken] }).filter((d) =>
      d.message.includes("Broken"),
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 2, column: 1, severity: "error" });
    expect(diags[0].message).toContain("NoSuchColumn");
  });

  it("must hand the binder a GlobalState with its binding cache, so a called body is bound once per call site", () => {
    // Without a KustoCache, Kusto.Language's binder creates a fresh one per analysis (Binder_API.cs WithCache()).
    const globals = globalStateFor({ tables });
    expect(globals.Cache).toBeTruthy();
    expect(globalStateFor({ tables })).toBe(globals);
  });

  it("must bind a function's body once per distinct call site in a process, past ten call sites", () => {
    const above: KqlFunctionDef = {
      name: "AboveOnce",
      parameters: [{ name: "min", type: "real" }],
      body: "Sales | where Amount >= min",
    };
    const texts = Array.from({ length: 12 }, (_, i) => `AboveOnce(${i}.5) | count`);
    const binder = kustoLanguage().Kusto.Language.Binding.Binder;
    const bind = binder.TryBindCalledFunctionBody;
    let binds = 0;
    binder.TryBindCalledFunctionBody = (...args: unknown[]) => {
      binds++;
      return bind.apply(binder, args);
    };
    try {
      for (const kql of texts) expect(analyze(kql, { tables, functions: [above] })).toEqual([]);
      // Twelve distinct constant arguments: the body is bound for each call site once...
      expect(binds).toBe(12);
      // ...and not again when the same texts are analysed a second time (the binder's default keeps only 10).
      for (const kql of texts) analyze(kql, { tables, functions: [above] });
      expect(binds).toBe(12);
    } finally {
      binder.TryBindCalledFunctionBody = bind;
    }
  });

  it("must bind a call to a declared function and reject it when undeclared", () => {
    const fn: KqlFunctionDef = {
      name: "Big",
      parameters: [{ name: "min", type: "real", defaultValue: "60.0" }],
      body: "Sales | where Amount >= min",
    };
    expect(analyze("Big() | project Region", { tables, functions: [fn] })).toEqual([]);
    expect(analyze("Big(10.0) | project Nope", { tables, functions: [fn] })[0].message).toContain("Nope");
    expect(analyze("Big() | project Region", { tables })[0].severity).toBe("error");
  });
});

describe("the startup snapshot's warm-up", () => {
  it("must analyse every warm-up query without an error, so it warms the paths a valid query takes", () => {
    const { Kusto, Bridge } = kustoLanguage();
    expect(warmUp(Kusto.Language, Bridge)).toEqual([]);
  });

  it("must report a warm-up query that does not analyze", () => {
    const { Kusto, Bridge } = kustoLanguage();
    const broken = [...catalogQueries, "EventsIn() | project NoSuchColumn"];
    expect(warmUp(Kusto.Language, Bridge, broken)).toEqual([expect.stringContaining("NoSuchColumn")]);
  });
});

describe("catalogWithData", () => {
  it("must declare the data tables the catalog lacks, keeping the catalog's own declaration", () => {
    const data = {
      Sales: { name: "Sales", columns: [{ name: "Other", type: "long" as const }], rows: [] },
      Extra: { name: "Extra", columns: [{ name: "x", type: "long" as const }], rows: [] },
    };
    const catalog = catalogWithData({ tables }, data);
    expect(catalog.tables?.map((t) => t.name)).toEqual(["Sales", "Extra"]);
    expect(catalog.tables?.[0]).toBe(Sales);
  });
});
