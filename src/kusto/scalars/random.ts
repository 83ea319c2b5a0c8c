// rand() and new_guid(): nondeterministic by definition, so results are never compared to fixed values.
import { randomUUID } from "node:crypto";
import { arity, type ScalarFactory, type ScalarTable } from "./common";
import { toDouble } from "./int64";
import { countDraw, drawRandom } from "./random-draws";

/** rand(): uniform in [0, 1); rand(N): a real from {0, 1, ..., N - 1} (rand-function.md). */
const rand: ScalarFactory = arity(0, 1, (argTypes) => {
  if (argTypes.length === 0) return drawRandom;
  return (args) => {
    const n = toDouble(args[0]);
    if (n === null || !(n >= 1)) return null;
    return Math.floor(drawRandom() * Math.floor(n));
  };
});

export const randomFunctions: ScalarTable = {
  rand,
  new_guid: arity(0, 0, () => () => {
    countDraw();
    return randomUUID();
  }),
};
