import { distinctSentence } from '../support/distinct-text.js';
import { Writable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Reply } from '../../src/core/commands/reply.js';
import { type ChatDelivery, DeliveryError, type Platform } from '../../src/core/ports/chat-delivery.js';
import { abortError, type Clock } from '../../src/core/schedule/clock.js';
import type { CronJob, CronRunner } from '../../src/scheduler/cron-runner.js';
import { createLogger, type Logger } from '../../src/logging/create-logger.js';

/** A pino logger whose JSON lines the test can read. */
export function captureLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', stream as unknown as Parameters<typeof createLogger>[1]);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/**
 * Time from `Date` (faked by `vi.useFakeTimers({ toFake: ['Date'] })`, so the indexer's
 * `indexed_at` follows the same clock); `sleep` moves it forward at once and records how long.
 */
export function createFakeDateClock(): Clock & { sleeps: number[]; set(at: string | Date): void } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(),
    set: (at) => vi.setSystemTime(new Date(at)),
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      sleeps.push(ms);
      vi.setSystemTime(new Date(Date.now() + ms));
      await Promise.resolve();
    },
  };
}

/** What a fake chat does on its next send. */
export type Step = 'ok' | DeliveryError | Error | 'hang-after-post' | (() => Promise<void>);

/** A ChatDelivery that records posts and follows a script of failures per chat. */
export class FakeDelivery implements ChatDelivery {
  readonly sent: { chatId: string; reply: Reply }[] = [];
  readonly attempts: string[] = [];
  private readonly scripts = new Map<string, Step[]>();

  constructor(readonly platform: Platform = 'telegram') {}

  /** Queues what the next sends to `chatId` do; afterwards sends succeed. */
  script(chatId: string, ...steps: Step[]): this {
    this.scripts.set(chatId, [...(this.scripts.get(chatId) ?? []), ...steps]);
    return this;
  }

  to(chatId: string): Reply[] {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => s.reply);
  }

  async send(chatId: string, reply: Reply): Promise<void> {
    this.attempts.push(chatId);
    const step = this.scripts.get(chatId)?.shift() ?? 'ok';
    if (step instanceof Error) throw step;
    if (typeof step === 'function') await step();
    this.sent.push({ chatId, reply });
    // The process "dies" right after the platform accepted the post: never returns.
    if (step === 'hang-after-post') await new Promise<never>(() => undefined);
  }
}

export const rateLimited = (ms: number) => new DeliveryError('retry', '429: Too Many Requests', { retryAfterMs: ms });
export const serverError = () => new DeliveryError('retry', '502: Bad Gateway');
export const chatGone = () => new DeliveryError('gone', '403: Forbidden: bot was kicked from the group chat');

/** A cron runner the test ticks by hand; remembers what was scheduled. */
export class FakeCron implements CronRunner {
  readonly jobs = new Map<
    string,
    { expression: string; timezone: string; onTick: (slot: Date) => void; stopped: boolean }
  >();

  schedule(expression: string, timezone: string, onTick: (slot: Date) => void, name?: string): CronJob {
    const job = { expression, timezone, onTick, stopped: false };
    this.jobs.set(name ?? expression, job);
    return {
      stop: () => {
        job.stopped = true;
      },
    };
  }

  active(): { name: string; expression: string; timezone: string }[] {
    return [...this.jobs]
      .filter(([, j]) => !j.stopped)
      .map(([name, j]) => ({ name, expression: j.expression, timezone: j.timezone }));
  }

  tick(name: string, slot: Date | string): void {
    const job = this.jobs.get(name);
    if (!job || job.stopped) throw new Error(`no active job ${name}`);
    job.onTick(new Date(slot));
  }
}

/** Writes an article file into the corpus. */
export function addArticle(corpusDir: string, id: string, title: string, date = '2026-03-28'): void {
  const body = [
    `title: ${title}`,
    `date: ${date}`,
    '',
    'أعلنت وزارة الطاقة اليوم افتتاح أكبر محطة للطاقة الشمسية في المنطقة بقدرة ألفي ميغاواط.',
    'وقال وزير الطاقة أحمد الخالدي في مؤتمر صحفي: «هذه المحطة ستغير مستقبل الكهرباء في البلاد خلال السنوات المقبلة».',
    'وتأتي المحطة ضمن خطة لخفض الانبعاثات إلى النصف بحلول عام 2030.',
    'وأضاف الخالدي أن العمل سيبدأ في محطتين أخريين قبل نهاية العام.',
    distinctSentence(id), // each article its own story, not a copy of the others
  ].join('\n');
  writeFileSync(join(corpusDir, `${id}.txt`), `${body}\n`);
}

/** Waits until `check` passes, letting promises and I/O run (for hand-driven ticks). */
export async function eventually(check: () => boolean | Promise<boolean>, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('condition not met');
}
