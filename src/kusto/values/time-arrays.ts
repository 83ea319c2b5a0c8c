// range() over datetimes returns text elements (a dynamic array's form); the ticks it computed ride along on the array
// under a non-enumerable symbol key (invisible to JSON, Object.keys, equality, copies; a WeakMap costs more than the parse)
// so `mv-expand ... to typeof(datetime)` reads them back without parsing each text again.
const TICKS: unique symbol = Symbol("datetime ticks");

type WithTicks = { [TICKS]?: readonly (bigint | null)[] };

/** Records that `texts[i]` reads back (parseDatetime) as `ticks[i]`; returns `texts`. */
export function rememberTicks<T extends readonly unknown[]>(texts: T, ticks: readonly (bigint | null)[]): T {
  // Not enumerable: deep equality (vitest's, node's) and copies see only the texts.
  if (texts.length === ticks.length) Object.defineProperty(texts, TICKS, { value: ticks });
  return texts;
}

/** The datetimes behind an array of texts built by rememberTicks, else undefined (then parse its texts). */
export function ticksOf(texts: readonly unknown[]): readonly (bigint | null)[] | undefined {
  const ticks = (texts as unknown as WithTicks)[TICKS];
  // Arrays are never edited in place once built; a length change would still refuse the shortcut.
  return ticks !== undefined && ticks.length === texts.length ? ticks : undefined;
}
