import { describe, expect, it } from 'vitest';
import { type CronSpec, nextSlot, nextSlots, parseCron, previousSlot } from '../../../src/core/schedule/cron.js';

function spec(expression: string): CronSpec {
  const r = parseCron(expression);
  if (!r.ok) throw new Error(`bad test expression ${expression}: ${r.problem.kind}`);
  return r.spec;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('nextSlot', () => {
  it('fires a daily 08:00 Asia/Riyadh schedule at 05:00 UTC', () => {
    expect(iso(nextSlot(spec('0 8 * * *'), 'Asia/Riyadh', new Date('2026-03-27T00:00:00Z')))).toBe(
      '2026-03-27T05:00:00.000Z',
    );
    expect(iso(nextSlot(spec('0 8 * * *'), 'Asia/Riyadh', new Date('2026-03-27T05:00:00Z')))).toBe(
      '2026-03-28T05:00:00.000Z',
    );
  });

  it('keeps local 08:00 across the spring DST change in Europe/Berlin', () => {
    expect(nextSlots(spec('0 8 * * *'), 'Europe/Berlin', new Date('2026-03-27T12:00:00Z'), 3).map(iso)).toEqual([
      '2026-03-28T07:00:00.000Z', // CET, UTC+1
      '2026-03-29T06:00:00.000Z', // the change is at 01:00 UTC that morning: CEST, UTC+2
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('keeps local 08:00 across the autumn DST change in Europe/Berlin', () => {
    expect(nextSlots(spec('0 8 * * *'), 'Europe/Berlin', new Date('2026-10-24T00:00:00Z'), 3).map(iso)).toEqual([
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ]);
  });

  it('skips a wall-clock time the zone jumps over, and fires a repeated one once (first occurrence)', () => {
    // 02:30 does not exist in Berlin on 2026-03-29 and happens twice on 2026-10-25.
    expect(nextSlots(spec('30 2 * * *'), 'Europe/Berlin', new Date('2026-03-28T00:00:00Z'), 2).map(iso)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    expect(nextSlots(spec('30 2 * * *'), 'Europe/Berlin', new Date('2026-10-24T12:00:00Z'), 2).map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('runs hourly once per local hour through the DST changes', () => {
    // Autumn: local 02:00 happens at 00:00Z and again at 01:00Z; it fires once.
    expect(nextSlots(spec('0 * * * *'), 'Europe/Berlin', new Date('2026-10-24T23:30:00Z'), 4).map(iso)).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
      '2026-10-25T04:00:00.000Z',
    ]);
    // Spring: local 02:00 never happens; UTC hours run on without a gap.
    expect(nextSlots(spec('0 * * * *'), 'Europe/Berlin', new Date('2026-03-28T23:30:00Z'), 3).map(iso)).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
  });

  it('finds weekday and monthly slots in the local calendar', () => {
    // Sunday–Thursday at 07:00 in Riyadh; 2026-03-27 is a Friday.
    expect(nextSlots(spec('0 7 * * 0-4'), 'Asia/Riyadh', new Date('2026-03-27T00:00:00Z'), 2).map(iso)).toEqual([
      '2026-03-29T04:00:00.000Z',
      '2026-03-30T04:00:00.000Z',
    ]);
    // 00:30 on the 1st in Tokyo is still the 31st in UTC.
    expect(iso(nextSlot(spec('30 0 1 * *'), 'Asia/Tokyo', new Date('2026-03-15T00:00:00Z')))).toBe(
      '2026-03-31T15:30:00.000Z',
    );
    expect(iso(nextSlot(spec('0 8 29 2 *'), 'UTC', new Date('2026-03-01T00:00:00Z')))).toBe('2028-02-29T08:00:00.000Z');
  });
});

describe('previousSlot', () => {
  it('is inclusive: a slot at the instant itself counts', () => {
    expect(iso(previousSlot(spec('0 8 * * *'), 'Europe/Berlin', new Date('2026-03-30T06:00:00Z')))).toBe(
      '2026-03-30T06:00:00.000Z',
    );
    expect(iso(previousSlot(spec('0 8 * * *'), 'Europe/Berlin', new Date('2026-03-30T05:59:59Z')))).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('walks back over days that do not match', () => {
    // Friday evening in Riyadh: the last Sunday–Thursday 07:00 was Thursday's.
    expect(iso(previousSlot(spec('0 7 * * 0-4'), 'Asia/Riyadh', new Date('2026-03-27T18:00:00Z')))).toBe(
      '2026-03-26T04:00:00.000Z',
    );
  });

  it('agrees with nextSlot', () => {
    const s = spec('15 9 * * 1,3,5');
    let t = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 20; i++) {
      const next = nextSlot(s, 'America/New_York', t)!;
      expect(iso(previousSlot(s, 'America/New_York', next))).toBe(iso(next));
      expect(iso(previousSlot(s, 'America/New_York', new Date(next.getTime() - 1)))).not.toBe(iso(next));
      t = next;
    }
  });
});

describe('parseCron', () => {
  it.each([
    ['0 8 * * *', '0 8 * * *'],
    ['0 8 * * 0-6', '0 8 * * *'],
    ['0 8 * * 0-7', '0 8 * * *'],
    ['0 8 * * sat,sun', '0 8 * * 0,6'],
    ['0 8 * * Monday-Friday', '0 8 * * 1-5'],
    ['0 8-10 * * *', '0 8-10 * * *'],
    ['0 8,9 * * *', '0 8,9 * * *'],
    ['5 10-20/5 * * *', '5 10,15,20 * * *'],
    ['0 5/6 * * *', '0 5,11,17,23 * * *'],
    ['  0   8 * * *  ', '0 8 * * *'],
  ])('canonicalizes %j to %j', (input, expression) => {
    expect(spec(input).expression).toBe(expression);
  });
});
