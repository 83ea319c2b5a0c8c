// Template over ACSBillingUsage: quantities per time bin, usage type and unit.
import { z } from "zod";
import { kqlDateTime, kqlStringArray, kqlTimespan } from "./kql-literals";
import { boundParam, filterList, timespanParam } from "./params";
import { bounds, endAfterStart } from "./recordings";
import { datetimeColumn, longColumn, realColumn, stringColumn } from "./rows";
import { defineTemplate } from "./template";

export const usage = defineTemplate({
  name: "usage",
  description: "Billed usage: summed quantity and record count per time bin, usage type and unit.",
  params: z
    .strictObject({
      startTime: boundParam.default(null),
      endTime: boundParam.default(null),
      timeGrain: timespanParam.prefault("1d"),
      usageTypes: filterList,
    })
    .superRefine(endAfterStart),
  row: z.strictObject({
    TimeGenerated: datetimeColumn,
    UsageType: stringColumn,
    UnitType: stringColumn,
    Quantity: realColumn,
    Records: longColumn,
  }),
  example: {},
  kql: (p) =>
    `ACSRecordingUsage(${kqlDateTime(p.startTime)}, ${kqlDateTime(p.endTime)}, ${kqlTimespan(p.timeGrain)}, ${kqlStringArray(p.usageTypes)})`,
  timeRange: bounds,
});
