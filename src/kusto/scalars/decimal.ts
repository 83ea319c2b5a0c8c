// Kusto's decimal held exactly: an integer mantissa and a scale (value = mantissa / 10^scale). Results that would need
// rounding are refused: the rounding is not documented. Up to 38 digits, as SqlDecimal (getschema's type for decimal)
// holds; parse_version-function.md's 99999999.x.x.x needs 32, beyond System.Decimal's 96 bits.

const MAX_MANTISSA = 10n ** 38n - 1n;
const MAX_SCALE = 28;

export class Decimal {
  constructor(
    readonly mantissa: bigint,
    readonly scale: number,
    /** False for a quotient: the scale Kusto gives a quotient (and so its printed zeros) is not documented. */
    readonly scaleKnown = true,
  ) {}

  /** Digits with the decimal point placed by the scale: 1.10 keeps its trailing zero, as .NET prints it. */
  toString(): string {
    const negative = this.mantissa < 0n;
    const digits = (negative ? -this.mantissa : this.mantissa).toString().padStart(this.scale + 1, "0");
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale);
    return `${negative ? "-" : ""}${whole}${this.scale > 0 ? `.${fraction}` : ""}`;
  }

  /** The nearest double. */
  toNumber(): number {
    return Number(this.toString());
  }

  /** For JSON output: a number when the double prints back the same value, else the exact text. */
  toJSON(): number | string {
    const n = this.toNumber();
    const back = decimalFromText(String(n));
    return back !== null && compareDecimals(back, this) === 0 ? n : normalized(this).toString();
  }
}

export class DecimalRangeError extends Error {}

/** A decimal within .NET's limits, or an error naming what overflowed (never a rounded value). */
function make(mantissa: bigint, scale: number): Decimal {
  // Drop trailing zeros beyond the maximum scale first: 1.000...0 with 29 places is still exact.
  while (scale > MAX_SCALE && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale--;
  }
  if (scale > MAX_SCALE)
    throw new DecimalRangeError(
      `unsupported: a decimal with more than ${MAX_SCALE} places after the point (Kusto rounds it)`,
    );
  if (mantissa > MAX_MANTISSA || -mantissa > MAX_MANTISSA)
    throw new DecimalRangeError("unsupported: a decimal of more than 38 digits (Kusto rounds or overflows it)");
  return new Decimal(mantissa, scale);
}

/** The same value with trailing fractional zeros removed. */
export function normalized(d: Decimal): Decimal {
  let { mantissa, scale } = d;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale--;
  }
  return mantissa === d.mantissa ? d : new Decimal(mantissa, scale);
}

const decimalText = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Exact value of decimal text (digits, optional point and exponent), or null when it is not a number. */
export function decimalFromText(text: string): Decimal | null {
  const m = decimalText.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const fraction = m[3] ?? "";
  let mantissa = BigInt(`${m[2]}${fraction}` || "0");
  let scale = fraction.length - Number(m[4] ?? 0);
  if (mantissa === 0n) return new Decimal(0n, 0);
  // An exponent far outside 38 digits is out of range whatever the digits: refuse before building a huge power of 10.
  if (Math.abs(scale) > 200 || !Number.isFinite(scale))
    throw new DecimalRangeError(
      `unsupported: the decimal ${text.trim().slice(0, 40)} is beyond 38 digits or 28 places`,
    );
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return make(m[1] === "-" ? -mantissa : mantissa, scale);
}

/** An exact decimal from a whole number. */
export function decimalFromLong(v: number | bigint): Decimal {
  return make(BigInt(v), 0);
}

/** A double's shortest digits when it has at most 15 significant digits (.NET converts a double to decimal at 15). */
export function decimalFromReal(v: number): Decimal | null {
  if (!Number.isFinite(v)) return null;
  const d = decimalFromText(String(v));
  if (d === null) return null;
  const digits = normalized(d).mantissa.toString().replace("-", "").replace(/0+$/, "");
  if (digits.length > 15)
    throw new DecimalRangeError(
      `unsupported: todecimal of the real ${v}, which has more than 15 significant digits (.NET rounds it)`,
    );
  return d;
}

/** A decimal from any engine value that may hold one (loaded tables may hold a decimal column as a number). */
export function asDecimal(v: unknown): Decimal | null {
  if (v instanceof Decimal) return v;
  if (typeof v === "bigint") return decimalFromLong(v);
  if (typeof v === "number")
    return Number.isInteger(v) && Number.isSafeInteger(v) ? decimalFromLong(v) : decimalFromReal(v);
  return null;
}

/** Both mantissas at the larger scale, and that scale. */
export function alignDecimals(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(scale - a.scale), b.mantissa * 10n ** BigInt(scale - b.scale), scale];
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const [x, y] = alignDecimals(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = alignDecimals(a, b);
  return make(x + y, scale);
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = alignDecimals(a, b);
  return make(x - y, scale);
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return make(a.mantissa * b.mantissa, a.scale + b.scale);
}

/** The exact quotient when it has a finite decimal expansion within 28 places, else a refusal; null on division by 0. */
export function divideDecimals(a: Decimal, b: Decimal): Decimal | null {
  if (b.mantissa === 0n) return null;
  // a/b = (ma * 10^sb) / (mb * 10^sa): scale the numerator up until the division is exact.
  let numerator = a.mantissa * 10n ** BigInt(b.scale);
  const denominator = b.mantissa * 10n ** BigInt(a.scale);
  for (let scale = 0; scale <= MAX_SCALE; scale++) {
    if (numerator % denominator === 0n) {
      const q = make(numerator / denominator, scale);
      return new Decimal(q.mantissa, q.scale, false);
    }
    numerator *= 10n;
  }
  throw new DecimalRangeError("unsupported: a decimal quotient with no exact form within 28 places (Kusto rounds it)");
}

/** The remainder with the sign of the dividend, as .NET's decimal % gives it; null on division by 0. */
export function remainderDecimals(a: Decimal, b: Decimal): Decimal | null {
  if (b.mantissa === 0n) return null;
  const [x, y, scale] = alignDecimals(a, b);
  return make(x % y, scale);
}

/** Whole part toward zero, as a bigint. */
export function truncateDecimal(d: Decimal): bigint {
  return d.mantissa / 10n ** BigInt(d.scale);
}

/** A key equal for equal values whatever their scale (1.0 and 1 group together). */
export function decimalKey(d: Decimal): string {
  return normalized(d).toString();
}
