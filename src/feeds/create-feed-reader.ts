import { analyzeArticle, type AnalyzedArticle } from '../core/analysis/analyze-article.js';
import { type ParsedArticle, parseRecord } from '../core/corpus/parse-article.js';
import { FEED_LIMITS } from '../core/feeds/feed-limits.js';
import type { FeedEntry } from '../core/feeds/feed-list.js';
import { nextPollAt, parseRetryAfter } from '../core/feeds/next-poll.js';
import { rebuildPeople } from '../core/indexing/rebuild-people.js';
import type { StoryStore } from '../core/ports/story-store.js';
import { groupStories } from '../core/stories/group-stories.js';
import {
  type FeedItemRecord,
  type FeedState,
  type FeedStatus,
  type FeedStore,
  neverPolled,
} from '../core/ports/feed-store.js';
import type { IndexWriter } from '../core/ports/index-writer.js';
import type { Clock } from '../core/schedule/clock.js';
import type { Logger } from '../logging/create-logger.js';
import { decodeText } from './decode-text.js';
import { FetchFailed, type HttpGetLimits, httpGet } from './http-get.js';
import { feedArticleId, itemHash, itemIdentity } from './item-identity.js';
import { itemText } from './item-text.js';
import { mapLimit } from './map-limit.js';
import { reanalyzeFeedArticles } from './reanalyze-feed-articles.js';
import { type FeedItem, parseFeedDocument } from './parse-feed-document.js';

/** Limits of one poll; tests shrink them. */
export interface FeedReaderLimits {
  readonly feed: HttpGetLimits;
  readonly page: HttpGetLimits;
  readonly teaserWords: number;
  readonly maxItems: number;
  readonly pageConcurrency: number;
}

export const DEFAULT_READER_LIMITS: FeedReaderLimits = {
  feed: {
    timeoutMs: FEED_LIMITS.timeoutMs,
    maxBytes: FEED_LIMITS.maxFeedBytes,
    maxRedirects: FEED_LIMITS.maxRedirects,
  },
  page: {
    timeoutMs: FEED_LIMITS.timeoutMs,
    maxBytes: FEED_LIMITS.maxPageBytes,
    maxRedirects: FEED_LIMITS.maxRedirects,
  },
  teaserWords: FEED_LIMITS.teaserWords,
  maxItems: FEED_LIMITS.maxItems,
  pageConcurrency: FEED_LIMITS.pageConcurrency,
};

export interface FeedReaderDeps {
  readonly store: FeedStore;
  readonly writer: IndexWriter;
  /**
   * Story grouping over the writer's database: new feed articles join their stories in the
   * same transaction. Without it they wait, each its own story, for the next index run.
   */
  readonly stories?: StoryStore;
  /** Analysis (in-thread by default; the bot may pass its worker pool). */
  readonly analyze?: (article: ParsedArticle) => AnalyzedArticle | Promise<AnalyzedArticle>;
  readonly clock: Clock;
  /** The polling interval, from which backoff is counted. */
  readonly intervalMs: number;
  readonly limits?: Partial<FeedReaderLimits>;
  readonly random?: () => number;
  readonly logger?: Logger;
}

/** How one poll of one feed went: the `fetch` contract's entry, with when to poll next. */
export interface FeedPollResult {
  readonly url: string;
  readonly status: FeedStatus;
  /** Articles the feed brought that nashra did not have. */
  readonly new: number;
  /** Known items whose content changed: re-analyzed. */
  readonly updated: number;
  readonly error: string | null;
  readonly nextPoll: Date;
}

/** Options of one poll. */
export interface PollOptions {
  readonly signal?: AbortSignal;
  readonly honourWait?: 'errors' | 'all';
}

export interface FeedReader {
  /**
   * Polls one feed now and indexes what is new or changed. Never throws for anything the
   * feed or network does: the outcome is in the result and the stored state. With
   * `honourWait: 'errors'`, a feed inside its backoff or Retry-After window is not
   * requested; with `'all'`, neither is a healthy feed before its next scheduled poll
   * (how the running bot keeps its schedule across restarts).
   */
  poll(feed: FeedEntry, options?: PollOptions): Promise<FeedPollResult>;
}

/** The `Accept` of a feed request: feed types first, any XML after. */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/** The index origin of a feed's articles: see FEED_ORIGIN_PREFIX in the store. */
export const feedOrigin = (url: string) => `feed:${url}`;

interface Todo {
  readonly item: FeedItem;
  readonly articleId: string;
  readonly identity: string;
  readonly hash: string;
  readonly isNew: boolean;
}

/**
 * Reads feeds into the index: conditional GET with the stored validators, backoff and
 * Retry-After in the stored state, items identified by guid/link/content hash so a seen
 * item costs nothing and a changed one is analyzed again. Articles are written through
 * the index writer (origin `feed:<url>`, so a corpus rescan keeps them); the feed store
 * records the items. Writes happen after the network work, feed state last, so a crash
 * leaves at most items that the next poll writes again.
 */
export function createFeedReader(deps: FeedReaderDeps): FeedReader {
  const { store, writer, clock, intervalMs } = deps;
  const analyze = deps.analyze ?? analyzeArticle;
  const limits = { ...DEFAULT_READER_LIMITS, ...deps.limits };
  const random = deps.random ?? Math.random;

  /** Once per reader, before the first poll: stored feed articles follow an analyzer change. */
  let current: Promise<unknown> | null = null;
  const ensureCurrentAnalysis = () =>
    (current ??= reanalyzeFeedArticles({ store, writer, analyze }).then(
      (n) => n > 0 && deps.logger?.info({ articles: n }, 'feed articles re-analyzed for a new analyzer'),
      (err: unknown) => {
        deps.logger?.error({ err }, 'feed articles could not be re-analyzed');
        current = null;
      },
    ));

  async function poll(feed: FeedEntry, options: PollOptions = {}): Promise<FeedPollResult> {
    await ensureCurrentAnalysis();
    const now = clock.now();
    const prev: FeedState = (await store.state(feed.url)) ?? neverPolled(feed.url);
    const waiting = prev.notBefore !== null && Date.parse(prev.notBefore) > now.getTime();
    if (waiting && (options.honourWait === 'all' || (options.honourWait === 'errors' && prev.status === 'error'))) {
      const status = prev.status ?? 'error';
      const error =
        status === 'error'
          ? `not polled before ${prev.notBefore}${prev.error ? ` (last error: ${prev.error})` : ''}`
          : null;
      return { url: feed.url, status, new: 0, updated: 0, error, nextPoll: new Date(prev.notBefore!) };
    }
    const fail = async (error: string, retryAfterMs?: number): Promise<FeedPollResult> => {
      const failures = prev.failures + 1;
      const next = nextPollAt(clock.now(), intervalMs, { ok: false, failures, retryAfterMs }, random);
      await store.saveState({
        ...prev,
        lastFetch: now.toISOString(),
        status: 'error',
        error,
        failures,
        notBefore: next.toISOString(),
      });
      deps.logger?.warn({ feed: feed.url, error, failures, nextPoll: next.toISOString() }, 'feed poll failed');
      return { url: feed.url, status: 'error', new: 0, updated: 0, error, nextPoll: next };
    };
    const conditional: Record<string, string> = { accept: FEED_ACCEPT };
    if (prev.etag) conditional['if-none-match'] = prev.etag;
    if (prev.lastModified) conditional['if-modified-since'] = prev.lastModified;

    const stopped: FeedPollResult = {
      url: feed.url,
      status: 'error',
      new: 0,
      updated: 0,
      error: 'stopped',
      nextPoll: now,
    };
    let res: Awaited<ReturnType<typeof httpGet>>;
    try {
      res = await httpGet(feed.url, conditional, limits.feed, options.signal);
    } catch (err) {
      if (options.signal?.aborted) return stopped;
      if (err instanceof FetchFailed) return fail(err.message);
      throw err;
    }
    if (res.status === 304) {
      const next = nextPollAt(clock.now(), intervalMs, { ok: true, failures: 0 }, random);
      await store.saveState({
        ...prev,
        lastFetch: now.toISOString(),
        status: 'not-modified',
        error: null,
        failures: 0,
        notBefore: next.toISOString(),
      });
      return { url: feed.url, status: 'not-modified', new: 0, updated: 0, error: null, nextPoll: next };
    }
    if (res.status === 429 || res.status === 503) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      const wait = retryAfterMs === undefined ? '' : `; asked to wait ${Math.ceil(retryAfterMs / 1000)} s`;
      return fail(
        `HTTP ${res.status}${res.status === 429 ? ' Too Many Requests' : ' Service Unavailable'}${wait}`,
        retryAfterMs,
      );
    }
    if (res.status < 200 || res.status >= 300) return fail(`HTTP ${res.status}`);

    let items: FeedItem[];
    let feedTitle: string | null;
    try {
      const doc = parseFeedDocument(
        decodeText(res.body, res.headers.get('content-type')).text,
        res.url,
        limits.maxItems,
      );
      items = doc.items;
      feedTitle = doc.title;
    } catch (err) {
      if (err instanceof FetchFailed) return fail(err.message);
      throw err;
    }
    const source = feed.name ?? feedTitle ?? new URL(feed.url).host;
    const ingested = await ingest(feed, source, items, options.signal);
    // Stopped mid-poll: nothing written, state untouched, so the next start reads the feed whole again.
    if (ingested === null) return stopped;
    const { added, updated } = ingested;
    const next = nextPollAt(clock.now(), intervalMs, { ok: true, failures: 0 }, random);
    await store.saveState({
      url: feed.url,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      lastFetch: now.toISOString(),
      status: 'ok',
      error: null,
      failures: 0,
      notBefore: next.toISOString(),
    });
    if (added + updated > 0) deps.logger?.info({ feed: feed.url, added, updated }, 'feed articles indexed');
    return { url: feed.url, status: 'ok', new: added, updated, error: null, nextPoll: next };
  }

  /**
   * Items being written by a poll in progress, by article id: a poll of another feed
   * carrying the same item waits for it instead of fetching and analyzing it twice.
   */
  const claims = new Map<string, Promise<void>>();

  async function ingest(
    feed: FeedEntry,
    source: string,
    items: readonly FeedItem[],
    signal?: AbortSignal,
  ): Promise<{ added: number; updated: number } | null> {
    const byId = new Map<string, Omit<Todo, 'isNew'>>();
    for (const item of items) {
      const identity = itemIdentity(item, feed.url);
      const articleId = feedArticleId(identity);
      if (!byId.has(articleId)) byId.set(articleId, { item, articleId, identity, hash: itemHash(item) });
    }
    // Claimed before the store is asked, so no other poll can decide the same item is new meanwhile.
    const others = [...byId.keys()].filter((id) => claims.has(id)).map((id) => claims.get(id)!);
    const mine = [...byId.values()].filter((t) => !claims.has(t.articleId));
    let release!: () => void;
    const claim = new Promise<void>((resolve) => (release = resolve));
    for (const t of mine) claims.set(t.articleId, claim);
    let result: { added: number; updated: number } | null;
    try {
      result = await ingestClaimed(feed, source, mine, signal);
    } finally {
      for (const t of mine) claims.delete(t.articleId);
      release();
    }
    // Waited for only after our own claims are released: two polls waiting on each other never deadlock.
    if (result !== null && others.length > 0) {
      await Promise.all(others);
      await linkKnown(
        feed,
        [...byId.values()].filter((t) => !mine.includes(t)),
      );
    }
    return result;
  }

  /** Links the items already stored unchanged to this feed; returns the others. */
  async function linkKnown(feed: FeedEntry, candidates: readonly Omit<Todo, 'isNew'>[]): Promise<Todo[]> {
    const known = await store.items(candidates.map((t) => t.articleId));
    const todo: Todo[] = [];
    for (const t of candidates) {
      const rec = known.get(t.articleId);
      if (rec && rec.itemHash === t.hash) await store.linkItem(feed.url, t.articleId);
      else todo.push({ ...t, isNew: !rec });
    }
    return todo;
  }

  async function ingestClaimed(
    feed: FeedEntry,
    source: string,
    candidates: readonly Omit<Todo, 'isNew'>[],
    signal?: AbortSignal,
  ): Promise<{ added: number; updated: number } | null> {
    const todo = await linkKnown(feed, candidates);
    if (todo.length === 0) return { added: 0, updated: 0 };

    const prepared = await mapLimit(todo, limits.pageConcurrency, async (t) => {
      const text = await itemText(t.item, {
        teaserWords: limits.teaserWords,
        page: limits.page,
        ...(signal ? { signal } : {}),
      });
      const title = t.item.title ?? text.pageTitle;
      const paragraphs = text.paragraphs.filter((p, i) => !(i === 0 && p === title));
      const parsed = parseRecord({
        id: t.articleId,
        title,
        body: paragraphs.length > 0 ? paragraphs.join('\n') : (title ?? ''),
        date: t.item.date ?? text.pageDate,
        source,
        url: t.item.link,
      });
      const record: FeedItemRecord = {
        articleId: t.articleId,
        identity: t.identity,
        itemHash: t.hash,
        link: t.item.link,
        fullText: text.fullText,
        fullTextError: text.error,
      };
      return { todo: t, parsed, record };
    });
    // Pages cut short by a stop are not failures of the page: write nothing.
    if (signal?.aborted) return null;
    const analyzed: ((typeof prepared)[number] & { analyzed: AnalyzedArticle })[] = [];
    for (const p of prepared) {
      if (p.parsed.body.trim() === '') continue;
      try {
        analyzed.push({ ...p, analyzed: await analyze(p.parsed) });
      } catch (err) {
        // Left unrecorded: the next full download of the feed tries it again.
        deps.logger?.error({ err, feed: feed.url, item: p.record.identity }, 'feed item could not be analyzed');
      }
    }
    let added = 0;
    let updated = 0;
    try {
      await writer.transaction(async () => {
        for (const a of analyzed) {
          await writer.upsertArticle(feedOrigin(feed.url), a.todo.hash, a.analyzed);
          if (a.todo.isNew) added++;
          else updated++;
        }
        if (analyzed.length > 0) await rebuildPeople(writer);
        if (analyzed.length > 0 && deps.stories) await groupStories(deps.stories);
      });
    } finally {
      await writer.endRun();
    }
    const seenAt = clock.now().toISOString();
    for (const a of analyzed) await store.saveItem(feed.url, a.record, seenAt);
    return { added, updated };
  }

  return { poll };
}
