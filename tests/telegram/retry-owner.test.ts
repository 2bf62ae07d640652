import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/core/commands/create-command-handler.js';
import type { Reply } from '../../src/core/commands/reply.js';
import { DEFAULT_RETRY, type RetryPolicy, sendWithRetry } from '../../src/scheduler/send-with-retry.js';
import { AUTO_RETRY } from '../../src/telegram/create-telegram-bot.js';
import { renderReply } from '../../src/telegram/render-reply.js';
import { createManualClock } from '../support/manual-clock.js';
import { captureLogger } from '../scheduler/support.js';
import { type BotUnderTest, startBot } from './support/start-bot.js';

/**
 * Who retries a failed Bot API call, counted in calls the emulator received. A scheduled
 * post is retried by the scheduler alone (one call per attempt); a chat answer by
 * auto-retry alone. Stacked, a digest part used to cost up to 7 × 5 = 35 calls.
 */
const CHANNEL = { id: -100300, type: 'channel', title: 'نشرة' } as const;
const handler: CommandHandler = {
  run: async (ctx) => ({ locale: ctx.locale, text: ['ok'] }),
  page: async (ctx) => ({ locale: ctx.locale, text: ['ok'] }),
};
const tooManyRequests = (seconds: number) => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});
const FOREVER = 1_000;

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** A digest through the scheduler's retry loop on a manual clock (its waits cost no time). */
async function deliver(b: BotUnderTest, reply: Reply, policy: RetryPolicy) {
  const clock = createManualClock('2026-03-27T05:00:00Z');
  const progress = { sent: 0 };
  const outcome = await sendWithRetry((p) => b.tg.send(String(CHANNEL.id), reply, p), {
    policy,
    clock,
    signal: new AbortController().signal,
    logger: captureLogger().logger,
    progress,
  });
  const sends = b.em.calls.filter((c) => c.method === 'sendMessage').map((c) => c.response.error_code ?? 200);
  return { outcome, sends, sleeps: clock.sleeps, progress };
}

describe('one owner for retries', () => {
  it('a digest part refused with 429 again and again costs one call per wait, bounded by the wait budget', async () => {
    bot = await startBot(handler);
    bot.em.addChat(CHANNEL);
    bot.em.fail('sendMessage', tooManyRequests(600), { times: FOREVER });
    const policy = { ...DEFAULT_RETRY }; // waits up to an hour in all: 6 waits of 600 s
    const { outcome, sends, sleeps } = await deliver(bot, { locale: 'ar', text: ['خبر'] }, policy);
    expect(outcome.kind).toBe('failed');
    expect(sleeps).toEqual(Array(policy.maxRateLimitWaitMs / 600_000).fill(600_000));
    expect(sends).toEqual(Array(policy.maxRateLimitWaitMs / 600_000 + 1).fill(429));
  });

  it('a short 429 is waited out by the scheduler, exactly as asked, not by auto-retry underneath', async () => {
    bot = await startBot(handler);
    bot.em.addChat(CHANNEL);
    bot.em.fail('sendMessage', tooManyRequests(1), { times: 3 });
    const { outcome, sends, sleeps } = await deliver(bot, { locale: 'ar', text: ['خبر'] }, DEFAULT_RETRY);
    expect(outcome).toEqual({ kind: 'sent', attempts: 4 });
    expect(sends).toEqual([429, 429, 429, 200]);
    expect(sleeps).toEqual([1_000, 1_000, 1_000]);
  });

  it('a digest part failing with 5xx costs at most the scheduler’s attempts, and earlier parts are not re-sent', async () => {
    bot = await startBot(handler);
    bot.em.addChat(CHANNEL);
    const long: Reply = { locale: 'en', text: Array.from({ length: 3 }, (_, i) => `${i} ${'word '.repeat(900)}`) };
    const parts = renderReply(long).length;
    expect(parts).toBeGreaterThan(1);
    let calls = 0;
    bot.em.fail(
      'sendMessage',
      { error_code: 502, description: 'Bad Gateway' },
      { times: FOREVER, when: () => ++calls > 1 },
    );
    const { outcome, sends, progress } = await deliver(bot, long, DEFAULT_RETRY);
    expect(outcome).toMatchObject({ kind: 'failed', attempts: DEFAULT_RETRY.attempts });
    expect(sends).toEqual([200, ...Array(DEFAULT_RETRY.attempts).fill(502)]);
    expect(progress.sent).toBe(1);
  });

  it('a chat answer refused with 429 again and again is retried by auto-retry alone, at most maxRetryAttempts times', async () => {
    bot = await startBot(handler);
    bot.em.fail('sendMessage', tooManyRequests(0.01), { times: FOREVER });
    const exchange = await bot.em.ask('/help', { expectSilence: true, quietMs: 400 });
    const answers = exchange.calls.filter((c) => c.method === 'sendMessage');
    // The answer, then the error boundary's apology: each tried 1 + maxRetryAttempts times.
    expect(answers.length).toBe(2 * (1 + AUTO_RETRY.maxRetryAttempts!));
  });
});
