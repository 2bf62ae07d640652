import { nextDay, previousDay, weekdayOf, zonedParts, zonedTimeToInstant } from './time-zone.js';

/**
 * Five-field cron expressions (minute hour day-of-month month weekday), parsed and
 * walked in an IANA time zone. This is the same dialect node-cron runs, restricted to
 * what a digest needs, so the times nashra promises (`subscriptions`, catch-up after
 * downtime) are the times node-cron fires:
 * - `*`, numbers, ranges `a-b`, steps `*\/n` and `a-b/n`, lists `a,b`; month and weekday
 *   names (`jan`, `mon`); weekday 7 is Sunday; `?` means `*`; `@hourly`, `@daily`,
 *   `@weekly`, `@monthly`, `@yearly` (`@annually`, `@midnight`).
 * - no seconds field, no `L`/`W`/`#` (node-cron extensions);
 * - not both day-of-month and weekday restricted: classic cron ORs them, node-cron ANDs
 *   them; refusing the combination keeps the meaning unambiguous.
 */
export interface CronSpec {
  /** The expression in canonical form (5 fields, numbers only). */
  readonly expression: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** null: any day of the month. */
  readonly daysOfMonth: ReadonlySet<number> | null;
  readonly months: ReadonlySet<number>;
  /** null: any weekday. 0 = Sunday. */
  readonly weekdays: ReadonlySet<number> | null;
}

export type CronField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'weekday';

/** Why an expression was refused; the command layer turns it into words. */
export type CronProblem =
  | { readonly kind: 'fieldCount'; readonly count: number }
  | {
      readonly kind: 'field';
      readonly field: CronField;
      readonly value: string;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'unsupported'; readonly value: string }
  | { readonly kind: 'bothDays' }
  | { readonly kind: 'never' };

export type CronParse =
  | { readonly ok: true; readonly spec: CronSpec }
  | { readonly ok: false; readonly problem: CronProblem };

const NICKNAMES: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldRule {
  readonly field: CronField;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly nameBase?: number;
}

const RULES: readonly FieldRule[] = [
  { field: 'minute', min: 0, max: 59 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'dayOfMonth', min: 1, max: 31 },
  { field: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { field: 'weekday', min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

/** The days in each month of a leap year: a day-of-month is possible when some month has it. */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month and weekday names, as a cron field may hold them. */
const NAME_IN_FIELD =
  /january|february|march|april|june|july|august|september|october|november|december|sunday|monday|tuesday|wednesday|thursday|friday|saturday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat/g;

/** Looks like a cron expression (rather than words): 3+ fields of cron characters and names, or a nickname. */
export function looksLikeCron(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t.startsWith('@')) return true;
  const fields = t.split(/\s+/);
  return (
    fields.length >= 3 &&
    fields.every((f) => /^[\d*?/,\-#lw]+$/.test(f.replace(NAME_IN_FIELD, '0'))) &&
    fields.some((f) => /[\d*]/.test(f))
  );
}

const FULL_MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const FULL_DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function parseValue(text: string, rule: FieldRule): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (!rule.names) return null;
  const full = rule.field === 'month' ? FULL_MONTH_NAMES : FULL_DAY_NAMES;
  const i = Math.max(rule.names.indexOf(text), full.indexOf(text));
  return i >= 0 ? i + (rule.nameBase ?? 0) : null;
}

/** node-cron's `L`, `W`, `#` extensions: valid there, refused here. */
const EXTENSION = /^(l|lw|l-\d+|\d+w|\d+l|\d+#\d+)$/;

function parseField(text: string, rule: FieldRule): { values: number[]; any: boolean } | CronProblem {
  const bad: CronProblem = { kind: 'field', field: rule.field, value: text, min: rule.min, max: rule.max };
  if (text.split(',').some((part) => EXTENSION.test(part))) return { kind: 'unsupported', value: text };
  const values = new Set<number>();
  const any = text === '*' || text === '?';
  for (const part of text.split(',')) {
    const m = /^(\*|\?|[a-z0-9]+)(?:-([a-z0-9]+))?(?:\/(\d{1,2}))?$/.exec(part);
    if (!m) return bad;
    const [, startText, endText, stepText] = m;
    let start: number;
    let end: number;
    if (startText === '*' || startText === '?') {
      if (endText !== undefined) return bad;
      start = rule.min;
      end = rule.field === 'weekday' ? 6 : rule.max;
    } else {
      const s = parseValue(startText!, rule);
      if (s === null) return bad;
      start = s;
      end = s;
      if (endText !== undefined) {
        const e = parseValue(endText, rule);
        if (e === null) return bad;
        end = e;
      } else if (stepText !== undefined) {
        end = rule.field === 'weekday' ? 6 : rule.max; // `5/15` = from 5, every 15
      }
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1 || start < rule.min || start > rule.max || end < rule.min || end > rule.max || end < start) return bad;
    for (let v = start; v <= end; v += step) values.add(rule.field === 'weekday' && v === 7 ? 0 : v);
  }
  return { values: [...values].sort((a, b) => a - b), any };
}

/** Parses a five-field expression or a nickname. Never throws. */
export function parseCron(input: string): CronParse {
  const text = input.trim().toLowerCase();
  if (text.startsWith('@') && !NICKNAMES[text])
    return { ok: false, problem: { kind: 'unsupported', value: input.trim() } };
  const resolved = NICKNAMES[text] ?? text;
  const fields = resolved.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return { ok: false, problem: { kind: 'fieldCount', count: fields.length } };
  const rawFields = NICKNAMES[text] ? fields : input.trim().split(/\s+/);
  const parsed: { values: number[]; any: boolean }[] = [];
  for (let i = 0; i < 5; i++) {
    const r = parseField(fields[i]!, RULES[i]!);
    if ('kind' in r) return { ok: false, problem: 'value' in r ? { ...r, value: rawFields[i] ?? r.value } : r };
    parsed.push(r);
  }
  const [minute, hour, dom, month, dow] = parsed as [
    (typeof parsed)[0],
    (typeof parsed)[0],
    (typeof parsed)[0],
    (typeof parsed)[0],
    (typeof parsed)[0],
  ];
  const domAny = dom.any || dom.values.length === 31;
  const dowAny = dow.any || dow.values.length === 7;
  if (!domAny && !dowAny) return { ok: false, problem: { kind: 'bothDays' } };
  if (!domAny && !dom.values.some((d) => month.values.some((m) => d <= MAX_DAYS_IN_MONTH[m - 1]!))) {
    return { ok: false, problem: { kind: 'never' } };
  }
  const canonical = (f: { values: number[] }, all: boolean) => (all ? '*' : compressList(f.values));
  const monthAny = month.values.length === 12;
  const spec: CronSpec = {
    expression: [
      canonical(minute, minute.values.length === 60),
      canonical(hour, hour.values.length === 24),
      canonical(dom, domAny),
      canonical(month, monthAny),
      canonical(dow, dowAny),
    ].join(' '),
    minutes: minute.values,
    hours: hour.values,
    daysOfMonth: domAny ? null : new Set(dom.values),
    months: new Set(month.values),
    weekdays: dowAny ? null : new Set(dow.values),
  };
  return { ok: true, spec };
}

/** `[1,2,3,5]` → `1-3,5`. */
export function compressList(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    out.push(j - i >= 2 ? `${values[i]}-${values[j]}` : j === i ? `${values[i]}` : `${values[i]},${values[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

function dayMatches(spec: CronSpec, year: number, month: number, day: number): boolean {
  if (!spec.months.has(month)) return false;
  if (spec.daysOfMonth && !spec.daysOfMonth.has(day)) return false;
  if (spec.weekdays && !spec.weekdays.has(weekdayOf(year, month, day))) return false;
  return true;
}

/** How far to look for the next or previous slot: past any 29 February. */
const SEARCH_DAYS = 366 * 8 + 2;

/**
 * The first slot of `spec` in `zone` strictly after `after`, or null when there is none
 * within eight years. A wall-clock time the zone skips (clocks go forward) has no slot
 * that day; a time it repeats (clocks go back) has one, at its first occurrence.
 */
export function nextSlot(spec: CronSpec, zone: string, after: Date): Date | null {
  const base = zonedParts(after, zone);
  let { year, month, day } = base;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    if (dayMatches(spec, year, month, day)) {
      for (const hour of spec.hours) {
        if (i === 0 && hour < base.hour - 3) continue; // surely before `after`, even across a DST shift
        for (const minute of spec.minutes) {
          const t = zonedTimeToInstant(year, month, day, hour, minute, zone);
          if (t && t.getTime() > after.getTime()) return t;
        }
      }
    }
    ({ year, month, day } = nextDay(year, month, day));
  }
  return null;
}

/** The last slot of `spec` in `zone` at or before `atOrBefore`, or null within eight years. */
export function previousSlot(spec: CronSpec, zone: string, atOrBefore: Date): Date | null {
  const base = zonedParts(atOrBefore, zone);
  let { year, month, day } = base;
  const hours = [...spec.hours].reverse();
  const minutes = [...spec.minutes].reverse();
  for (let i = 0; i < SEARCH_DAYS; i++) {
    if (dayMatches(spec, year, month, day)) {
      for (const hour of hours) {
        if (i === 0 && hour > base.hour + 3) continue;
        for (const minute of minutes) {
          const t = zonedTimeToInstant(year, month, day, hour, minute, zone);
          if (t && t.getTime() <= atOrBefore.getTime()) return t;
        }
      }
    }
    ({ year, month, day } = previousDay(year, month, day));
  }
  return null;
}

/** The next `count` slots after `after`. */
export function nextSlots(spec: CronSpec, zone: string, after: Date, count: number): Date[] {
  const out: Date[] = [];
  let from = after;
  while (out.length < count) {
    const t = nextSlot(spec, zone, from);
    if (!t) break;
    out.push(t);
    from = t;
  }
  return out;
}
