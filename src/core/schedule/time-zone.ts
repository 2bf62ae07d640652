/**
 * IANA time zones through `Intl` only: wall-clock parts of an instant, the instant of a
 * wall-clock time (daylight saving gaps and overlaps handled), zone names as users type
 * them. No dependency: Node ships the full ICU time-zone database.
 */

/** A wall-clock date and time in some zone. `month` is 1–12, `weekday` 0 (Sunday)–6. */
export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The wall-clock parts of `date` in `zone`. */
export function zonedParts(date: Date, zone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const year = out.year!;
  const month = out.month!;
  const day = out.day!;
  return {
    year,
    month,
    day,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
    weekday: weekdayOf(year, month, day),
  };
}

/** The zone's offset from UTC at `ms`, in milliseconds (Riyadh: +3 h). */
export function offsetAt(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = zonedParts(new Date(whole), zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `zone` shows year-month-day hour:minute, or null
 * when that time does not exist there (skipped by a daylight-saving jump). A time that
 * happens twice (the clocks go back) gives its first occurrence.
 */
export function zonedTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  zone: string,
): Date | null {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let best: number | null = null;
  for (const offset of new Set([offsetAt(wall - DAY_MS, zone), offsetAt(wall, zone), offsetAt(wall + DAY_MS, zone)])) {
    const t = wall - offset;
    if (offsetAt(t, zone) === offset && (best === null || t < best)) best = t;
  }
  return best === null ? null : new Date(best);
}

/** The calendar day after year-month-day. */
export function nextDay(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The calendar day before year-month-day. */
export function previousDay(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

let zoneNames: Map<string, string> | null = null;

/** Every zone Intl knows, by lower-cased name. */
function knownZones(): Map<string, string> {
  if (!zoneNames) {
    zoneNames = new Map();
    for (const z of [...Intl.supportedValuesOf('timeZone'), 'UTC']) zoneNames.set(z.toLowerCase(), z);
  }
  return zoneNames;
}

/**
 * Arab capitals and large cities by their Arabic names, so «الرياض» works where
 * «Asia/Riyadh» is expected. Only unambiguous names; looked up folded (أ→ا, ة→ه).
 */
const ARABIC_CITIES: Readonly<Record<string, string>> = {
  الرياض: 'Asia/Riyadh',
  جدة: 'Asia/Riyadh',
  مكة: 'Asia/Riyadh',
  القاهرة: 'Africa/Cairo',
  الإسكندرية: 'Africa/Cairo',
  دبي: 'Asia/Dubai',
  أبوظبي: 'Asia/Dubai',
  الدوحة: 'Asia/Qatar',
  الكويت: 'Asia/Kuwait',
  المنامة: 'Asia/Bahrain',
  مسقط: 'Asia/Muscat',
  بغداد: 'Asia/Baghdad',
  دمشق: 'Asia/Damascus',
  بيروت: 'Asia/Beirut',
  صنعاء: 'Asia/Aden',
  الخرطوم: 'Africa/Khartoum',
  طرابلس: 'Africa/Tripoli',
  تونس: 'Africa/Tunis',
  الجزائر: 'Africa/Algiers',
  الرباط: 'Africa/Casablanca',
  'الدار البيضاء': 'Africa/Casablanca',
  نواكشوط: 'Africa/Nouakchott',
  برلين: 'Europe/Berlin',
  لندن: 'Europe/London',
  باريس: 'Europe/Paris',
};

/** Folds Arabic letter variants the way the rest of nashra does, for matching city names. */
function foldArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647');
}

/** The cities above by folded name, spaces as underscores: what user input is matched against. */
const ARABIC_CITY_ZONES: ReadonlyMap<string, { readonly city: string; readonly zone: string }> = new Map(
  Object.entries(ARABIC_CITIES).map(([city, zone]) => [foldArabic(city).replace(/\s+/g, '_'), { city, zone }]),
);

/**
 * The canonical IANA name of a zone typed by a user, case-insensitively (`asia/riyadh`
 * → `Asia/Riyadh`), or an Arab city's zone by its Arabic name; null when unknown. Fixed
 * offsets (`+03:00`, `UTC+3`) are refused: they know nothing of daylight saving.
 */
export function canonicalTimeZone(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const city = ARABIC_CITY_ZONES.get(foldArabic(text).replace(/\s+/g, '_'));
  if (city) return city.zone;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(text)) return null;
  const known = knownZones().get(text.toLowerCase());
  if (known) return known;
  try {
    // Links and aliases Intl accepts but does not list (e.g. `Asia/Calcutta`, `Etc/GMT`).
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** True when `zone` is a time zone nashra can schedule in. */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** True for text that looks like an attempt at a zone name (`Asia/Ryadh`, `UTC+3`, `الرياض`). */
export function looksLikeTimeZone(token: string): boolean {
  if (ARABIC_CITY_ZONES.has(foldArabic(token))) return true;
  return /^[A-Za-z][A-Za-z_+-]*\/[A-Za-z0-9_+\-/]+$/.test(token) || /^(utc|gmt)([+-]\d{1,2}(:?\d{2})?)?$/i.test(token);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** The largest edit distance still worth suggesting for a typed name of `length` letters: one per four. */
function closeEnough(length: number): number {
  return Math.max(1, Math.floor(Math.min(length, 12) / 4));
}

/** Arabic city names a few letters away from an Arabic word («الرياص» → «الرياض»), as the user would type them. */
function suggestArabicCities(input: string, max: number): string[] {
  const text = foldArabic(input.trim()).replace(/\s+/g, '_');
  if (text.length < 3) return [];
  const limit = closeEnough(text.length);
  return [...ARABIC_CITY_ZONES]
    .map(([folded, { city }]) => ({ city, score: editDistance(text, folded) }))
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || a.city.localeCompare(b.city))
    .slice(0, max)
    .map((c) => c.city);
}

/**
 * Zones a mistyped name probably meant: the same city (`Riyadh` → `Asia/Riyadh`), a
 * name a few letters away (`Asia/Ryadh`), or for Arabic input an Arab city's Arabic name
 * («الرياص» → «الرياض»). At most `max`, closest first.
 */
export function suggestTimeZones(input: string, max = 3): string[] {
  if (/\p{Script=Arabic}/u.test(input)) return suggestArabicCities(input, max);
  const text = input.trim().toLowerCase().replace(/\s+/g, '_');
  if (text.length < 3) return [];
  const scored: { zone: string; score: number }[] = [];
  for (const [lower, zone] of knownZones()) {
    const city = lower.slice(lower.lastIndexOf('/') + 1);
    const whole = editDistance(text, lower);
    const cityOnly = text.includes('/') ? Infinity : editDistance(text, city);
    const score = Math.min(whole, cityOnly);
    if (score <= closeEnough(text.length)) scored.push({ zone, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.zone.localeCompare(b.zone))
    .slice(0, max)
    .map((s) => s.zone);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `date` as people in `zone` read it, in their language: «السبت، 28 مارس في 08:00»,
 * "Saturday 28 March at 08:00". Digits stay Latin, as in the rest of nashra's replies.
 */
export function formatZoned(date: Date, zone: string, locale: 'ar' | 'en', options: { time?: boolean } = {}): string {
  const withTime = options.time ?? true;
  const key = `${locale}|${zone}|${withTime}`;
  let f = displayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    displayFormatters.set(key, f);
  }
  return f.format(date);
}
