// The parameters every tab uses: workspace, time range, grain and the four multi-select filters.
import { normalEndReasons } from "../../functions";
import {
  multiSelectDropdown,
  parameters,
  queryDropdown,
  staticDropdown,
  textParameter,
  timeRangeParameter,
  workspaceParameter,
} from "../items";
import type { ParametersItem } from "../types";

const sevenDaysMs = 7 * 24 * 60 * 60 * 1000;

export function parametersItem(): ParametersItem {
  return parameters("parameters", [
    workspaceParameter("Workspace", "Workspace"),
    timeRangeParameter("TimeRange", "Time range", sevenDaysMs),
    queryDropdown(
      resourceParameter,
      "ACS resource",
      [
        "union",
        '    (print Value = "*", Label = "All ACS resources in this workspace", Order = 0),',
        "    (union",
        "        (ACSRecordings({TimeRange:start}, {TimeRange:end}) | distinct _ResourceId),",
        "        (ACSRecordingOperations({TimeRange:start}, {TimeRange:end}) | distinct _ResourceId)",
        "    | where isnotempty(_ResourceId)",
        "    | summarize by Value = tolower(_ResourceId)",
        "    | project Value, Label = extract('[^/]+$', 0, Value), Order = 1)",
        "| order by Order asc, Value asc",
        "| project Value, Label",
      ].join("\n"),
      "The Communication Services resource whose logs to show (its _ResourceId); All shows every resource sending to this workspace. Deployed by the stack, it defaults to the stack's ACS resource.",
      allResources,
    ),
    staticDropdown(
      "TimeGrain",
      "Time granularity",
      [
        { value: "0", label: "Auto", selected: true },
        { value: "1", label: "1 minute" },
        { value: "5", label: "5 minutes" },
        { value: "10", label: "10 minutes" },
        { value: "15", label: "15 minutes" },
        { value: "30", label: "30 minutes" },
        { value: "60", label: "1 hour" },
        { value: "120", label: "2 hours" },
        { value: "240", label: "4 hours" },
        { value: "720", label: "12 hours" },
        { value: "1440", label: "1 day" },
        { value: "2880", label: "2 days" },
        { value: "4320", label: "3 days" },
        { value: "10080", label: "7 days" },
      ],
      "Width of the time bins in charts (bins start at UTC midnight multiples); Auto picks at most 48 bins for the time range.",
    ),
    multiSelectDropdown(
      "ContentType",
      "Content type",
      "ACSRecordings({TimeRange:start}, {TimeRange:end}, resourceid = '{Resource:escape}')\n| where isnotempty(ContentType)\n| distinct ContentType\n| order by ContentType asc",
      "Recording content (Audio, AudioVideo, ...); All applies no filter.",
    ),
    multiSelectDropdown(
      "FormatType",
      "Format",
      "ACSRecordings({TimeRange:start}, {TimeRange:end}, resourceid = '{Resource:escape}')\n| where isnotempty(FormatType)\n| distinct FormatType\n| order by FormatType asc",
      "Recording file format (mp4, wav, mp3); All applies no filter.",
    ),
    multiSelectDropdown(
      "ChannelType",
      "Channel type",
      "ACSRecordings({TimeRange:start}, {TimeRange:end}, resourceid = '{Resource:escape}')\n| where isnotempty(ChannelType)\n| distinct ChannelType\n| order by ChannelType asc",
      "Mixed or unmixed audio channels; All applies no filter.",
    ),
    multiSelectDropdown(
      "Operation",
      "Operation",
      "ACSRecordingOperations({TimeRange:start}, {TimeRange:end}, resourceid = '{Resource:escape}')\n| where isnotempty(OperationName)\n| distinct OperationName\n| order by OperationName asc",
      "The Call Recording API operations found in the time range, each spelling (StartRecording, StartCallRecording, ...) shown under its normalised <Verb>CallRecording name; applies to the Overview failure rate and the Operations tab.",
    ),
    textParameter(
      normalEndReasonsParameter,
      "Normal end reasons",
      normalEndReasons.join(", "),
      "RecordingEndReason values that count as a normal end, comma-separated; any other reason is an abnormal end. " +
        "The default is the stack setting recording.normalEndReasons (shipped: the reasons Microsoft documents, CallEnded and InitiatorLeft).",
    ),
  ]);
}

export const normalEndReasonsParameter = "NormalEndReasons";
export const resourceParameter = "Resource";
/** The Resource value that applies no resource filter, as the saved functions read it. */
export const allResources = "*";
