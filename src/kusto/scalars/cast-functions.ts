// The named cast functions (tostring, toint, todatetime, parse_json, ...) over convertTo.
import type { KType, Value } from "../types";
import { unboxReal } from "../values/dynamic-real";
import { convertTo, toDynamic } from "./casts";
import { arity, type ScalarFactory, type ScalarTable } from "./common";

function cast(to: KType): ScalarFactory {
  return arity(1, 1, (argTypes) => {
    const c = convertTo(to, argTypes[0]);
    return (args) => c(args[0]);
  });
}

/** parse_json/todynamic parse text; a dynamic argument (even a string holding JSON) is returned as-is. */
const parseJson: ScalarFactory = arity(1, 1, (argTypes) => {
  const from = argTypes[0];
  return (args) => toDynamic(args[0], from);
});

/** A number inside a dynamic is refused like a typed one; text and other values convert as todatetime(string) does. */
const toDatetimeDynamic = convertTo("datetime", "dynamic");
function todatetimeOfDynamic(args: readonly Value[]): Value {
  const v = unboxReal(args[0]);
  if (typeof v === "number" || typeof v === "bigint")
    throw new Error(
      `unsupported: todatetime of the number ${v} in a dynamic (the page does not say whether it counts ticks or seconds; use unixtime_seconds_todatetime() and its kin)`,
    );
  return toDatetimeDynamic(args[0]);
}

export const castFunctions: ScalarTable = {
  tostring: cast("string"),
  toint: cast("int"),
  tolong: cast("long"),
  toreal: cast("real"),
  todouble: cast("real"),
  todecimal: cast("decimal"),
  tobool: cast("bool"),
  toboolean: cast("bool"),
  // What todatetime makes of a number is not documented (ticks? Unix seconds?): refused rather than guessed; unixtime_*_todatetime say it.
  todatetime: (argTypes, resultType, ctx) =>
    ["int", "long", "real", "decimal"].includes(argTypes[0])
      ? undefined
      : argTypes[0] === "dynamic"
        ? todatetimeOfDynamic
        : cast("datetime")(argTypes, resultType, ctx),
  totimespan: cast("timespan"),
  toguid: cast("guid"),
  todynamic: parseJson,
  parse_json: parseJson,
};
