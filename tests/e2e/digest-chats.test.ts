import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/core/commands/messages.js';
import { formatZoned } from '../../src/core/schedule/time-zone.js';
import { createCorpusWatcher } from '../../src/scheduler/create-corpus-watcher.js';
import { addArticle } from '../scheduler/support.js';
import { ARABIC_USER, ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import type { Chat } from 'grammy/types';
import {
  type DigestWorld,
  discordText,
  MANAGE_CHANNELS,
  MANAGE_SERVER,
  readable,
  startDigestWorld,
} from './support/digest-world.js';

/**
 * Scheduled digests end to end, as the chats see them: rate limits, a chat that removed
 * the bot, who may subscribe a group, and news arriving while the bots run. The real
 * grammY and discord.js bots against their emulators, one shared SQLite index, the real
 * scheduler; a manual clock and a clock-driven cron stand in for time.
 */

let w: DigestWorld;
const SLOT = '2026-03-27T05:00:00Z'; // 08:00 in Riyadh
const channelPosts = () =>
  w.discord.emulator.calls.filter(
    (c) => c.method === 'POST' && c.path === `/channels/${w.discord.emulator.channelId}/messages`,
  );
const telegramSends = (chatId: number) =>
  w.telegram.em.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chatId));

beforeEach(async () => {
  w = await startDigestWorld();
  await w.scheduler().start();
  w.clock.set('2026-03-27T00:01:00Z');
});

afterEach(async () => {
  await w.close();
});

async function subscribeTelegram(schedule: string, user = ENGLISH_USER) {
  const answer = await w.say(`/subscribe ${schedule}`, { user });
  expect(readable(answer.messages[0]!.text).split('\n')[0]).toBe(
    t(user === ENGLISH_USER ? 'en' : 'ar', 'subscribedTitle'),
  );
  return await w.subscription('telegram', user.id);
}

async function subscribeDiscord(schedule: string) {
  const interaction = await w.command('subscribe', { schedule }, { permissions: MANAGE_CHANNELS });
  expect(discordText(interaction.original!)).toMatch(/^Subscribed to the digest/);
  return await w.subscription('discord', w.discord.emulator.channelId);
}

describe('delivery trouble', () => {
  it('waits out a 429 on either platform and posts the digest once', async () => {
    const tg = await subscribeTelegram('daily 08:00 Asia/Riyadh');
    const dc = await subscribeDiscord('daily 08:00 Asia/Riyadh');
    w.telegram.em.fail('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 0.05',
      parameters: { retry_after: 0.05 },
    });
    w.discord.emulator.fail('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.05 });

    w.cron.advanceTo(SLOT);
    expect(await w.finished(tg.id, SLOT)).toBe('sent');
    expect(await w.finished(dc.id, SLOT)).toBe('sent');
    expect(telegramSends(ENGLISH_USER.id).map((c) => c.response.error_code ?? 200)).toEqual([200, 429, 200]); // the /subscribe answer, then the digest
    expect(channelPosts().map((c) => c.status)).toEqual([429, 200]);
    expect(w.telegramPosts(ENGLISH_USER.id)).toHaveLength(1);
    expect(w.discordPosts()).toHaveLength(1);
    expect(readable(w.telegramPosts(ENGLISH_USER.id)[0]!.text)).toMatch(/^News digest · Friday 27 March at 08:00/);
    expect(w.discordPosts()[0]!.embeds[0]!.title).toBe('News digest · Friday 27 March at 08:00');
  });

  it('disables only the subscription of a chat that blocked the bot (403); the other chats get their digests', async () => {
    const blocked = await subscribeTelegram('daily 08:00 Asia/Riyadh', ENGLISH_USER);
    const other = await subscribeTelegram('daily 08:00 Asia/Riyadh', ARABIC_USER);
    const dc = await subscribeDiscord('daily 08:00 Asia/Riyadh');
    w.telegram.em.block(ENGLISH_USER.id);
    const triesBefore = telegramSends(ENGLISH_USER.id).length;

    w.cron.advanceTo(SLOT);
    expect(await w.finished(blocked.id, SLOT)).toBe('gone');
    expect(await w.finished(other.id, SLOT)).toBe('sent');
    expect(await w.finished(dc.id, SLOT)).toBe('sent');
    const store = w.test.subscriptionStore;
    expect(await store.get(blocked.id)).toMatchObject({
      status: 'disabled',
      disabledReason: expect.stringContaining('bot was blocked by the user'),
    });
    expect((await store.get(other.id))?.status).toBe('active');
    expect((await store.get(dc.id))?.status).toBe('active');
    expect(
      telegramSends(ENGLISH_USER.id)
        .slice(triesBefore)
        .map((c) => c.response.error_code),
    ).toEqual([403]); // tried once, never again
    expect(w.telegramPosts(ENGLISH_USER.id)).toEqual([]);
    const arabicTitle = t('ar', 'digestTitleOn')(formatZoned(new Date(SLOT), 'Asia/Riyadh', 'ar')); // نشرة الأخبار · الجمعة، 27 مارس …
    expect(readable(w.telegramPosts(ARABIC_USER.id)[0]!.text).split('\n')[0]).toBe(arabicTitle);
    expect(w.discordPosts()).toHaveLength(1);
    expect(w.cron.active()).toHaveLength(2); // the blocked chat is no longer scheduled

    addArticle(w.test.corpusDir, 'next-day', 'خبر اليوم التالي');
    await w.test.reindex();
    expect(w.cron.advanceTo('2026-03-28T05:00:00Z').map((f) => f.name)).toEqual([
      `digest-${other.id}`,
      `digest-${dc.id}`,
    ]);
    await w.finished(other.id, '2026-03-28T05:00:00Z');
    await w.finished(dc.id, '2026-03-28T05:00:00Z');
    expect([
      w.telegramPosts(ARABIC_USER.id).length,
      w.discordPosts().length,
      w.telegramPosts(ENGLISH_USER.id).length,
    ]).toEqual([2, 2, 0]);
  });
});

describe('only admins change a group’s subscription', () => {
  const GROUP = { id: -1001234567890, type: 'supergroup', title: 'غرفة الأخبار' } as Chat;

  it('Telegram: a member is refused politely, in their language; an administrator or the creator succeeds', async () => {
    const arabic = await w.say('/subscribe daily 08:00 Asia/Riyadh', { user: ARABIC_USER, chat: GROUP });
    expect(arabic.messages.map((m) => readable(m.text))).toEqual([t('ar', 'subscribeAdminsOnly')]);
    const english = await w.say('/subscribe daily 08:00 Asia/Riyadh', { user: ENGLISH_USER, chat: GROUP });
    expect(english.messages.map((m) => readable(m.text))).toEqual([t('en', 'subscribeAdminsOnly')]);
    expect(english.messages[0]!.replyTo).toBeDefined(); // an answer to the member's message, not a broadcast
    expect(await w.test.subscriptionStore.byChat('telegram', String(GROUP.id))).toBeNull();
    expect(english.calls.find((c) => c.method === 'getChatMember')?.response.result).toMatchObject({
      status: 'member',
    });

    w.telegram.em.setMember(GROUP.id, ENGLISH_USER.id, 'administrator');
    const admin = await w.say('/subscribe daily 08:00 Asia/Riyadh', { user: ENGLISH_USER, chat: GROUP });
    expect(readable(admin.messages[0]!.text).split('\n')[0]).toBe('Subscribed to the digest');
    w.telegram.em.setMember(GROUP.id, ARABIC_USER.id, 'creator');
    const creator = await w.say('/subscribe daily 09:00 Asia/Riyadh', { user: ARABIC_USER, chat: GROUP });
    expect(readable(creator.messages[0]!.text).split('\n')[0]).toBe(t('ar', 'subscriptionChangedTitle'));
    expect(await w.subscription('telegram', GROUP.id)).toMatchObject({
      schedule: '0 9 * * *',
      timezone: 'Asia/Riyadh',
      status: 'active',
    });

    w.cron.advanceTo('2026-03-27T06:00:00Z');
    await w.finished((await w.subscription('telegram', GROUP.id)).id, '2026-03-27T06:00:00Z');
    expect(w.telegramPosts(GROUP.id)).toHaveLength(1);
  });

  it('Discord: a member without Manage Server/Channels is refused, only to them; Manage Channels or Manage Server may', async () => {
    const refused = await w.command('subscribe', { schedule: 'daily 08:00 Asia/Riyadh' });
    expect(refused.original?.deleted).toBe(true); // the public "thinking…" is gone
    expect(refused.followUps.map((m) => [discordText(m), m.flags & 64])).toEqual([
      [t('en', 'subscribeAdminsOnly'), 64],
    ]);
    const arabic = await w.command('subscribe', { schedule: 'daily 08:00 Asia/Riyadh' }, { locale: 'ar' });
    expect(arabic.followUps.map((m) => [discordText(m), m.flags & 64])).toEqual([[t('ar', 'subscribeAdminsOnly'), 64]]);
    expect(await w.test.subscriptionStore.byChat('discord', w.discord.emulator.channelId)).toBeNull();

    const manager = await w.command(
      'subscribe',
      { schedule: 'daily 08:00 Asia/Riyadh' },
      { permissions: MANAGE_CHANNELS },
    );
    expect(discordText(manager.original!).split('\n')[0]).toBe('Subscribed to the digest');
    expect(manager.original!.flags & 64).toBe(0);
    const owner = await w.command('subscribe', { schedule: 'daily 09:00 Asia/Riyadh' }, { permissions: MANAGE_SERVER });
    expect(discordText(owner.original!).split('\n')[0]).toBe('Digest subscription updated');
    expect(await w.subscription('discord', w.discord.emulator.channelId)).toMatchObject({
      schedule: '0 9 * * *',
      status: 'active',
    });
  });
});

describe('news arriving while the bots run', () => {
  it('an article added to the corpus comes in the next digest of every chat, once, and not in the one after', async () => {
    const tg = await subscribeTelegram('daily 08:00 Asia/Riyadh'); // quiet when there is nothing new
    const dc = await subscribeDiscord('daily 08:00 Asia/Riyadh note'); // says so instead
    const watcher = createCorpusWatcher({ reindex: w.test.reindex, intervalMs: 60_000, logger: w.logs.logger });
    const title = 'افتتاح أكبر محطة للطاقة الشمسية في المنطقة';
    const day = (n: number) => `2026-03-${27 + n}T05:00:00Z`;
    const mentions = (texts: string[]) => texts.filter((text) => text.includes(title)).length;
    const tgTexts = () => w.telegramPosts(ENGLISH_USER.id).map((m) => readable(m.text));
    const dcTexts = () => w.discordPosts().map(discordText);

    w.cron.advanceTo(day(0));
    await w.finished(tg.id, day(0));
    await w.finished(dc.id, day(0));
    expect([mentions(tgTexts()), mentions(dcTexts())]).toEqual([0, 0]);

    w.cron.advanceTo('2026-03-27T12:00:00Z');
    addArticle(w.test.corpusDir, 'solar-plant', title);
    expect(await watcher.runOnce()).toMatchObject({ added: 1 });

    w.cron.advanceTo(day(1));
    expect([await w.finished(tg.id, day(1)), await w.finished(dc.id, day(1))]).toEqual(['sent', 'sent']);
    expect(tgTexts()[1]).toContain(title);
    expect(tgTexts()[1]).toContain('هذه المحطة ستغير مستقبل الكهرباء'); // its most notable quote
    expect(dcTexts()[1]).toContain(title);

    w.cron.advanceTo(day(2));
    expect([await w.finished(tg.id, day(2)), await w.finished(dc.id, day(2))]).toEqual(['skipped', 'sent']);
    expect(tgTexts()).toHaveLength(2);
    expect(dcTexts()[2]).toContain('Nothing new since the last digest.');
    expect([mentions(tgTexts()), mentions(dcTexts())]).toEqual([1, 1]);
    await watcher.stop();
  });
});
