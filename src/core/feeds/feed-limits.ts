/**
 * Limits and defaults of feed fetching. Each bounds what one hostile or broken site can
 * cost: time (timeouts, backoff), memory (size caps) and the other feeds' turn (concurrency).
 */
export const FEED_LIMITS = {
  /** Minutes between two polls of one feed (NASHRA_FEED_MINUTES). */
  defaultMinutes: 15,
  /** Jitter on each feed's schedule, as a share of the interval: feeds do not all poll at once. */
  jitterShare: 0.1,
  /** Feeds polled at the same time; a slow feed holds one slot, never all. */
  concurrency: 3,
  /** Pages fetched at once for one feed's teaser items. */
  pageConcurrency: 2,
  /** One HTTP request, connection to last byte. */
  timeoutMs: 20_000,
  /** Redirects followed before giving up. */
  maxRedirects: 5,
  /** A feed document larger than this (decompressed) is refused. */
  maxFeedBytes: 4 * 1024 * 1024,
  /** A linked page larger than this (decompressed) is not read; the item keeps the feed's text. */
  maxPageBytes: 2 * 1024 * 1024,
  /** Items taken from one feed document (newest first, as feeds list them). */
  maxItems: 200,
  /** An item whose feed text has fewer words than this is a teaser: its page is fetched. */
  teaserWords: 80,
  /** Longest wait after repeated failures, in ms (backoff doubles up to this). */
  maxBackoffMs: 6 * 60 * 60 * 1000,
  /** Longest Retry-After honoured, in ms (a server asking for more is polled after this). */
  maxRetryAfterMs: 24 * 60 * 60 * 1000,
  /** Lines of a feeds file; more are reported and ignored. */
  maxFeeds: 1000,
} as const satisfies Record<string, number>;
