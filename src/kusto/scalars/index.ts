// The scalar and aggregate function library the evaluator calls: everything is resolved per type at factory time.
import type { KType, Value } from "../types";
import { dynamicReal, isDynamicReal, unboxReal } from "../values/dynamic-real";
import { type Aggregator, aggregateFactories } from "./aggregates";
import { arrayFunctions } from "./arrays";
import { bagFunctions } from "./bags";
import { binaryFunctions } from "./binary";
import { castFunctions } from "./cast-functions";
import type { ScalarTable } from "./common";
import { datetimeFunctions, timeOverrides } from "./datetime";
import { Decimal } from "./decimal";
import { decimalAggregateFactories } from "./decimal-aggregates";
import { decimalFunctions } from "./decimal-functions";
import { dynamicFunctions } from "./dynamic";
import { encodingFunctions } from "./encoding";
import { hashFunctions } from "./hash";
import { ipFunctions } from "./ip";
import { mathFunctions } from "./math";
import { miscFunctions } from "./misc";
import { numberFunctions } from "./numbers";
import { numericTextFunctions } from "./numeric-text";
import { parseTextFunctions } from "./parse-text";
import { punycodeFunctions } from "./punycode";
import { randomFunctions } from "./random";
import { seriesFunctions } from "./series";
import { sketchFunctions } from "./sketches";
import { stringFunctions } from "./strings";
import { timezoneFunctions } from "./timezones";
import { unicodeFunctions } from "./unicode";
import { unitFunctions } from "./units";
import { urlFunctions } from "./url";
import { xmlFunctions } from "./xml";

export { convertTo } from "./casts";
export { compareValues, hashKey, keyedByValueOnly, valuesEqual } from "./compare";
export { formatValue } from "./format";
export { binaryOperator, unaryOperator } from "./operators";
export { refusalReason } from "./refused";

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
  miscFunctions,
  // Last: bin/floor/bin_at/range on datetimes and timespans, handing other types to the tables above.
  timeOverrides,
];
const functionTable: ScalarTable = Object.assign({}, ...tables) as ScalarTable;

/** Functions the compiler handles itself, being about rows, columns or the query rather than values. */
const compiledFunctionNames = [
  "iff",
  "iif",
  "case",
  "not",
  "prev",
  "next",
  "row_number",
  "row_cumsum",
  "row_rank_dense",
  "row_rank_min",
  "row_window_session",
  "pack_all",
  "bag_pack_columns",
  "column_names_of",
  "column_ifexists",
  "estimate_data_size",
  "bin_auto",
  "assert",
];

/** Names of every scalar function the engine runs (for "unsupported" messages and docs). */
export const scalarFunctionNames: readonly string[] = [
  ...new Set([...Object.keys(functionTable), ...compiledFunctionNames]),
].sort();
export const aggregateFunctionNames: readonly string[] = Object.keys(aggregateFactories).sort();

/** A function by lower-cased Kusto name for the binder's argument and result types; undefined when unsupported. */
export function scalarFunction(
  name: string,
  argTypes: readonly KType[],
  resultType: KType,
  ctx: ScalarContext,
): ((args: readonly Value[]) => Value) | undefined {
  const factory = Object.hasOwn(functionTable, name) ? functionTable[name] : undefined;
  if (!factory) return undefined;
  const aware = boxAware.has(name) || (resultType === "dynamic" && passThrough.has(name));
  if (argTypes.includes("dynamic") && !aware && resultType !== "decimal" && !argTypes.includes("decimal"))
    return unboxingScalar(factory(argTypes, resultType, ctx), resultType);
  if (resultType !== "decimal" && !argTypes.includes("decimal")) return factory(argTypes, resultType, ctx);
  // Decimals are exact Decimal objects: only functions written for them take or make one.
  const exact = Object.hasOwn(decimalFunctions, name) ? decimalFunctions[name](argTypes, resultType, ctx) : undefined;
  if (exact) return exact;
  if (decimalAware.has(name)) return factory(argTypes, resultType, ctx);
  // Other functions might read a decimal's text (strlen) or keep it in a dynamic: only math on reals takes its double.
  if (!realMath.has(name) || resultType === "decimal") return undefined;
  // A decimal argument to a function of reals reads as the nearest double, as Kusto converts decimal to real.
  const impl = factory(
    argTypes.map((t) => (t === "decimal" ? "real" : t)),
    resultType,
    ctx,
  );
  return impl && ((args) => impl(args.map((a) => (a instanceof Decimal ? a.toNumber() : a))));
}

/**
 * Functions that read or keep a boxed whole real (values/dynamic-real.ts) themselves. Any other function given a
 * dynamic argument gets a boxed real at the top level as its number; elements of arrays and bags stay as they are.
 */
const boxAware = new Set([
  "gettype",
  "pack_array",
  "bag_pack",
  "pack",
  "pack_dictionary",
  "bag_set_key",
  "repeat",
  "todynamic",
  "parse_json",
  "parsejson",
  "toobject",
]);
/** Functions that return one of their arguments: box-aware when that is a dynamic, else they get its number. */
const passThrough = new Set(["coalesce", "max_of", "min_of"]);

/** `args` itself when no argument is a boxed whole real, else a copy with each such argument as its number. */
function unboxedArgs(args: readonly Value[]): readonly Value[] {
  let plain: Value[] | undefined;
  for (let i = 0; i < args.length; i++) if (isDynamicReal(args[i])) (plain ??= args.slice())[i] = unboxReal(args[i]);
  return plain ?? args;
}

function unboxingScalar(
  impl: ((args: readonly Value[]) => Value) | undefined,
  resultType: KType,
): ((args: readonly Value[]) => Value) | undefined {
  if (!impl) return undefined;
  return (args) => {
    const plain = unboxedArgs(args);
    if (plain === args) return impl(args);
    const out = impl(plain);
    // A dynamic result computed from a real (abs(dynamic(5.0))) is a real: a whole one stays boxed.
    return resultType === "dynamic" && typeof out === "number" ? dynamicReal(out) : out;
  };
}

/** Functions of reals whose answer depends only on the decimal's value: they take it as the nearest double. */
const realMath = new Set(
  "sqrt exp exp2 exp10 log log2 log10 pow sin cos tan asin acos atan atan2 cot degrees radians sign isnan isinf isfinite gamma loggamma".split(
    " ",
  ),
);

const decimalAware = new Set([
  "tostring",
  "todecimal",
  "toreal",
  "todouble",
  "tolong",
  "toint",
  "tobool",
  "toboolean",
  "totimespan",
  "isnull",
  "isnotnull",
  "strcat",
  "gettype",
  "parse_version",
]);

/** Aggregations that keep, compare or key a boxed whole real themselves; the others get its number. */
const boxAwareAggregates = new Set(
  "count countif dcount dcountif count_distinct count_distinctif make_set make_list make_set_if make_list_if make_list_with_nulls make_bag make_bag_if arg_max arg_min any take_any take_anyif min max minif maxif buildschema hll hll_if dcount_hll".split(
    " ",
  ),
);

function unboxingAggregator(inner: Aggregator): Aggregator {
  return {
    add(args, rowIndex) {
      inner.add(unboxedArgs(args), rowIndex);
    },
    result: () => inner.result(),
  };
}

/** Aggregations that only count, test or pass on their decimal argument: the others would treat it as a double. */
const decimalAggregates = new Set(["count", "countif", "dcount", "dcountif", "count_distinct", "count_distinctif"]);

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
  const factory = Object.hasOwn(aggregateFactories, name) ? aggregateFactories[name] : undefined;
  const plainDynamic = argTypes.includes("dynamic") && !argTypes.includes("decimal") && resultType !== "decimal";
  if (factory && plainDynamic && !boxAwareAggregates.has(name)) {
    const make = factory(argTypes, resultType, literalArgs);
    return make && (() => unboxingAggregator(make()));
  }
  if (argTypes.includes("decimal") || resultType === "decimal") {
    const exact = Object.hasOwn(decimalAggregateFactories, name) ? decimalAggregateFactories[name] : undefined;
    if (exact) return exact(argTypes, resultType, literalArgs);
    if (!decimalAggregates.has(name)) return undefined;
  }
  return factory ? factory(argTypes, resultType, literalArgs) : undefined;
}
