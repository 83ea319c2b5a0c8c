// The subset of the Azure Monitor workbook (Notebook/1.0) schema this package writes.

export const workspaceResourceType = "microsoft.operationalinsights/workspaces";

/** Query item sizes as the portal stores them. */
export enum ItemSize {
  Medium = 0,
  Small = 1,
  Large = 2,
  Tiny = 3,
  Full = 4,
}

export type Visualization =
  | "table"
  | "grid"
  | "tiles"
  | "timechart"
  | "barchart"
  | "piechart"
  | "areachart"
  | "linechart";

export interface ConditionalVisibility {
  readonly parameterName: string;
  readonly comparison: "isEqualTo" | "isNotEqualTo";
  readonly value: string;
}

export interface TextItem {
  readonly type: 1;
  readonly name: string;
  readonly content: { readonly json: string };
  readonly customWidth?: string;
  readonly conditionalVisibility?: ConditionalVisibility;
}

export interface GridColumnSetting {
  readonly columnMatch: string;
  readonly formatter: number;
  readonly formatOptions?: Readonly<Record<string, unknown>>;
  readonly numberFormat?: Readonly<Record<string, unknown>>;
}

export interface GridSettings {
  readonly formatters?: readonly GridColumnSetting[];
  readonly labelSettings?: readonly { readonly columnId: string; readonly label: string }[];
  readonly filter?: boolean;
  readonly rowLimit?: number;
  readonly sortBy?: readonly { readonly itemKey: string; readonly sortOrder: 1 | 2 }[];
}

export interface TileSettings {
  readonly titleContent: GridColumnSetting;
  readonly leftContent: GridColumnSetting;
  readonly secondaryContent?: GridColumnSetting;
  readonly showBorder: boolean;
  readonly size?: "auto" | "full";
}

export interface KqlQueryContent {
  readonly version: "KqlItem/1.0";
  readonly query: string;
  readonly size: ItemSize;
  readonly title: string;
  readonly noDataMessage: string;
  readonly queryType: 0;
  readonly resourceType: typeof workspaceResourceType;
  readonly crossComponentResources: readonly string[];
  readonly visualization: Visualization;
  readonly gridSettings?: GridSettings;
  readonly tileSettings?: TileSettings;
  readonly chartSettings?: Readonly<Record<string, unknown>>;
  readonly exportFieldName?: string;
  readonly exportParameterName?: string;
  readonly exportDefaultValue?: string;
  /** Chart click-through: the clicked point's field ("x" the category or time, "series" the slice or line) becomes a parameter. */
  readonly exportedParameters?: readonly ExportedParameter[];
}

export interface ExportedParameter {
  readonly fieldName: "x" | "series";
  readonly parameterName: string;
  readonly parameterType: 1;
  readonly defaultValue: string;
}

export interface QueryItem {
  readonly type: 3;
  readonly name: string;
  readonly content: KqlQueryContent;
  readonly customWidth?: string;
  readonly conditionalVisibility?: ConditionalVisibility;
}

interface ParameterBase {
  readonly id: string;
  readonly version: "KqlParameterItem/1.0";
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly isRequired: boolean;
}

/** Type 5: an Azure resource picker. */
export interface ResourceParameter extends ParameterBase {
  readonly type: 5;
  readonly typeSettings: {
    readonly resourceTypeFilter: Readonly<Record<string, true>>;
    readonly additionalResourceOptions: readonly string[];
    readonly showDefault: false;
  };
  /** "value::1": the first resource of the workbook's context (fallbackResourceIds when opened without one). */
  readonly value: string;
}

/** Type 1: free text, used verbatim (or :escape'd) in queries. */
export interface TextParameter extends ParameterBase {
  readonly type: 1;
  readonly value: string;
}

/** Type 4: a time range picker; durations in ms. */
export interface TimeRangeParameter extends ParameterBase {
  readonly type: 4;
  readonly value: { readonly durationMs: number };
  readonly typeSettings: {
    readonly selectableValues: readonly { readonly durationMs: number }[];
    readonly allowCustom: boolean;
  };
}

/** Type 2: a dropdown, static (jsonData) or filled by a KQL query. */
export interface DropdownParameter extends ParameterBase {
  readonly type: 2;
  readonly multiSelect?: true;
  readonly quote?: string;
  readonly delimiter?: string;
  readonly jsonData?: string;
  readonly query?: string;
  readonly queryType?: 0;
  readonly resourceType?: typeof workspaceResourceType;
  readonly crossComponentResources?: readonly string[];
  readonly typeSettings: {
    readonly additionalResourceOptions: readonly string[];
    readonly selectAllValue?: string;
    readonly showDefault: false;
  };
  readonly defaultValue?: string;
  readonly value?: string | readonly string[];
}

export type Parameter = ResourceParameter | TimeRangeParameter | DropdownParameter | TextParameter;

export interface ParametersItem {
  readonly type: 9;
  readonly name: string;
  readonly content: {
    readonly version: "KqlParameterItem/1.0";
    readonly crossComponentResources: readonly string[];
    readonly parameters: readonly Parameter[];
    readonly style: "pills" | "above";
    readonly queryType: 0;
    readonly resourceType: typeof workspaceResourceType;
  };
}

export interface TabLink {
  readonly id: string;
  readonly cellValue: string;
  readonly linkTarget: "parameter";
  readonly linkLabel: string;
  readonly subTarget: string;
  readonly style: "link";
}

export interface LinksItem {
  readonly type: 11;
  readonly name: string;
  readonly content: { readonly version: "LinkItem/1.0"; readonly style: "tabs"; readonly links: readonly TabLink[] };
}

export interface GroupItem {
  readonly type: 12;
  readonly name: string;
  readonly content: {
    readonly version: "NotebookGroup/1.0";
    readonly groupType: "editable";
    readonly title?: string;
    readonly items: readonly Item[];
  };
  readonly conditionalVisibility?: ConditionalVisibility;
}

export type Item = TextItem | QueryItem | ParametersItem | LinksItem | GroupItem;

export interface Workbook {
  readonly version: "Notebook/1.0";
  readonly items: readonly Item[];
  readonly isLocked: false;
  /** Resources the workbook falls back to when opened without a resource context; set to the workspace at deploy time. */
  readonly fallbackResourceIds: readonly string[];
  readonly $schema: string;
}
