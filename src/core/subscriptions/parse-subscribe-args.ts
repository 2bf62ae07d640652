import { type CronSpec, looksLikeCron } from '../schedule/cron.js';
import { parseSchedule, type ScheduleProblem } from '../schedule/parse-schedule.js';
import { canonicalTimeZone, looksLikeTimeZone, suggestTimeZones } from '../schedule/time-zone.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import type { WhenEmpty } from '../ports/subscription-store.js';
import { parseTopics } from './parse-topics.js';

/**
 * `subscribe <schedule> [time zone] [quiet|note] [topics…]`: the time zone and the
 * "nothing new" choice are recognised after the schedule, in either order, so the schedule
 * keeps every other word; whatever follows the longest part that reads as a schedule is
 * topics (comma-separated, see `parseTopics`). The zone is an IANA name in any case
 * (`asia/riyadh`), `UTC`, or an Arab capital's Arabic name («الرياض»); without one,
 * `defaultZone` (the chat's current zone, else the configured one).
 */
export type SubscribeArgs =
  | {
      readonly ok: true;
      readonly spec: CronSpec;
      readonly zone: string;
      readonly whenEmpty: WhenEmpty;
      readonly topics: readonly string[];
    }
  | { readonly ok: false; readonly problem: SubscribeProblem };

export type SubscribeProblem =
  | { readonly kind: 'usage' }
  /** `schedule`: the rest of the command, when it reads as a schedule without the unknown zone. */
  | {
      readonly kind: 'zone';
      readonly input: string;
      readonly suggestions: readonly string[];
      readonly schedule?: string;
    }
  | { readonly kind: 'schedule'; readonly input: string; readonly problem: ScheduleProblem };

/** "Nothing new" choices, normalized (تنبيه, ملاحظة → ملاحظه, إشعار → اشعار). */
const WHEN_EMPTY: Readonly<Record<string, WhenEmpty>> = {
  quiet: 'skip',
  skip: 'skip',
  silent: 'skip',
  صامت: 'skip',
  صامته: 'skip',
  بصمت: 'skip',
  تخطي: 'skip',
  هدوء: 'skip',
  note: 'note',
  notify: 'note',
  tell: 'note',
  تنبيه: 'note',
  ملاحظه: 'note',
  اشعار: 'note',
  نبهني: 'note',
};

/** A word that can only have been meant as a place: letters (any script) and `_`, no digits. */
const ZONE_LIKE_WORD = /^[\p{L}_]{3,}$/u;

/** The default when the subscriber does not say: no post when nothing is new. */
export const DEFAULT_WHEN_EMPTY: WhenEmpty = 'skip';

export function parseSubscribeArgs(arg: string, defaultZone: string): SubscribeArgs {
  const whole = parseScheduleArgs(arg, defaultZone);
  // Only words the schedule could not read may be topics: a zone problem stays a zone problem.
  if (whole.ok || whole.problem.kind !== 'schedule') return whole;
  const tokens = arg.trim().split(/\s+/);
  for (let k = tokens.length - 1; k >= 1; k--) {
    const head = parseScheduleArgs(tokens.slice(0, k).join(' '), defaultZone);
    if (!head.ok) continue;
    const rest = tokens.slice(k);
    // Words with digits or cron marks belong to a schedule the parser rejected (يوميا 25:00), not to topics.
    if (rest.some((word) => /[\d*٠-٩]/.test(word))) break;
    const topics = parseTopics(rest.join(' '));
    if (topics.length > 0) return { ...head, topics };
  }
  return whole;
}

function parseScheduleArgs(arg: string, defaultZone: string): SubscribeArgs {
  const tokens = arg
    .trim()
    .split(/\s+/)
    .filter((x) => x !== '');
  let zone: string | null = null;
  let whenEmpty: WhenEmpty | null = null;
  while (tokens.length > 0) {
    const last = tokens[tokens.length - 1]!;
    const choice = WHEN_EMPTY[normalizeArabic(last)];
    if (choice && !whenEmpty) {
      whenEmpty = choice;
      tokens.pop();
      continue;
    }
    if (zone) break;
    const canonical = canonicalTimeZone(last);
    if (canonical && !looksLikeCron(last)) {
      zone = canonical;
      tokens.pop();
      continue;
    }
    if (looksLikeTimeZone(last))
      return { ok: false, problem: { kind: 'zone', input: last, suggestions: suggestTimeZones(last) } };
    break;
  }
  if (tokens.length === 0) return { ok: false, problem: { kind: 'usage' } };
  const input = tokens.join(' ');
  const effectiveZone = zone ?? defaultZone;
  const parsed = parseSchedule(input, effectiveZone);
  if (parsed.ok)
    return { ok: true, spec: parsed.spec, zone: effectiveZone, whenEmpty: whenEmpty ?? DEFAULT_WHEN_EMPTY, topics: [] };
  // "daily 08:00 Riyadh", «يوميا 08:00 المريخ»: the schedule reads without its last word,
  // so that word was meant as a time zone, and one nashra does not know.
  const last = tokens[tokens.length - 1]!;
  if (!zone && tokens.length > 1 && ZONE_LIKE_WORD.test(last)) {
    const schedule = tokens.slice(0, -1).join(' ');
    if (parseSchedule(schedule, defaultZone).ok) {
      return { ok: false, problem: { kind: 'zone', input: last, suggestions: suggestTimeZones(last), schedule } };
    }
  }
  return { ok: false, problem: { kind: 'schedule', input, problem: parsed.problem } };
}
