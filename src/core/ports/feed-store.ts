import type { ParsedArticle } from '../corpus/parse-article.js';

/** How the last poll of a feed ended (the `status` of the CLI's `feeds` and `fetch`). */
export type FeedStatus = 'ok' | 'not-modified' | 'error';

/**
 * What nashra remembers of a feed between polls: the validators for a conditional GET,
 * how the last poll went, and when the next one may happen (backoff, Retry-After).
 */
export interface FeedState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO-8601 time of the last poll, whatever its outcome; null before the first. */
  readonly lastFetch: string | null;
  readonly status: FeedStatus | null;
  /** Why the last poll failed, in words a person can act on; null when it did not. */
  readonly error: string | null;
  /** Polls failed in a row: the exponent of the backoff. */
  readonly failures: number;
  /** ISO-8601: not polled before this (backoff after errors, a server's Retry-After). */
  readonly notBefore: string | null;
}

/** The state of a feed never polled: what the reader starts from and what the store lists. */
export function neverPolled(url: string): FeedState {
  return {
    url,
    etag: null,
    lastModified: null,
    lastFetch: null,
    status: null,
    error: null,
    failures: 0,
    notBefore: null,
  };
}

/** What became of a teaser item's linked page. */
export type FullTextOutcome = 'feed' | 'page' | 'failed';

/** A feed item that became an article, as recorded for "seen" and "changed" checks. */
export interface FeedItemRecord {
  /** The article id (derived from the item's identity, so two feeds share it). */
  readonly articleId: string;
  /** Identity the id came from: `guid:…`, `link:…` or `hash:…`. */
  readonly identity: string;
  /** Hash of the item as the feed gave it: equal means nothing to fetch or analyze. */
  readonly itemHash: string;
  readonly link: string | null;
  /** `feed`: the feed's own text was enough; `page`: the linked page's text; `failed`: see `fullTextError`. */
  readonly fullText: FullTextOutcome;
  readonly fullTextError: string | null;
}

/** A feed's state with its article count, for listings. */
export interface FeedSummary extends FeedState {
  readonly articles: number;
}

/**
 * The feed state and feed-item bookkeeping, in the database (so a second instance sees
 * it). Articles themselves go through the index writer; this port records which feed
 * items they came from. Every method may be asynchronous, so a network database can
 * implement it; the SQLite adapter answers at once.
 */
export interface FeedStore {
  /** The stored state of a feed, or null for a feed never polled. */
  state(url: string): Promise<FeedState | null>;
  saveState(state: FeedState): Promise<void>;
  /** Every feed in `urls` with its state (null fields for never polled) and article count, in that order. */
  summaries(urls: readonly string[]): Promise<FeedSummary[]>;
  /** The recorded items among `articleIds`, by article id. */
  items(articleIds: readonly string[]): Promise<Map<string, FeedItemRecord>>;
  /** Records (or updates) an item after its article was written, and that `feedUrl` carries it. */
  saveItem(feedUrl: string, item: FeedItemRecord, seenAt: string): Promise<void>;
  /** Records that `feedUrl` also carries an already known article (the same item in two feeds). */
  linkItem(feedUrl: string, articleId: string): Promise<void>;
  /** The analyzer version feed articles were last analyzed with (0: never recorded). */
  analyzerVersion(): Promise<number>;
  setAnalyzerVersion(version: number): Promise<void>;
  /**
   * Stored feed articles as they were parsed, `limit` at a time after the cursor `after`
   * (start with null): what a new analyzer re-analyzes, since feed items are not re-read.
   */
  feedArticles(
    after: string | null,
    limit: number,
  ): Promise<{ origin: string; hash: string; article: ParsedArticle }[]>;
}
