import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/core/schedule/clock.js';
import { nextSlots, parseCron } from '../../src/core/schedule/cron.js';
import { createSubscriptionCommands } from '../../src/core/subscriptions/create-subscription-commands.js';
import { createNodeCronRunner } from '../../src/scheduler/cron-runner.js';
import { createDigestScheduler } from '../../src/scheduler/create-digest-scheduler.js';
import { createSqliteSubscriptions } from '../../src/store/create-sqlite-subscriptions.js';
import { createTestIndex } from '../support/create-test-index.js';
import { captureLogger, FakeCron, FakeDelivery } from './support.js';

afterEach(async () => {
  vi.useRealTimers();
});

describe('slot computation agrees with node-cron', () => {
  // Not in the table: a wall-clock time that happens twice (clocks going back), which
  // node-cron resolves to either occurrence depending on the sign of the UTC offset.
  // nashra takes the first and maps node-cron's tick onto it (tested below).
  it.each([
    ['0 8 * * *', 'Asia/Riyadh', '2026-03-20T00:00:00Z'],
    ['0 8 * * *', 'Europe/Berlin', '2026-03-25T00:00:00Z'],
    ['0 8 * * *', 'Europe/Berlin', '2026-10-22T00:00:00Z'],
    ['30 18 * * 1-5', 'Europe/Berlin', '2026-03-25T00:00:00Z'],
    ['30 7 * * 0-4', 'Asia/Riyadh', '2026-03-25T00:00:00Z'],
    ['0 * * * *', 'Europe/Berlin', '2026-03-28T20:00:00Z'],
    ['30 2 * * *', 'Europe/Berlin', '2026-03-26T00:00:00Z'],
    ['0 9 * * *', 'America/New_York', '2026-03-05T00:00:00Z'],
    ['15 6 1 * *', 'Australia/Sydney', '2026-03-15T00:00:00Z'],
    ['0 0 * * 0', 'Asia/Kolkata', '2026-01-01T00:00:00Z'],
    ['45 23 * * *', 'Pacific/Auckland', '2026-04-01T00:00:00Z'],
  ])('%s in %s from %s', async (expression, zone, from) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(from));
    const task = cron.createTask(expression, () => undefined, { timezone: zone });
    try {
      const theirs = task.getNextRuns(8).map((d) => d.toISOString());
      const spec = parseCron(expression);
      if (!spec.ok) throw new Error('bad expression');
      expect(nextSlots(spec.spec, zone, new Date(from), 8).map((d) => d.toISOString())).toEqual(theirs);
    } finally {
      void task.destroy();
    }
  });
});

describe('node-cron drives the scheduler (fake timers)', () => {
  async function setUp(arg: string, start: string) {
    const ti = await createTestIndex();
    const store = createSqliteSubscriptions(ti.db);
    const telegram = new FakeDelivery('telegram');
    const { logger } = captureLogger();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date(start));
    const commands = createSubscriptionCommands({ store, index: ti.index, clock: systemClock, defaultTimezone: 'UTC' });
    await commands.run(
      { locale: 'en', platform: 'telegram', chatId: 'c', userId: 'u', isGroup: false, canManage: false },
      'subscribe',
      arg,
    );
    const sub = (await store.byChat('telegram', 'c'))!;
    const scheduler = createDigestScheduler({
      store,
      index: ti.index,
      deliveries: { telegram },
      clock: systemClock,
      logger,
    });
    await scheduler.start();
    return {
      sub,
      store,
      telegram,
      async close() {
        await scheduler.stop();
        vi.useRealTimers();
        ti.close();
      },
    };
  }

  it('posts a daily 08:00 Asia/Riyadh digest at 05:00 UTC', async () => {
    const t = await setUp('daily 08:00 Asia/Riyadh', '2026-03-27T04:59:55Z');
    try {
      await vi.advanceTimersByTimeAsync(4_000);
      expect(t.telegram.sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      await vi.waitFor(() => expect(t.telegram.sent).toHaveLength(1), { interval: 5 });
      expect((await t.store.deliveries(t.sub.id)).map((d) => d.slot)).toEqual(['2026-03-27T05:00:00.000Z']);
    } finally {
      await t.close();
    }
  });

  it('posts at local 08:00 in Europe/Berlin on both sides of the DST change', async () => {
    const t = await setUp('daily 08:00 Europe/Berlin', '2026-03-28T06:59:55Z');
    try {
      for (const slot of ['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']) {
        await vi.advanceTimersByTimeAsync(new Date(slot).getTime() + 2_000 - Date.now());
        await vi.waitFor(
          async () => expect((await t.store.delivery(t.sub.id, new Date(slot)))?.status).toMatch(/sent|skipped/),
          {
            interval: 5,
          },
        );
      }
      expect((await t.store.deliveries(t.sub.id)).map((d) => d.slot)).toEqual([
        '2026-03-28T07:00:00.000Z',
        '2026-03-29T06:00:00.000Z',
        '2026-03-30T06:00:00.000Z',
      ]);
      expect(t.telegram.sent).toHaveLength(1); // then nothing new: quiet by default
    } finally {
      await t.close();
    }
  });
});

describe('a repeated wall-clock time (clocks going back)', () => {
  it('maps node-cron’s tick onto nashra’s slot, so it is claimed once', async () => {
    const ti = await createTestIndex();
    try {
      const store = createSqliteSubscriptions(ti.db);
      const { subscription: sub } = await store.subscribe(
        {
          platform: 'telegram',
          chatId: 'c',
          schedule: '30 2 * * *',
          timezone: 'Europe/Berlin',
          locale: 'en',
          whenEmpty: 'note',
          userId: 'u',
        },
        new Date('2026-10-24T00:00:00Z'),
      );
      const fake = new FakeCron();
      const telegram = new FakeDelivery('telegram');
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-10-25T01:30:00Z'));
      const s = createDigestScheduler({
        store,
        index: ti.index,
        deliveries: { telegram },
        clock: systemClock,
        logger: captureLogger().logger,
        cron: fake,
      });
      await s.start(); // catch-up: 02:30 CEST (00:30Z) already came
      fake.tick(`digest-${sub.id}`, '2026-10-25T01:30:00Z'); // node-cron fires at 02:30 CET
      await vi.waitFor(async () => expect(await store.deliveries(sub.id)).toHaveLength(1), { interval: 5 });
      await new Promise((r) => setImmediate(r));
      expect((await store.deliveries(sub.id)).map((d) => d.slot)).toEqual(['2026-10-25T00:30:00.000Z']);
      expect(telegram.sent).toHaveLength(1);
      await s.stop();
    } finally {
      ti.close();
    }
  });
});

describe('node-cron with real timers', () => {
  it('fires an every-second job with the timezone option, and stops', async () => {
    const ticks: Date[] = [];
    const runner = createNodeCronRunner({ logger: captureLogger().logger });
    const job = runner.schedule('* * * * * *', 'Asia/Riyadh', (slot) => ticks.push(slot), 'every-second');
    try {
      await vi.waitFor(() => expect(ticks.length).toBeGreaterThanOrEqual(1), { timeout: 3_500, interval: 50 });
    } finally {
      job.stop();
    }
    expect(ticks[0]!.getMilliseconds()).toBe(0);
    expect(Math.abs(Date.now() - ticks[0]!.getTime())).toBeLessThan(2_500);
    const seen = ticks.length;
    await new Promise((r) => setTimeout(r, 1_300));
    expect(ticks.length).toBe(seen);
  });
});
