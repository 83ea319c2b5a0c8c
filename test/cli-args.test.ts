import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CommandSpec, choiceFlag, parseCommandArgs, stringFlag } from "../src/cli/args";
import { querySpec, synthSpec } from "../src/cli/commands";
import { dataDirFlag, inputFileFlag, nowFlag, outputDirFlag, outputFileFlag, workspaceFlag } from "../src/cli/flags";

const spec: CommandSpec = {
  name: "demo",
  summary: "",
  usage: "usage: demo",
  flags: { rows: { type: "string" }, raw: { type: "boolean" } },
  maxPositionals: 0,
};
const usageMessage = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    expect((err as Error).name).toBe("UsageError");
    return (err as Error).message;
  }
  throw new Error("accepted");
};

describe("the CLI argument layer", () => {
  it("must name a flag given without its value", () => {
    expect(usageMessage(() => parseCommandArgs(spec, ["--rows"]))).toBe("--rows needs a value");
    expect(usageMessage(() => parseCommandArgs(spec, ["--rows", "--raw"]))).toBe("--rows needs a value");
  });

  it("must name an unknown flag with the closest known one and the list", () => {
    expect(usageMessage(() => parseCommandArgs(spec, ["--row", "3"]))).toBe(
      "unknown option --row (did you mean --rows?); demo takes --rows, --raw",
    );
  });

  it("must refuse a value for a boolean flag, a repeated flag and a stray argument", () => {
    expect(usageMessage(() => parseCommandArgs(spec, ["--raw=yes"]))).toBe("--raw takes no value");
    expect(usageMessage(() => parseCommandArgs(spec, ["--rows", "1", "--rows", "2"]))).toBe(
      "--rows is given twice; give it once",
    );
    expect(usageMessage(() => parseCommandArgs(spec, ["yaml"]))).toBe(
      'unexpected argument "yaml"; demo takes only options',
    );
  });

  it("must see --help and -h anywhere, and keep the values", () => {
    expect(parseCommandArgs(spec, ["--rows", "5", "-h"])).toEqual({
      values: { rows: "5" },
      positionals: [],
      help: true,
    });
    expect(parseCommandArgs(spec, ["--raw"]).values).toEqual({ raw: true });
  });

  it("must take one query argument and refuse two", () => {
    expect(parseCommandArgs(querySpec, ["print 1"]).positionals).toEqual(["print 1"]);
    expect(usageMessage(() => parseCommandArgs(querySpec, ["print", "1"]))).toBe(
      "give the query as one argument (quote it)",
    );
  });

  it("must refuse an empty value and a value outside the choices", () => {
    expect(usageMessage(() => stringFlag(parseCommandArgs(spec, ["--rows="]), "rows"))).toBe(
      "--rows needs a non-empty value",
    );
    expect(usageMessage(() => choiceFlag(parseCommandArgs(spec, ["--rows", "x"]), "rows", ["a", "b"], "a"))).toBe(
      '--rows "x" is not one of a, b',
    );
  });
});

describe("flag values checked before any work", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "acs-cli-args-"));
  const file = path.join(root, "f.kql");
  fs.writeFileSync(file, "print 1");
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const q = (...argv: string[]) => parseCommandArgs(querySpec, argv);
  const s = (...argv: string[]) => parseCommandArgs(synthSpec, argv);

  it("--data must be an existing directory, not a file, not empty, not the filesystem root", () => {
    expect(dataDirFlag(q("--data", root))).toBe(root);
    expect(usageMessage(() => dataDirFlag(q("--data", file)))).toBe(
      `--data ${file} is a file, not a directory; pass the directory that holds it (--data ${root})`,
    );
    expect(usageMessage(() => dataDirFlag(q("--data", "")))).toBe("--data needs a non-empty value");
    expect(usageMessage(() => dataDirFlag(q("--data", "/")))).toBe(
      "--data / is the filesystem root; pass the directory that holds the table files",
    );
    expect(usageMessage(() => dataDirFlag(q("--data", path.join(root, "nope"))))).toContain(
      "does not exist; pass the directory that holds the table files",
    );
  });

  it("--file must be an existing regular file", () => {
    expect(inputFileFlag(q("--file", file), "file", "a .kql file")).toBe(file);
    expect(usageMessage(() => inputFileFlag(q("--file", root), "file", "a .kql file"))).toBe(
      `--file ${root} is a directory; pass the path of a .kql file inside it`,
    );
  });

  it("--out must not be a file for synth, nor a directory for a page, nor lie under a file", () => {
    expect(outputDirFlag(s("--out", path.join(root, "new")), "out", "out", "plan.json")).toBe(path.join(root, "new"));
    expect(usageMessage(() => outputDirFlag(s("--out", file), "out", "out", "plan.json"))).toBe(
      `--out ${file} is a file; pass a directory (plan.json is written inside it)`,
    );
    expect(usageMessage(() => outputDirFlag(s("--out", path.join(file, "x")), "out", "out", "plan.json"))).toContain(
      `lies under ${file}, which is a file`,
    );
    expect(usageMessage(() => outputFileFlag(s("--out", root), "out", "p.html", "preview.html"))).toBe(
      `--out ${root} is a directory; pass a file path such as ${path.join(root, "preview.html")}`,
    );
  });

  it("--now must be a strict ISO datetime, read as epoch milliseconds", () => {
    expect(nowFlag(q("--now", "2024-03-10T12:00:00Z"), "x")).toBe(Date.UTC(2024, 2, 10, 12));
    expect(usageMessage(() => nowFlag(q("--now", "yesterday"), "2024-03-10T12:00:00Z"))).toBe(
      '--now "yesterday" is not an ISO 8601 datetime between years 1 and 9999; use e.g. 2024-03-10T12:00:00Z',
    );
  });

  it("--workspace must be a GUID", () => {
    expect(workspaceFlag(q("--workspace", "0f0e0d0c-0b0a-0908-0706-050403020100"))).toBe(
      "0f0e0d0c-0b0a-0908-0706-050403020100",
    );
    expect(usageMessage(() => workspaceFlag(q("--workspace", "not-a-guid")))).toContain(
      '--workspace "not-a-guid" is not a GUID',
    );
  });
});
