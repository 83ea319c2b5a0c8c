// The loader's fast path for the one datetime shape Azure writes (2022-08-17T23:18:26.4332392Z); anything else goes
// to the engine's strict parser, parseDatetime, which gives the same ticks for this shape (a test checks it).
import { daysFromCivil, daysInMonth, N_TICKS_PER_SECOND, parseDatetime, TICKS_PER_SECOND } from "../kusto/values/time";

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};

/** Ticks of `YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z`, or undefined when the text has any other shape or an impossible value. */
export function isoZuluTicks(s: string): bigint | undefined {
  const n = s.length;
  if (
    n < 20 ||
    n > 28 ||
    s.charCodeAt(n - 1) !== 90 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  const h = digit(s, 11) * 10 + digit(s, 12);
  const mi = digit(s, 14) * 10 + digit(s, 15);
  const sec = digit(s, 17) * 10 + digit(s, 18);
  if (
    y < 1 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 59 ||
    d > daysInMonth(y, m)
  )
    return undefined;
  let fraction = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 || n === 21) return undefined;
    let scale = N_TICKS_PER_SECOND;
    for (let i = 20; i < n - 1; i++) {
      const c = digit(s, i);
      if (c < 0) return undefined;
      scale /= 10;
      fraction += c * scale;
    }
  } else if (s.charCodeAt(19) !== 90) return undefined;
  // Whole seconds since 1970 stay exact as a double (|s| < 2^53); one BigInt product keeps the ticks exact.
  const seconds = daysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60 + sec;
  return BigInt(seconds) * TICKS_PER_SECOND + BigInt(fraction);
}

/** Datetime text to ticks: the fast path, else the strict parser (null when not a valid instant). */
export function datetimeTicks(text: string): bigint | null {
  return isoZuluTicks(text) ?? parseDatetime(text);
}
