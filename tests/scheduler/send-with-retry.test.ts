import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/ports/chat-delivery.js';
import { createManualClock } from '../support/manual-clock.js';
import { backoffDelay, DEFAULT_RETRY, sendWithRetry } from '../../src/scheduler/send-with-retry.js';
import { captureLogger, chatGone, rateLimited, serverError } from './support.js';

function sender(...steps: (Error | 'ok')[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    send: async () => {
      const step = steps[calls++] ?? 'ok';
      if (step instanceof Error) throw step;
    },
  };
}

const run = (send: () => Promise<void>, policy = DEFAULT_RETRY, signal = new AbortController().signal) => {
  const clock = createManualClock('2026-03-27T00:00:00Z');
  return sendWithRetry(send, { policy, clock, signal, logger: captureLogger().logger }).then((outcome) => ({
    outcome,
    sleeps: clock.sleeps,
  }));
};

describe('sendWithRetry', () => {
  it('backs off exponentially, capped', async () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(p, n))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('does not count rate-limit waits as attempts', async () => {
    const s = sender(rateLimited(1000), rateLimited(1000), rateLimited(1000), serverError(), rateLimited(500));
    const { outcome, sleeps } = await run(s.send, { ...DEFAULT_RETRY, attempts: 2, baseDelayMs: 100 });
    expect(outcome).toEqual({ kind: 'sent', attempts: 6 });
    expect(sleeps).toEqual([1000, 1000, 1000, 100, 500]);
  });

  it('gives up once rate-limit waits exceed their budget', async () => {
    const s = sender(rateLimited(40_000), rateLimited(40_000));
    const { outcome, sleeps } = await run(s.send, { ...DEFAULT_RETRY, maxRateLimitWaitMs: 60_000 });
    expect(outcome.kind).toBe('failed');
    expect(sleeps).toEqual([40_000]);
  });

  it('never retries a gone chat', async () => {
    const s = sender(chatGone());
    const { outcome, sleeps } = await run(s.send);
    expect(outcome).toMatchObject({ kind: 'gone', attempts: 1 });
    expect(outcome.kind === 'gone' && outcome.error).toBeInstanceOf(DeliveryError);
    expect(sleeps).toEqual([]);
  });

  it('stops waiting when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const { outcome } = await run(sender(serverError()).send, DEFAULT_RETRY, abort.signal);
    expect(outcome).toMatchObject({ kind: 'aborted', attempts: 1 });
  });
});
