import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleDelivery } from '../../src/console/create-console-delivery.js';
import type { DeliveryProgress } from '../../src/core/ports/chat-delivery.js';
import { createManualClock } from '../support/manual-clock.js';
import { DEFAULT_RETRY, sendWithRetry } from '../../src/scheduler/send-with-retry.js';
import { captureLogger, rateLimited, serverError } from './support.js';

/**
 * The progress record of a multi-part delivery (ChatDelivery.send's third argument): one
 * per delivery, shared by its retries. The adapters' use of it is shown end to end in
 * tests/e2e/resumable-delivery.test.ts; here, the contract around it.
 */

/** A three-part chat that refuses part `failAt` (1-based) on the first try of it. */
function threePartChat(failAt: number, error: Error) {
  const posted: number[] = [];
  let failed = false;
  return {
    posted,
    async send(progress: DeliveryProgress) {
      for (let part = progress.sent + 1; part <= 3; part++) {
        if (part === failAt && !failed) {
          failed = true;
          throw error;
        }
        posted.push(part);
        progress.sent = part;
      }
    },
  };
}

const options = (progress?: DeliveryProgress) => ({
  policy: DEFAULT_RETRY,
  clock: createManualClock('2026-03-27T00:00:00Z'),
  signal: new AbortController().signal,
  logger: captureLogger().logger,
  ...(progress ? { progress } : {}),
});

describe('sendWithRetry and the progress of a multi-part send', () => {
  it.each([
    ['a rate limit', rateLimited(1000)],
    ['a server error', serverError()],
  ])('hands every try the same progress, so a retry after %s resumes at the failed part', async (_what, error) => {
    const chat = threePartChat(2, error);
    const seen: DeliveryProgress[] = [];
    const outcome = await sendWithRetry((p) => {
      seen.push(p);
      return chat.send(p);
    }, options());
    expect(outcome).toEqual({ kind: 'sent', attempts: 2 });
    expect(chat.posted).toEqual([1, 2, 3]);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });

  it('uses the caller’s progress record when given one, and leaves it at the parts accepted', async () => {
    const progress: DeliveryProgress = { sent: 0 };
    const chat = threePartChat(3, serverError());
    await sendWithRetry((p) => chat.send(p), options(progress));
    expect(progress.sent).toBe(3);
    expect(chat.posted).toEqual([1, 2, 3]);
  });
});

describe('console delivery', () => {
  function output() {
    let text = '';
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  }

  it('prints the reply once and counts it as its one part; a resumed send prints nothing', async () => {
    const out = output();
    const delivery = createConsoleDelivery(out.stream);
    const progress: DeliveryProgress = { sent: 0 };
    await delivery.send('console', { locale: 'en', text: ['hello'] }, progress);
    await delivery.send('console', { locale: 'en', text: ['hello'] }, progress);
    expect(out.text().match(/hello/g)).toHaveLength(1);
    expect(progress.sent).toBe(1);
    await delivery.send('console', { locale: 'en', text: ['again'] });
    expect(out.text()).toContain('again');
  });
});
