import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { type AlertKey, alertRule, evaluateAlert } from "../../src/alerts";
import { loadDataDir, tablesFromRows } from "../../src/data";

// Each fixture folder's README works out these numbers row by row; now is fixed so ago() windows are too.
const now = Date.parse("2026-01-15T12:00:00Z");
const fixtures = path.resolve(__dirname, "..", "fixtures", "alerts");

function run(key: AlertKey, set: "fire" | "quiet", options: { threshold?: number; windowMinutes?: number } = {}) {
  const result = evaluateAlert(alertRule(key), options, loadDataDir(path.join(fixtures, key, set)), now);
  const bySplit = [...result.measured].sort((a, b) =>
    JSON.stringify(a.dimensions).localeCompare(JSON.stringify(b.dimensions)),
  );
  return { ...result, bySplit };
}

const values = (r: ReturnType<typeof run>) =>
  r.bySplit.map((s) => [s.dimensions.OperationName ?? "", s.value, s.fired]);

describe("operation-failures (failure rate % per operation > 10 over 60 min)", () => {
  it("must fire on 2 failed starts of 8, and on no other operation", () => {
    // Start 2/8 = 25 %; Stop 1/10 = 10 % is not above 10; Pause 0/4 = 0 %
    const r = run("operation-failures", "fire");
    expect(values(r)).toEqual([
      ["PauseCallRecording", 0, false],
      ["StartCallRecording", 25, true],
      ["StopCallRecording", 10, false],
    ]);
    expect(r.fired).toBe(true);
  });

  it("must stay quiet at exactly 10 %, with an older failure burst outside the window", () => {
    // Start 1/10 = 10 %; Stop 0/5 = 0 %; the 5 failed starts at 10:30-10:50 are before 11:00
    const r = run("operation-failures", "quiet");
    expect(values(r)).toEqual([
      ["StartCallRecording", 10, false],
      ["StopCallRecording", 0, false],
    ]);
    expect(r.fired).toBe(false);
  });

  it("must take the window from the options: 120 min takes in the failed start at 10:55", () => {
    // Start (2+1)/(8+1) = 33.333 % rounded to 33.33
    const r = run("operation-failures", "fire", { windowMinutes: 120 });
    expect(r.bySplit.find((s) => s.dimensions.OperationName === "StartCallRecording")?.value).toBe(33.33);
  });
});

describe("server-errors (5xx responses per operation > 0 over 15 min)", () => {
  it("must count the 5xx answers in the window per operation and fire", () => {
    // Start: 503 at 11:50 + 500 at 11:55 = 2 (the 500 at 11:40 is out); Stop: 502 at 11:58 = 1 (the 404 is a client error)
    const r = run("server-errors", "fire");
    expect(values(r)).toEqual([
      ["StartCallRecording", 2, true],
      ["StopCallRecording", 1, true],
    ]);
  });

  it("must stay quiet on 2xx and 4xx, with 5xx just before the window", () => {
    // 5xx only at 11:30 and 11:44:59, before 11:45: no rows, no split
    const r = run("server-errors", "quiet");
    expect(r.measured).toEqual([]);
    expect(r.fired).toBe(false);
  });
});

describe("abnormal-ends (share of not-normal end reasons > 20 % over 6 h)", () => {
  it("must fire at 2 abnormal ends of 5 recordings", () => {
    // 2/5 = 40 %; rec-0 at 05:00 is before 06:00
    const r = run("abnormal-ends", "fire");
    expect(r.measured.map((s) => s.value)).toEqual([40]);
    expect(r.fired).toBe(true);
  });

  it("must stay quiet at exactly 20 %", () => {
    // 2/10 = 20 %; the 3 abnormal ends at 04:00-04:20 are before 06:00
    const r = run("abnormal-ends", "quiet");
    expect(r.measured.map((s) => s.value)).toEqual([20]);
    expect(r.fired).toBe(false);
  });

  it("must fire the quiet set when the threshold is lowered below its share", () => {
    expect(run("abnormal-ends", "quiet", { threshold: 19.99 }).fired).toBe(true);
  });
});

describe("silent-summaries (recordings started, no summaries, over 6 h)", () => {
  it("must fire with 3 successful starts and no summary in the window", () => {
    // starts 07:00, 08:30, 10:15 count; the failed 09:00 start and the 11:30 start (in the 60 min grace) do not
    const r = run("silent-summaries", "fire");
    expect(r.measured.map((s) => s.value)).toEqual([3]);
    expect(r.fired).toBe(true);
  });

  it("must stay quiet once one summary arrived in the window", () => {
    // the 10:45 summary makes Summaries 1, so StartsWithoutSummaries is 0
    const r = run("silent-summaries", "quiet");
    expect(r.measured.map((s) => s.value)).toEqual([0]);
    expect(r.fired).toBe(false);
  });
});

describe("silent-usage (no usage rows for 24 h)", () => {
  it("must fire on 0 rows when the only usage is older than 24 h", () => {
    const r = run("silent-usage", "fire");
    expect(r.measured).toEqual([{ dimensions: {}, rows: 0, value: 0, fired: true }]);
    expect(r.fired).toBe(true);
  });

  it("must stay quiet with usage in two hourly bins", () => {
    // 03:10 + 03:40 Recording -> one 03:00 bin; 09:05 PSTN -> one 09:00 bin: 2 rows, not below 1
    const r = run("silent-usage", "quiet");
    expect(r.measured.map((s) => s.value)).toEqual([2]);
    expect(r.fired).toBe(false);
  });
});

describe("start-latency (p95 of StartCallRecording DurationMs > 2000 ms over 60 min)", () => {
  it("must fire on a nearest-rank p95 of 2800 ms", () => {
    // 20 starts sorted: 17 x 200, 2600, 2800, 5000; rank ceil(0.95 x 20) = 19 -> 2800
    const r = run("start-latency", "fire");
    expect(r.measured.map((s) => s.value)).toEqual([2800]);
    expect(r.fired).toBe(true);
  });

  it("must stay quiet when one outlier sits above p95", () => {
    // 10 x 400, 8 x 800, 1500, 9000; rank 19 -> 1500
    const r = run("start-latency", "quiet");
    expect(r.measured.map((s) => s.value)).toEqual([1500]);
    expect(r.fired).toBe(false);
  });

  it("must stay quiet on the firing set when the threshold is raised to 3000 ms", () => {
    expect(run("start-latency", "fire", { threshold: 3000 }).fired).toBe(false);
  });
});

describe("alerts on a workspace with no rows at all", () => {
  it.each(["operation-failures", "server-errors", "abnormal-ends", "silent-summaries", "start-latency"] as const)(
    "%s must stay quiet: no data is no failure",
    (key) => {
      expect(evaluateAlert(alertRule(key), {}, tablesFromRows({}), now).fired).toBe(false);
    },
  );

  it("silent-usage must fire: no usage for 24 h is what it watches for", () => {
    expect(evaluateAlert(alertRule("silent-usage"), {}, tablesFromRows({}), now).fired).toBe(true);
  });
});

describe("evaluateAlert inputs", () => {
  const tables = loadDataDir(path.join(fixtures, "start-latency", "fire"));

  it("must accept now as a Date as well as epoch milliseconds", () => {
    expect(evaluateAlert(alertRule("start-latency"), {}, tables, new Date(now)).measured.map((s) => s.value)).toEqual([
      2800,
    ]);
  });

  it("must refuse a threshold that is not a finite number, naming the alert", () => {
    expect(() => evaluateAlert(alertRule("start-latency"), { threshold: Number.NaN }, tables, now)).toThrow(
      'alert "start-latency": threshold must be a finite number',
    );
  });

  it("must refuse an invalid now instead of evaluating against NaN", () => {
    expect(() => evaluateAlert(alertRule("start-latency"), {}, tables, new Date("not a date"))).toThrow(
      'alert "start-latency": now must be a valid time',
    );
  });
});
