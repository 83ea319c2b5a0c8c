// The stack setting recording.normalEndReasons: checked by the config schema, carried into the abnormal-ends alert.
import { describe, expect, it, vi } from "vitest";
import { alertRule } from "../../src/alerts/rules";
import { stackConfigSchema } from "../../src/config/schema";
import { run, scenario } from "./scenario";

vi.setConfig({ testTimeout: 60_000 });

const schema = stackConfigSchema([]);
const parse = (recording: unknown) => schema.safeParse({ location: "westeurope", environment: "dev", recording });

describe("recording.normalEndReasons in the stack config", () => {
  it("must be optional, so the saved functions' documented default applies", () => {
    const r = parse(undefined);
    expect(r.success && r.data.recording.normalEndReasons).toBeUndefined();
  });

  it("must accept a list of end reason names", () => {
    const r = parse({ normalEndReasons: ["CallEnded", "InitiatorLeft", "SessionEnded"] });
    expect(r.success && r.data.recording.normalEndReasons).toEqual(["CallEnded", "InitiatorLeft", "SessionEnded"]);
  });

  it("must refuse an empty list, a name with quotes or spaces, and unknown keys", () => {
    expect(parse({ normalEndReasons: [] }).success).toBe(false);
    expect(parse({ normalEndReasons: ['CallEnded"])'] }).success).toBe(false);
    expect(parse({ normalEndReasons: ["Call Ended"] }).success).toBe(false);
    expect(parse({ normalEndReason: ["CallEnded"] }).success).toBe(false);
  });
});

describe("abnormal-ends alert with the setting", () => {
  const now = Date.UTC(2024, 4, 2);
  const measure = (normalEndReasons?: string[]) =>
    run(alertRule("abnormal-ends").query({ windowMinutes: 2880, normalEndReasons }), scenario, now);

  it("must count only what the list leaves out as abnormal", () => {
    // ago(2880m) = 2024-04-30T00:00Z, no upper bound: S1-S10 minus the S7 duplicate = 9 recordings (h1 and g1 included).
    // Default (CallEnded, InitiatorLeft): d1 RecordingFailed, g1 ServiceError = 2/9 = 22.22 %.
    expect(measure()).toEqual([{ Recordings: 9, AbnormalEnds: 2, AbnormalEndPercent: 22.22 }]);
    // Only CallEnded: b1 InitiatorLeft joins them, 3/9 = 33.33 %.
    expect(measure(["CallEnded"])).toEqual([{ Recordings: 9, AbnormalEnds: 3, AbnormalEndPercent: 33.33 }]);
  });

  it("must refuse a name that could break out of the query", () => {
    expect(() =>
      alertRule("abnormal-ends").query({ windowMinutes: 360, normalEndReasons: ['x"]) | take 0 //'] }),
    ).toThrow(/recording.normalEndReasons/);
  });
});
