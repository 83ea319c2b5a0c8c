// The value each parameter has when the workbook opens and nobody has touched a control.
import { autoGrainMs, type ParameterValue } from "./substitute";
import type { Parameter, Workbook } from "./types";
import { declaredParameters, implicitParameters } from "./walk";

export interface DefaultsOptions {
  /** "Now" for relative time ranges, epoch ms. */
  readonly nowMs: number;
  /** What {Workspace} resolves to; offline there is no resource id, only a label. */
  readonly workspace?: string;
  /** Overrides for parameters set by grid selections (e.g. the preview's simulated click). */
  readonly overrides?: Readonly<Record<string, ParameterValue>>;
}

function defaultOf(p: Parameter, o: DefaultsOptions): ParameterValue {
  switch (p.type) {
    case 4: {
      const duration = p.value.durationMs;
      return {
        kind: "timeRange",
        startMs: o.nowMs - duration,
        endMs: o.nowMs,
        relativeMs: duration,
        grainMs: autoGrainMs(duration),
      };
    }
    case 5:
      return { kind: "text", value: o.workspace ?? "" };
    case 1:
      return { kind: "text", value: p.value };
    case 2: {
      if (p.multiSelect) {
        const all = p.defaultValue === "value::all";
        if (!all) throw new Error(`multi-select parameter ${p.name} must default to All (defaultValue "value::all")`);
        return {
          kind: "multi",
          selected: "all",
          quote: p.quote ?? "'",
          delimiter: p.delimiter ?? ",",
          allValue: p.typeSettings.selectAllValue ?? "",
        };
      }
      if (p.query) {
        if (typeof p.value !== "string") throw new Error(`query dropdown ${p.name} needs a default value`);
        return { kind: "text", value: p.value };
      }
      const choices = JSON.parse(p.jsonData ?? "[]") as { value: string; selected?: boolean }[];
      const chosen = choices.find((c) => c.selected);
      if (!chosen) throw new Error(`dropdown ${p.name} has no selected default in its jsonData`);
      return { kind: "text", value: chosen.value };
    }
  }
}

export function defaultParameterValues(workbook: Workbook, options: DefaultsOptions): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const p of declaredParameters(workbook)) values[p.name] = defaultOf(p, options);
  for (const p of implicitParameters(workbook)) values[p.name] ??= { kind: "text", value: p.defaultValue };
  return { ...values, ...options.overrides };
}
