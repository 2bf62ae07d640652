import { type CronSpec, looksLikeCron } from '../schedule/cron.js';
import { parseSchedule, type ScheduleProblem } from '../schedule/parse-schedule.js';
import { canonicalTimeZone, looksLikeTimeZone, suggestTimeZones } from '../schedule/time-zone.js';
import { normalizeArabic } from '../text/normalize-arabic.js';
import type { WhenEmpty } from '../ports/subscription-store.js';

/**
 * `subscribe <schedule> [time zone] [quiet|note]`: the time zone and the "nothing new"
 * choice are recognised at the end, in either order, so the schedule keeps every other
 * word. The zone is an IANA name in any case (`asia/riyadh`), `UTC`, or an Arab capital's
 * Arabic name («الرياض»); the default zone is the configured one.
 */
export type SubscribeArgs =
  | { readonly ok: true; readonly spec: CronSpec; readonly zone: string; readonly whenEmpty: WhenEmpty }
  | { readonly ok: false; readonly problem: SubscribeProblem };

export type SubscribeProblem =
  | { readonly kind: 'usage' }
  | { readonly kind: 'zone'; readonly input: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'schedule'; readonly input: string; readonly problem: ScheduleProblem };

/** "Nothing new" choices, normalized (تنبيه, ملاحظة → ملاحظه, إشعار → اشعار). */
const WHEN_EMPTY: Readonly<Record<string, WhenEmpty>> = {
  quiet: 'skip', skip: 'skip', silent: 'skip', صامت: 'skip', صامته: 'skip', بصمت: 'skip', تخطي: 'skip', هدوء: 'skip',
  note: 'note', notify: 'note', tell: 'note', تنبيه: 'note', ملاحظه: 'note', اشعار: 'note', نبهني: 'note',
};

/** The default when the subscriber does not say: no post when nothing is new. */
export const DEFAULT_WHEN_EMPTY: WhenEmpty = 'skip';

export function parseSubscribeArgs(arg: string, defaultZone: string): SubscribeArgs {
  const tokens = arg.trim().split(/\s+/).filter((x) => x !== '');
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
    if (looksLikeTimeZone(last)) return { ok: false, problem: { kind: 'zone', input: last, suggestions: suggestTimeZones(last) } };
    break;
  }
  if (tokens.length === 0) return { ok: false, problem: { kind: 'usage' } };
  const input = tokens.join(' ');
  const effectiveZone = zone ?? defaultZone;
  const parsed = parseSchedule(input, effectiveZone);
  if (parsed.ok) return { ok: true, spec: parsed.spec, zone: effectiveZone, whenEmpty: whenEmpty ?? DEFAULT_WHEN_EMPTY };
  // "daily 08:00 Riyadh": the schedule reads without its last word, which names a city.
  const last = tokens[tokens.length - 1]!;
  if (!zone && tokens.length > 1 && /^[A-Za-z_]{3,}$/.test(last)) {
    const suggestions = suggestTimeZones(last);
    if (suggestions.length > 0 && parseSchedule(tokens.slice(0, -1).join(' '), defaultZone).ok) {
      return { ok: false, problem: { kind: 'zone', input: last, suggestions } };
    }
  }
  return { ok: false, problem: { kind: 'schedule', input, problem: parsed.problem } };
}
