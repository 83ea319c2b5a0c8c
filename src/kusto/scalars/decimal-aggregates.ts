// sum/avg/min/max (and their *if forms) of decimals, exact: the double aggregators would lose digits.
import type { KType, Value } from "../types";
import type { AggregateFactory, Aggregator } from "./aggregates";
import { addDecimals, asDecimal, compareDecimals, Decimal, decimalFromLong, divideDecimals } from "./decimal";

const ZERO = new Decimal(0n, 0);

/** Running exact sum and count of the non-null values on rows whose predicate (argument pred, if any) is true. */
abstract class DecimalTotal implements Aggregator {
  sum = ZERO;
  n = 0;
  constructor(private readonly pred: number) {}
  add(args: readonly Value[]): void {
    if (this.pred >= 0 && args[this.pred] !== true) return;
    const d = asDecimal(args[0]);
    if (d === null) return;
    this.sum = addDecimals(this.sum, d);
    this.n++;
  }
  abstract result(): Value;
}

/** sum of no values is 0, as for other numbers (summarize-operator.md's default values). */
class DecimalSum extends DecimalTotal {
  result(): Value {
    return this.sum as unknown as Value;
  }
}

/** avg: the exact sum over the count, refused where that quotient needs rounding; null over no values. */
class DecimalAvg extends DecimalTotal {
  result(): Value {
    return this.n === 0 ? null : (divideDecimals(this.sum, decimalFromLong(this.n)) as unknown as Value);
  }
}

class DecimalExtreme implements Aggregator {
  best: Decimal | null = null;
  constructor(
    private readonly sign: 1 | -1,
    private readonly pred: number,
  ) {}
  add(args: readonly Value[]): void {
    if (this.pred >= 0 && args[this.pred] !== true) return;
    const d = asDecimal(args[0]);
    if (d !== null && (this.best === null || this.sign * compareDecimals(d, this.best) > 0)) this.best = d;
  }
  result(): Value {
    return this.best as unknown as Value;
  }
}

const decimalFirst =
  (arity: number, make: () => Aggregator): AggregateFactory =>
  (argTypes: readonly KType[]) =>
    argTypes.length === arity && argTypes[0] === "decimal" ? make : undefined;

/** Aggregations of a decimal first argument that have an exact decimal form here. */
export const decimalAggregateFactories: Readonly<Record<string, AggregateFactory>> = {
  sum: decimalFirst(1, () => new DecimalSum(-1)),
  sumif: decimalFirst(2, () => new DecimalSum(1)),
  avg: decimalFirst(1, () => new DecimalAvg(-1)),
  avgif: decimalFirst(2, () => new DecimalAvg(1)),
  min: decimalFirst(1, () => new DecimalExtreme(-1, -1)),
  max: decimalFirst(1, () => new DecimalExtreme(1, -1)),
  minif: decimalFirst(2, () => new DecimalExtreme(-1, 1)),
  maxif: decimalFirst(2, () => new DecimalExtreme(1, 1)),
};
