import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { savedFunctions } from "../../src/functions";
import { functionHash, type VersionHistory, versionProblems } from "../../src/functions/versions";

const history = JSON.parse(fs.readFileSync("kql/versions.json", "utf8")) as VersionHistory;
const changelog = fs.readFileSync("kql/CHANGELOG.md", "utf8");

describe("saved function versions", () => {
  it("must record the hash of every shipped function's current text under its current version", () => {
    expect(versionProblems(savedFunctions, history)).toEqual([]);
  });

  it("must fail when a body changes and the version does not", () => {
    const fn = savedFunctions.find((f) => f.name === "ACSRecordings")!;
    const edited = { ...fn, body: `${fn.body}\n| take 1` };
    expect(versionProblems([edited], { ACSRecordings: history.ACSRecordings })).toEqual([
      expect.stringMatching(
        /^kql\/ACSRecordings\.kql: the body or parameters changed but Version is still 2\.0\.0; bump Version/,
      ),
    ]);
    // a bumped version whose hash is not recorded yet is named too
    expect(versionProblems([{ ...edited, version: "2.1.0" }], { ACSRecordings: history.ACSRecordings })[0]).toContain(
      `record "2.1.0": "${functionHash(edited)}"`,
    );
  });

  it("must fail when a changed parameter default keeps the version", () => {
    const fn = savedFunctions.find((f) => f.name === "ACSRecordingUsage")!;
    const changed = {
      ...fn,
      functionParameters: fn.functionParameters.replace("timegrain:timespan=1d", "timegrain:timespan=1h"),
    };
    expect(versionProblems([changed], { ACSRecordingUsage: history.ACSRecordingUsage })).toEqual([
      expect.stringContaining("Version is still 2.0.0"),
    ]);
  });

  it("must give every recorded version a changelog entry under its function", () => {
    for (const [name, versions] of Object.entries(history)) {
      const section = changelog.split(/^## /m).find((s) => s.startsWith(`${name}\n`));
      expect(section, name).toBeDefined();
      for (const v of Object.keys(versions)) expect(section, `${name} ${v}`).toContain(`### ${v}\n`);
    }
  });
});
