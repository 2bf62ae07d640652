/** What to do with one more request from a sender. */
export type RateDecision = 'allow' | 'notice' | 'drop';

export interface RateLimiterOptions {
  /** Requests a sender may make at once after being quiet. */
  readonly burst: number;
  /** Tokens regained per second: the sustained rate. */
  readonly perSecond: number;
  /** The clock, injectable so tests never sleep. */
  readonly now?: () => number;
  /** Senders remembered; idle, full buckets are forgotten first when there are more. */
  readonly maxKeys?: number;
}

/** Per-sender throttle. */
export interface RateLimiter {
  /** Takes a token for `key`. Over the limit, the first request is told (`notice`), the rest `drop`. */
  take(key: string): RateDecision;
}

/** Default throttle for one chat user: a burst of 6, then one request every 2 seconds. */
export const USER_RATE_LIMIT = { burst: 6, perSecond: 0.5 } as const;
const DEFAULT_MAX_KEYS = 10_000;

/**
 * A token bucket per sender. A flood costs us one short notice rather than one answer
 * per message (which would itself run into Telegram's limits); a sender who waits gets
 * answered again.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { burst, perSecond, now = Date.now, maxKeys = DEFAULT_MAX_KEYS } = options;
  const buckets = new Map<string, { tokens: number; at: number; noticed: boolean }>();

  function refill(bucket: { tokens: number; at: number }, time: number) {
    bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
    bucket.at = time;
  }

  function prune(time: number) {
    for (const [key, bucket] of buckets) {
      refill(bucket, time);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
  }

  return {
    take(key) {
      const time = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) prune(time);
        bucket = { tokens: burst, at: time, noticed: false };
        buckets.set(key, bucket);
      }
      refill(bucket, time);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.noticed = false;
        return 'allow';
      }
      if (bucket.noticed) return 'drop';
      bucket.noticed = true;
      return 'notice';
    },
  };
}
