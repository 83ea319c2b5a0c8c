import { describe, expect, it } from "vitest";
import { json, run } from "./helpers";

const S = `let S = datatable(y:long, z:string)[1, "a", 2, "b", 2, "c"];`;

describe("partition by Column { subquery with its own source } (partition-operator.md, legacy strategy)", () => {
  it("runs the subquery once per key value, the key column read as that value", () => {
    // Keys 1, 2, 3: S has one row with y = 1, two with y = 2, none with y = 3.
    const q = `${S} range x from 1 to 3 step 1 | partition by x { S | summarize n = countif(y == toscalar(x)) | extend k = x }`;
    expect(json(q)).toEqual([
      { n: 1, k: 1 },
      { n: 2, k: 2 },
      { n: 0, k: 3 },
    ]);
  });

  it("the result is the union of the runs, each filtered by its own key", () => {
    const q = `${S} range x from 1 to 2 step 1 | partition hint.strategy=legacy by x { S | where y == x | project z }`;
    expect(json(q)).toEqual([{ z: "a" }, { z: "b" }, { z: "c" }]);
  });

  it("fails past the legacy strategy's 64 partitions", () => {
    expect(() => run(`range x from 1 to 65 step 1 | partition by x { print k = x }`)).toThrow(
      /65 distinct key values, more than the 64/,
    );
  });
});
