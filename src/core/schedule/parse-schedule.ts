import { hasArabic } from '../text/arabic-letter.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import { type CronProblem, type CronSpec, compressList, looksLikeCron, parseCron } from './cron.js';
import { weekend, workWeek } from './work-week.js';

/**
 * A digest schedule as people write it, in English or Arabic, or as a cron expression.
 * Every form becomes a `CronSpec`, so one engine computes slots for all of them.
 *
 * Friendly forms (case, Arabic letter variants and Arabic-Indic digits don't matter; the
 * time may come before or after the days; a missing time means 08:00):
 * - `daily 08:00`, `every day at 8am` · «يوميا 08:00», «كل يوم الساعة 8 صباحا»
 * - `weekdays 18:30`, `workdays` · «أيام العمل 18:30»: the work week of the time zone
 *   (Sunday–Thursday in Riyadh or Cairo, Monday–Friday in Berlin; see work-week.ts)
 * - `weekends 10:00` · «نهاية الأسبوع 10:00»
 * - `hourly`, `every hour`, `hourly :30` · «كل ساعة»
 * - days: `mon 08:00`, `fridays 9`, `sun-thu 07:00`, `mon,wed,fri 8:15`,
 *   `from sunday to thursday 7` · «الجمعة 09:00», «الأحد-الخميس 07:00», «الاثنين والخميس 8»،
 *   «من الأحد إلى الخميس 7»; `every`/`weekly`/«كل»/«أسبوعيا»/«يوم» before them are optional.
 * Cron: five fields (`30 7 * * 0-4`) or `@daily` and friends (cron.ts).
 *
 * A digest comes at most once an hour: a schedule with more than one minute per hour is
 * refused (`*\/5 * * * *` would flood a chat).
 */
export type ScheduleProblem =
  | CronProblem
  | { readonly kind: 'syntax' }
  | { readonly kind: 'time'; readonly value: string }
  | { readonly kind: 'tooOften' };

export type ScheduleParse =
  | { readonly ok: true; readonly spec: CronSpec }
  | { readonly ok: false; readonly problem: ScheduleProblem };

/** The time a daily or weekly digest comes when none is given. */
export const DEFAULT_DIGEST_TIME = { hour: 8, minute: 0 } as const;

const DAY_WORDS: Readonly<Record<string, number>> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  // Arabic, normalized (أ→ا, ة→ه): with and without the article.
  الاحد: 0,
  احد: 0,
  الاثنين: 1,
  اثنين: 1,
  الاتنين: 1,
  الثلاثاء: 2,
  ثلاثاء: 2,
  الثلاثا: 2,
  الاربعاء: 3,
  اربعاء: 3,
  الاربعا: 3,
  الخميس: 4,
  خميس: 4,
  الجمعه: 5,
  جمعه: 5,
  السبت: 6,
  سبت: 6,
};

const PERIODS: readonly {
  readonly phrases: readonly string[];
  readonly kind: 'daily' | 'weekdays' | 'weekends' | 'hourly';
}[] = [
  { kind: 'daily', phrases: ['daily', 'every day', 'everyday', 'each day', 'يوميا', 'كل يوم', 'يومي'] },
  {
    kind: 'weekdays',
    phrases: [
      'weekdays',
      'workdays',
      'every weekday',
      'on weekdays',
      'ايام العمل',
      'ايام الدوام',
      'كل ايام العمل',
      'ايام عمل',
    ],
  },
  {
    kind: 'weekends',
    phrases: [
      'weekends',
      'on weekends',
      'every weekend',
      'نهايه الاسبوع',
      'عطله نهايه الاسبوع',
      'ايام العطله',
      'العطله',
    ],
  },
  { kind: 'hourly', phrases: ['hourly', 'every hour', 'each hour', 'كل ساعه', 'ساعيا'] },
];

/** Words that carry no meaning here: "at 8", «الساعة 8», "on mondays". Arabic in normalized form (على → علي). */
const FILLERS = new Set(['at', 'on', 'the', 'الساعه', 'في', 'عند', 'علي']);
const DAY_PREFIXES = new Set(['every', 'each', 'weekly', 'كل', 'اسبوعيا', 'يوم', 'ايام', 'يومي']);
const AM = new Set(['am', 'a.m.', 'ص', 'صباحا', 'صباح', 'الصبح', 'فجرا']);
const PM = new Set(['pm', 'p.m.', 'م', 'مساء', 'مساءا', 'ظهرا', 'عصرا']);
const TIME = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/;
const MINUTE_ONLY = /^:(\d{2})$/;

interface TimeOfDay {
  hour: number;
  minute: number;
}

/** Folds a user's schedule for matching: Arabic variants, digits, case, separators. */
function fold(text: string): string {
  return normalizeArabic(text).replace(/[،,]/g, ' , ').replace(/[-–—]/g, ' - ').replace(/\s+/g, ' ').trim();
}

function readTime(tokens: string[]): {
  time: TimeOfDay | null;
  minuteOnly: number | null;
  problem: ScheduleProblem | null;
  rest: string[];
} {
  const rest: string[] = [];
  let time: TimeOfDay | null = null;
  let minuteOnly: number | null = null;
  let meridiem: 'am' | 'pm' | null = null;
  let raw = '';
  for (const tok of tokens) {
    const m = TIME.exec(tok);
    const mo = MINUTE_ONLY.exec(tok);
    if (m && (m[2] !== undefined || m[3] !== undefined || /^\d{1,2}$/.test(tok))) {
      if (time || minuteOnly !== null) return { time, minuteOnly, problem: { kind: 'syntax' }, rest };
      time = { hour: Number(m[1]), minute: m[2] === undefined ? 0 : Number(m[2]) };
      raw = tok;
      if (m[3]) meridiem = m[3].startsWith('a') ? 'am' : 'pm';
    } else if (mo) {
      if (time || minuteOnly !== null) return { time, minuteOnly, problem: { kind: 'syntax' }, rest };
      minuteOnly = Number(mo[1]);
      raw = tok;
    } else if (AM.has(tok) || PM.has(tok)) {
      if (meridiem) return { time, minuteOnly, problem: { kind: 'syntax' }, rest };
      meridiem = AM.has(tok) ? 'am' : 'pm';
      raw = raw ? `${raw} ${tok}` : tok;
    } else {
      rest.push(tok);
    }
  }
  if (minuteOnly !== null && minuteOnly > 59) return { time, minuteOnly, problem: { kind: 'time', value: raw }, rest };
  if (meridiem && !time) return { time, minuteOnly, problem: { kind: 'syntax' }, rest };
  if (time) {
    if (meridiem) {
      if (time.hour < 1 || time.hour > 12) return { time, minuteOnly, problem: { kind: 'time', value: raw }, rest };
      time.hour = (time.hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    if (time.hour > 23 || time.minute > 59) return { time, minuteOnly, problem: { kind: 'time', value: raw }, rest };
  }
  return { time, minuteOnly, problem: null, rest };
}

function dayOf(token: string): number | null {
  const direct = DAY_WORDS[token];
  if (direct !== undefined) return direct;
  if (token.startsWith('و') && DAY_WORDS[token.slice(1)] !== undefined) return DAY_WORDS[token.slice(1)]!; // «والخميس»
  if (token.endsWith('s') && DAY_WORDS[token.slice(0, -1)] !== undefined) return DAY_WORDS[token.slice(0, -1)]!; // "mondays"
  return null;
}

/** Reads "mon , wed", "sun - thu", "from sunday to thursday", «الاحد والخميس». */
function readDays(tokens: readonly string[]): number[] | null {
  const words = tokens.filter((t) => !DAY_PREFIXES.has(t));
  if (words.length === 0) return null;
  const days = new Set<number>();
  let i = 0;
  let expectDay = true;
  while (i < words.length) {
    let tok = words[i]!;
    if (!expectDay) {
      if (tok === ',' || tok === 'and' || tok === 'و') {
        expectDay = true;
        i++;
        continue;
      }
      // «والخميس» joins by itself
      if (!tok.startsWith('و')) return null;
    }
    const from = tok === 'from' || tok === 'من';
    if (from) {
      i++;
      tok = words[i] ?? '';
    }
    const start = dayOf(tok);
    if (start === null) return null;
    i++;
    const sep = words[i];
    if (
      sep === '-' ||
      sep === 'to' ||
      sep === 'الي' ||
      sep === 'حتي' ||
      sep === 'through' ||
      sep === 'till' ||
      sep === 'until'
    ) {
      const end = dayOf(words[i + 1] ?? '');
      if (end === null) return null;
      for (let d = start; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === end) break;
      }
      i += 2;
    } else if (from) {
      return null;
    } else {
      days.add(start);
    }
    expectDay = false;
  }
  return expectDay ? null : [...days].sort((a, b) => a - b);
}

function cronOf(minute: number, hour: number | '*', days: readonly number[] | null): CronSpec {
  const r = parseCron(`${minute} ${hour} * * ${days && days.length < 7 ? compressList(days) : '*'}`);
  if (!r.ok) throw new Error(`internal: built an invalid cron expression (${r.problem.kind})`);
  return r.spec;
}

function parseFriendly(text: string, zone: string): ScheduleParse {
  const tokens = fold(text)
    .split(' ')
    .filter((t) => t !== '' && !FILLERS.has(t));
  const { time, minuteOnly, problem, rest } = readTime(tokens);
  if (problem) return { ok: false, problem };
  const phrase = rest.join(' ');
  const period = PERIODS.find((p) => p.phrases.includes(phrase))?.kind;
  if (period === 'hourly') {
    if (time) return { ok: false, problem: { kind: 'syntax' } };
    return { ok: true, spec: cronOf(minuteOnly ?? 0, '*', null) };
  }
  if (minuteOnly !== null) return { ok: false, problem: { kind: 'syntax' } };
  const at = time ?? DEFAULT_DIGEST_TIME;
  if (period === 'daily') return { ok: true, spec: cronOf(at.minute, at.hour, null) };
  if (period === 'weekdays') return { ok: true, spec: cronOf(at.minute, at.hour, workWeek(zone)) };
  if (period === 'weekends') return { ok: true, spec: cronOf(at.minute, at.hour, weekend(zone)) };
  if (rest.length === 0 && time) return { ok: true, spec: cronOf(at.minute, at.hour, null) }; // "08:00": every day
  const days = readDays(rest);
  if (days) return { ok: true, spec: cronOf(at.minute, at.hour, days) };
  return { ok: false, problem: { kind: 'syntax' } };
}

/**
 * Parses a schedule. `zone` gives `weekdays` its meaning (the local work week); the
 * result is always a cron spec with a single minute per hour.
 */
export function parseSchedule(text: string, zone: string): ScheduleParse {
  const input = text.trim();
  if (input === '') return { ok: false, problem: { kind: 'syntax' } };
  const asCron = hasArabic(input) ? null : parseCron(input);
  let result: ScheduleParse;
  if (asCron?.ok) {
    result = asCron;
  } else {
    const friendly = parseFriendly(input, zone);
    if (friendly.ok || friendly.problem.kind === 'time') result = friendly;
    else if (asCron && looksLikeCron(input)) result = asCron;
    else result = friendly;
  }
  if (result.ok && result.spec.minutes.length !== 1) return { ok: false, problem: { kind: 'tooOften' } };
  return result;
}
