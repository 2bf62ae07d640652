import { t } from '../commands/messages.js';
import type { Locale } from '../commands/reply.js';
import type { CronSpec } from '../schedule/cron.js';

const pad = (n: number) => String(n).padStart(2, '0');

function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  if (locale === 'ar') return items.join(' و');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Weekdays as words: one day, a run ("Sunday to Thursday"), or a list. */
function describeDays(days: readonly number[], locale: Locale): string {
  const names = t(locale, 'weekdayNames');
  if (days.length === 1) return t(locale, 'scheduleOneDay')(names[days[0]!]!);
  const run = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (run && days.length >= 3) return t(locale, 'scheduleDayRange')(names[days[0]!]!, names[days[days.length - 1]!]!);
  return t(
    locale,
    'scheduleSomeDays',
  )(
    joinList(
      days.map((d) => names[d]!),
      locale,
    ),
  );
}

/**
 * A schedule in words, in the reader's language: "daily at 08:00", «من الأحد إلى الخميس
 * الساعة 18:30», "every hour, on the hour"; anything else as its cron expression.
 */
export function describeSchedule(spec: CronSpec, locale: Locale): string {
  const everyMonth = spec.months.size === 12 && spec.daysOfMonth === null;
  if (spec.minutes.length === 1 && everyMonth) {
    const minute = spec.minutes[0]!;
    if (spec.hours.length === 24 && spec.weekdays === null) return t(locale, 'scheduleHourly')(pad(minute));
    if (spec.hours.length === 1) {
      const time = `${pad(spec.hours[0]!)}:${pad(minute)}`;
      if (spec.weekdays === null) return t(locale, 'scheduleDaily')(time);
      return t(locale, 'scheduleOnDays')(
        describeDays(
          [...spec.weekdays].sort((a, b) => a - b),
          locale,
        ),
        time,
      );
    }
  }
  return t(locale, 'scheduleCron')(spec.expression);
}
