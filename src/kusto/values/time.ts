// Kusto datetime/timespan values: bigint 100-ns ticks since the Unix epoch, the ONE strict datetime parser, and their text.
// Supported text forms follow data-explorer/kusto/query/scalar-data-types/datetime.md ("Supported formats") and timespan.md.

export const TICKS_PER_MICROSECOND = 10n;
export const TICKS_PER_MS = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_HOUR = 36_000_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** Number forms of the same constants, for arithmetic that stays within 2^53 (one day of ticks, tick-of-day). */
export const N_TICKS_PER_MS = 10_000;
export const N_TICKS_PER_SECOND = 10_000_000;
export const N_TICKS_PER_MINUTE = 600_000_000;
export const N_TICKS_PER_HOUR = 36_000_000_000;
export const N_TICKS_PER_DAY = 864_000_000_000;
/** .NET ticks (from 0001-01-01) of the Unix epoch: tolong(datetime) counts from year 1. */
export const EPOCH_DOTNET_TICKS = 621_355_968_000_000_000n;
/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.9999999Z, in ticks since the Unix epoch. */
export const MIN_TICKS = -EPOCH_DOTNET_TICKS;
export const MAX_TICKS = 3_155_378_975_999_999_999n - EPOCH_DOTNET_TICKS;

export function inRange(ticks: bigint): boolean {
  return ticks >= MIN_TICKS && ticks <= MAX_TICKS;
}

/** A datetime result: null outside 0001..9999, as Kusto does. */
export function clampNull(ticks: bigint): bigint | null {
  return ticks >= MIN_TICKS && ticks <= MAX_TICKS ? ticks : null;
}

/** Epoch milliseconds (the API's `now`) to ticks; a fractional ms keeps its whole ticks. */
export function ticksFromMs(ms: number): bigint {
  const whole = Math.floor(ms);
  const rest = Math.round((ms - whole) * N_TICKS_PER_MS);
  return BigInt(whole) * TICKS_PER_MS + BigInt(rest);
}

/** Ticks to epoch milliseconds (floor of whole ms plus the sub-ms fraction; exact only to a double's precision). */
export function msFromTicks(ticks: bigint): number {
  let q = ticks / TICKS_PER_MS;
  let r = ticks - q * TICKS_PER_MS;
  if (r < 0n) {
    q -= 1n;
    r += TICKS_PER_MS;
  }
  return Number(q) + Number(r) / N_TICKS_PER_MS;
}

/** Floor division of ticks into whole days and the tick of that day (0 .. N_TICKS_PER_DAY-1, a safe number). */
export function splitDay(ticks: bigint): { day: number; tickOfDay: number } {
  let q = ticks / TICKS_PER_DAY;
  let r = ticks - q * TICKS_PER_DAY;
  if (r < 0n) {
    q -= 1n;
    r += TICKS_PER_DAY;
  }
  return { day: Number(q), tickOfDay: Number(r) };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : monthDays[m - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12); H. Hinnant's days_from_civil. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number since 1970-01-01; H. Hinnant's civil_from_days. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Ticks of a valid calendar date and time of day (no range check on the result). */
export function ticksFromParts(y: number, m: number, d: number, tickOfDay: number): bigint {
  return BigInt(daysFromCivil(y, m, d)) * TICKS_PER_DAY + BigInt(tickOfDay);
}

// ---------------------------------------------------------------------------------------------------------------
// The strict parser: a hand-written scanner (no regex) so the loader can call it per cell.

const monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthFull = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const dayFull = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** RFC 822 zone names with their offsets in minutes (section 5.1). */
const zoneNames: Readonly<Record<string, number>> = {
  z: 0,
  gmt: 0,
  ut: 0,
  utc: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
  peek(): number {
    return this.i < this.s.length ? this.s.charCodeAt(this.i) : -1;
  }
  skipSpaces(): number {
    const start = this.i;
    while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i))) this.i++;
    return this.i - start;
  }
  eat(ch: number): boolean {
    if (this.peek() !== ch) return false;
    this.i++;
    return true;
  }
  /** A run of 1..max digits, or -1 (width in this.width). */
  digits(min: number, max: number): number {
    let n = 0;
    let k = 0;
    while (k < max) {
      const c = this.peek();
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      this.i++;
      k++;
    }
    this.width = k;
    return k < min ? -1 : n;
  }
  width = 0;
  word(): string {
    const start = this.i;
    while (this.i < this.s.length && isLetter(this.s.charCodeAt(this.i))) this.i++;
    return this.s.slice(start, this.i).toLowerCase();
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** hh:mm[:ss[.fffffff]] as ticks of day, or -1. Fractions beyond 7 digits are truncated. */
function timeOfDay(sc: Scanner, allowFraction = true): number {
  const h = sc.digits(1, 2);
  if (h < 0 || !sc.eat(58)) return -1;
  const mi = sc.digits(2, 2);
  if (mi < 0) return -1;
  let s = 0;
  let frac = 0;
  if (sc.peek() === 58) {
    sc.i++;
    s = sc.digits(2, 2);
    if (s < 0) return -1;
    if (allowFraction && sc.peek() === 46) {
      sc.i++;
      let k = 0;
      while (isDigit(sc.peek())) {
        if (k < 7) frac = frac * 10 + (sc.peek() - 48);
        k++;
        sc.i++;
      }
      if (k === 0) return -1;
      for (; k < 7; k++) frac *= 10;
    }
  }
  if (h > 23 || mi > 59 || s > 59) return -1;
  return h * N_TICKS_PER_HOUR + mi * N_TICKS_PER_MINUTE + s * N_TICKS_PER_SECOND + frac;
}

/** An optional zone: Z, UTC/GMT and RFC 822 names, or ±hh[:mm] / ±hhmm. Offset in minutes, NaN when malformed. */
function zone(sc: Scanner, allowSpace: boolean): number {
  const save = sc.i;
  const spaced = sc.skipSpaces() > 0;
  if (sc.done) {
    sc.i = save;
    return 0;
  }
  if (spaced && !allowSpace) {
    // Only trailing blanks may follow.
    return sc.done ? 0 : Number.NaN;
  }
  const c = sc.peek();
  if (c === 43 || c === 45) {
    sc.i++;
    const h = sc.digits(2, 2);
    if (h < 0) return Number.NaN;
    let m = 0;
    if (sc.eat(58)) {
      m = sc.digits(2, 2);
      if (m < 0) return Number.NaN;
    } else if (isDigit(sc.peek())) {
      m = sc.digits(2, 2);
      if (m < 0) return Number.NaN;
    }
    if (h > 14 || m > 59) return Number.NaN;
    return (c === 45 ? -1 : 1) * (h * 60 + m);
  }
  if (isLetter(c)) {
    const name = sc.word();
    const off = zoneNames[name];
    return off === undefined ? Number.NaN : off;
  }
  return Number.NaN;
}

function finish(sc: Scanner, y: number, m: number, d: number, tod: number, offsetMinutes: number): bigint | null {
  sc.skipSpaces();
  if (!sc.done || Number.isNaN(offsetMinutes) || tod < 0) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const ticks = BigInt(daysFromCivil(y, m, d)) * TICKS_PER_DAY + BigInt(tod - offsetMinutes * N_TICKS_PER_MINUTE);
  return ticks >= MIN_TICKS && ticks <= MAX_TICKS ? ticks : null;
}

/** Year-first: %Y-%m-%d[( |T)%H:%M[:%s]][zone] (ISO 8601 and the docs' "sortable" forms), also with / or . separators. */
function yearFirst(sc: Scanner): bigint | null {
  const y = sc.digits(4, 4);
  const sep = sc.peek();
  if (y < 0 || (sep !== 45 && sep !== 47 && sep !== 46)) return null;
  sc.i++;
  const m = sc.digits(1, 2);
  if (m < 0 || !sc.eat(sep)) return null;
  const d = sc.digits(1, 2);
  if (d < 0) return null;
  let tod = 0;
  const c = sc.peek();
  if (c === 84 || c === 116 || c === 32) {
    sc.i++;
    if (c === 32) sc.skipSpaces();
    if (sc.done && c === 32) return finish(sc, y, m, d, 0, 0);
    tod = timeOfDay(sc);
    if (tod < 0) return null;
  }
  return finish(sc, y, m, d, tod, zone(sc, true));
}

/** US style: %m/%d/%Y or %m-%d-%Y, optionally with a time and AM/PM (.NET invariant culture, as todatetime accepts). */
function monthFirst(sc: Scanner): bigint | null {
  const m = sc.digits(1, 2);
  const sep = sc.peek();
  if (m < 0 || (sep !== 47 && sep !== 45)) return null;
  sc.i++;
  const d = sc.digits(1, 2);
  if (d < 0 || !sc.eat(sep)) return null;
  const y = sc.digits(4, 4);
  if (y < 0) return null;
  let tod = 0;
  if (sc.eat(44)) sc.skipSpaces();
  else if (sc.skipSpaces() === 0 && !sc.done) return null;
  if (!sc.done && isDigit(sc.peek())) {
    tod = timeOfDay(sc);
    if (tod < 0) return null;
    const save = sc.i;
    sc.skipSpaces();
    const w = sc.word();
    if (w === "am" || w === "pm") {
      const h = Math.floor(tod / N_TICKS_PER_HOUR);
      if (h < 1 || h > 12) return null;
      if (w === "am" && h === 12) tod -= 12 * N_TICKS_PER_HOUR;
      if (w === "pm" && h !== 12) tod += 12 * N_TICKS_PER_HOUR;
    } else {
      sc.i = save;
    }
  }
  return finish(sc, y, m, d, tod, zone(sc, true));
}

function monthIndex(name: string): number {
  let i = monthNames.indexOf(name);
  if (i < 0) i = monthFull.indexOf(name);
  return i < 0 ? -1 : i + 1;
}

/** Two-digit years (%r) read as RFC 2822 4.3 says: 00-49 are 20xx, 50-99 are 19xx. */
function fullYear(y: number, width: number): number {
  if (width === 4) return y;
  if (width === 2) return y < 50 ? 2000 + y : 1900 + y;
  return -1;
}

/** RFC 822 (`[Sat, ]8 Nov 14 15:05[:02][ GMT]`) and RFC 850 (`[Saturday, ]08-Nov-14 15:05[:02][ GMT]`). */
function rfc(sc: Scanner): bigint | null {
  let weekday = -1;
  if (isLetter(sc.peek())) {
    const w = sc.word();
    weekday = dayNames.indexOf(w);
    if (weekday < 0) weekday = dayFull.indexOf(w);
    if (weekday < 0 || !sc.eat(44)) return null;
    sc.skipSpaces();
  }
  const d = sc.digits(1, 2);
  if (d < 0) return null;
  let y: number;
  let m: number;
  if (sc.eat(45)) {
    m = monthIndex(sc.word());
    if (m < 0 || !sc.eat(45)) return null;
    const yy = sc.digits(2, 4);
    y = fullYear(yy, sc.width);
  } else {
    if (sc.skipSpaces() === 0) return null;
    m = monthIndex(sc.word());
    if (m < 0 || sc.skipSpaces() === 0) return null;
    const yy = sc.digits(2, 4);
    y = fullYear(yy, sc.width);
  }
  if (y < 0 || sc.skipSpaces() === 0) return null;
  const tod = timeOfDay(sc, false);
  if (tod < 0) return null;
  const ticks = finish(sc, y, m, d, tod, zone(sc, true));
  // A named weekday must agree with the date, as .NET's parser insists.
  if (ticks !== null && weekday >= 0 && ((daysFromCivil(y, m, d) % 7) + 11) % 7 !== weekday) return null;
  return ticks;
}

let fastDay = Number.NaN;
let fastDayTicks = 0n;

/** Two ASCII digits at i as a number, or -1. */
function two2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common machine form "YYYY-MM-DDTHH:MM:SS[.f{1,7}][Z]" (Azure's exports, JSON data) without the scanner, for the
 * loader's hot loop; undefined hands any other text to the full parser.
 */
function parseIsoFast(text: string): bigint | null | undefined {
  const len = text.length;
  if (len < 19 || len > 28 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84)
    return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const yh = two2(text, 0);
  const yl = two2(text, 2);
  const m = two2(text, 5);
  const d = two2(text, 8);
  const h = two2(text, 11);
  const mi = two2(text, 14);
  const sec = two2(text, 17);
  if (yh < 0 || yl < 0 || m < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  let i = 19;
  let frac = 0;
  if (i < len && text.charCodeAt(i) === 46) {
    i++;
    let k = 0;
    while (i < len) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (k === 7) return undefined;
      frac = frac * 10 + c;
      k++;
      i++;
    }
    if (k === 0) return undefined;
    for (; k < 7; k++) frac *= 10;
  }
  if (i < len && text.charCodeAt(i) === 90) i++;
  if (i !== len) return undefined;
  const y = yh * 100 + yl;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || h > 23 || mi > 59 || sec > 59) return null;
  const day = daysFromCivil(y, m, d);
  // Rows of a data file mostly share a day: its ticks are computed once.
  if (day !== fastDay) {
    fastDay = day;
    fastDayTicks = BigInt(day) * TICKS_PER_DAY;
  }
  return fastDayTicks + BigInt(h * N_TICKS_PER_HOUR + mi * N_TICKS_PER_MINUTE + sec * N_TICKS_PER_SECOND + frac);
}

/** Kusto datetime text (datetime() literals, todatetime, data files, --now, parameters) to ticks; null when not a valid instant. Text without a zone is UTC. */
export function parseDatetime(text: string): bigint | null {
  const fast = parseIsoFast(text);
  if (fast !== undefined) return fast;
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start === text.length) return null;
  const sc = new Scanner(text);
  sc.i = start;
  const c = text.charCodeAt(start);
  if (isLetter(c)) return rfc(sc);
  if (!isDigit(c)) return null;
  // The first run of digits tells the family: 4 digits = year first; 1-2 then a letter/space = RFC; else US month first.
  let k = start;
  while (k < text.length && isDigit(text.charCodeAt(k))) k++;
  const width = k - start;
  if (width === 4) return yearFirst(sc);
  if (width > 2) return null;
  const next = k < text.length ? text.charCodeAt(k) : -1;
  if (next === 47) return monthFirst(sc);
  if (next === 45) return isLetter(k + 1 < text.length ? text.charCodeAt(k + 1) : -1) ? rfc(sc) : monthFirst(sc);
  return rfc(sc);
}

// ---------------------------------------------------------------------------------------------------------------
// Timespans.

const unitTicks: Readonly<Record<string, bigint>> = {
  d: TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  days: TICKS_PER_DAY,
  h: TICKS_PER_HOUR,
  hr: TICKS_PER_HOUR,
  hrs: TICKS_PER_HOUR,
  hour: TICKS_PER_HOUR,
  hours: TICKS_PER_HOUR,
  m: TICKS_PER_MINUTE,
  min: TICKS_PER_MINUTE,
  minute: TICKS_PER_MINUTE,
  minutes: TICKS_PER_MINUTE,
  s: TICKS_PER_SECOND,
  sec: TICKS_PER_SECOND,
  second: TICKS_PER_SECOND,
  seconds: TICKS_PER_SECOND,
  ms: TICKS_PER_MS,
  milli: TICKS_PER_MS,
  millis: TICKS_PER_MS,
  millisecond: TICKS_PER_MS,
  milliseconds: TICKS_PER_MS,
  microsecond: TICKS_PER_MICROSECOND,
  microseconds: TICKS_PER_MICROSECOND,
  tick: 1n,
  ticks: 1n,
};

/** Ticks of "<decimal> <unit>" exactly (1.5h is 54,000,000,000 ticks); rounds half away from zero below a tick. */
export function ticksOfAmount(intDigits: string, fracDigits: string, unit: bigint): bigint {
  const scale = 10n ** BigInt(fracDigits.length);
  const num = BigInt((intDigits || "0") + fracDigits) * unit;
  return (num + scale / 2n) / scale;
}

/**
 * Timespan text to ticks; null when malformed. Accepts "[-][d.]hh:mm[:ss[.fffffff]]", "<n><unit>" such as 2d, 1.5h, 30m,
 * 10s, 100ms, 10microsecond, 1tick, "15 seconds", and a bare integer of days (as timespan(2) means 2 days).
 */
export function parseTimespan(text: string): bigint | null {
  const sc = new Scanner(text);
  sc.skipSpaces();
  const neg = sc.eat(45);
  if (!neg) sc.eat(43);
  const startInt = sc.i;
  while (isDigit(sc.peek())) sc.i++;
  const intDigits = text.slice(startInt, sc.i);
  let ticks: bigint;
  if (sc.peek() === 58 || (sc.peek() === 46 && isClockAfterDays(text, sc.i + 1))) {
    // Clock form: the digits so far are days (followed by '.') or hours (followed by ':').
    let days = 0n;
    if (sc.peek() === 46) {
      days = BigInt(intDigits);
      sc.i++;
    } else {
      sc.i = startInt;
    }
    const tod = timeOfDay(sc);
    if (tod < 0 || intDigits === "") return null;
    ticks = days * TICKS_PER_DAY + BigInt(tod);
  } else {
    let fracDigits = "";
    if (sc.peek() === 46) {
      sc.i++;
      const f = sc.i;
      while (isDigit(sc.peek())) sc.i++;
      fracDigits = text.slice(f, sc.i);
    }
    if (intDigits === "" && fracDigits === "") return null;
    sc.skipSpaces();
    const unitName = sc.word();
    if (unitName === "") {
      if (fracDigits !== "") return null;
      ticks = BigInt(intDigits) * TICKS_PER_DAY;
    } else {
      const unit = unitTicks[unitName];
      if (unit === undefined) return null;
      ticks = ticksOfAmount(intDigits, fracDigits, unit);
    }
  }
  sc.skipSpaces();
  if (!sc.done) return null;
  const signed = neg ? -ticks : ticks;
  // A timespan is int64 ticks: text beyond ±10675199.02:48:05.4775807 is not one.
  return signed === BigInt.asIntN(64, signed) ? signed : null;
}

/** After "d." a clock "hh:mm" must follow for the dot to mean days. */
function isClockAfterDays(text: string, i: number): boolean {
  let k = i;
  while (k < text.length && isDigit(text.charCodeAt(k))) k++;
  return k > i && k < text.length && text.charCodeAt(k) === 58;
}

// ---------------------------------------------------------------------------------------------------------------
// Text.

const two: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
let cachedDay = Number.NaN;
let cachedDayText = "";

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : "0".repeat(width - s.length) + s;
}

/** "2022-08-17T23:18:26.4332392Z": always 7 fraction digits, as Kusto prints datetimes. Out of range prints "". */
export function formatDatetime(ticks: bigint): string {
  if (ticks < MIN_TICKS || ticks > MAX_TICKS) return "";
  const { day, tickOfDay } = splitDay(ticks);
  // Rows of one query mostly share a few days: the date text is built once per day.
  if (day !== cachedDay) {
    const { y, m, d } = civilFromDays(day);
    cachedDayText = `${pad(y, 4)}-${two[m]}-${two[d]}T`;
    cachedDay = day;
  }
  const secs = Math.floor(tickOfDay / N_TICKS_PER_SECOND);
  const frac = tickOfDay - secs * N_TICKS_PER_SECOND;
  const h = Math.floor(secs / 3600);
  const mi = Math.floor((secs - h * 3600) / 60);
  return `${cachedDayText + two[h]}:${two[mi]}:${two[secs - h * 3600 - mi * 60]}.${pad(frac, 7)}Z`;
}

/** The parts of a timespan's magnitude: whole days, hours, minutes, seconds and the 7-digit tick fraction. */
export function timespanParts(ticks: bigint): {
  negative: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  fraction: number;
} {
  const negative = ticks < 0n;
  const abs = negative ? -ticks : ticks;
  const days = Number(abs / TICKS_PER_DAY);
  const rest = Number(abs % TICKS_PER_DAY);
  const hours = Math.floor(rest / N_TICKS_PER_HOUR);
  const minutes = Math.floor((rest % N_TICKS_PER_HOUR) / N_TICKS_PER_MINUTE);
  const seconds = Math.floor((rest % N_TICKS_PER_MINUTE) / N_TICKS_PER_SECOND);
  return { negative, days, hours, minutes, seconds, fraction: rest % N_TICKS_PER_SECOND };
}

/** .NET's constant ("c") TimeSpan text, as Kusto prints timespans: "[-][d.]hh:mm:ss[.fffffff]". */
export function formatTimespan(ticks: bigint): string {
  const p = timespanParts(ticks);
  let s = p.negative ? "-" : "";
  if (p.days > 0) s += `${p.days}.`;
  s += `${two[p.hours]}:${two[p.minutes]}:${two[p.seconds]}`;
  if (p.fraction !== 0) s += `.${pad(p.fraction, 7)}`;
  return s;
}
