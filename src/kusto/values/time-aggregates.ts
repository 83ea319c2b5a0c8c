// sum/sumif and avg/avgif over timespans and datetimes, exact on bigint ticks (the numeric aggregators take numbers).
import type { Value } from "../types";
import { checkedSpan, divideTicks } from "./arith";
import { MAX_TICKS, MIN_TICKS } from "./time";

/** sum(timespan): the exact sum of the ticks; rows whose predicate (sumif) is not true are skipped. */
export class SumTicks {
  s = 0n;
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (typeof v === "bigint" && (this.pred < 0 || args[this.pred] === true)) this.s += v;
  }
  result(): Value {
    return checkedSpan(this.s);
  }
}

/** avg(timespan|datetime): the mean of the ticks, rounded to a whole tick (half to even); null over no values. */
export class AvgTicks {
  s = 0n;
  n = 0;
  constructor(
    private readonly pred: number,
    private readonly datetime: boolean,
  ) {}
  add(args: readonly Value[]): void {
    const v = args[0];
    if (typeof v === "bigint" && (this.pred < 0 || args[this.pred] === true)) {
      this.s += v;
      this.n++;
    }
  }
  result(): Value {
    if (this.n === 0) return null;
    const mean = divideTicks(this.s, this.n);
    return mean === null || (this.datetime && (mean < MIN_TICKS || mean > MAX_TICKS)) ? null : mean;
  }
}
