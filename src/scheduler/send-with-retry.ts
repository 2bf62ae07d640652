import type { Logger } from '../logging/create-logger.js';
import { DeliveryError, type DeliveryProgress } from '../core/ports/chat-delivery.js';
import type { Clock } from '../core/schedule/clock.js';

/**
 * How hard a delivery tries. A rate limit (`DeliveryError` 'retry' with `retryAfterMs`,
 * Telegram 429 `retry_after`, Discord 429 `retry_after`) is waited out exactly as asked
 * and does not use up an attempt (the platform told us when it will take the post), up to
 * `maxRateLimitWaitMs` in all. Anything else transient (5xx, network, an unclassified
 * error) is retried with exponential backoff: `baseDelayMs`, doubling, at most
 * `maxDelayMs`, `attempts` tries in all. `gone` is never retried.
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  maxRateLimitWaitMs: 60 * 60_000,
};

export type SendOutcome =
  | { readonly kind: 'sent'; readonly attempts: number }
  | { readonly kind: 'gone'; readonly attempts: number; readonly error: unknown }
  | { readonly kind: 'failed'; readonly attempts: number; readonly error: unknown }
  /** Stopped while waiting to retry: the last try failed (parts before it may have been posted: see `progress`). */
  | { readonly kind: 'aborted'; readonly attempts: number; readonly error: unknown };

/** The delay before retry number `retry` (1-based) of a transient failure. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

/**
 * Sends, retrying per `policy`; never throws. Every try gets the same `progress` (one per
 * delivery; a fresh one when not given), so a multi-part reply that failed at part N
 * resumes at part N on the retry instead of posting parts 1..N-1 again.
 */
export async function sendWithRetry(
  send: (progress: DeliveryProgress) => Promise<void>,
  options: {
    readonly policy: RetryPolicy;
    readonly clock: Clock;
    readonly signal: AbortSignal;
    readonly logger: Logger;
    readonly progress?: DeliveryProgress;
  },
): Promise<SendOutcome> {
  const { policy, clock, signal, logger } = options;
  const progress = options.progress ?? { sent: 0 };
  let tries = 0;
  let failures = 0;
  let rateLimitWaited = 0;
  for (;;) {
    tries++;
    let error: unknown;
    try {
      await send(progress);
      return { kind: 'sent', attempts: tries };
    } catch (err) {
      error = err;
    }
    if (error instanceof DeliveryError && error.kind === 'gone') return { kind: 'gone', attempts: tries, error };
    let waitMs: number;
    const retryAfter = error instanceof DeliveryError ? error.retryAfterMs : undefined;
    if (retryAfter !== undefined) {
      waitMs = Math.max(0, retryAfter);
      if (rateLimitWaited + waitMs > policy.maxRateLimitWaitMs) {
        logger.error(
          { err: error, attempts: tries, waitedMs: rateLimitWaited, partsSent: progress.sent },
          'rate limited for too long; giving up on this slot',
        );
        return { kind: 'failed', attempts: tries, error };
      }
      rateLimitWaited += waitMs;
      logger.warn(
        { err: error, retryAfterMs: waitMs, attempts: tries, partsSent: progress.sent },
        'rate limited; waiting as asked',
      );
    } else {
      failures++;
      if (failures >= policy.attempts) return { kind: 'failed', attempts: tries, error };
      waitMs = backoffDelay(policy, failures);
      logger.warn(
        { err: error, retryInMs: waitMs, attempts: tries, partsSent: progress.sent },
        'delivery failed; retrying',
      );
    }
    try {
      await clock.sleep(waitMs, signal);
    } catch {
      return { kind: 'aborted', attempts: tries, error };
    }
  }
}
