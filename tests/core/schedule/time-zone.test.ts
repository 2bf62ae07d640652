import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatZoned,
  looksLikeTimeZone,
  suggestTimeZones,
  zonedParts,
  zonedTimeToInstant,
} from '../../../src/core/schedule/time-zone.js';
import { workWeek } from '../../../src/core/schedule/work-week.js';

describe('time zones', () => {
  it.each([
    ['Asia/Riyadh', 'Asia/Riyadh'],
    ['asia/riyadh', 'Asia/Riyadh'],
    ['EUROPE/BERLIN', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['الرياض', 'Asia/Riyadh'],
    ['القاهرة', 'Africa/Cairo'],
    ['Asia/Ryadh', null],
    ['Riyadh', null],
    ['UTC+3', null],
    ['+03:00', null],
    ['daily', null],
    ['', null],
  ])('canonicalTimeZone(%j) = %j', (input, zone) => {
    expect(canonicalTimeZone(input)).toBe(zone);
  });

  it('accepts deeper and linked names (as Intl canonicalizes them)', () => {
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toMatch(/Buenos_Aires$/);
    expect(canonicalTimeZone('Egypt')).toBeTruthy();
  });

  it('suggests the zone a typo or a bare city meant', () => {
    expect(suggestTimeZones('Asia/Ryadh')).toContain('Asia/Riyadh');
    expect(suggestTimeZones('Riyadh')).toEqual(['Asia/Riyadh']);
    expect(suggestTimeZones('berlin')).toEqual(['Europe/Berlin']);
    expect(suggestTimeZones('xx')).toEqual([]);
  });

  it('tells zone attempts from schedule words', () => {
    expect(looksLikeTimeZone('Asia/Ryadh')).toBe(true);
    expect(looksLikeTimeZone('UTC+3')).toBe(true);
    expect(looksLikeTimeZone('الرياض')).toBe(true);
    expect(looksLikeTimeZone('08:00')).toBe(false);
    expect(looksLikeTimeZone('*/5')).toBe(false);
    expect(looksLikeTimeZone('daily')).toBe(false);
  });

  it('maps wall-clock times to instants, with none in a DST gap', () => {
    expect(zonedTimeToInstant(2026, 3, 28, 8, 0, 'Asia/Riyadh')?.toISOString()).toBe('2026-03-28T05:00:00.000Z');
    expect(zonedTimeToInstant(2026, 3, 29, 2, 30, 'Europe/Berlin')).toBeNull();
    expect(zonedTimeToInstant(2026, 10, 25, 2, 30, 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedParts(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toMatchObject({
      day: 29,
      hour: 3,
      minute: 30,
      weekday: 0,
    });
  });

  it('formats a slot as the chat reads it, with Latin digits', () => {
    const slot = new Date('2026-03-28T05:00:00Z');
    expect(formatZoned(slot, 'Asia/Riyadh', 'en')).toBe('Saturday 28 March at 08:00');
    expect(formatZoned(slot, 'Asia/Riyadh', 'ar')).toContain('08:00');
    expect(formatZoned(slot, 'Asia/Riyadh', 'ar')).toContain('السبت');
  });

  it('knows the local work week', () => {
    expect(workWeek('Asia/Riyadh')).toEqual([0, 1, 2, 3, 4]);
    expect(workWeek('Europe/Berlin')).toEqual([1, 2, 3, 4, 5]);
    expect(workWeek('Asia/Dubai')).toEqual([1, 2, 3, 4, 5]);
  });
});
