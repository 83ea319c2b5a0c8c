// How Kusto prints a real: .NET's shortest round-trip text, alone (tostring) or inside a dynamic value (JSON).

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * .NET's shortest round-trip text: exponent form from 1E+15 up and below 1E-04 (FormatGeneral switches when the decimal
 * point would sit more than 3 zeros left of the first digit: 0.0001 but 1E-05), with a two-digit exponent.
 */
export function formatReal(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-4)) {
    const [mantissa, exp] = v.toExponential().split("e");
    const e = Number(exp);
    return `${mantissa}E${e < 0 ? "-" : "+"}${pad2(Math.abs(e))}`;
  }
  return String(v);
}

/**
 * A real inside a dynamic, as Kusto's JSON prints it: the round-trip text with ".0" when it has no fraction or exponent
 * (5 -> 5.0; 1E+20 stays), as the docs' outputs show ([5.0] summarize-operator.md, [-1.0,1.0,3.0] series-ceiling).
 */
export function dynamicRealText(x: number): string {
  const text = formatReal(x);
  return /[.EN]|Infinity/.test(text) ? text : `${text}.0`;
}
