import { FEED_LIMITS } from '../core/feeds/feed-limits.js';
import type { FeedEntry } from '../core/feeds/feed-list.js';
import type { Clock } from '../core/schedule/clock.js';
import type { FeedPollResult, FeedReader } from '../feeds/create-feed-reader.js';
import type { Logger } from '../logging/create-logger.js';

export interface FeedPollerDeps {
  readonly reader: FeedReader;
  /** The feeds to follow, asked on every pass: a feed added to the file is picked up without a restart. */
  readonly feeds: () => readonly FeedEntry[];
  /** What "now" is: which feeds are due. */
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly concurrency?: number;
  readonly random?: () => number;
  readonly logger: Logger;
  /** Told after each poll (tests, metrics). */
  readonly onPolled?: (result: FeedPollResult) => void;
}

export interface FeedPoller {
  /** Starts polling: each feed first within a jittered share of the interval, then on its own schedule. */
  start(): void;
  /** Starts every feed due now (up to the concurrency limit; the rest as slots free) and waits until all are done. */
  runDue(): Promise<void>;
  /** Stops the timer, aborts requests in flight and waits for the polls to end. */
  stop(): Promise<void>;
}

/** Longest sleep between passes: how soon a feed added to the feeds file is noticed. */
export const FEED_PASS_MAX_MS = 60_000;

/**
 * Polls every feed on its own schedule: first at a random point of the first
 * `jitterShare` of the interval (feeds do not all start at once), then when the reader
 * says (the interval with jitter, or backoff and Retry-After after errors, kept in the
 * database so a restart honours them). At most `concurrency` polls run at once, so a
 * slow or huge feed holds one slot and the others go on; a poll that throws is logged
 * and retried an interval later. Time comes from the injected clock; waiting uses timers,
 * so tests drive it with fake timers or call `runDue` after moving a manual clock.
 */
export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const { reader, clock, intervalMs, logger } = deps;
  const log = logger.child({ job: 'feeds' });
  const concurrency = deps.concurrency ?? FEED_LIMITS.concurrency;
  const random = deps.random ?? Math.random;
  const due = new Map<string, number>();
  const running = new Map<string, Promise<void>>();
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;
  let stopped = false;

  function listFeeds(): readonly FeedEntry[] {
    try {
      return deps.feeds();
    } catch (err) {
      log.error({ err }, 'cannot read the feeds file; keeping no feeds this pass');
      return [];
    }
  }

  function pump(): void {
    if (stopped) return;
    const now = clock.now().getTime();
    const feeds = listFeeds();
    const urls = new Set(feeds.map((f) => f.url));
    for (const url of [...due.keys()]) if (!urls.has(url)) due.delete(url);
    for (const f of feeds)
      if (!due.has(f.url)) due.set(f.url, now + Math.round(random() * FEED_LIMITS.jitterShare * intervalMs));
    const ready = feeds
      .filter((f) => !running.has(f.url) && due.get(f.url)! <= now)
      .sort((a, b) => due.get(a.url)! - due.get(b.url)!);
    for (const feed of ready) {
      if (running.size >= concurrency) break;
      launch(feed);
    }
    if (started) arm(feeds);
  }

  function launch(feed: FeedEntry): void {
    const job = reader
      .poll(feed, { signal: abort.signal, honourWait: 'all' })
      .then(
        (result) => {
          due.set(feed.url, result.nextPoll.getTime());
          deps.onPolled?.(result);
        },
        (err: unknown) => {
          log.error({ err, feed: feed.url }, 'feed poll crashed');
          due.set(feed.url, clock.now().getTime() + intervalMs);
        },
      )
      .finally(() => {
        running.delete(feed.url);
        pump();
      });
    running.set(feed.url, job);
  }

  function arm(feeds: readonly FeedEntry[]): void {
    if (timer) clearTimeout(timer);
    timer = null;
    // With every slot taken, the next pass comes when a poll ends (see launch), not from a timer.
    if (stopped || running.size >= concurrency) return;
    const waiting = feeds.filter((f) => !running.has(f.url)).map((f) => due.get(f.url)!);
    const next = waiting.length > 0 ? Math.min(...waiting) : Infinity;
    const delay = Math.min(Math.max(next - clock.now().getTime(), 0), FEED_PASS_MAX_MS);
    timer = setTimeout(() => {
      timer = null;
      pump();
    }, delay);
    timer.unref?.();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      pump();
    },
    async runDue() {
      pump();
      while (running.size > 0) await Promise.all([...running.values()]);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      abort.abort();
      while (running.size > 0) await Promise.all([...running.values()]);
    },
  };
}
