// Every random draw of a query (rand, new_guid, sample) is counted here, so that a query-level let can tell whether its
// value came from chance: Kusto evaluates a let at each reference (let-statement.md), which only chance makes visible.

let draws = 0;

/** How many random draws the process has made so far; compare two readings to see whether any happened between. */
export function randomDraws(): number {
  return draws;
}

/** Math.random(), counted. */
export function drawRandom(): number {
  draws++;
  return Math.random();
}

/** Counts a draw made another way (crypto.randomUUID). */
export function countDraw(): void {
  draws++;
}
