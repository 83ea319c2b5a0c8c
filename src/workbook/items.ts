// Typed builders for workbook items; they fill in the boilerplate the portal expects so content files stay short.
import { createHash } from "node:crypto";
import {
  type ConditionalVisibility,
  type DropdownParameter,
  type GridSettings,
  type GroupItem,
  type Item,
  ItemSize,
  type LinksItem,
  type Parameter,
  type ParametersItem,
  type QueryItem,
  type ResourceParameter,
  type TextItem,
  type TextParameter,
  type TileSettings,
  type TimeRangeParameter,
  type Visualization,
  workspaceResourceType,
} from "./types";

const itemName = /^[a-z][a-z0-9-]*$/;

function checkName(name: string): string {
  if (!itemName.test(name))
    throw new Error(`workbook item name "${name}" must be lower-case kebab-case (letters, digits, "-")`);
  return name;
}

/** A stable GUID from a name (UUID v5 layout over SHA-1), so ids do not change between builds. */
export function stableId(name: string): string {
  const hash = createHash("sha1").update(`acs-call-recording-workbook:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function markdown(
  name: string,
  text: string,
  options: { width?: number; visibleWhen?: ConditionalVisibility } = {},
): TextItem {
  return {
    type: 1,
    name: checkName(name),
    content: { json: text },
    ...(options.width ? { customWidth: String(options.width) } : {}),
    ...(options.visibleWhen ? { conditionalVisibility: options.visibleWhen } : {}),
  };
}

export interface QueryOptions {
  title: string;
  kql: string;
  visualization: Visualization;
  noDataMessage: string;
  size?: ItemSize;
  /** Percentage of the row the item takes. */
  width?: number;
  gridSettings?: GridSettings;
  tileSettings?: TileSettings;
  chartSettings?: Record<string, unknown>;
  /** A grid column whose value in the selected row becomes a parameter. */
  exportParameter?: { field: string; parameter: string; defaultValue: string };
  /** Chart click-through: which field of the clicked point sets which parameter (default value ""). */
  exports?: readonly { field: "x" | "series"; parameter: string }[];
  visibleWhen?: ConditionalVisibility;
}

/** No timeContext on purpose: the range is set in the query ({TimeRange:start}), so the overview can also read the period before it. */
export function query(name: string, o: QueryOptions): QueryItem {
  return {
    type: 3,
    name: checkName(name),
    content: {
      version: "KqlItem/1.0",
      query: o.kql.trim(),
      size: o.size ?? ItemSize.Medium,
      title: o.title,
      noDataMessage: o.noDataMessage,
      queryType: 0,
      resourceType: workspaceResourceType,
      crossComponentResources: ["{Workspace}"],
      visualization: o.visualization,
      ...(o.gridSettings ? { gridSettings: o.gridSettings } : {}),
      ...(o.tileSettings ? { tileSettings: o.tileSettings } : {}),
      ...(o.chartSettings ? { chartSettings: o.chartSettings } : {}),
      ...(o.exports
        ? {
            exportedParameters: o.exports.map((e) => ({
              fieldName: e.field,
              parameterName: e.parameter,
              parameterType: 1 as const,
              defaultValue: "",
            })),
          }
        : {}),
      ...(o.exportParameter
        ? {
            exportFieldName: o.exportParameter.field,
            exportParameterName: o.exportParameter.parameter,
            exportDefaultValue: o.exportParameter.defaultValue,
          }
        : {}),
    },
    ...(o.width ? { customWidth: String(o.width) } : {}),
    ...(o.visibleWhen ? { conditionalVisibility: o.visibleWhen } : {}),
  };
}

/** The fields every workbook parameter starts with, in the order the portal writes them. */
function parameterHead(name: string, label: string, description?: string) {
  return {
    id: stableId(`param:${name}`),
    version: "KqlParameterItem/1.0" as const,
    name,
    label,
    ...(description !== undefined ? { description } : {}),
  };
}

/** Type 5 picker over the workbook's own resources (fallbackResourceIds), defaulting to the first. */
export function workspaceParameter(name: string, label: string): ResourceParameter {
  return {
    ...parameterHead(
      name,
      label,
      "The Log Analytics workspace that receives the Communication Services diagnostic logs.",
    ),
    isRequired: true,
    type: 5,
    typeSettings: {
      resourceTypeFilter: { [workspaceResourceType]: true },
      additionalResourceOptions: ["value::1"],
      showDefault: false,
    },
    value: "value::1",
  };
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** What the time picker offers: 5 minutes to 90 days. */
export const selectableDurationsMs: readonly number[] = [
  // Microsoft's Overview workbook offers the same list (its time_range parameter), 28 days included.
  5 * minute,
  15 * minute,
  30 * minute,
  hour,
  4 * hour,
  12 * hour,
  day,
  2 * day,
  3 * day,
  7 * day,
  14 * day,
  28 * day,
  30 * day,
  60 * day,
  90 * day,
];

export function timeRangeParameter(name: string, label: string, defaultMs: number): TimeRangeParameter {
  if (!selectableDurationsMs.includes(defaultMs))
    throw new Error(`time range default ${defaultMs} ms must be one of the selectable durations`);
  return {
    ...parameterHead(name, label),
    isRequired: true,
    type: 4,
    value: { durationMs: defaultMs },
    typeSettings: { selectableValues: selectableDurationsMs.map((durationMs) => ({ durationMs })), allowCustom: true },
  };
}

/** A free-text parameter with a default; queries read it with {Name:escape} inside a string literal. */
export function textParameter(name: string, label: string, value: string, description: string): TextParameter {
  return {
    ...parameterHead(name, label, description),
    isRequired: false,
    type: 1,
    value,
  };
}

/** Single-select dropdown over a fixed list; the entry marked selected is the default. */
export function staticDropdown(
  name: string,
  label: string,
  choices: readonly { value: string; label: string; selected?: boolean }[],
  description?: string,
): DropdownParameter {
  if (choices.filter((c) => c.selected).length !== 1)
    throw new Error(`dropdown ${name} must mark exactly one choice as selected`);
  return {
    ...parameterHead(name, label, description || undefined),
    isRequired: true,
    type: 2,
    jsonData: JSON.stringify(
      choices.map((c) =>
        c.selected ? { value: c.value, label: c.label, selected: true } : { value: c.value, label: c.label },
      ),
    ),
    typeSettings: { additionalResourceOptions: [], showDefault: false },
  };
}

/** Single-select dropdown filled by a KQL query (columns value, label), with a fixed default value. */
export function queryDropdown(
  name: string,
  label: string,
  kql: string,
  description: string,
  value: string,
): DropdownParameter {
  return {
    ...parameterHead(name, label, description),
    isRequired: true,
    type: 2,
    query: kql.trim(),
    queryType: 0,
    resourceType: workspaceResourceType,
    crossComponentResources: ["{Workspace}"],
    typeSettings: { additionalResourceOptions: [], showDefault: false },
    value,
  };
}

/**
 * Multi-select dropdown filled by a KQL query, each value in double quotes (valid in both KQL and JSON dynamic literals), joined with ",";
 * "All" (the default) formats as an empty string, so `dynamic([{Name}])` becomes `dynamic([])`.
 */
export function multiSelectDropdown(name: string, label: string, kql: string, description: string): DropdownParameter {
  return {
    ...parameterHead(name, label, description),
    isRequired: false,
    type: 2,
    multiSelect: true,
    quote: '"',
    delimiter: ",",
    query: kql.trim(),
    queryType: 0,
    resourceType: workspaceResourceType,
    crossComponentResources: ["{Workspace}"],
    typeSettings: { additionalResourceOptions: ["value::all"], selectAllValue: "", showDefault: false },
    defaultValue: "value::all",
    value: ["value::all"],
  };
}

export function parameters(name: string, params: readonly Parameter[]): ParametersItem {
  const names = params.map((p) => p.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`parameter ${duplicate} is declared twice in ${name}`);
  return {
    type: 9,
    name: checkName(name),
    content: {
      version: "KqlParameterItem/1.0",
      crossComponentResources: ["{Workspace}"],
      parameters: params,
      style: "pills",
      queryType: 0,
      resourceType: workspaceResourceType,
    },
  };
}

export interface Tab {
  key: string;
  label: string;
  items: readonly Item[];
}

/** A tab strip (type 11) that sets `parameter`, followed by one group (type 12) per tab shown only when selected. */
export function tabs(name: string, parameter: string, list: readonly Tab[]): Item[] {
  const strip: LinksItem = {
    type: 11,
    name: checkName(name),
    content: {
      version: "LinkItem/1.0",
      style: "tabs",
      links: list.map((t) => ({
        id: stableId(`tab:${t.key}`),
        cellValue: parameter,
        linkTarget: "parameter",
        linkLabel: t.label,
        subTarget: t.key,
        style: "link",
      })),
    },
  };
  const groups = list.map(
    (t): GroupItem =>
      group(`tab-${t.key}`, t.items, { parameterName: parameter, comparison: "isEqualTo", value: t.key }),
  );
  return [strip, ...groups];
}

export function group(name: string, items: readonly Item[], visibleWhen?: ConditionalVisibility): GroupItem {
  return {
    type: 12,
    name: checkName(name),
    content: { version: "NotebookGroup/1.0", groupType: "editable", items },
    ...(visibleWhen ? { conditionalVisibility: visibleWhen } : {}),
  };
}
