import { describe, expect, it } from "vitest";
import { tablesFromRows } from "../../src/data";
import { chartCaps, chartOption } from "../../src/preview/charts";
import { chipValueCap, runWorkbook } from "../../src/preview/run";
import { buildWorkbook } from "../../src/workbook";

const cols = (...spec: [string, string][]) => spec.map(([name, type]) => ({ name, type }) as never);

describe("chart caps", () => {
  it("must draw at most 30 bar categories, in query order, and say how many more there are", () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ Reason: `r${i}`, Recordings: 45 - i }));
    const { option, note } = chartOption("barchart", cols(["Reason", "string"], ["Recordings", "long"]), rows) as {
      option: { xAxis: { data: string[] } };
      note?: string;
    };
    expect(option.xAxis.data).toHaveLength(chartCaps.categories);
    expect(option.xAxis.data[0]).toBe("r0");
    expect(note).toBe("15 more categories not drawn");
  });

  it("must keep the 10 busiest lines of a split time chart", () => {
    // 12 series; s0 and s1 carry the least, so they are the two left out
    const rows = Array.from({ length: 12 }, (_, i) => ({
      TimeGenerated: "2024-05-01T00:00:00.0000000Z",
      Op: `s${i}`,
      Requests: i,
    }));
    const { option, note } = chartOption(
      "timechart",
      cols(["TimeGenerated", "datetime"], ["Op", "string"], ["Requests", "long"]),
      rows,
    ) as { option: { series: { name: string }[] }; note?: string };
    expect(option.series.map((s) => s.name).sort()).toEqual([
      "s10",
      "s11",
      "s2",
      "s3",
      "s4",
      "s5",
      "s6",
      "s7",
      "s8",
      "s9",
    ]);
    expect(note).toBe("2 more series not drawn");
  });

  it("must keep the 12 largest pie slices", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ Format: `f${i}`, Recordings: i }));
    const { option, note } = chartOption("piechart", cols(["Format", "string"], ["Recordings", "long"]), rows) as {
      option: { series: { data: { name: string }[] }[] };
      note?: string;
    };
    expect(option.series[0].data).toHaveLength(12);
    expect(option.series[0].data[0].name).toBe("f19");
    expect(note).toBe("8 more slices not drawn");
  });

  it("must draw every value and add no note when within the caps", () => {
    expect(
      chartOption("piechart", cols(["Format", "string"], ["Recordings", "long"]), [{ Format: "mp4", Recordings: 2 }])
        .note,
    ).toBeUndefined();
  });
});

describe("parameter chips", () => {
  it("must list the first 20 values of a filter and count the rest", () => {
    // 25 recordings with formats fmt00..fmt24 on 2024-05-01
    const tables = tablesFromRows({
      ACSCallRecordingSummary: Array.from({ length: 25 }, (_, i) => ({
        TimeGenerated: `2024-05-01T00:${String(i).padStart(2, "0")}:00Z`,
        RecordingId: `rec-${i}`,
        CorrelationId: `call-${i}`,
        FormatType: `fmt${String(i).padStart(2, "0")}`,
        RecordingLength: 60,
      })),
    });
    const model = runWorkbook(buildWorkbook(), tables, { nowMs: Date.UTC(2024, 4, 2) });
    const chip = model.parameters.find((p) => p.name === "FormatType")!.display;
    expect(chip).toBe(
      `All (${Array.from({ length: chipValueCap }, (_, i) => `fmt${String(i).padStart(2, "0")}`).join(", ")}, 5 more)`,
    );
  }, 120_000);
});
