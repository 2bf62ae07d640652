import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abortError, type Clock } from '../../src/core/schedule/clock.js';
import { buildSubscriptionDigest } from '../../src/core/subscriptions/build-subscription-digest.js';
import type { Subscription } from '../../src/core/ports/subscription-store.js';
import { renderReply as renderDiscord } from '../../src/discord/render-reply.js';
import { renderReply as renderTelegram } from '../../src/telegram/render-reply.js';
import type { RecordedCall } from '../../emulators/discord-emulator.js';
import { ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import { ClockCron } from './support/clock-cron.js';
import { type DigestWorld, MANAGE_CHANNELS, startDigestWorld, until } from './support/digest-world.js';
import { addLongArticles } from './support/long-articles.js';

/**
 * A digest too long for one message goes out in parts. When part 2 fails (the adapters make
 * no retries of their own for scheduled posts), the scheduler retries the delivery; the retry must
 * resume at part 2, not post part 1 again. Through the real adapters and emulators.
 */

let w: DigestWorld;
let tg: Subscription;
let dc: Subscription;
const SLOT = '2026-03-27T05:00:00Z';
const CHAT = ENGLISH_USER.id;
const POSTS_PATH = () => `/channels/${w.discord.emulator.channelId}/messages`;

beforeEach(async () => {
  w = await startDigestWorld();
  await w.scheduler().start();
  w.clock.set('2026-03-27T00:01:00Z');
  await w.say('/subscribe daily 08:00 Asia/Riyadh');
  await w.command('subscribe', { schedule: 'daily 08:00 Asia/Riyadh' }, { permissions: MANAGE_CHANNELS });
  tg = await w.subscription('telegram', CHAT);
  dc = await w.subscription('discord', w.discord.emulator.channelId);
  w.clock.set('2026-03-27T01:00:00Z');
  addLongArticles(w.test.corpusDir);
  await w.test.reindex();
});

afterEach(async () => {
  await w.close();
});

/** The parts the slot's digest renders to on each platform (what the chat must hold, once each, in order). */
async function expectedParts(sub: Subscription) {
  const { reply } = await buildSubscriptionDigest(
    { index: w.test.index, store: w.test.subscriptionStore },
    (await w.test.subscriptionStore.get(sub.id))!,
    new Date(SLOT),
  );
  return { telegram: renderTelegram(reply!), discord: renderDiscord(reply!) };
}

/** Part 2 to the Telegram chat: a 429 asking for 121 s, which the scheduler waits out (on its clock). */
function failSecondTelegramPart(): void {
  let parts = 0;
  const fault = {
    error_code: 429,
    description: 'Too Many Requests: retry after 121',
    parameters: { retry_after: 121 },
  };
  w.telegram.em.fail('sendMessage', fault, { when: (p) => String(p.chat_id) === String(CHAT) && ++parts === 2 });
}

/** Part 2 to the Discord channel: one 500 (scheduled posts make no REST-level retries: the scheduler owns them). */
function failSecondDiscordPart(): void {
  const onCall = (c: RecordedCall) => {
    if (c.method !== 'POST' || c.path !== POSTS_PATH() || c.status !== 200) return;
    w.discord.emulator.events.off('call', onCall);
    w.discord.emulator.fail('POST', new RegExp(`^${POSTS_PATH()}$`), { status: 500 }, 1);
  };
  w.discord.emulator.events.on('call', onCall);
}

const telegramStatuses = () =>
  w.telegram.em.calls
    .filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(CHAT))
    .slice(1)
    .map((c) => c.response.error_code ?? 200);
const discordStatuses = () =>
  w.discord.emulator.calls.filter((c) => c.method === 'POST' && c.path === POSTS_PATH()).map((c) => c.status);

describe('a multi-part digest whose second part fails', () => {
  it('is resumed by the scheduler’s retry: each part lands exactly once, in order, on Telegram and Discord', async () => {
    const parts = { telegram: (await expectedParts(tg)).telegram, discord: (await expectedParts(dc)).discord };
    expect([parts.telegram.length, parts.discord.length]).toEqual([3, 3]);
    failSecondTelegramPart();
    failSecondDiscordPart();

    w.cron.advanceTo(SLOT);
    expect(await w.finished(tg.id, SLOT)).toBe('sent');
    expect(await w.finished(dc.id, SLOT)).toBe('sent');

    expect(w.telegramPosts(CHAT).map((m) => ({ text: m.text, entities: m.entities }))).toEqual(parts.telegram);
    expect(telegramStatuses()).toEqual([200, 429, 200, 200]); // part 1, part 2 refused, part 2 again, part 3
    expect(w.discordPosts().map((m) => m.embeds)).toEqual(parts.discord.map((m) => m.embeds));
    expect(discordStatuses()).toEqual([200, 500, 200, 200]); // part 1, part 2 refused, part 2 again, part 3

    const store = w.test.subscriptionStore;
    expect(await store.delivery(tg.id, new Date(SLOT))).toMatchObject({ status: 'sent', attempts: 2, items: 9 });
    expect(await store.delivery(dc.id, new Date(SLOT))).toMatchObject({ status: 'sent', attempts: 2, items: 9 });
    expect(w.clock.sleeps).toEqual(expect.arrayContaining([121_000, 1_000])); // Telegram's retry_after, exactly; Discord's backoff
    const retries = w.logs
      .lines()
      .filter((l) => l.msg === 'rate limited; waiting as asked' || l.msg === 'delivery failed; retrying');
    expect(retries.map((l) => [l.subscription, l.partsSent]).sort()).toEqual(
      [
        [dc.id, 1],
        [tg.id, 1],
      ].sort(),
    );
  });

  it('stopped while waiting to retry part 2: the slot is not caught up again after a restart, so part 1 is never posted twice', async () => {
    const waiting: Clock = {
      now: () => w.clock.now(),
      // Sleeps until stopped; a stop that came before the sleep ends it at once (as the real clock does).
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          if (signal?.aborted) reject(abortError());
          else signal?.addEventListener('abort', () => reject(abortError()), { once: true });
        }),
    };
    const cron = new ClockCron(w.clock);
    const first = w.scheduler({ clock: waiting, cron, deliveries: { telegram: w.deliveries.telegram } });
    await first.start();
    failSecondTelegramPart();
    cron.advanceTo(SLOT);
    await until(() => telegramStatuses().length === 2, 'part 2 refused');
    await first.stop();
    expect(await w.test.subscriptionStore.delivery(tg.id, new Date(SLOT))).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^stopped after 1 part\(s\)/),
    });

    w.clock.set('2026-03-27T05:05:00Z');
    const restarted = w.scheduler({ cron: new ClockCron(w.clock), deliveries: { telegram: w.deliveries.telegram } });
    await restarted.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(w.telegramPosts(CHAT).map((m) => ({ text: m.text, entities: m.entities }))).toEqual(
      (await expectedParts(tg)).telegram.slice(0, 1),
    );
    // Nothing was recorded as received: the next digest carries the articles in full.
    w.clock.set('2026-03-28T05:00:00Z');
    expect(await restarted.runSlot(tg.id, new Date('2026-03-28T05:00:00Z'))).toBe('sent');
    expect(w.telegramPosts(CHAT)).toHaveLength(4);
  });
});
