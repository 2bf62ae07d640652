import { FEED_LIMITS } from './feed-limits.js';

/** How a poll ended, as far as scheduling the next one goes. */
export interface PollOutcome {
  readonly ok: boolean;
  /** Failures in a row, counting this poll. */
  readonly failures: number;
  /** A server's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs?: number | undefined;
}

/**
 * When a feed is polled next. After success: one interval, moved by up to
 * `jitterShare` either way, so feeds polled together drift apart. After failures: the
 * interval doubled per failure in a row (capped), so a broken site is asked less and
 * less. A Retry-After is honoured (capped at a day) when it asks for longer. `random`
 * is injected so tests get exact times.
 */
export function nextPollAt(
  now: Date,
  intervalMs: number,
  outcome: PollOutcome,
  random: () => number = Math.random,
): Date {
  const jitter = (random() * 2 - 1) * FEED_LIMITS.jitterShare * intervalMs;
  let wait = intervalMs + jitter;
  if (!outcome.ok) {
    const factor = 2 ** Math.min(Math.max(outcome.failures - 1, 0), 20);
    wait = Math.min(intervalMs * factor, FEED_LIMITS.maxBackoffMs) + Math.abs(jitter);
  }
  if (outcome.retryAfterMs !== undefined)
    wait = Math.max(wait, Math.min(outcome.retryAfterMs, FEED_LIMITS.maxRetryAfterMs));
  return new Date(now.getTime() + Math.round(wait));
}

/** Parses a Retry-After header (seconds or an HTTP date) into ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
