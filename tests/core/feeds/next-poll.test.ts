import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../src/core/feeds/feed-limits.js';
import { nextPollAt, parseRetryAfter } from '../../../src/core/feeds/next-poll.js';

const NOW = new Date('2026-03-27T06:00:00Z');
const MIN = 60_000;
const minutesAfter = (d: Date) => (d.getTime() - NOW.getTime()) / MIN;

describe('nextPollAt', () => {
  it.each([
    [0, 13.5],
    [0.5, 15],
    [1, 16.5],
  ])('after a success, one interval with jitter (random %f → %f min)', (r, minutes) => {
    expect(minutesAfter(nextPollAt(NOW, 15 * MIN, { ok: true, failures: 0 }, () => r))).toBe(minutes);
  });

  it.each([
    [1, 15],
    [2, 30],
    [3, 60],
    [10, FEED_LIMITS.maxBackoffMs / MIN],
  ])('after %i failures in a row, waits %f minutes', (failures, minutes) => {
    expect(minutesAfter(nextPollAt(NOW, 15 * MIN, { ok: false, failures }, () => 0.5))).toBe(minutes);
  });

  it('honours a longer Retry-After, capped at a day', () => {
    expect(
      minutesAfter(nextPollAt(NOW, 15 * MIN, { ok: false, failures: 1, retryAfterMs: 120 * MIN }, () => 0.5)),
    ).toBe(120);
    expect(
      minutesAfter(nextPollAt(NOW, 15 * MIN, { ok: false, failures: 1, retryAfterMs: 10 * 24 * 60 * MIN }, () => 0.5)),
    ).toBe(24 * 60);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['Fri, 27 Mar 2026 06:10:00 GMT', 600_000],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});
