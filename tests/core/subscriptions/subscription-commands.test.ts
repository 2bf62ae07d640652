import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPlain } from '../../../src/console/render-plain.js';
import type { Reply } from '../../../src/core/commands/reply.js';
import { createManualClock, type ManualClock } from '../../support/manual-clock.js';
import {
  createSubscriptionCommands,
  type SubscriptionCommands,
  type SubscriptionContext,
} from '../../../src/core/subscriptions/create-subscription-commands.js';
import type { SubscriptionStore } from '../../../src/core/ports/subscription-store.js';
import { createSqliteSubscriptions } from '../../../src/store/create-sqlite-subscriptions.js';
import { createTestIndex, type TestIndex } from '../../support/create-test-index.js';

const text = (r: Reply) => renderPlain(r);

describe('subscription commands', () => {
  let ti: TestIndex;
  let store: SubscriptionStore;
  let clock: ManualClock;
  let commands: SubscriptionCommands;
  let changes: number;

  const privateChat = (over: Partial<SubscriptionContext> = {}): SubscriptionContext => ({
    locale: 'en',
    platform: 'telegram',
    chatId: '1001',
    userId: 'u1',
    isGroup: false,
    canManage: false,
    ...over,
  });
  const group = (canManage: boolean, over: Partial<SubscriptionContext> = {}) =>
    privateChat({ chatId: '-100777', isGroup: true, canManage, ...over });

  beforeEach(async () => {
    ti = await createTestIndex();
    store = createSqliteSubscriptions(ti.db);
    clock = createManualClock('2026-03-27T00:00:00Z');
    changes = 0;
    commands = createSubscriptionCommands({
      store,
      index: ti.index,
      clock,
      defaultTimezone: 'Asia/Riyadh',
      onChange: () => void changes++,
    });
  });
  afterEach(async () => ti.close());

  it('subscribes a chat and says when the first digest comes, in its time zone', async () => {
    const reply = await commands.run(privateChat(), 'subscribe', 'daily 08:00 Europe/Berlin');
    expect(reply.notice).toBeUndefined();
    expect(reply.title).toBe('Subscribed to the digest');
    expect(reply.text).toEqual([
      'When: daily at 08:00',
      'Time zone: Europe/Berlin',
      'Next digest: Friday 27 March at 08:00',
      'When nothing is new: no post.',
      'The first digest brings the newest articles; after that, each brings only what was added since.',
    ]);
    expect(await store.byChat('telegram', '1001')).toMatchObject({
      schedule: '0 8 * * *',
      timezone: 'Europe/Berlin',
      locale: 'en',
      whenEmpty: 'skip',
      status: 'active',
    });
    expect(changes).toBe(1);
  });

  it('answers in Arabic, with the configured zone by default and the local work week', async () => {
    const reply = await commands.run(privateChat({ locale: 'ar' }), 'subscribe', 'أيام العمل 18:30 تنبيه');
    expect(reply.title).toBe('تم الاشتراك في النشرة');
    expect(reply.text?.[0]).toBe('الموعد: من الأحد إلى الخميس الساعة 18:30');
    expect(reply.text?.[1]).toBe('المنطقة الزمنية: Asia/Riyadh');
    expect(reply.text?.[2]).toMatch(/^النشرة التالية: .*18:30/);
    expect(reply.text?.[3]).toBe('إن لم يكن هناك جديد: رسالة قصيرة بذلك.');
    expect(await store.byChat('telegram', '1001')).toMatchObject({
      schedule: '30 18 * * 0-4',
      timezone: 'Asia/Riyadh',
      locale: 'ar',
      whenEmpty: 'note',
    });
  });

  it('changes the schedule when the chat subscribes again', async () => {
    await commands.run(privateChat(), 'subscribe', 'daily 08:00');
    const id = (await store.byChat('telegram', '1001'))!.id;
    const reply = await commands.run(privateChat(), 'subscribe', 'hourly UTC');
    expect(reply.title).toBe('Digest subscription updated');
    expect(await store.byChat('telegram', '1001')).toMatchObject({ id, schedule: '0 * * * *', timezone: 'UTC' });
  });

  it('keeps the chat’s time zone when it subscribes again without naming one', async () => {
    await commands.run(privateChat(), 'subscribe', 'daily 08:00 Europe/Berlin');
    const reply = await commands.run(privateChat(), 'subscribe', 'weekdays 07:00');
    expect(text(reply)).toContain('Time zone: Europe/Berlin');
    // Weekdays follow the kept zone: Monday–Friday in Berlin, not Riyadh's Sunday–Thursday.
    expect(await store.byChat('telegram', '1001')).toMatchObject({
      schedule: '0 7 * * 1-5',
      timezone: 'Europe/Berlin',
    });
    await commands.run(privateChat(), 'subscribe', 'hourly Africa/Cairo');
    expect(await store.byChat('telegram', '1001')).toMatchObject({ timezone: 'Africa/Cairo' });
  });

  it.each([
    [
      'ar',
      'يوميا 08:00 المريخ',
      [
        'لا أعرف المنطقة الزمنية «المريخ».',
        'Asia/Riyadh',
        'الرياض',
        'أو اتركها لتكون بتوقيت Asia/Riyadh: /subscribe يوميا 08:00',
      ],
    ],
    ['ar', 'يوميا 08:00 الرياص', ['لا أعرف المنطقة الزمنية «الرياص».', 'هل تقصد: الرياض؟']],
    [
      'en',
      'daily 08:00 Mars',
      ['I don’t know the time zone “Mars”.', 'Or leave it out for Asia/Riyadh time: /subscribe daily 08:00'],
    ],
  ] as const)(
    'an unknown time zone (%s %j) is answered as one, with a suggestion, not as an unreadable schedule',
    async (locale, arg, expected) => {
      const reply = await commands.run(privateChat({ locale }), 'subscribe', arg);
      expect(reply).toMatchObject({ notice: true, locale });
      for (const part of expected) expect(text(reply)).toContain(part);
      expect(text(reply)).not.toMatch(/لم أفهم|can’t read/);
      expect(await store.byChat('telegram', '1001')).toBeNull();
    },
  );

  it('refuses a non-admin in a group politely, in their language, and changes nothing', async () => {
    const en = await commands.run(group(false), 'subscribe', 'daily 08:00');
    expect(en).toMatchObject({ notice: true, locale: 'en' });
    expect(text(en)).toBe(
      'In groups and channels only admins can change the digest subscription. Anyone can check it with /subscriptions.',
    );
    const ar = await commands.run(group(false, { locale: 'ar' }), 'unsubscribe', '');
    expect(text(ar)).toContain('المشرفون وحدهم');
    expect(await store.byChat('telegram', '-100777')).toBeNull();
    expect(changes).toBe(0);
  });

  it('lets a group admin subscribe and unsubscribe, and anyone read the subscription', async () => {
    await commands.run(group(true), 'subscribe', 'daily 08:00 Asia/Riyadh');
    const seen = await commands.run(group(false, { userId: 'someone' }), 'subscriptions', '');
    expect(seen.title).toBe('This chat’s digest');
    expect(seen.text).toEqual([
      'When: daily at 08:00',
      'Time zone: Asia/Riyadh',
      'Next digest: Friday 27 March at 08:00',
      'When nothing is new: no post.',
    ]);
    expect((await commands.run(group(false), 'unsubscribe', '')).notice).toBe(true);
    expect(text(await commands.run(group(true), 'unsubscribe', ''))).toBe('This chat is unsubscribed from the digest.');
    expect(text(await commands.run(group(false), 'subscriptions', ''))).toBe(
      'This chat has no digest subscription. To subscribe: /subscribe daily 08:00',
    );
    expect(text(await commands.run(group(true), 'unsubscribe', ''))).toBe(
      'This chat has no digest subscription. To subscribe: /subscribe daily 08:00',
    );
    expect(changes).toBe(2);
  });

  it.each([
    ['en', 'daily 25:00', ['I can’t read “daily 25:00” as a schedule.', '“25:00” is not a time of day']],
    ['ar', 'يوميا 25:00', ['لم أفهم «يوميا 25:00» موعدا للنشرة.', '«25:00» ليس وقتا صالحا']],
    [
      'en',
      'whenever',
      [
        'I can’t read “whenever” as a schedule.',
        '/subscribe daily 08:00',
        '/subscribe weekdays 18:30 Europe/Berlin',
        'otherwise Asia/Riyadh time',
      ],
    ],
    ['ar', 'متى شئت', ['لم أفهم «متى شئت» موعدا للنشرة.', '/subscribe يوميا 08:00', '/subscribe كل ساعة']],
    ['en', '0 25 * * *', ['the hour “25” is not valid: use 0 to 23']],
    ['ar', '0 25 * * *', ['الساعة «25» غير صالح؛ المسموح من 0 إلى 23']],
    ['en', '*/5 * * * *', ['at most once an hour']],
    ['en', '0 8 * *', ['five fields']],
    ['en', 'daily 08:00 Asia/Ryadh', ['I don’t know the time zone “Asia/Ryadh”.', 'Did you mean: Asia/Riyadh?']],
    ['ar', 'يوميا 08:00 Riyadh', ['لا أعرف المنطقة الزمنية «Riyadh».', 'هل تقصد: Asia/Riyadh؟']],
    ['en', '', ['Tell me when the digest should come', '/subscribe hourly', 'add “note” at the end']],
    ['ar', '', ['اختر موعد النشرة', 'أضف «تنبيه»']],
  ] as const)('a bad schedule or zone (%s %j) says what would be accepted', async (locale, arg, expected) => {
    const reply = await commands.run(privateChat({ locale }), 'subscribe', arg);
    expect(reply).toMatchObject({ notice: true, locale });
    for (const part of expected) expect(text(reply)).toContain(part);
    expect(await store.byChat('telegram', '1001')).toBeNull();
  });

  it('previews the next digest on demand without marking anything as delivered', async () => {
    await commands.run(privateChat(), 'subscribe', 'daily 08:00');
    const sub = (await store.byChat('telegram', '1001'))!;
    const preview = await commands.run(privateChat(), 'digest', '');
    expect(preview.title).toBe('Your next digest (preview)');
    expect(preview.items?.length).toBe(5);
    expect(preview.items?.[0]?.lines.length).toBeGreaterThan(0);
    expect(preview.footer).toContain('This preview doesn’t count as sent');
    expect(await store.received(sub.id)).toEqual([]);
    expect(await store.deliveries(sub.id)).toEqual([]);
    expect((await commands.run(privateChat(), 'digest', '')).items?.map((i) => i.heading)).toEqual(
      preview.items?.map((i) => i.heading),
    );
  });

  it('shows the newest articles as a digest in a chat without a subscription', async () => {
    const reply = await commands.run(privateChat({ locale: 'ar' }), 'digest', '');
    expect(reply.title).toBe('نشرة الأخبار');
    expect(reply.items?.length).toBe(5);
    expect(reply.footer).toBe('لتصلك النشرة تلقائيا: /subscribe يوميا 08:00');
  });

  it('tells a paused (bot removed) subscription apart, and the last slot', async () => {
    await commands.run(privateChat(), 'subscribe', 'daily 08:00 UTC');
    const sub = (await store.byChat('telegram', '1001'))!;
    const slot = new Date('2026-03-27T08:00:00Z');
    await store.claimSlot(sub.id, slot, slot);
    await store.finishSlot(sub.id, slot, { status: 'sent', attempts: 1, shown: ['a', 'b'] }, slot);
    await store.disable(sub.id, '403: Forbidden', slot);
    expect((await commands.run(privateChat(), 'subscriptions', '')).text).toEqual([
      'When: daily at 08:00',
      'Time zone: UTC',
      'Paused: I could not post here (removed or blocked). Send /subscribe again to resume.',
      'Last digest: Friday 27 March at 08:00 (2 articles)',
      'When nothing is new: no post.',
    ]);
    expect((await commands.run(privateChat(), 'subscribe', 'daily 08:00 UTC')).title).toBe('Subscribed to the digest');
    expect((await store.get(sub.id))?.status).toBe('active');
  });

  it('never throws on an unknown name', async () => {
    expect((await commands.run(privateChat(), 'subscribez' as never, '')).notice).toBe(true);
    vi.restoreAllMocks();
  });
});
