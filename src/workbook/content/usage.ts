// Usage tab: billed recording quantity over time, from the Usage category.
import { markdown, query } from "../items";
import { type Item } from "../types";
import { grain, kql, noUsage, timeWindow, zeroFilled } from "./common";

const usage = "ACSRecordingUsage(starttime, endtime, grain, dynamic([]), resourceid = resourceid)";

export function usageTab(): Item[] {
  return [
    markdown(
      "usage-help",
      "Billed recording usage from **Usage** (ACSBillingUsage), binned by the time granularity. " +
        "If this tab is empty, send the Usage diagnostic category to the workspace.",
    ),
    query("usage-over-time", {
      title: "Quantity by usage type and unit per time bin (UTC)",
      kql: kql(timeWindow, grain, usage, '| extend Usage = strcat(UsageType, " (", UnitType, ")")', ...zeroFilled([{ name: "Quantity", aggregate: "sum(Quantity)", type: "real" }], "Usage")),
      visualization: "timechart",
      width: 60,
      noDataMessage: noUsage,
    }),
    query("usage-totals", {
      title: "Totals",
      kql: kql(timeWindow, grain, usage, "| summarize Quantity = round(sum(Quantity), 3), Records = sum(Records) by UsageType, UnitType", "| order by Quantity desc"),
      visualization: "table",
      width: 40,
      noDataMessage: noUsage,
    }),
  ];
}
