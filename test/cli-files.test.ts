import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replaceFile, replaceRefusal } from "../src/cli/replace-file";
import { explainSecureIssues, redactPlaceholders } from "../src/cli/secrets";
import { offlineSecret, stackFileConfig } from "../src/cli/stack-file";
import { ConfigError } from "../src/config";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "acs-cli-files-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => {
  const d = path.join(root, String(++n));
  fs.mkdirSync(d);
  return d;
};

describe("replacing plan.json", () => {
  it("must replace the old bytes with the new ones and leave no temporary file", () => {
    const d = dir();
    fs.writeFileSync(path.join(d, "plan.json"), "old\n");
    replaceFile(path.join(d, "plan.json"), "new\n");
    expect(fs.readFileSync(path.join(d, "plan.json"), "utf8")).toBe("new\n");
    expect(fs.readdirSync(d)).toEqual(["plan.json"]);
  });

  it("must create the directory when it is missing", () => {
    const file = path.join(dir(), "a", "b", "plan.json");
    replaceFile(file, "x");
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });

  it("must refuse a symbolic link and leave its target alone", () => {
    const d = dir();
    fs.writeFileSync(path.join(d, "target"), "precious");
    fs.symlinkSync(path.join(d, "target"), path.join(d, "plan.json"));
    expect(replaceRefusal(path.join(d, "plan.json"))).toMatch(
      /plan\.json is a symbolic link \(to .*target\); remove the link/,
    );
    expect(() => replaceFile(path.join(d, "plan.json"), "evil")).toThrow("is a symbolic link");
    expect(fs.readFileSync(path.join(d, "target"), "utf8")).toBe("precious");
  });

  it("must refuse a directory where the file should be", () => {
    const d = dir();
    fs.mkdirSync(path.join(d, "plan.json"));
    expect(replaceRefusal(path.join(d, "plan.json"))).toContain("exists and is not a regular file");
  });

  it("must have nothing to refuse for a regular file or a missing one", () => {
    const d = dir();
    expect(replaceRefusal(path.join(d, "plan.json"))).toBeUndefined();
    fs.writeFileSync(path.join(d, "plan.json"), "");
    expect(replaceRefusal(path.join(d, "plan.json"))).toBeUndefined();
  });
});

describe("secure values offline", () => {
  const p = "acs-recording-insights:";

  it("must record the full key of every secure value, inside maps and lists", () => {
    const text = [
      "config:",
      `  ${p}alerts:`,
      "    emails:",
      "      - a@example.com",
      "      - secure: v1:x",
      `  ${p}location:`,
      "    secure: v1:y",
      "",
    ].join("\n");
    const { securePaths, secretKeys, config } = stackFileConfig(text, "Pulumi.t.yaml");
    expect(securePaths).toEqual([`${p}alerts.emails[1]`, `${p}location`]);
    expect(secretKeys).toEqual([`${p}alerts`, `${p}location`]);
    expect(config[`${p}location`]).toBe(offlineSecret);
  });

  it("must turn every string holding the placeholder into [secret], wherever it sits", () => {
    expect(redactPlaceholders({ a: [offlineSecret, "keep"], b: { c: `x${offlineSecret}y`, d: 3 } })).toEqual({
      a: ["[secret]", "keep"],
      b: { c: "[secret]", d: 3 },
    });
  });

  it("must say offline synth cannot check an encrypted value instead of blaming it, and leave other issues", () => {
    const err = new ConfigError("dev", [
      {
        key: `${p}communication.name`,
        problem: `must be 2-63 letters; got "${offlineSecret}"`,
        fix: `pulumi config set --path communication.name x --stack dev`,
      },
      { key: `${p}location`, problem: "is required", fix: "pulumi config set location westeurope --stack dev" },
    ]);
    const out = explainSecureIssues(err, [`${p}communication.name`]) as ConfigError;
    expect(out.issues[0]).toEqual({
      key: `${p}communication.name`,
      problem: "is a secure (encrypted) value; offline synth cannot decrypt it, so it cannot check it",
      fix: "check it with `pulumi preview --stack dev`, or synth a copy of the stack file holding a plain test value (--stack-file)",
    });
    expect(out.issues[1]).toEqual(err.issues[1]);
    expect(out.message).not.toContain(offlineSecret);
  });

  it("must leave errors that are not config errors as they are", () => {
    const err = new Error("boom");
    expect(explainSecureIssues(err, [`${p}location`])).toBe(err);
  });
});
