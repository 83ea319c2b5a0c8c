// Stepping over datetimes and timespans (range operator, range() function, make-series bins) in exact ticks.

/** start, start+step, ... up to and including end; a non-positive step or more than `max` values is an error naming `what`. */
export function tickSteps(start: bigint, end: bigint, step: bigint, max: number, what: string): bigint[] {
  if (step <= 0n) throw new Error(`${what} needs a positive step, got ${String(step)} ticks`);
  const out: bigint[] = [];
  for (let v = start; v <= end; v += step) {
    if (out.length >= max) throw new Error(`${what} produces more than ${max} values; use a larger step`);
    out.push(v);
  }
  return out;
}
