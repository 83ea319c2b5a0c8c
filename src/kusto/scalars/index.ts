// The scalar and aggregate function library the evaluator calls: everything is resolved per type at factory time.
import type { KType, Value } from "../types";
import type { ScalarTable } from "./common";
import { castFunctions } from "./cast-functions";
import { datetimeFunctions, timeOverrides } from "./datetime";
import { seriesFunctions } from "./series";
import { dynamicFunctions } from "./dynamic";
import { arrayFunctions } from "./arrays";
import { bagFunctions } from "./bags";
import { urlFunctions } from "./url";
import { unicodeFunctions } from "./unicode";
import { parseTextFunctions } from "./parse-text";
import { ipFunctions } from "./ip";
import { punycodeFunctions } from "./punycode";
import { xmlFunctions } from "./xml";
import { numberFunctions } from "./numbers";
import { mathFunctions } from "./math";
import { binaryFunctions } from "./binary";
import { numericTextFunctions } from "./numeric-text";
import { hashFunctions } from "./hash";
import { randomFunctions } from "./random";
import { sketchFunctions } from "./sketches";
import { unitFunctions } from "./units";
import { stringFunctions } from "./strings";
import { encodingFunctions } from "./encoding";
import { timezoneFunctions } from "./timezones";
import { aggregateFactories, type Aggregator } from "./aggregates";

export { binaryOperator, unaryOperator } from "./operators";
export { convertTo } from "./casts";
export { compareValues, valuesEqual, hashKey } from "./compare";
export { formatValue } from "./format";

export interface ScalarContext {
  readonly now: number;
}

export type { Aggregator } from "./aggregates";

const tables: readonly ScalarTable[] = [
  stringFunctions,
  numberFunctions,
  mathFunctions,
  binaryFunctions,
  numericTextFunctions,
  hashFunctions,
  randomFunctions,
  sketchFunctions,
  unitFunctions,
  castFunctions,
  datetimeFunctions,
  dynamicFunctions,
  arrayFunctions,
  bagFunctions,
  urlFunctions,
  unicodeFunctions,
  parseTextFunctions,
  ipFunctions,
  punycodeFunctions,
  xmlFunctions,
  encodingFunctions,
  timezoneFunctions,
  seriesFunctions,
  // Last: bin/floor/bin_at/range on datetimes and timespans, handing other types to the tables above.
  timeOverrides,
];
const functionTable: ScalarTable = Object.assign({}, ...tables) as ScalarTable;

/** Names of every scalar function the library knows (for "unsupported" messages and docs). */
export const scalarFunctionNames: readonly string[] = Object.keys(functionTable).sort();
export const aggregateFunctionNames: readonly string[] = Object.keys(aggregateFactories).sort();

/** A function by lower-cased Kusto name for the binder's argument and result types; undefined when unsupported. */
export function scalarFunction(
  name: string,
  argTypes: readonly KType[],
  resultType: KType,
  ctx: ScalarContext,
): ((args: readonly Value[]) => Value) | undefined {
  const factory = Object.prototype.hasOwnProperty.call(functionTable, name) ? functionTable[name] : undefined;
  return factory ? factory(argTypes, resultType, ctx) : undefined;
}

/**
 * An aggregation by lower-cased name. percentiles yields an array (one value per level); arg_max/arg_min yield the
 * winning rowIndex (first row on ties) or null, and so does take_any with several arguments or none (*).
 * literalArgs holds constant arguments, undefined where not constant.
 */
export function aggregateFactory(
  name: string,
  argTypes: readonly KType[],
  resultType: KType,
  literalArgs: readonly (Value | undefined)[],
): (() => Aggregator) | undefined {
  const factory = Object.prototype.hasOwnProperty.call(aggregateFactories, name) ? aggregateFactories[name] : undefined;
  return factory ? factory(argTypes, resultType, literalArgs) : undefined;
}
