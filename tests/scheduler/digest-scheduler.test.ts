import { distinctSentence } from '../support/distinct-text.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPlain } from '../../src/console/render-plain.js';
import type { Locale } from '../../src/core/commands/reply.js';
import type { Platform } from '../../src/core/ports/chat-delivery.js';
import { abortError, type Clock } from '../../src/core/schedule/clock.js';
import { nextSlots, parseCron } from '../../src/core/schedule/cron.js';
import { createSubscriptionCommands } from '../../src/core/subscriptions/create-subscription-commands.js';
import type { Subscription, SubscriptionStore } from '../../src/core/ports/subscription-store.js';
import { createCorpusWatcher } from '../../src/scheduler/create-corpus-watcher.js';
import {
  createDigestScheduler,
  type DigestScheduler,
  type DigestSchedulerDeps,
} from '../../src/scheduler/create-digest-scheduler.js';
import { createSqliteSubscriptions } from '../../src/store/create-sqlite-subscriptions.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import {
  addArticle,
  captureLogger,
  chatGone,
  createFakeDateClock,
  eventually,
  FakeCron,
  FakeDelivery,
  rateLimited,
  serverError,
} from './support.js';

const T0 = '2026-03-27T00:00:00Z';

describe('digest scheduler', () => {
  let ti: TestIndex;
  let store: SubscriptionStore;
  let clock: ReturnType<typeof createFakeDateClock>;
  let telegram: FakeDelivery;
  let discord: FakeDelivery;
  let cron: FakeCron;
  let logs: ReturnType<typeof captureLogger>;
  const schedulers: DigestScheduler[] = [];

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(T0));
    ti = await createTestIndex(); // the seed corpus is indexed at T0
    store = createSqliteSubscriptions(ti.db);
    clock = createFakeDateClock();
    telegram = new FakeDelivery('telegram');
    discord = new FakeDelivery('discord');
    cron = new FakeCron();
    logs = captureLogger();
    clock.set('2026-03-27T00:01:00Z');
  });

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    ti.close();
    vi.useRealTimers();
  });

  function scheduler(over: Partial<DigestSchedulerDeps> = {}): DigestScheduler {
    const s = createDigestScheduler({
      store,
      index: ti.index,
      deliveries: { telegram, discord },
      clock,
      logger: logs.logger,
      cron,
      retry: { baseDelayMs: 1000 },
      ...over,
    });
    schedulers.push(s);
    return s;
  }

  async function subscribe(
    chatId: string,
    arg: string,
    options: { platform?: Platform; locale?: Locale; onChange?: () => void } = {},
  ): Promise<Subscription> {
    const commands = createSubscriptionCommands({
      store,
      index: ti.index,
      clock,
      defaultTimezone: 'UTC',
      ...(options.onChange ? { onChange: options.onChange } : {}),
    });
    const platform = options.platform ?? 'telegram';
    const reply = await commands.run(
      { locale: options.locale ?? 'en', platform, chatId, userId: 'admin', isGroup: true, canManage: true },
      'subscribe',
      arg,
    );
    expect(reply.notice).toBeUndefined();
    return (await store.byChat(platform, chatId))!;
  }

  const headings = (d: FakeDelivery, chatId: string) => d.to(chatId).map((r) => (r.items ?? []).map((i) => i.heading));

  it('fires a daily 08:00 Asia/Riyadh subscription at 05:00 UTC', async () => {
    const sub = await subscribe('riyadh', 'daily 08:00 Asia/Riyadh');
    const s = scheduler();
    await s.start();
    expect(cron.active()).toEqual([{ name: `digest-${sub.id}`, expression: '0 8 * * *', timezone: 'Asia/Riyadh' }]);
    expect(telegram.sent).toEqual([]); // nothing due at start-up

    clock.set('2026-03-27T05:00:00Z');
    cron.tick(`digest-${sub.id}`, '2026-03-27T05:00:00Z');
    await eventually(() => telegram.sent.length === 1);
    const reply = telegram.sent[0]!.reply;
    expect(reply.title).toBe('News digest · Friday 27 March at 08:00');
    expect(reply.items).toHaveLength(5); // a first digest: the newest articles
    expect(reply.items?.every((i) => i.lines.length > 0 && i.lines.length <= 2)).toBe(true);
    expect(await store.delivery(sub.id, new Date('2026-03-27T05:00:00Z'))).toMatchObject({
      status: 'sent',
      attempts: 1,
      items: 5,
    });
  });

  it('fires at local 08:00 on both sides of the Europe/Berlin DST change', async () => {
    const sub = await subscribe('berlin', 'daily 08:00 Europe/Berlin note');
    const spec = parseCron(sub.schedule);
    if (!spec.ok) throw new Error('bad spec');
    const slots = nextSlots(spec.spec, 'Europe/Berlin', clock.now(), 4).map((d) => d.toISOString());
    expect(slots).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
    const s = scheduler();
    await s.start();
    for (const slot of slots) {
      clock.set(slot);
      cron.tick(`digest-${sub.id}`, slot);
      await eventually(async () => (await store.delivery(sub.id, new Date(slot)))?.status === 'sent');
    }
    expect((await store.deliveries(sub.id)).map((d) => [d.slot, d.status])).toEqual(
      slots.map((slot) => [slot, 'sent']),
    );
    expect(telegram.to('berlin').map((r) => r.title)).toEqual([
      'News digest · Friday 27 March at 08:00',
      'News digest · Saturday 28 March at 08:00',
      'News digest · Sunday 29 March at 08:00',
      'News digest · Monday 30 March at 08:00',
    ]);
  });

  it('delivers a slot missed while down exactly once, however often it restarts', async () => {
    const sub = await subscribe('riyadh', 'daily 08:00 Asia/Riyadh');
    const slot = new Date('2026-03-27T05:00:00Z');
    for (const at of ['2026-03-27T06:30:00Z', '2026-03-27T06:40:00Z', '2026-03-27T09:00:00Z']) {
      clock.set(at);
      const s = scheduler({ cron: new FakeCron() });
      await s.start();
      await s.stop();
    }
    expect(telegram.to('riyadh')).toHaveLength(1);
    expect(await store.deliveries(sub.id)).toMatchObject([{ slot: slot.toISOString(), status: 'sent' }]);
    expect(logs.lines().filter((l) => l.msg === 'catching up a slot missed while down')).toHaveLength(1);
  });

  it('catches up only the latest missed slot, only within the grace window, never one from before subscribing', async () => {
    const hourly = await subscribe('hourly', 'hourly'); // subscribed 00:01
    const daily = await subscribe('daily', 'daily 08:00 Asia/Riyadh');
    clock.set('2026-03-27T04:30:00Z'); // down since 00:30: slots 01:00 … 04:00 missed
    await scheduler().start();
    expect((await store.deliveries(hourly.id)).map((d) => d.slot)).toEqual(['2026-03-27T04:00:00.000Z']);
    expect(await store.deliveries(daily.id)).toEqual([]); // 08:00 Riyadh today has not come; yesterday's predates the subscription

    const late = await subscribe('late', 'daily 08:00 Asia/Riyadh');
    clock.set('2026-03-28T11:00:01Z'); // 6 h and a second after 05:00 UTC
    await scheduler({ cron: new FakeCron() }).start();
    expect(await store.deliveries(late.id)).toEqual([]);
    expect(
      logs
        .lines()
        .some(
          (l) => l.msg === 'missed slot is older than the grace window; not caught up' && l.subscription === late.id,
        ),
    ).toBe(true);
  });

  it('does not post a slot twice after being killed between the post and the log write (at most once per slot)', async () => {
    const sub = await subscribe('crash', 'daily 08:00 Asia/Riyadh');
    const slot = new Date('2026-03-27T05:00:00Z');
    telegram.script('crash', 'hang-after-post');
    clock.set(slot);
    const doomed = createDigestScheduler({
      store,
      index: ti.index,
      deliveries: { telegram },
      clock,
      logger: logs.logger,
      cron: new FakeCron(),
    });
    void doomed.runSlot(sub.id, slot); // the process dies while this is in flight
    await eventually(() => telegram.sent.length === 1);
    expect((await store.delivery(sub.id, slot))?.status).toBe('claimed');

    // Restart on the same database file, within the grace window: the claim is there, so no re-post.
    const db2 = openDatabase(ti.dbFile);
    try {
      const store2 = createSqliteSubscriptions(db2);
      clock.set('2026-03-27T05:10:00Z');
      const s2 = scheduler({ store: store2, cron: new FakeCron() });
      await s2.start();
      expect(await s2.runSlot(sub.id, slot)).toBe('duplicate');
      expect(telegram.to('crash')).toHaveLength(1);

      // What the log could not know: the articles of the lost write were never recorded,
      // so the next slot's digest carries them again. That is the price of at-most-once posts.
      const next = new Date('2026-03-28T05:00:00Z');
      clock.set(next);
      expect(await s2.runSlot(sub.id, next)).toBe('sent');
      expect(headings(telegram, 'crash')[1]).toEqual(headings(telegram, 'crash')[0]);
      expect(await s2.runSlot(sub.id, next)).toBe('duplicate');
    } finally {
      await Promise.all(schedulers.splice(0).map((s) => s.stop()));
      db2.close();
    }
  });

  it('loses, rather than doubles, a slot claimed just before a crash; its articles come next time', async () => {
    const sub = await subscribe('claimed', 'daily 08:00 Asia/Riyadh');
    const slot = new Date('2026-03-27T05:00:00Z');
    expect(await store.claimSlot(sub.id, slot, slot)).toBe('claimed'); // …and the process died
    clock.set('2026-03-27T05:30:00Z');
    const s = scheduler();
    await s.start();
    expect(telegram.sent).toEqual([]);
    clock.set('2026-03-28T05:00:00Z');
    expect(await s.runSlot(sub.id, new Date('2026-03-28T05:00:00Z'))).toBe('sent');
    expect(telegram.to('claimed')[0]?.items).toHaveLength(5);
  });

  it('waits out a 429 for exactly retry_after and then posts', async () => {
    const sub = await subscribe('busy', 'daily 08:00 UTC');
    telegram.script('busy', rateLimited(3000), rateLimited(1500));
    clock.set('2026-03-27T08:00:00Z');
    const s = scheduler();
    expect(await s.runSlot(sub.id, new Date('2026-03-27T08:00:00Z'))).toBe('sent');
    expect(clock.sleeps).toEqual([3000, 1500]);
    expect(telegram.attempts).toEqual(['busy', 'busy', 'busy']);
    expect(telegram.to('busy')).toHaveLength(1);
    expect(await store.delivery(sub.id, new Date('2026-03-27T08:00:00Z'))).toMatchObject({
      status: 'sent',
      attempts: 3,
    });
    expect(
      logs
        .lines()
        .filter((l) => l.msg === 'rate limited; waiting as asked')
        .map((l) => l.retryAfterMs),
    ).toEqual([3000, 1500]);
  });

  it('retries 5xx and network errors with exponential backoff, a bounded number of times', async () => {
    const ok = await subscribe('flaky', 'daily 08:00 UTC');
    const bad = await subscribe('down', 'daily 08:00 UTC');
    telegram.script('flaky', serverError(), new Error('ECONNRESET'));
    telegram.script('down', serverError(), serverError(), serverError(), serverError());
    const slot = new Date('2026-03-27T08:00:00Z');
    clock.set(slot);
    const s = scheduler({ retry: { attempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 } });
    expect(await s.runSlot(ok.id, slot)).toBe('sent');
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(await s.runSlot(bad.id, slot)).toBe('failed');
    expect(clock.sleeps).toEqual([1000, 2000, 1000, 2000]);
    expect(await store.delivery(bad.id, slot)).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'DeliveryError: 502: Bad Gateway',
    });
    expect((await store.get(bad.id))?.status).toBe('active');
    // Nothing was recorded as received: the next digest carries the same articles.
    const next = new Date('2026-03-28T08:00:00Z');
    clock.set(next);
    expect(await s.runSlot(bad.id, next)).toBe('sent');
    expect(telegram.to('down')[0]?.items).toHaveLength(5);
    const failed = logs.lines().find((l) => l.msg === 'digest not sent; its articles go in the next one');
    expect(failed).toMatchObject({
      job: 'digest',
      subscription: bad.id,
      slot: slot.toISOString(),
      err: { message: '502: Bad Gateway' },
    });
  });

  it('disables only the subscription whose chat is gone (403); another chat still gets its digest', async () => {
    const gone = await subscribe('kicked', 'daily 08:00 UTC');
    const fine = await subscribe('guild-channel', 'daily 08:00 UTC', { platform: 'discord' });
    telegram.script('kicked', chatGone());
    const s = scheduler();
    await s.start();
    clock.set('2026-03-27T08:00:00Z');
    cron.tick(`digest-${gone.id}`, '2026-03-27T08:00:00Z');
    cron.tick(`digest-${fine.id}`, '2026-03-27T08:00:00Z');
    await eventually(
      async () =>
        (await store.lastDelivery(gone.id))?.status === 'gone' &&
        (await store.lastDelivery(fine.id))?.status === 'sent',
    );
    expect(await store.get(gone.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'DeliveryError: 403: Forbidden: bot was kicked from the group chat',
    });
    expect((await store.get(fine.id))?.status).toBe('active');
    expect(discord.to('guild-channel')).toHaveLength(1);
    expect(telegram.attempts).toEqual(['kicked']); // never retried
    expect(cron.active().map((j) => j.name)).toEqual([`digest-${fine.id}`]);
    const line = logs.lines().find((l) => l.msg === 'chat gone; subscription disabled');
    expect(line).toMatchObject({ level: 40, job: 'digest', subscription: gone.id, err: { type: 'DeliveryError' } });
    // The next day only the healthy chat is served.
    clock.set('2026-03-28T08:00:00Z');
    expect(await s.runSlot(gone.id, new Date('2026-03-28T08:00:00Z'))).toBe('disabled');
  });

  it('never lets one slow chat delay another', async () => {
    const slow = await subscribe('slow', 'daily 08:00 UTC');
    const quick = await subscribe('quick', 'daily 08:00 UTC', { platform: 'discord' });
    let release!: () => void;
    telegram.script('slow', () => new Promise<void>((r) => (release = r)));
    const slot = new Date('2026-03-27T08:00:00Z');
    clock.set(slot);
    const s = scheduler();
    const slowRun = s.runSlot(slow.id, slot);
    expect(await s.runSlot(quick.id, slot)).toBe('sent');
    expect(telegram.sent).toEqual([]);
    release();
    expect(await slowRun).toBe('sent');
  });

  it('carries an article added to the corpus while running into the next digest of every chat, once', async () => {
    const a = await subscribe('chat-a', 'daily 08:00 UTC');
    const b = await subscribe('chat-b', 'daily 08:00 UTC note', { platform: 'discord', locale: 'ar' });
    const watcher = createCorpusWatcher({ reindex: ti.reindex, intervalMs: 60_000, logger: logs.logger });
    const s = scheduler();
    await s.start();
    const day = (n: number) => new Date(Date.UTC(2026, 2, 27 + n, 8));

    clock.set(day(0).toISOString());
    await Promise.all([s.runSlot(a.id, day(0)), s.runSlot(b.id, day(0))]); // first digests: the newest five

    clock.set('2026-03-27T12:00:00Z');
    addArticle(ti.corpusDir, 'solar-plant', 'افتتاح أكبر محطة للطاقة الشمسية في المنطقة');
    expect(await watcher.runOnce()).toMatchObject({ added: 1 });

    clock.set(day(1).toISOString());
    expect(await Promise.all([s.runSlot(a.id, day(1)), s.runSlot(b.id, day(1))])).toEqual(['sent', 'sent']);
    for (const [delivery, chat] of [
      [telegram, 'chat-a'],
      [discord, 'chat-b'],
    ] as const) {
      const digest = delivery.to(chat)[1]!;
      expect(digest.items?.map((i) => i.heading)).toEqual(['افتتاح أكبر محطة للطاقة الشمسية في المنطقة']);
      expect(digest.items?.[0]?.lines).toHaveLength(2);
      expect(digest.items?.[0]?.quote?.text).toContain('هذه المحطة ستغير مستقبل الكهرباء');
    }

    clock.set(day(2).toISOString());
    expect(await s.runSlot(a.id, day(2))).toBe('skipped'); // chose quiet: no post
    expect(await s.runSlot(b.id, day(2))).toBe('sent'); // chose a note
    expect(telegram.to('chat-a')).toHaveLength(2);
    expect(discord.to('chat-b')[2]).toMatchObject({ locale: 'ar', text: ['لا جديد منذ النشرة السابقة.'] });
    expect(discord.to('chat-b')[2]?.items).toBeUndefined();
    await watcher.stop();
  });

  it('caps a big digest and counts the rest ("and N more"), which are not repeated', async () => {
    const sub = await subscribe('bulk', 'daily 08:00 UTC');
    const s = scheduler();
    clock.set('2026-03-27T08:00:00Z');
    await s.runSlot(sub.id, new Date('2026-03-27T08:00:00Z'));
    clock.set('2026-03-27T12:00:00Z');
    const lines = Array.from({ length: 14 }, (_, i) =>
      JSON.stringify({
        id: `bulk-${i}`,
        title: `خبر رقم ${i + 1} عن الاقتصاد`,
        date: `2026-03-${String(10 + i).padStart(2, '0')}`,
        body: `ارتفعت أسعار النفط اليوم في الأسواق العالمية. وقال المحلل سامي يوسف: «الطلب سيبقى قويا هذا العام». وتراجعت الأسهم قليلا. ${distinctSentence(`bulk-${i}`)}`,
      }),
    );
    writeFileSync(join(ti.corpusDir, 'bulk.jsonl'), `${lines.join('\n')}\n`);
    await ti.reindex();
    clock.set('2026-03-28T08:00:00Z');
    expect(await s.runSlot(sub.id, new Date('2026-03-28T08:00:00Z'))).toBe('sent');
    const digest = telegram.to('bulk')[1]!;
    expect(digest.items).toHaveLength(10);
    expect(digest.items?.[0]?.heading).toBe('خبر رقم 14 عن الاقتصاد'); // newest first
    expect(digest.footer).toBe('…and 4 more new stories: send /latest to see the newest.');
    expect(renderPlain(digest)).toContain('«الطلب سيبقى قويا هذا العام»');
    clock.set('2026-03-29T08:00:00Z');
    expect(await s.runSlot(sub.id, new Date('2026-03-29T08:00:00Z'))).toBe('skipped');
    expect(await store.received(sub.id)).toHaveLength(5 + 14);
  });

  it('stopping during a rate-limit wait releases the slot, and start-up catch-up delivers it', async () => {
    const sub = await subscribe('patient', 'daily 08:00 UTC');
    const slot = new Date('2026-03-27T08:00:00Z');
    const waitingClock: Clock = {
      now: () => new Date(),
      sleep: (_ms, signal) =>
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(abortError()), { once: true })),
    };
    telegram.script('patient', rateLimited(60_000));
    clock.set('2026-03-27T08:00:00Z');
    const first = scheduler({ clock: waitingClock });
    const run = first.runSlot(sub.id, slot);
    await eventually(() => telegram.attempts.length === 1);
    await first.stop();
    expect(await run).toBe('failed');
    expect(await store.delivery(sub.id, slot)).toBeNull();
    clock.set('2026-03-27T08:05:00Z');
    await scheduler({ cron: new FakeCron() }).start();
    expect(telegram.to('patient')).toHaveLength(1);
    expect((await store.delivery(sub.id, slot))?.status).toBe('sent');
  });

  it('does not hang on stop when an adapter never returns', async () => {
    const sub = await subscribe('stuck', 'daily 08:00 UTC');
    telegram.script('stuck', () => new Promise<void>(() => undefined));
    clock.set('2026-03-27T08:00:00Z');
    const s = createDigestScheduler({
      store,
      index: ti.index,
      deliveries: { telegram },
      clock,
      logger: logs.logger,
      cron,
      stopTimeoutMs: 50,
    });
    void s.runSlot(sub.id, new Date('2026-03-27T08:00:00Z'));
    await eventually(() => telegram.attempts.length === 1);
    await s.stop();
    expect(
      logs.lines().some((l) => l.msg === 'stopped with deliveries still in flight (their slots stay claimed)'),
    ).toBe(true);
    expect((await store.delivery(sub.id, new Date('2026-03-27T08:00:00Z')))?.status).toBe('claimed');
  });

  it('follows subscribe / unsubscribe through refresh()', async () => {
    const s = scheduler();
    await s.start();
    const commands = createSubscriptionCommands({
      store,
      index: ti.index,
      clock,
      defaultTimezone: 'UTC',
      onChange: () => s.refresh(),
    });
    const ctx = {
      locale: 'en' as const,
      platform: 'telegram' as const,
      chatId: 'c',
      userId: 'u',
      isGroup: false,
      canManage: false,
    };
    await commands.run(ctx, 'subscribe', 'daily 08:00 Asia/Riyadh');
    const id = (await store.byChat('telegram', 'c'))!.id;
    expect(cron.active()).toEqual([{ name: `digest-${id}`, expression: '0 8 * * *', timezone: 'Asia/Riyadh' }]);
    await commands.run(ctx, 'subscribe', 'weekdays 18:30 Europe/Berlin');
    expect(cron.active()).toEqual([{ name: `digest-${id}`, expression: '30 18 * * 1-5', timezone: 'Europe/Berlin' }]);
    await commands.run(ctx, 'unsubscribe', '');
    expect(cron.active()).toEqual([]);
  });

  it('ignores a stale tick (superseded or older than the grace window) and a platform it cannot post to', async () => {
    const sub = await subscribe('x', 'hourly');
    const s = scheduler();
    await s.start();
    clock.set('2026-03-27T03:10:00Z');
    cron.tick(`digest-${sub.id}`, '2026-03-27T02:00:00Z'); // 03:00 has come since
    await new Promise((r) => setImmediate(r));
    expect(await store.deliveries(sub.id)).toEqual([]);

    const elsewhere = await subscribe('console-chat', 'daily 08:00 UTC', { platform: 'console' });
    expect(await s.runSlot(elsewhere.id, new Date('2026-03-27T08:00:00Z'))).toBe('failed');
    expect(await store.deliveries(elsewhere.id)).toEqual([]); // left unclaimed, for when that platform is up
  });

  it('logs each delivery with a child logger (job, subscription, slot)', async () => {
    const sub = await subscribe('logged', 'daily 08:00 UTC');
    clock.set('2026-03-27T08:00:00Z');
    await scheduler().runSlot(sub.id, new Date('2026-03-27T08:00:00Z'));
    expect(logs.lines().find((l) => l.msg === 'digest sent')).toMatchObject({
      level: 30,
      job: 'digest',
      subscription: sub.id,
      slot: '2026-03-27T08:00:00.000Z',
      items: 5,
      more: 0,
      attempts: 1,
    });
  });
});
