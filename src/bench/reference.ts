// The whole-process reference: what a user would write by hand instead of the CLI, as in issue 11 (read the NDJSON
// line by line with readline, JSON.parse each line, aggregate). Written to the bench folder and run with plain node;
// it prints the CLI's --format json rows so the two outputs are compared, and reports its own peak RSS and CPU.
export const referenceScript = String.raw`"use strict";
const fs = require("fs");
const readline = require("readline");
const [shape, dir, fromIso, toIso] = process.argv.slice(2);
const DAY = 86400000;
const iso7 = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, millis) => "." + millis + "0000Z");

async function each(file, fn) {
  const lines = readline.createInterface({ input: fs.createReadStream(dir + "/" + file), crlfDelay: Infinity });
  for await (const line of lines) if (line) fn(JSON.parse(line));
}

function p95(values) {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return values[Math.min(values.length, Math.max(1, Math.ceil(0.95 * values.length))) - 1];
}

async function summarize() {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  const groups = new Map();
  await each("summaries/ACSCallRecordingSummary.jsonl", (r) => {
    const t = Date.parse(r.TimeGenerated);
    if (!(t >= from && t <= to)) return;
    const bin = Math.floor(t / DAY) * DAY;
    const key = bin + "|" + r.ContentType;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { bin, type: r.ContentType, count: 0, sum: 0, values: [] }));
    g.count++;
    if (typeof r.RecordingLength === "number") {
      g.sum += r.RecordingLength;
      g.values.push(r.RecordingLength);
    }
  });
  return [...groups.values()].map((g) => ({ TimeGenerated: iso7(g.bin), ContentType: g.type, count_: g.count, sum_RecordingLength: g.values.length ? g.sum : null, percentile_RecordingLength_95: p95(g.values) }));
}

async function join() {
  const byCall = new Map();
  await each("summaries/ACSCallRecordingSummary.jsonl", (s) => {
    const list = byCall.get(s.CorrelationId);
    const kept = { ContentType: s.ContentType, RecordingLength: s.RecordingLength };
    if (list) list.push(kept);
    else byCall.set(s.CorrelationId, [kept]);
  });
  const groups = new Map();
  await each("operations/ACSCallRecordingIncomingOperations.jsonl", (o) => {
    if (o.OperationName !== "StartCallRecording") return;
    for (const s of byCall.get(o.CorrelationId) || []) {
      const key = o.ResultType + "|" + s.ContentType;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { ResultType: o.ResultType, ContentType: s.ContentType, count_: 0, sum_RecordingLength: 0 }));
      g.count_++;
      g.sum_RecordingLength += s.RecordingLength;
    }
  });
  return [...groups.values()];
}

async function distinct() {
  const calls = new Map();
  await each("summaries/ACSCallRecordingSummary.jsonl", (r) => {
    let c = calls.get(r.CorrelationId);
    if (!c) calls.set(r.CorrelationId, (c = { recordings: 0, formats: new Set(), reasons: new Set() }));
    c.recordings++;
    if (r.FormatType != null) c.formats.add(r.FormatType);
    if (r.RecordingEndReason != null) c.reasons.add(r.RecordingEndReason);
  });
  let multiFormat = 0, maxReasons = 0, recordings = 0;
  for (const c of calls.values()) {
    if (c.formats.size > 1) multiFormat++;
    maxReasons = Math.max(maxReasons, c.reasons.size);
    recordings += c.recordings;
  }
  return [{ calls: calls.size, multiFormat, maxReasons, recordings }];
}

const run = { summarize, join, "dcount/make_set": distinct }[shape];
run().then((rows) => {
  process.stdout.write(JSON.stringify(rows) + "\n");
  const usage = process.cpuUsage();
  if (process.env.ACS_INSIGHTS_PEAK_FILE) fs.writeFileSync(process.env.ACS_INSIGHTS_PEAK_FILE, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuMs: (usage.user + usage.system) / 1000 }));
});
`;
