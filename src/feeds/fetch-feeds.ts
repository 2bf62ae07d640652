import { FEED_LIMITS } from '../core/feeds/feed-limits.js';
import type { FeedEntry } from '../core/feeds/feed-list.js';
import type { FeedStatus } from '../core/ports/feed-store.js';
import type { FeedReader } from './create-feed-reader.js';
import { mapLimit } from './map-limit.js';

/** The `fetch` command's JSON contract (with `updated`, an addition). */
export interface FetchReport {
  readonly feeds: { url: string; status: FeedStatus; new: number; updated: number; error: string | null }[];
  readonly added: number;
  readonly updated: number;
}

/**
 * Polls every feed once now, a few at a time, and indexes what is new: the CLI's
 * `fetch`. A feed that failed and is inside its backoff or a server's Retry-After is
 * not asked again; its entry says until when.
 */
export async function fetchFeeds(
  reader: FeedReader,
  feeds: readonly FeedEntry[],
  concurrency: number = FEED_LIMITS.concurrency,
): Promise<FetchReport> {
  const results = await mapLimit(feeds, concurrency, (feed) => reader.poll(feed, { honourWait: 'errors' }));
  const entries = results.map((r) => ({
    url: r.url,
    status: r.status,
    new: r.new,
    updated: r.updated,
    error: r.error,
  }));
  return {
    feeds: entries,
    added: entries.reduce((n, e) => n + e.new, 0),
    updated: entries.reduce((n, e) => n + e.updated, 0),
  };
}
