import { describe, expect, it } from "vitest";
import { currentText, generatedFiles } from "../scripts/generated";
import { replaceMarked, replaceTable, replaceUntilNextSection } from "../scripts/readme-sections";

// One test for every generated file: it fails when a source changed and `npm run generate` was not run.

describe("generated files", () => {
  it.each(generatedFiles().map((g) => [g.file, g] as const))("%s must be what npm run generate writes", (file, g) => {
    const current = currentText(file);
    expect(current === g.render(current), `${file} is out of date: run npm run generate and commit the result`).toBe(
      true,
    );
  });
});

describe("README section replacement", () => {
  it("must replace only the table under the given header", () => {
    expect(replaceTable("intro\n| A |\n| --- |\n| 1 |\nafter\n", "| A |", "| A |\n| --- |\n| 2 |")).toBe(
      "intro\n| A |\n| --- |\n| 2 |\nafter\n",
    );
  });

  it("must replace from a line to the next ## heading, and to the end of the file", () => {
    expect(replaceUntilNextSection("## X\n\n### T\nold\n\n## Y\n", "### T", "### T\nnew")).toBe(
      "## X\n\n### T\nnew\n\n## Y\n",
    );
    expect(replaceUntilNextSection("## X\n### T\nold\n", "### T", "### T\nnew")).toBe("## X\n### T\nnew\n");
  });

  it("must replace between markers and say what to add when they are missing", () => {
    expect(replaceMarked("a\n<!-- generated: f -->\nold\n<!-- end generated: f -->\nb", "f", "new")).toBe(
      "a\n<!-- generated: f -->\nnew\n<!-- end generated: f -->\nb",
    );
    expect(() => replaceMarked("a", "f", "x")).toThrow(
      'no "<!-- generated: f -->" … "<!-- end generated: f -->" markers',
    );
    expect(() => replaceTable("a", "| B |", "| B |")).toThrow('no table with the header "| B |"');
  });
});
