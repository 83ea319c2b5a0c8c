import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { longFiles, longFirst } from "./sequencer";

describe("long files first", () => {
  it("must move the listed files to the front in the list's order and keep the others in the order they came", () => {
    const files = ["a", "long2", "b", "c", "long1", "d"];
    expect(longFirst(files, (f) => f, ["long1", "long2", "absent"])).toEqual(["long1", "long2", "a", "b", "c", "d"]);
  });

  it("must name only test files that exist, so the list cannot go stale unnoticed", () => {
    const root = join(__dirname, "..", "..");
    expect(longFiles.filter((f) => !existsSync(join(root, f)))).toEqual([]);
    expect(new Set(longFiles).size).toBe(longFiles.length);
  });
});
