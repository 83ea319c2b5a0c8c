// Binary and unary operators with Kusto semantics: null propagation, integer division, three-valued logic.

import type { KType, Value } from "../types";
import { negateTicks, timeArithmetic } from "../values/arith";
import { DynamicReal, dynamicReal, isDynamicRealValue, unboxReal } from "../values/dynamic-real";
import { isIntegerType, isNumberLike } from "./common";
import { compareValues, deepEqual, valuesEqual } from "./compare";
import {
  addDecimals,
  asDecimal,
  compareDecimals,
  Decimal,
  divideDecimals,
  multiplyDecimals,
  remainderDecimals,
  subtractDecimals,
} from "./decimal";
import { formatterFor } from "./format";
import {
  addLong,
  compareLongs,
  divLong,
  isLong,
  type Long,
  modLong,
  modReal,
  mulLong,
  negLong,
  subLong,
  toDouble,
} from "./int64";
import { stringMatcher } from "./match";
import { regexCache } from "./regex";

const isTimeType = (t: KType): boolean => t === "datetime" || t === "timespan";

type Binary = (a: Value, b: Value) => Value;

const isNull = (v: Value): boolean => v === null || v === undefined;

const SAFE = Number.MAX_SAFE_INTEGER;
const longOps: Readonly<Record<string, (a: Long, b: Long) => Value>> = {
  "+": addLong,
  "-": subLong,
  "*": mulLong,
  "/": divLong,
  "%": modLong,
};
const realOps: Readonly<Record<string, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "%": modReal,
};

/** long/int results are exact Int64 (bigint beyond 2^53); real results take a long operand by value. */
function numericArithmetic(op: string, result: KType): Binary | undefined {
  if (isIntegerType(result)) {
    const f = longOps[op];
    // The hot path stays inline: two safe numbers whose result is safe (then exact); anything else goes to int64.ts.
    if (op === "+")
      return (a, b) =>
        typeof a === "number" && typeof b === "number" && Math.abs(a + b) <= SAFE
          ? a + b
          : isLong(a) && isLong(b)
            ? f(a, b)
            : null;
    if (op === "-")
      return (a, b) =>
        typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= SAFE
          ? a - b + 0
          : isLong(a) && isLong(b)
            ? f(a, b)
            : null;
    if (op === "*")
      return (a, b) =>
        typeof a === "number" && typeof b === "number" && Math.abs(a * b) <= SAFE
          ? a * b + 0
          : isLong(a) && isLong(b)
            ? f(a, b)
            : null;
    return f && ((a, b) => (isLong(a) && isLong(b) ? f(a, b) : null));
  }
  const f = realOps[op];
  return (
    f &&
    ((a, b) => {
      if (typeof a === "number" && typeof b === "number") return f(a, b);
      const x = toDouble(a);
      const y = toDouble(b);
      return x === null || y === null ? null : f(x, y);
    })
  );
}

function arithmetic(op: string, result: KType): Binary | undefined {
  if (isIntegerType(result) || result === "real" || result === "decimal") return numericArithmetic(op, result);
  switch (op) {
    case "+":
      return (a, b) => (typeof a === "number" && typeof b === "number" ? a + b : null);
    case "-":
      return (a, b) => (typeof a === "number" && typeof b === "number" ? a - b : null);
    case "*":
      return (a, b) => (typeof a === "number" && typeof b === "number" ? a * b : null);
    case "/":
      if (result === "dynamic") {
        // Whole numbers inside a dynamic are longs to Kusto, so they divide as integers.
        return (a, b) => {
          if (typeof a !== "number" || typeof b !== "number") return null;
          if (!Number.isInteger(a) || !Number.isInteger(b)) return a / b;
          return b === 0 ? null : Math.trunc(a / b) + 0;
        };
      }
      if (result === "timespan" || result === "datetime") {
        return (a, b) => (typeof a === "number" && typeof b === "number" && b !== 0 ? a / b : null);
      }
      return (a, b) => (typeof a === "number" && typeof b === "number" ? a / b : null);
    case "%":
      if (result === "timespan") {
        return (a, b) => {
          if (typeof a !== "number" || typeof b !== "number" || b === 0) return null;
          const r = a % b;
          return r === 0 ? 0 : r;
        };
      }
      return (a, b) => (typeof a === "number" && typeof b === "number" ? modReal(a, b) : null);
    default:
      return undefined;
  }
}

/**
 * Arithmetic with a dynamic operand, whose number may be a long or a real (a whole real boxed, values/dynamic-real.ts).
 * A dynamic result is real when either side is (a whole one boxed again). Where the binder types the result long or
 * int, a real inside the dynamic is refused: whether Kusto converts it to long first (7.5 / 2 = 3) or not is undocumented.
 */
function dynamicArithmetic(op: string, left: KType, right: KType, result: KType): Binary | undefined {
  const isReal = (v: Value, t: KType) => t === "real" || (t === "dynamic" && isDynamicRealValue(v));
  if (isIntegerType(result)) {
    const f = arithmetic(op, result);
    return (
      f &&
      ((a, b) => {
        if ((left === "dynamic" && isDynamicRealValue(a)) || (right === "dynamic" && isDynamicRealValue(b)))
          throw new Error(
            `unsupported: '${op}' on a real inside a dynamic value where the result is typed ${result} (whether Kusto converts the real to long first is not documented)`,
          );
        return f(a, b);
      })
    );
  }
  const f = arithmetic(op, result);
  if (!f) return undefined;
  if (result !== "dynamic") return (a, b) => f(unboxReal(a), unboxReal(b));
  const real = arithmetic(op, "real");
  const long = arithmetic(op, "long");
  if (!real || !long) return undefined;
  return (a, b) => {
    if (!isReal(a, left) && !isReal(b, right)) return long(a, b);
    const out = real(unboxReal(a), unboxReal(b));
    return typeof out === "number" ? dynamicReal(out) : out;
  };
}

const orderingTests: Readonly<Record<string, (c: number) => boolean>> = {
  "<": (c) => c < 0,
  "<=": (c) => c <= 0,
  ">": (c) => c > 0,
  ">=": (c) => c >= 0,
};

/** Dynamic against anything: numbers and strings compare by value, other kinds only for equality. */
function dynamicComparison(op: string): Binary | undefined {
  if (op === "==" || op === "!=") {
    const want = op === "==";
    return (a, b) => (isNull(a) ? (isNull(b) ? null : !want) : isNull(b) ? !want : deepEqual(a, b) === want);
  }
  if (op === "=~" || op === "!~") {
    const want = op === "=~";
    const eq = valuesEqual("dynamic", true);
    const text = asciiCaseEqual(op);
    return (a, b) =>
      a === null || a === undefined || b === null || b === undefined
        ? null
        : (typeof a === "string" && typeof b === "string" ? text(a, b) : eq(a, b)) === want;
  }
  const test = orderingTests[op];
  if (!test) return undefined;
  return (a, b) => {
    // A boxed whole real compares by its number.
    const x = unboxReal(a);
    const y = unboxReal(b);
    if (typeof x === "number" && typeof y === "number") return test(x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN);
    if ((typeof x === "number" || typeof x === "bigint") && (typeof y === "number" || typeof y === "bigint"))
      return test(compareLongs(x, y));
    if (typeof x === "string" && typeof y === "string") return test(x < y ? -1 : x > y ? 1 : 0);
    return null;
  };
}

/** null == null is null, null == x is false (and != true), as Kusto documents; ordering with a null is null. */
function comparison(op: string, left: KType, right: KType): Binary | undefined {
  if (left === "dynamic" || right === "dynamic") return dynamicComparison(op);
  const stringy = (t: KType) => t === "string" || t === "guid";
  if (stringy(left) && stringy(right)) {
    // Kusto strings are never null, so these never return null.
    const ci = op === "=~" || op === "!~" || left === "guid" || right === "guid";
    if (op === "=~" || op === "!~") {
      const eq = asciiCaseEqual(op);
      return op === "=~" ? eq : (a, b) => !eq(a, b);
    }
    if (op === "==") return valuesEqual("string", ci) as Binary;
    if (op === "!=") {
      const eq = valuesEqual("string", ci);
      return (a, b) => !eq(a, b);
    }
    const test = orderingTests[op];
    const cmp = compareValues("string");
    return test ? (a, b) => test(cmp(a, b)) : undefined;
  }
  if (op === "=~" || op === "!~") return undefined;
  const comparable = (isNumberLike(left) && isNumberLike(right)) || (left === "bool" && right === "bool");
  if (!comparable) return undefined;
  if (op === "==") return (a, b) => (isNull(a) ? (isNull(b) ? null : false) : isNull(b) ? false : numbersEqual(a, b));
  if (op === "!=") return (a, b) => (isNull(a) ? (isNull(b) ? null : true) : isNull(b) ? true : !numbersEqual(a, b));
  return numericOrdering[op];
}

const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * =~ folds ASCII letters only ("Case-insensitive operators are currently supported only for ASCII-text",
 * in-operator-comparison.md): texts equal only when non-ASCII letters are folded too are refused, not guessed.
 */
function asciiCaseEqual(op: string): (a: Value, b: Value) => boolean {
  const unicode = valuesEqual("string", true);
  return (a, b) => {
    const x = typeof a === "string" ? a : "";
    const y = typeof b === "string" ? b : "";
    if (x === y) return true;
    if (!unicode(x, y)) return false;
    if (asciiLower(x) === asciiLower(y)) return true;
    throw new Error(
      `unsupported: ${JSON.stringify(x)} ${op} ${JSON.stringify(y)} depends on folding the case of non-ASCII letters (Kusto folds ASCII only; compare tolower() values)`,
    );
  };
}

// A long held as a bigint equals a real of the same value; loose equality compares them exactly.
// biome-ignore lint/suspicious/noDoubleEquals: deliberate, see above.
const numbersEqual = (a: Value, b: Value): boolean => a === b || (typeof a !== typeof b && a == b);

// Plain JS comparisons (exact between number and bigint) give IEEE semantics (NaN compares false) and order false < true; a null side gives null.
const numericOrdering: Readonly<Record<string, Binary>> = {
  "<": (a, b) => (isNull(a) || isNull(b) ? null : (a as number) < (b as number)),
  "<=": (a, b) => (isNull(a) || isNull(b) ? null : (a as number) <= (b as number)),
  ">": (a, b) => (isNull(a) || isNull(b) ? null : (a as number) > (b as number)),
  ">=": (a, b) => (isNull(a) || isNull(b) ? null : (a as number) >= (b as number)),
};

const decimalArithmetic: Readonly<Record<string, (a: Decimal, b: Decimal) => Decimal | null>> = {
  "+": addDecimals,
  "-": subtractDecimals,
  "*": multiplyDecimals,
  "/": divideDecimals,
  "%": remainderDecimals,
};

/**
 * Operators with a decimal side: exact decimal arithmetic and comparison against int/long/decimal (decimal.ts refuses
 * what would need rounding); against a real both sides compare or compute as doubles. Other operand types: undefined.
 */
function decimalOperator(op: string, left: KType, right: KType, result: KType): Binary | undefined | "not decimal" {
  const exactType = (t: KType) => t === "decimal" || t === "int" || t === "long";
  const withReal = (t: KType) => exactType(t) || t === "real";
  if (!withReal(left) || !withReal(right)) return left === "string" || right === "string" ? "not decimal" : undefined;
  const exact = exactType(left) && exactType(right);
  const arith = decimalArithmetic[op];
  if (arith) {
    if (result === "decimal") {
      if (!exact) return undefined;
      return (a, b) => {
        const x = asDecimal(a);
        const y = asDecimal(b);
        return x === null || y === null ? null : (arith(x, y) as unknown as Value);
      };
    }
    if (result !== "real") return undefined;
    const f = arithmetic(op, "real");
    return f && ((a, b) => f(toDoubleOrNull(a), toDoubleOrNull(b)));
  }
  const test =
    orderingTests[op] ?? (op === "==" ? (c: number) => c === 0 : op === "!=" ? (c: number) => c !== 0 : undefined);
  if (!test) return undefined;
  const nullResult = op === "==" ? false : op === "!=" ? true : null;
  return (a, b) => {
    if (isNull(a) || isNull(b)) return isNull(a) && isNull(b) ? null : nullResult;
    if (!exact) {
      const x = toDoubleOrNull(a) as number;
      const y = toDoubleOrNull(b) as number;
      return test(x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN);
    }
    return test(compareDecimals(asDecimal(a) as Decimal, asDecimal(b) as Decimal));
  };
}

const toDoubleOrNull = (v: Value): Value => (v instanceof Decimal ? v.toNumber() : v);

/** Three-valued logic: false wins over null in `and`, true wins over null in `or`. */
const and: Binary = (a, b) => (a === false || b === false ? false : a === true && b === true ? true : null);
const or: Binary = (a, b) => (a === true || b === true ? true : a === false && b === false ? false : null);

function stringOperator(op: string, left: KType, right: KType): Binary | undefined {
  const negated = op.startsWith("!");
  const base = negated ? op.slice(1) : op;
  const fl = formatterFor(left);
  const fr = formatterFor(right);
  if (base === "matches regex" || base === "matches") {
    if (negated) return undefined;
    const re = regexCache();
    return (a, b) => {
      const regex = re(fr(b));
      // matches-regex-operator.md: "The maximum number of regex groups is 16."
      if (regex.groupCount > 16)
        throw new Error(`unsupported: matches regex with ${regex.groupCount} groups (Kusto allows at most 16)`);
      return regex.test(fl(a));
    };
  }
  const m = stringMatcher(base);
  if (!m) return undefined;
  return negated ? (a, b) => !m(fl(a), fr(b)) : (a, b) => m(fl(a), fr(b));
}

export function binaryOperator(op: string, left: KType, right: KType, result: KType): Binary | undefined {
  if ((left === "decimal" || right === "decimal") && op !== "and" && op !== "or") {
    const exact = decimalOperator(op, left, right, result);
    if (exact !== "not decimal") return exact;
  }
  switch (op) {
    case "+":
    case "-":
    case "*":
    case "/":
    case "%": {
      const ok = (t: KType) => isNumberLike(t) || t === "dynamic";
      if (!ok(left) || !ok(right)) return undefined;
      // Datetimes and timespans are bigint ticks: their own exact rules (values/arith.ts).
      if (isTimeType(left) || isTimeType(right)) return timeArithmetic(op, left, right, result);
      if (left === "dynamic" || right === "dynamic") return dynamicArithmetic(op, left, right, result);
      return arithmetic(op, result);
    }
    case "==":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
    case "=~":
    case "!~":
      return comparison(op, left, right);
    case "and":
      return and;
    case "or":
      return or;
    default:
      return stringOperator(op.replace(/\s+/g, " ").trim(), left, right);
  }
}

export function unaryOperator(op: "-" | "+" | "not", operand: KType): ((a: Value) => Value) | undefined {
  if (op === "not") return (a) => (a === true ? false : a === false ? true : null);
  if (operand === "decimal")
    return (a) => {
      const d = asDecimal(a);
      return d === null ? null : ((op === "-" ? new Decimal(-d.mantissa, d.scale) : d) as unknown as Value);
    };
  if (!isNumberLike(operand) && operand !== "dynamic") return undefined;
  // A boxed whole real stays a real: -dynamic(5.0) is the real -5.0.
  if (operand === "dynamic")
    return (a) =>
      a instanceof DynamicReal
        ? dynamicReal(op === "-" ? (a.value === 0 ? 0 : -a.value) : a.value)
        : op === "+"
          ? typeof a === "number" || typeof a === "bigint"
            ? a
            : null
          : typeof a === "number"
            ? a === 0
              ? 0
              : -a
            : typeof a === "bigint"
              ? negLong(a)
              : null;
  if (op === "+") return (a) => (typeof a === "number" || typeof a === "bigint" ? a : null);
  // An int stays 32-bit: -(-2147483648) wraps to itself, as unchecked .NET int negation does.
  if (operand === "int") return (a) => (typeof a === "number" ? (-a | 0) + 0 : null);
  if (operand === "timespan" || operand === "datetime") return negateTicks;
  return (a) => (typeof a === "number" ? (a === 0 ? 0 : -a) : typeof a === "bigint" ? negLong(a) : null);
}
