// Reads a built workbook: every item in document order, with the tab it sits in, and every parameter it declares.
import type { Item, Parameter, QueryItem, Workbook } from "./types";

export interface PlacedItem {
  readonly item: Item;
  /** The subTarget of the tab whose group holds the item, if any. */
  readonly tab?: string;
}

export function allItems(workbook: Workbook): PlacedItem[] {
  const out: PlacedItem[] = [];
  const visit = (items: readonly Item[], tab: string | undefined) => {
    for (const item of items) {
      out.push({ item, tab });
      if (item.type === 12) visit(item.content.items, item.conditionalVisibility?.value ?? tab);
    }
  };
  visit(workbook.items, undefined);
  return out;
}

export function queryItems(workbook: Workbook): QueryItem[] {
  return allItems(workbook)
    .map((p) => p.item)
    .filter((i): i is QueryItem => i.type === 3);
}

export function declaredParameters(workbook: Workbook): Parameter[] {
  return allItems(workbook).flatMap((p) => (p.item.type === 9 ? p.item.content.parameters : []));
}

/** Parameters set by something other than a parameters item: grid selections and tab strips. */
export function implicitParameters(workbook: Workbook): { name: string; defaultValue: string }[] {
  const out: { name: string; defaultValue: string }[] = [];
  for (const { item } of allItems(workbook)) {
    if (item.type === 3 && item.content.exportParameterName) {
      out.push({ name: item.content.exportParameterName, defaultValue: item.content.exportDefaultValue ?? "" });
    }
    // Several charts may set one parameter (two time charts open the same bin grid): list it once.
    if (item.type === 3)
      for (const e of item.content.exportedParameters ?? [])
        if (!out.some((o) => o.name === e.parameterName))
          out.push({ name: e.parameterName, defaultValue: e.defaultValue });
    if (item.type === 11 && item.content.links.length > 0) {
      out.push({ name: item.content.links[0].cellValue, defaultValue: item.content.links[0].subTarget });
    }
  }
  return out;
}
