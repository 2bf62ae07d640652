import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatDelivery } from '../../src/core/ports/chat-delivery.js';
import { createSqliteArticleIndex } from '../../src/store/create-sqlite-article-index.js';
import { createSqliteSubscriptions } from '../../src/store/create-sqlite-subscriptions.js';
import { openDatabase } from '../../src/store/open-database.js';
import { ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import { ClockCron } from './support/clock-cron.js';
import {
  type DigestWorld,
  discordText,
  MANAGE_CHANNELS,
  readable,
  startDigestWorld,
  until,
} from './support/digest-world.js';

/**
 * Scheduled digests end to end, on time: the real Telegram bot (grammY) and the real
 * Discord bot (discord.js), each against its emulator, answer `/subscribe` from one shared
 * SQLite index; the real digest scheduler posts through both adapters. Only time is
 * simulated: a manual clock, and a cron that fires when the test moves that clock.
 */

let w: DigestWorld;
const TG_CHAT = ENGLISH_USER.id; // the private chat of the user who subscribes

beforeEach(async () => {
  w = await startDigestWorld();
});

afterEach(async () => {
  await w.close();
});

/** Subscribes the user's Telegram chat and the Discord channel, through the chat surfaces. */
async function subscribeBoth(schedule: string) {
  const answer = await w.say(`/subscribe ${schedule}`);
  expect(readable(answer.messages[0]!.text)).toMatch(/^Subscribed to the digest/);
  const interaction = await w.command('subscribe', { schedule }, { permissions: MANAGE_CHANNELS });
  expect(discordText(interaction.original!)).toMatch(/^Subscribed to the digest/);
  return {
    tg: await w.subscription('telegram', TG_CHAT),
    dc: await w.subscription('discord', w.discord.emulator.channelId),
  };
}

/** The first line of each scheduled post: a digest's title. */
const telegramTitles = () => w.telegramPosts(TG_CHAT).map((m) => readable(m.text).split('\n')[0]);
const discordTitles = () => w.discordPosts().map((m) => readable(m.embeds[0]?.title ?? m.content));

describe('digests on time, in both chats', () => {
  it('fires a daily 08:00 Asia/Riyadh subscription at 05:00 UTC, not before', async () => {
    await w.scheduler().start();
    w.clock.set('2026-03-27T00:01:00Z');
    const { tg, dc } = await subscribeBoth('daily 08:00 Asia/Riyadh');
    expect(w.cron.active().map((j) => [j.expression, j.timezone])).toEqual([
      ['0 8 * * *', 'Asia/Riyadh'],
      ['0 8 * * *', 'Asia/Riyadh'],
    ]);

    expect(w.cron.advanceTo('2026-03-27T04:59:59Z')).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(w.telegramPosts(TG_CHAT)).toEqual([]);
    expect(w.discordPosts()).toEqual([]);

    expect(w.cron.advanceTo('2026-03-27T05:00:00Z').map((f) => f.slot)).toEqual([
      '2026-03-27T05:00:00.000Z',
      '2026-03-27T05:00:00.000Z',
    ]);
    expect(await w.finished(tg.id, '2026-03-27T05:00:00Z')).toBe('sent');
    expect(await w.finished(dc.id, '2026-03-27T05:00:00Z')).toBe('sent');
    expect(telegramTitles()).toEqual(['News digest · Friday 27 March at 08:00']);
    expect(discordTitles()).toEqual(['News digest · Friday 27 March at 08:00']);
    // A first digest: the five newest articles of the archive, each with its summary.
    expect(
      w
        .discordPosts()[0]!
        .embeds[0]!.description.split('\n')
        .filter((l: string) => l.startsWith('**')),
    ).toHaveLength(5);
  });

  it('fires at local 08:00 on both sides of the Europe/Berlin DST change (07:00 UTC, then 06:00 UTC)', async () => {
    await w.scheduler().start();
    w.clock.set('2026-03-27T00:01:00Z');
    const { tg, dc } = await subscribeBoth('daily 08:00 Europe/Berlin note'); // "note": post even when nothing is new

    const days = [
      ['2026-03-27T06:59:59Z', '2026-03-27T07:00:00Z', 'Friday 27 March'],
      ['2026-03-28T06:59:59Z', '2026-03-28T07:00:00Z', 'Saturday 28 March'],
      ['2026-03-29T05:59:59Z', '2026-03-29T06:00:00Z', 'Sunday 29 March'], // clocks went forward at 01:00 UTC
      ['2026-03-30T05:59:59Z', '2026-03-30T06:00:00Z', 'Monday 30 March'],
    ] as const;
    for (const [before, slot, day] of days) {
      const posted = telegramTitles().length;
      expect(w.cron.advanceTo(before)).toEqual([]);
      expect(w.cron.advanceTo(slot)).toHaveLength(2);
      await w.finished(tg.id, slot);
      await w.finished(dc.id, slot);
      expect(telegramTitles().slice(posted)).toEqual([`News digest · ${day} at 08:00`]);
      expect(discordTitles().slice(posted)).toEqual([`News digest · ${day} at 08:00`]);
    }
    const slots = (await w.test.subscriptionStore.deliveries(tg.id)).map((d) => d.slot);
    expect(slots).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
    expect((await w.test.subscriptionStore.deliveries(dc.id)).map((d) => d.slot)).toEqual(slots);
    expect(readable(w.telegramPosts(TG_CHAT)[1]!.text)).toContain('Nothing new since the last digest.');
  });
});

describe('restarts', () => {
  /** The process dies right after the platform accepted the post: the delivery log never hears of it. */
  const killedAfterPosting = (real: ChatDelivery): ChatDelivery => ({
    platform: real.platform,
    async send(chatId, reply, progress) {
      await real.send(chatId, reply, progress);
      await new Promise<never>(() => undefined);
    },
  });

  // The guarantee: at most one post per (subscription, slot), across restarts. A slot is
  // claimed in the log before anything is sent, so a restart never posts it again; what
  // the log cannot know (the post went out, the write after it did not happen) shows up
  // only as those articles coming again in the next slot's digest.
  it('a process killed after posting but before logging does not post that slot again on restart (only the next digest repeats its articles)', async () => {
    const doomedCron = new ClockCron(w.clock);
    const doomed = w.scheduler({
      cron: doomedCron,
      deliveries: {
        telegram: killedAfterPosting(w.deliveries.telegram),
        discord: killedAfterPosting(w.deliveries.discord),
      },
      stopTimeoutMs: 20,
    });
    await doomed.start();
    w.clock.set('2026-03-27T00:01:00Z');
    const { tg, dc } = await subscribeBoth('daily 08:00 Asia/Riyadh');
    doomedCron.advanceTo('2026-03-27T05:00:00Z');
    await until(() => w.telegramPosts(TG_CHAT).length === 1 && w.discordPosts().length === 1, 'the posts');
    await doomed.stop(); // …and the process is gone
    const slot = new Date('2026-03-27T05:00:00Z');
    expect((await w.test.subscriptionStore.delivery(tg.id, slot))?.status).toBe('claimed');
    expect((await w.test.subscriptionStore.delivery(dc.id, slot))?.status).toBe('claimed');

    // Restart: a new process on the same database file, within the grace window.
    w.clock.set('2026-03-27T05:10:00Z');
    const db = openDatabase(w.test.dbFile);
    const cron = new ClockCron(w.clock);
    const restarted = w.scheduler({ store: createSqliteSubscriptions(db), index: createSqliteArticleIndex(db), cron });
    try {
      await restarted.start();
      expect(await restarted.runSlot(tg.id, slot)).toBe('duplicate');
      expect(await restarted.runSlot(dc.id, slot)).toBe('duplicate');
      await new Promise((r) => setTimeout(r, 50));
      expect(telegramTitles()).toEqual(['News digest · Friday 27 March at 08:00']);
      expect(discordTitles()).toEqual(['News digest · Friday 27 March at 08:00']);

      cron.advanceTo('2026-03-28T05:00:00Z');
      await w.finished(tg.id, '2026-03-28T05:00:00Z');
      await w.finished(dc.id, '2026-03-28T05:00:00Z');
      expect(telegramTitles()).toEqual([
        'News digest · Friday 27 March at 08:00',
        'News digest · Saturday 28 March at 08:00',
      ]);
      expect(discordTitles()).toEqual([
        'News digest · Friday 27 March at 08:00',
        'News digest · Saturday 28 March at 08:00',
      ]);
      // What the log could not know: the same articles again, once, in the next digest.
      const [first, second] = w.telegramPosts(TG_CHAT).map((m) => readable(m.text).split('\n').slice(1).join('\n'));
      expect(second).toBe(first);
      const [a, b] = w.discordPosts().map((m) => m.embeds[0]!.description);
      expect(b).toBe(a);
    } finally {
      await restarted.stop();
      db.close();
    }
  });

  it('delivers a slot missed while down exactly once, however many times it restarts', async () => {
    const first = w.scheduler();
    await first.start();
    w.clock.set('2026-03-27T00:01:00Z');
    const { tg, dc } = await subscribeBoth('daily 08:00 Asia/Riyadh');
    await first.stop(); // down from 00:01 …

    for (const at of ['2026-03-27T06:30:00Z', '2026-03-27T06:40:00Z', '2026-03-27T09:00:00Z']) {
      w.clock.set(at); // … through 05:00, then up, down and up again
      const again = w.scheduler({ cron: new ClockCron(w.clock) });
      await again.start();
      await again.stop();
    }
    expect(telegramTitles()).toEqual(['News digest · Friday 27 March at 08:00']);
    expect(discordTitles()).toEqual(['News digest · Friday 27 March at 08:00']);
    expect(await w.test.subscriptionStore.deliveries(tg.id)).toMatchObject([
      { slot: '2026-03-27T05:00:00.000Z', status: 'sent', attempts: 1 },
    ]);
    expect(await w.test.subscriptionStore.deliveries(dc.id)).toMatchObject([
      { slot: '2026-03-27T05:00:00.000Z', status: 'sent', attempts: 1 },
    ]);
    expect(w.logs.lines().filter((l) => l.msg === 'catching up a slot missed while down')).toHaveLength(2);
  });
});
