// Template for one call's timeline: recordings and API requests in time order.
import { z } from "zod";
import { kqlString } from "./kql-literals";
import { requiredId } from "./params";
import { datetimeColumn, stringColumn } from "./rows";
import { defineTemplate } from "./template";

export const callTimeline = defineTemplate({
  name: "callTimeline",
  description: "Every recording start/end and Call Recording API request of one call, in time order.",
  params: z.strictObject({ correlationId: requiredId }),
  row: z.strictObject({
    TimeGenerated: datetimeColumn,
    Source: stringColumn,
    Event: stringColumn,
    Detail: stringColumn,
    RecordingId: stringColumn,
    OperationName: stringColumn,
    ResultType: stringColumn,
  }),
  example: { correlationId: "00000000-0000-0000-0000-000000000000" },
  kql: (p) => `ACSRecordingCallTimeline(${kqlString(p.correlationId)})`,
});
