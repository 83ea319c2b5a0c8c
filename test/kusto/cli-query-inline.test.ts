import { afterEach, describe, expect, it, vi } from "vitest";

const sent: string[] = [];
vi.mock("../../src/workspace/query", () => ({
  queryWorkspace: async (_id: string, kql: string) => {
    sent.push(kql);
    return { columns: [{ name: "n", type: "long" }], rows: [{ n: 1 }] };
  },
}));

import { run } from "../../src/cli/query";

afterEach(() => vi.restoreAllMocks());

describe("acs-insights query --workspace --inline-functions", () => {
  it("must define the saved functions the query calls in front of it, and send the text unchanged without the flag", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const id = "7d4a1c3e-0b5f-4e8e-9a51-2f3c4d5e6f70";
    expect(await run(["--workspace", id, "--format", "json", "ACSRecordings() | count"])).toBe(0);
    expect(await run(["--workspace", id, "--inline-functions", "--format", "json", "ACSRecordings() | count"])).toBe(0);
    expect(sent[0]).toBe("ACSRecordings() | count");
    expect(sent[1]).toMatch(/^let ACSRecordings = \(/);
    expect(sent[1].endsWith("\nACSRecordings() | count")).toBe(true);
  });
});
