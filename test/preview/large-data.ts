// A data set where every column holds 20,000 distinct values: the worst case for parameter chips, charts and grids.
import { tablesFromRows } from "../../src/data";
import type { Tables } from "../../src/kusto/types";

export const distinctValues = 20_000;
/** "Now" for the data: its rows spread over the 7 days before. */
export const largeNowMs = Date.UTC(2024, 4, 8);

export function largeTables(n = distinctValues): Tables {
  const start = largeNowMs - 7 * 86_400_000;
  const iso = (i: number) => new Date(start + Math.floor((i * 7 * 86_400_000) / n)).toISOString();
  const resource = (i: number) =>
    `/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/acs-${i}`;
  const range = Array.from({ length: n }, (_, i) => i);
  return tablesFromRows({
    ACSCallRecordingSummary: range.map((i) => ({
      _ResourceId: resource(i),
      TimeGenerated: iso(i),
      CorrelationId: `call-${i}`,
      RecordingId: `rec-${i}`,
      RecordingEndReason: `reason-${i}`,
      RecordingStartTime: iso(i),
      RecordingLength: i % 3600,
      ChunkCount: 1,
      ContentType: `content-${i}`,
      ChannelType: `channel-${i}`,
      FormatType: `format-${i}`,
      AudioChannelsCount: 1,
      ResultType: `result-${i}`,
      Level: "Informational",
    })),
    ACSCallRecordingIncomingOperations: range.map((i) => ({
      _ResourceId: resource(i),
      TimeGenerated: iso(i),
      CorrelationId: `call-${i}`,
      OperationName: `Operation${i}`,
      OperationVersion: `v${i}`,
      ResultType: i % 2 ? "Succeeded" : "Failed",
      ResultSignature: 200 + (i % 400),
      DurationMs: i % 5000,
      CallerIpAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      CallConnectionId: `conn-${i}`,
      ServerCallId: `server-${i}`,
      SdkType: `sdk-${i}`,
      SdkVersion: `1.${i}`,
      URI: `https://x/${i}`,
    })),
    ACSBillingUsage: range.map((i) => ({
      _ResourceId: resource(i),
      TimeGenerated: iso(i),
      CorrelationId: `call-${i}`,
      RecordId: `u-${i}`,
      UsageType: `usage-${i}`,
      UnitType: `unit-${i}`,
      Quantity: i % 100,
    })),
  });
}
