// Reading a dynamic array as the numeric series the decomposition, fit and transform functions work on.

/** The series' elements as finite numbers; anything else is refused (the pages leave missing values undefined). */
export function finiteSeries(series: readonly unknown[], what: string): number[] {
  return series.map((v) => {
    const x = typeof v === "bigint" ? Number(v) : v;
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new Error(
        `unsupported: ${what} of a series holding ${x === null ? "null" : JSON.stringify(String(x))}: fill it first (series_fill_*, make-series default=)`,
      );
    return x;
  });
}
