// The ACS workspace as the KQL engine sees it: the three resource tables and the saved functions. The engine itself
// knows no tables; every caller that queries ACS data hands it this catalog.
import { kqlFunctionDefs } from "../functions";
import type { Catalog, KqlFunctionDef, TableSchema } from "../kusto/types";
import { tables } from "./tables";

export const acsTables: readonly TableSchema[] = tables.map((t) => ({
  name: t.name,
  description: t.description,
  columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
}));

/** The ACS tables with the shipped saved functions. */
export const acsCatalog: Catalog = { tables: acsTables, functions: kqlFunctionDefs };

/** The ACS tables with another set of functions (a variant of the saved functions, or a function under test). */
export function acsCatalogWith(functions: readonly KqlFunctionDef[]): Catalog {
  return { tables: acsTables, functions };
}
