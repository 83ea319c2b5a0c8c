// Seeded generator of realistic rows for the three tables: the bundled sample data and the benchmark's volumes.
import {
  type BillingUsageRow,
  type IncomingOperationRow,
  type SummaryRow,
  type TableName,
  tables as tableDefs,
} from "../schema/tables";

export interface GenerateOptions {
  /** Any integer; the same seed and options give the same rows. */
  readonly seed: number;
  readonly calls: number;
  /** First possible call start, ISO 8601 or epoch ms. */
  readonly start: string | number;
  readonly days: number;
}

export interface GeneratedDataset {
  ACSCallRecordingSummary: SummaryRow[];
  ACSCallRecordingIncomingOperations: IncomingOperationRow[];
  ACSBillingUsage: BillingUsageRow[];
}

const resourceId =
  "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-ACS-RECORDING/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/ACS-RECORDING-SAMPLE";
const subscriptionId = "00000000-0000-0000-0000-000000000000";
const tenantId = "11111111-1111-1111-1111-111111111111";
const apiVersion = "2023-03-06";
// The normal end reasons Microsoft documents (recording summary log sample; RecordingFileStatusUpdated sessionEndReason),
// the shipped default of kql/ACSRecordings.kql (a test checks they agree).
export const generatedNormalEndReasons = ["CallEnded", "InitiatorLeft"] as const;
// Microsoft publishes no list of failure reasons; these stand for them, so the abnormal-end views have something to show.
export const generatedAbnormalEndReasons = ["RecordingFailed", "ServiceError", "MediaStreamingFailed"] as const;
/** Share of recordings that end abnormally, and of normal ends where the recording's initiator left before the call ended. */
export const abnormalEndShare = 0.04;
export const initiatorLeftShare = 0.2;
const sdks: readonly (readonly [string, string])[] = [
  ["dotnet", "1.2.0"],
  ["java", "1.2.1"],
  ["js", "1.2.0"],
  ["python", "1.2.0"],
];

// mulberry32: tiny, fast and good enough for test data.
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function emptyRow<N extends TableName>(name: N): Record<string, null> {
  const def = tableDefs.find((t) => t.name === name)!;
  return Object.fromEntries(def.columns.map((c) => [c.name, null]));
}

export function generateDataset(options: GenerateOptions): GeneratedDataset {
  const { seed, calls, days } = options;
  const start = typeof options.start === "number" ? options.start : Date.parse(options.start);
  if (!Number.isFinite(start))
    throw new Error(
      `generateDataset: start ${JSON.stringify(options.start)} is not a datetime; use ISO 8601 such as 2026-11-16T00:00:00Z`,
    );
  if (!Number.isInteger(calls) || calls < 0)
    throw new Error(`generateDataset: calls must be a whole number >= 0, got ${calls}`);
  if (!(days > 0)) throw new Error(`generateDataset: days must be > 0, got ${days}`);
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  // Eight hex digits per draw keeps the generator fast enough for the benchmark's millions of rows.
  const hex = (n: number) => {
    let out = "";
    while (out.length < n)
      out += Math.floor(rand() * 4294967296)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, n);
  };
  const guid = () => {
    const h = hex(30);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-a${h.slice(15, 18)}-${h.slice(18, 30)}`;
  };
  const base = {
    _ResourceId: resourceId,
    _SubscriptionId: subscriptionId,
    TenantId: tenantId,
    SourceSystem: "Azure",
    _IsBillable: "False",
  };
  const blankSummary = emptyRow("ACSCallRecordingSummary");
  const blankOperation = emptyRow("ACSCallRecordingIncomingOperations");
  const blankUsage = emptyRow("ACSBillingUsage");
  const out: GeneratedDataset = {
    ACSCallRecordingSummary: [],
    ACSCallRecordingIncomingOperations: [],
    ACSBillingUsage: [],
  };
  const spanMs = days * 86_400_000;

  const operation = (
    at: number,
    name: string,
    call: { correlationId: string; connectionId: string; serverCallId: string; sdk: readonly [string, string] },
    recordingId: string,
  ) => {
    const roll = rand();
    const status =
      roll < 0.03
        ? pick([500, 502, 503])
        : roll < 0.08
          ? pick([400, 404, 409])
          : name === "StartCallRecording"
            ? 200
            : 202;
    const action = name.replace("CallRecording", "").toLowerCase();
    out.ACSCallRecordingIncomingOperations.push({
      ...(blankOperation as unknown as IncomingOperationRow),
      ...base,
      TimeGenerated: at,
      Level: status >= 500 ? "Error" : status >= 400 ? "Warning" : "Informational",
      CorrelationId: call.correlationId,
      OperationName: name,
      OperationVersion: apiVersion,
      URI:
        name === "StartCallRecording"
          ? `https://acs-recording-sample.communication.azure.com/calling/recordings?api-version=${apiVersion}`
          : `https://acs-recording-sample.communication.azure.com/calling/recordings/${recordingId}:${action}?api-version=${apiVersion}`,
      ResultType: status < 400 ? "Succeeded" : "Failed",
      ResultSignature: status,
      DurationMs: Math.round(40 + rand() * 160 + (status >= 500 ? 2000 * rand() : 0)),
      CallerIpAddress: `203.0.113.${1 + Math.floor(rand() * 250)}`,
      CallConnectionId: call.connectionId,
      ServerCallId: call.serverCallId,
      SdkVersion: call.sdk[1],
      SdkType: call.sdk[0],
      Type: "ACSCallRecordingIncomingOperations",
      _BilledSize: 900,
    });
    return status < 400;
  };

  for (let c = 0; c < calls; c++) {
    const call = {
      correlationId: guid(),
      connectionId: guid(),
      serverCallId: `aHR0cHM6Ly9${hex(24)}`,
      sdk: pick(sdks),
    };
    const callStart = start + Math.floor(rand() * spanMs);
    let at = callStart;
    const recordings = rand() < 0.7 ? 1 : rand() < 0.67 ? 2 : 3;
    const video = rand() < 0.3;
    const unmixed = !video && rand() < 0.25;
    const format = video ? "mp4" : unmixed ? "wav" : pick(["wav", "mp3", "mp4"]);
    for (let r = 0; r < recordings; r++) {
      const recordingId = `eyJQbGF0Zm9ybUVuZHBvaW50SWQiOi${hex(40)}`;
      let started = operation(at, "StartCallRecording", call, recordingId);
      // A failed start is retried once after a short back-off, as clients do.
      if (!started) started = operation(at + 1500, "StartCallRecording", call, recordingId);
      if (!started) break;
      const recordingStart = at + 2000;
      const length =
        Math.round(
          Math.min(7200, Math.max(1, Math.exp(Math.log(180) + 1.1 * (rand() + rand() + rand() - 1.5)))) * 100,
        ) / 100;
      const recordingEnd = recordingStart + Math.round(length * 1000);
      if (rand() < 0.2) {
        operation(recordingStart + Math.round(length * 300), "PauseCallRecording", call, recordingId);
        operation(recordingStart + Math.round(length * 500), "ResumeCallRecording", call, recordingId);
      }
      const last = r === recordings - 1;
      if (!last) operation(recordingEnd, "StopCallRecording", call, recordingId);
      const abnormal = rand() < abnormalEndShare;
      const reason = abnormal
        ? pick(generatedAbnormalEndReasons)
        : rand() < initiatorLeftShare
          ? "InitiatorLeft"
          : "CallEnded";
      const ready = recordingEnd + 10_000 + Math.floor(rand() * 110_000);
      const summary: SummaryRow = {
        ...(blankSummary as unknown as SummaryRow),
        ...base,
        TimeGenerated: ready,
        OperationName: "RecordingSummary",
        CorrelationId: call.correlationId,
        ResultType: abnormal ? "Failed" : "Succeeded",
        Level: abnormal ? "Warning" : "Informational",
        RecordingId: recordingId,
        RecordingEndReason: reason,
        RecordingStartTime: recordingStart,
        RecordingLength: length,
        ChunkCount: Math.max(1, Math.ceil(length / 14_400)),
        ContentType: video ? "Audio - Video" : "Audio",
        ChannelType: unmixed ? "unmixed" : "mixed",
        FormatType: format,
        AudioChannelsCount: unmixed ? 2 + Math.floor(rand() * 4) : 1,
        Type: "ACSCallRecordingSummary",
        _BilledSize: 1200,
      };
      out.ACSCallRecordingSummary.push(summary);
      // Summary records are occasionally delivered twice; the functions keep the latest.
      if (rand() < 0.02) out.ACSCallRecordingSummary.push({ ...summary, TimeGenerated: ready + 60_000 });
      out.ACSBillingUsage.push({
        ...(blankUsage as unknown as BillingUsageRow),
        ...base,
        TimeGenerated: ready,
        CorrelationId: call.correlationId,
        OperationName: "CallRecording",
        OperationVersion: "1.0",
        Category: "Usage",
        RecordId: guid(),
        UsageType: "CallRecording",
        UnitType: "Minute",
        Quantity: Math.ceil(length / 60),
        StartTime: recordingStart,
        EndTime: recordingEnd,
        Type: "ACSBillingUsage",
        _BilledSize: 700,
      });
      at = recordingEnd + 5000 + Math.floor(rand() * 60_000);
    }
    const callEnd = at;
    const callMinutes = Math.max(1, Math.ceil((callEnd - callStart) / 60_000));
    out.ACSBillingUsage.push({
      ...(blankUsage as unknown as BillingUsageRow),
      ...base,
      TimeGenerated: callEnd + 30_000,
      CorrelationId: call.correlationId,
      OperationName: video ? "CallingVideo" : "CallingAudio",
      OperationVersion: "1.0",
      Category: "Usage",
      RecordId: guid(),
      UsageType: video ? "CallingVideo" : "CallingAudio",
      UnitType: "Minute",
      Quantity: callMinutes,
      StartTime: callStart,
      EndTime: callEnd,
      Type: "ACSBillingUsage",
      _BilledSize: 700,
    });
  }
  const byTime = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    ((a.TimeGenerated as number) ?? 0) - ((b.TimeGenerated as number) ?? 0);
  out.ACSCallRecordingSummary.sort(byTime);
  out.ACSCallRecordingIncomingOperations.sort(byTime);
  out.ACSBillingUsage.sort(byTime);
  return out;
}
