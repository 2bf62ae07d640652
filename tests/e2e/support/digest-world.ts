import type { Subscription } from '../../../src/core/ports/subscription-store.js';
import type { ChatDelivery, Platform } from '../../../src/core/ports/chat-delivery.js';
import { FSI, PDI } from '../../../src/core/render/bidi.js';
import { createManualClock, type ManualClock } from '../../support/manual-clock.js';
import {
  createDigestScheduler,
  type DigestScheduler,
  type DigestSchedulerDeps,
} from '../../../src/scheduler/create-digest-scheduler.js';
import { type Harness, startHarness } from '../../discord/bot-harness.js';
import { captureLogger } from '../../scheduler/support.js';
import { createTestIndex, type TestIndex } from '../../support/create-test-index.js';
import {
  type InteractionOptions,
  type InteractionState,
  type StoredMessage,
  visibleText,
} from '../../../emulators/discord-emulator.js';
import { ENGLISH_USER, type BotMessage, type Exchange } from '../../../emulators/telegram-emulator.js';
import { type BotUnderTest, startBot } from '../../telegram/support/start-bot.js';
import { ClockCron } from './clock-cron.js';

/** Manage Channels (1 << 4): enough to change a Discord channel's subscription. */
export const MANAGE_CHANNELS = String(1 << 4);
/** Manage Server (1 << 5). */
export const MANAGE_SERVER = String(1 << 5);

/** Where every e2e digest story starts: a Friday, two days before Europe's clocks go forward. */
export const T0 = '2026-03-27T00:00:00Z';

/** One nashra process's worth of parts, all real but the clock and the cron timer. */
export interface DigestWorld {
  /** The real SQLite index of the seed corpus; its handler answers both bots. */
  readonly test: TestIndex;
  /** The clock of the scheduler, the subscription commands and the indexer. */
  readonly clock: ManualClock;
  /** The cron of the scheduler made by `scheduler()` without an override. */
  readonly cron: ClockCron;
  /** The real grammY bot against the Telegram emulator (`telegram.em`, `telegram.tg`). */
  readonly telegram: BotUnderTest;
  /** The real discord.js bot against the Discord emulator (`discord.emulator`, `discord.bot`). */
  readonly discord: Harness;
  /** The schedulers' log. */
  readonly logs: ReturnType<typeof captureLogger>;
  /** The deliveries of both adapters, as main.ts wires them. */
  readonly deliveries: Record<'telegram' | 'discord', ChatDelivery>;
  /** A digest scheduler over the world (the latest one is what subscribe/unsubscribe refresh). */
  scheduler(over?: Partial<DigestSchedulerDeps>): DigestScheduler;
  /** A user writes in Telegram; waits for the whole answer. */
  say(text: string, opts?: Parameters<BotUnderTest['em']['ask']>[1]): Promise<Exchange>;
  /** A slash command in the Discord emulator; resolves once answered. */
  command(name: string, options: Record<string, string>, opts?: InteractionOptions): Promise<InteractionState>;
  /** The subscription of a chat, as stored. */
  subscription(platform: Platform, chatId: string | number): Promise<Subscription>;
  /** What the Telegram chat received without anyone asking: the scheduled posts, in order. */
  telegramPosts(chatId: number): BotMessage[];
  /** What the Discord channel received as channel posts (not interaction answers), in order. */
  discordPosts(channelId?: string): StoredMessage[];
  /** Waits until the slot is finished in the delivery log (sent, skipped, gone, failed). */
  finished(subscriptionId: number, slot: string): Promise<string>;
  /** Stops schedulers, then bots, then emulators; removes the temp index. */
  close(): Promise<void>;
}

/** The text a reader sees, without the invisible bidi isolates. */
export const readable = (text: string): string => text.replaceAll(FSI, '').replaceAll(PDI, '');

/** A Discord post's readable text: embed titles, descriptions, footers, content. */
export const discordText = (m: StoredMessage): string => readable(visibleText(m));

/** Polls `check` in real time (I/O must run) until it returns a value. */
export async function until<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Starts the world at `start`: one test index shared by both bots (subscribe/unsubscribe
 * refresh the latest scheduler, as in main.ts), the Telegram and Discord emulators with
 * the real adapters polling and connected, and nothing scheduled yet.
 */
export async function startDigestWorld(start: string = T0): Promise<DigestWorld> {
  const clock = createManualClock(start);
  const cron = new ClockCron(clock);
  const logs = captureLogger();
  const schedulers: DigestScheduler[] = [];
  const test = await createTestIndex({ clock, onSubscriptionChange: () => schedulers.at(-1)?.refresh() });
  const telegram = await startBot(test.handler);
  const discord = await startHarness({ handler: test.handler, index: test.index });
  const deliveries = { telegram: telegram.tg, discord: discord.bot };
  const answers = new Set<string>();

  return {
    test,
    clock,
    cron,
    telegram,
    discord,
    logs,
    deliveries,
    scheduler(over = {}) {
      const s = createDigestScheduler({
        store: test.subscriptionStore,
        index: test.index,
        deliveries,
        clock,
        logger: logs.logger,
        cron,
        retry: { baseDelayMs: 1_000 },
        ...over,
      });
      schedulers.push(s);
      return s;
    },
    async say(text, opts = {}) {
      const exchange = await telegram.em.ask(text, { user: ENGLISH_USER, ...opts });
      for (const m of exchange.messages) answers.add(`${m.chatId}:${m.messageId}`);
      return exchange;
    },
    async command(name, options, opts = {}) {
      return discord.answered(discord.emulator.command(name, options, { locale: 'en-US', ...opts }));
    },
    async subscription(platform, chatId) {
      const sub = await test.subscriptionStore.byChat(platform, String(chatId));
      if (!sub) throw new Error(`no ${platform} subscription for ${chatId}`);
      return sub;
    },
    telegramPosts: (chatId) =>
      telegram.em.messages.filter((m) => m.chatId === chatId && !answers.has(`${m.chatId}:${m.messageId}`)),
    discordPosts: (channelId = discord.emulator.channelId) => discord.emulator.channelMessages(channelId),
    finished(subscriptionId, slot) {
      return until(async () => {
        const status = (await test.subscriptionStore.delivery(subscriptionId, new Date(slot)))?.status;
        return status && status !== 'claimed' ? status : undefined;
      }, `slot ${slot} of subscription ${subscriptionId}`);
    },
    async close() {
      for (const s of schedulers.splice(0).reverse()) await s.stop();
      await telegram.close();
      await discord.stop();
      test.close();
    },
  };
}
