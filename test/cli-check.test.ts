import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkSources, run, shippedCache, shippedSources, textReport } from "../src/cli/check";
import { cacheDir, cacheFileName, cacheKey, cacheScope, FileCache, parseCacheFile } from "../src/cli/check-cache";
import { analyze, type Catalog } from "../src/kusto";
import { analyzerFiles, analyzerIdentity, filesIdentity } from "../src/kusto/analyzer";
import { acsCatalog } from "../src/schema/catalog";
import { dirWith } from "./data/temp-dir";

beforeAll(() => {
  analyze("print 1");
}, 60_000);

// Runs of the command in this file share a cache of their own, never the checkout's.
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), "acs-check-cache-"));
afterAll(() => fs.rmSync(cacheHome, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv("XDG_CACHE_HOME", cacheHome);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("acs-insights check", () => {
  it("must report file:line:col offset by where the KQL starts in its file", () => {
    // The KQL starts on line 10 of the file; the bad name is on its line 2, column 9 → file line 11.
    const diags = checkSources([
      { file: "kql/Bad.kql", line: 10, kql: "ACSCallRecordingSummary\n| where Recordinglength > 1" },
    ]);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ file: "kql/Bad.kql", line: 11, column: 9, severity: "error" });
  });

  it("must print file:line:col: message and a summary count", () => {
    // "Nope" starts at column 35 of the KQL's first line, which is line 3 of the file.
    const diags = checkSources([{ file: "kql/Bad.kql", line: 3, kql: "ACSCallRecordingSummary | project Nope" }]);
    const text = textReport(diags, 1);
    expect(text.split("\n")[0]).toMatch(/^kql\/Bad\.kql:3:35: .*Nope/);
    expect(text).toContain("checked 1 KQL texts: 1 error, 0 warnings");
  });

  it("must know the saved functions while checking", () => {
    expect(checkSources([{ file: "x", line: 1, kql: "ACSRecordings() | summarize count() by FormatType" }])).toEqual(
      [],
    );
  });

  it("must gather sources from functions, templates, workbook and alerts", () => {
    const files = shippedSources().map((s) => s.file);
    expect(files.some((f) => f.startsWith("kql/"))).toBe(true);
    expect(files.some((f) => f.startsWith("template:"))).toBe(true);
    expect(files.length).toBeGreaterThan(8);
  });

  it("must pass on everything the package ships and exit 0", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    const code = await run([]);
    expect(out).toMatch(/checked \d+ KQL texts: 0 errors/);
    expect(code).toBe(0);
  }, 60_000);

  it("must print the diagnostics array for --format json and reject unknown arguments", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await run(["--format", "json"])).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
    expect(await run(["--strict"])).toBe(2);
  }, 60_000);
});

describe("check's cache", () => {
  const Sales = {
    name: "Sales",
    columns: [
      { name: "Amount", type: "real" as const },
      { name: "Region", type: "string" as const },
    ],
  };
  const catalogWith = (body: string): Catalog => ({
    tables: [Sales],
    functions: [{ name: "Top", parameters: [], body }],
  });

  it("must analyse an edited text again and show its new error, though the old text is cached", () => {
    const env = { XDG_CACHE_HOME: dirWith({}, "acs-check-cache-") };
    const clean = { file: "kql/X.kql", line: 1, kql: "ACSCallRecordingSummary | project RecordingId" };
    const first = shippedCache(env);
    expect(checkSources([clean], { cache: first })).toEqual([]);
    first.save();

    const second = shippedCache(env);
    // Same length, one letter's case changed (column names are case-sensitive); "ACSCallRecordingSummary | project "
    // is 34 characters, so the misspelt name starts at column 35.
    const edited = { ...clean, kql: "ACSCallRecordingSummary | project RecordingID" };
    const diags = checkSources([edited], { cache: second });
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ file: "kql/X.kql", line: 1, column: 35, severity: "error" });
    expect(diags[0].message).toContain("RecordingID");
    second.save();

    // Served from the cache on the next run, the same diagnostics print byte for byte.
    const third = shippedCache(env);
    expect(JSON.stringify(checkSources([edited], { cache: third }))).toBe(JSON.stringify(diags));
  });

  it("must take an unchanged text's diagnostics from the cache, found by its key", () => {
    const scope = cacheScope(analyzerIdentity(), catalogWith("Sales"));
    const kql = "Sales | count";
    const planted = { line: 1, column: 9, message: "planted in the cache", severity: "warning" };
    const dir = dirWith({
      [cacheFileName]: JSON.stringify({ format: 1, entries: { [cacheKey(scope, kql)]: [planted] } }),
    });
    const cache = new FileCache(path.join(dir, cacheFileName));
    // The text starts on line 4 of its file, so the planted line 1 prints as line 4.
    expect(checkSources([{ file: "f", line: 4, kql }], { catalog: catalogWith("Sales"), cache })).toEqual([
      { ...planted, file: "f", line: 4 },
    ]);
  });

  it("must analyse a text again when a function it calls is redefined", () => {
    const file = path.join(dirWith({}), cacheFileName);
    const source = { file: "q", line: 1, kql: "Top() | project Amount" };
    const before = catalogWith("Sales | project Amount");
    const first = new FileCache(file);
    expect(checkSources([source], { catalog: before, cache: first })).toEqual([]);
    first.save();

    const after = catalogWith("Sales | project Region");
    const second = new FileCache(file);
    const diags = checkSources([source], { catalog: after, cache: second });
    // "Top() | project " is 16 characters: Amount, no longer a column of Top's result, starts at column 17.
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 1, column: 17, severity: "error" });
  });

  it("must give a different scope for another analyzer, table schema or function definition", () => {
    const base = cacheScope("analyzer-1", catalogWith("Sales"));
    expect(cacheScope("analyzer-1", catalogWith("Sales"))).toBe(base);
    expect(cacheScope("analyzer-2", catalogWith("Sales"))).not.toBe(base);
    expect(cacheScope("analyzer-1", catalogWith("Sales | take 1"))).not.toBe(base);
    const retyped = {
      ...catalogWith("Sales"),
      tables: [{ name: "Sales", columns: [{ name: "Amount", type: "long" as const }, Sales.columns[1]] }],
    };
    expect(cacheScope("analyzer-1", retyped)).not.toBe(base);
    const withParameter: Catalog = {
      tables: [Sales],
      functions: [{ name: "Top", parameters: [{ name: "n", type: "long", defaultValue: "1" }], body: "Sales" }],
    };
    expect(cacheScope("analyzer-1", withParameter)).not.toBe(base);
    expect(cacheKey(base, "Sales")).not.toBe(cacheKey(base, "Sales "));
  });

  it("must identify the analyzer by Kusto.Language's bundles and its own code, byte for byte", () => {
    const names = analyzerFiles().map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(["package.json", "bridge.min.js", "Kusto.Language.Bridge.min.js"]));
    expect(names.some((n) => /^analyzer\.(ts|js)$/.test(n))).toBe(true);
    const dir = dirWith({ "bundle.js": "var a = 1;", "analyzer.js": "x" });
    const files = [path.join(dir, "bundle.js"), path.join(dir, "analyzer.js")];
    const before = filesIdentity(files);
    expect(filesIdentity(files)).toBe(before);
    fs.writeFileSync(files[0], "var a = 2;");
    expect(filesIdentity(files)).not.toBe(before);
  });

  it("must still give the diagnostics when the cache cannot be written, and write nothing", () => {
    // The cache folder would be inside a regular file, so it cannot be created.
    const blocker = path.join(dirWith({ "a-file": "x" }), "a-file");
    const cache = new FileCache(path.join(blocker, "acs-insights", cacheFileName));
    const diags = checkSources([{ file: "f", line: 1, kql: "ACSCallRecordingSummary | project Nope" }], { cache });
    expect(diags).toHaveLength(1);
    expect(() => cache.save()).not.toThrow();
    expect(fs.readFileSync(blocker, "utf8")).toBe("x");
  });

  it("must keep the newest entries up to its bound, the ones a run used last", () => {
    const file = path.join(dirWith({}), cacheFileName);
    const diag = (message: string) => [{ line: 1, column: 1, message, severity: "error" as const }];
    const first = new FileCache(file, 3);
    for (const key of ["a", "b", "c"]) first.set(key, diag(key));
    first.save();
    // The next run reads "a" and analyses "d": "a" moves last, and "b", now the oldest, drops out.
    const second = new FileCache(file, 3);
    expect(second.get("a")).toEqual(diag("a"));
    second.set("d", diag("d"));
    second.save();
    expect([...parseCacheFile(fs.readFileSync(file, "utf8")).keys()]).toEqual(["c", "a", "d"]);
  });

  it("must count an unreadable or other-format cache file as empty", () => {
    expect(parseCacheFile("{ not json").size).toBe(0);
    expect(parseCacheFile(JSON.stringify({ format: 0, entries: { k: [] } })).size).toBe(0);
    const bad = { k: [{ line: "1", column: 1, message: "m", severity: "error" }], ok: [] };
    expect([...parseCacheFile(JSON.stringify({ format: 1, entries: bad })).keys()]).toEqual(["ok"]);
  });

  it("must live under $XDG_CACHE_HOME when it is an absolute path, else in the package's node_modules/.cache", () => {
    expect(cacheDir({ XDG_CACHE_HOME: "/var/cache/me" }, "/pkg")).toBe(path.join("/var/cache/me", "acs-insights"));
    expect(cacheDir({ XDG_CACHE_HOME: "relative" }, "/pkg")).toBe(
      path.join("/pkg", "node_modules", ".cache", "acs-insights"),
    );
    expect(cacheDir({}, "/pkg")).toBe(path.join("/pkg", "node_modules", ".cache", "acs-insights"));
  });

  it("must write the cache on a run", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await run([])).toBe(0);
    const file = path.join(cacheHome, "acs-insights", cacheFileName);
    expect(parseCacheFile(fs.readFileSync(file, "utf8")).size).toBe(new Set(shippedSources().map((s) => s.kql)).size);
  }, 60_000);

  it("must neither read nor write the cache with --no-cache", async () => {
    // A planted error under the key of a shipped text: a run that read the cache would print it.
    const [first] = shippedSources();
    const planted = { line: 1, column: 1, message: "planted in the cache", severity: "error" };
    const entries = { [cacheKey(cacheScope(analyzerIdentity(), acsCatalog), first.kql)]: [planted] };
    const text = JSON.stringify({ format: 1, entries });
    const dir = dirWith({ [path.join("acs-insights", cacheFileName)]: text }, "acs-check-cache-");
    vi.stubEnv("XDG_CACHE_HOME", dir);
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    expect(await run(["--no-cache", "--format", "json"])).toBe(0);
    expect(out).toBe("[]\n");
    expect(fs.readFileSync(path.join(dir, "acs-insights", cacheFileName), "utf8")).toBe(text);
    expect(fs.readdirSync(path.join(dir, "acs-insights"))).toEqual([cacheFileName]);
  }, 60_000);
});
