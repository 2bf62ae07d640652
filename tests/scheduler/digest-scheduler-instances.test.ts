import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSubscriptionCommands } from '../../src/core/subscriptions/create-subscription-commands.js';
import type { SubscriptionStore } from '../../src/core/ports/subscription-store.js';
import { createDigestScheduler, type DigestScheduler } from '../../src/scheduler/create-digest-scheduler.js';
import { createSqliteSubscriptions } from '../../src/store/create-sqlite-subscriptions.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { captureLogger, createFakeDateClock, eventually, FakeCron, FakeDelivery } from './support.js';

/**
 * Two instances' schedulers over one database (two connections to one SQLite file): a
 * subscription made through one is scheduled by the other at its periodic refresh, both
 * crons fire for the slot, and the claim lets exactly one of them post it.
 */
describe('digest schedulers of several instances on one database', () => {
  let ti: TestIndex;
  let other: Db;
  const schedulers: DigestScheduler[] = [];

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-27T00:00:00Z'));
    ti = await createTestIndex();
    other = openDatabase(ti.dbFile);
  });
  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    other.close();
    ti.close();
    vi.useRealTimers();
  });

  it('schedules on every instance, posts each slot once', async () => {
    const clock = createFakeDateClock();
    clock.set('2026-03-27T00:01:00Z');
    const logs = captureLogger();
    const instance = (store: SubscriptionStore) => {
      const cron = new FakeCron();
      const delivery = new FakeDelivery('telegram');
      const scheduler = createDigestScheduler({
        store,
        index: ti.index,
        deliveries: { telegram: delivery },
        clock,
        logger: logs.logger,
        cron,
        refreshEveryMs: 20,
      });
      schedulers.push(scheduler);
      return { store, cron, delivery, scheduler };
    };
    const a = instance(createSqliteSubscriptions(ti.db));
    const b = instance(createSqliteSubscriptions(other));
    await a.scheduler.start();
    await b.scheduler.start();

    // /subscribe answered by instance a: only a is told (onChange).
    const commands = createSubscriptionCommands({
      store: a.store,
      index: ti.index,
      clock,
      defaultTimezone: 'UTC',
      onChange: () => void a.scheduler.refresh(),
    });
    await commands.run(
      { locale: 'en', platform: 'telegram', chatId: 'newsroom', userId: 'admin', isGroup: true, canManage: true },
      'subscribe',
      'daily 08:00 Asia/Riyadh',
    );
    const sub = (await a.store.byChat('telegram', 'newsroom'))!;
    const job = `digest-${sub.id}`;
    await eventually(() => a.cron.active().length === 1);
    // b learns of it from its periodic refresh (real timers: a few ms).
    await vi.waitFor(() => expect(b.cron.active().map((j) => j.name)).toEqual([job]));

    clock.set('2026-03-27T05:00:00Z');
    a.cron.tick(job, '2026-03-27T05:00:00Z');
    b.cron.tick(job, '2026-03-27T05:00:00Z');
    await eventually(() => logs.lines().some((l) => l.msg === 'slot already claimed; not posting again'));
    await eventually(() => a.delivery.sent.length + b.delivery.sent.length === 1);
    expect(await a.store.delivery(sub.id, new Date('2026-03-27T05:00:00Z'))).toMatchObject({ status: 'sent' });
    expect(a.delivery.sent.length + b.delivery.sent.length).toBe(1);
  });
});
