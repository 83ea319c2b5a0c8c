// Usage tab: billed quantity of the picked usage types over time, from the Usage category.
import { markdown, multiSelectDropdown, parameters, query } from "../items";
import type { Item } from "../types";
import { grain, kql, noUsage, timeWindow, zeroFilled } from "./common";

const usageTypeFilter = "let usagetypes = dynamic([{UsageType}]);";
const usage = (timegrain: string) =>
  `ACSRecordingUsage(starttime, endtime, ${timegrain}, usagetypes, resourceid = resourceid)`;

export function usageTab(): Item[] {
  return [
    markdown(
      "usage-help",
      "What the resource was **billed** for, from the **Usage** category (ACSBillingUsage): every usage type, not only recording " +
        "(CallRecording is recording; CallingAudio, CallingVideo, SMS and others are other services). Pick usage types below. " +
        "Quantity is in each type's own unit; Records counts distinct usage records (dcount of RecordId, as Microsoft's usage queries do). " +
        "If this tab is empty, send the Usage diagnostic category to the workspace.",
    ),
    parameters("usage-parameters", [
      multiSelectDropdown(
        "UsageType",
        "Usage type",
        "ACSRecordingUsage({TimeRange:start}, {TimeRange:end}, 0s, resourceid = '{Resource:escape}')\n| distinct UsageType\n| order by UsageType asc",
        "Billed usage types found in the time range (CallRecording for recording); All applies no filter.",
      ),
    ]),
    query("usage-over-time", {
      title: "Quantity by usage type and unit per time bin (UTC), largest 10",
      kql: kql(
        timeWindow,
        grain,
        usageTypeFilter,
        usage("grain"),
        '| extend Usage = strcat(UsageType, " (", UnitType, ")")',
        ...zeroFilled([{ name: "Quantity", aggregate: "sum(Quantity)", type: "real" }], "Usage"),
      ),
      visualization: "timechart",
      width: 60,
      noDataMessage: noUsage,
    }),
    query("usage-totals", {
      title: "Totals over the time range",
      // One bin for the whole range, so a record is counted once even where per-bin counts would repeat it.
      kql: kql(
        timeWindow,
        usageTypeFilter,
        usage("0s"),
        "| project UsageType, UnitType, Quantity = round(Quantity, 3), Records",
        "| order by Quantity desc",
      ),
      visualization: "table",
      width: 40,
      noDataMessage: noUsage,
    }),
  ];
}
