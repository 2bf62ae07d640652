import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/core/schedule/parse-schedule.js';

describe('parseSchedule', () => {
  it.each([
    // English friendly forms
    ['daily 08:00', 'UTC', '0 8 * * *'],
    ['Daily 8:05', 'UTC', '5 8 * * *'],
    ['every day at 6:30pm', 'UTC', '30 18 * * *'],
    ['daily', 'UTC', '0 8 * * *'],
    ['08:00', 'UTC', '0 8 * * *'],
    ['12am daily', 'UTC', '0 0 * * *'],
    ['daily 12 pm', 'UTC', '0 12 * * *'],
    ['weekdays 18:30', 'Europe/Berlin', '30 18 * * 1-5'],
    ['weekdays 18:30', 'Asia/Riyadh', '30 18 * * 0-4'],
    ['workdays 7', 'Africa/Cairo', '0 7 * * 0-4'],
    ['weekdays 7', 'Asia/Dubai', '0 7 * * 1-5'],
    ['weekends 10:00', 'Europe/Berlin', '0 10 * * 0,6'],
    ['weekends 10:00', 'Asia/Riyadh', '0 10 * * 5,6'],
    ['hourly', 'UTC', '0 * * * *'],
    ['every hour', 'UTC', '0 * * * *'],
    ['hourly :30', 'UTC', '30 * * * *'],
    ['mon 08:00', 'UTC', '0 8 * * 1'],
    ['fridays 9', 'UTC', '0 9 * * 5'],
    ['every Friday at 9am', 'UTC', '0 9 * * 5'],
    ['sun-thu 07:00', 'UTC', '0 7 * * 0-4'],
    ['fri-sun 07:00', 'UTC', '0 7 * * 0,5,6'],
    ['mon,wed,fri 8:15', 'UTC', '15 8 * * 1,3,5'],
    ['mon, wed and fri 8:15', 'UTC', '15 8 * * 1,3,5'],
    ['from sunday to thursday 7', 'UTC', '0 7 * * 0-4'],
    // Arabic friendly forms (letter variants, harakat and Arabic-Indic digits folded)
    ['يوميا 08:00', 'UTC', '0 8 * * *'],
    ['يومياً ٠٨:٠٠', 'UTC', '0 8 * * *'],
    ['كل يوم الساعة 8 صباحا', 'UTC', '0 8 * * *'],
    ['يوميا الساعة 8 مساءً', 'UTC', '0 20 * * *'],
    ['أيام العمل 18:30', 'Asia/Riyadh', '30 18 * * 0-4'],
    ['ايام العمل 18:30', 'Europe/Berlin', '30 18 * * 1-5'],
    ['نهاية الأسبوع 10:00', 'Asia/Riyadh', '0 10 * * 5,6'],
    ['كل ساعة', 'UTC', '0 * * * *'],
    ['كل ساعه', 'UTC', '0 * * * *'],
    ['الجمعة 09:00', 'UTC', '0 9 * * 5'],
    ['كل جمعة 9', 'UTC', '0 9 * * 5'],
    ['يوم الجمعة 9', 'UTC', '0 9 * * 5'],
    ['الأحد-الخميس 07:00', 'UTC', '0 7 * * 0-4'],
    ['من الأحد إلى الخميس 7', 'UTC', '0 7 * * 0-4'],
    ['الاثنين والخميس ٨:٣٠', 'UTC', '30 8 * * 1,4'],
    ['الإثنين و الأربعاء 8', 'UTC', '0 8 * * 1,3'],
    // cron
    ['0 8 * * *', 'UTC', '0 8 * * *'],
    ['30 7 * * 0-4', 'UTC', '30 7 * * 0-4'],
    ['0 8 * * MON-FRI', 'UTC', '0 8 * * 1-5'],
    ['0 8 * * 7', 'UTC', '0 8 * * 0'],
    ['0 */6 * * *', 'UTC', '0 0,6,12,18 * * *'],
    ['15 9 1 * *', 'UTC', '15 9 1 * *'],
    ['0 8 ? * *', 'UTC', '0 8 * * *'],
    ['0 8 * jan-mar *', 'UTC', '0 8 * 1-3 *'],
    ['@daily', 'UTC', '0 0 * * *'],
    ['@hourly', 'UTC', '0 * * * *'],
    ['@weekly', 'UTC', '0 0 * * 0'],
  ])('reads %j (%s) as %s', (input, zone, expression) => {
    const r = parseSchedule(input, zone);
    expect(r.ok ? r.spec.expression : r.problem).toBe(expression);
  });

  it.each([
    ['', 'syntax'],
    ['sometimes', 'syntax'],
    ['أحيانا', 'syntax'],
    ['daily 25:00', 'time'],
    ['يوميا 25:00', 'time'],
    ['daily 8:75', 'time'],
    ['daily 13pm', 'time'],
    ['daily 8 9', 'syntax'],
    ['hourly 08:30', 'syntax'],
    ['mon-funday 8', 'syntax'],
    ['from monday 8', 'syntax'],
    ['* * * * *', 'tooOften'],
    ['*/15 * * * *', 'tooOften'],
    ['0,30 8 * * *', 'tooOften'],
    ['0 25 * * *', 'field'],
    ['61 8 * * *', 'field'],
    ['0 8 32 * *', 'field'],
    ['0 8 * 13 *', 'field'],
    ['0 8 * * 8', 'field'],
    ['0 8-6 * * *', 'field'],
    ['0 8 * * * *', 'fieldCount'],
    ['0 8 * *', 'fieldCount'],
    ['0 8 L * *', 'unsupported'],
    ['0 8 * * 5L', 'unsupported'],
    ['0 8 * * 1#2', 'unsupported'],
    ['@reboot', 'unsupported'],
    ['0 8 1 * 1', 'bothDays'],
    ['0 8 31 2 *', 'never'],
    ['0 8 30,31 2 *', 'never'],
  ])('refuses %j (%s)', (input, kind) => {
    const r = parseSchedule(input, 'UTC');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe(kind);
  });

  it('names the offending cron field and its range', () => {
    expect(parseSchedule('0 25 * * *', 'UTC')).toEqual({
      ok: false,
      problem: { kind: 'field', field: 'hour', value: '25', min: 0, max: 23 },
    });
  });

  it('accepts 29 February (it comes round every four years)', () => {
    expect(parseSchedule('0 8 29 2 *', 'UTC').ok).toBe(true);
  });
});
