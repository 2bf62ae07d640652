import { analyzeArticle } from '../../../src/core/analysis/analyze-article.js';
import type { FeedEntry } from '../../../src/core/feeds/feed-list.js';
import type { ArticleIndex } from '../../../src/core/ports/article-index.js';
import type { FeedStore } from '../../../src/core/ports/feed-store.js';
import type { IndexWriter } from '../../../src/core/ports/index-writer.js';
import { createManualClock, type ManualClock } from '../../support/manual-clock.js';
import { createFeedReader, type FeedReader, type FeedReaderLimits } from '../../../src/feeds/create-feed-reader.js';
import { createSqliteArticleIndex } from '../../../src/store/create-sqlite-article-index.js';
import { createSqliteFeedStore } from '../../../src/store/create-sqlite-feed-store.js';
import { createSqliteIndexWriter } from '../../../src/store/create-sqlite-index-writer.js';
import { type Db, openDatabase } from '../../../src/store/open-database.js';

/** Fifteen minutes: the default interval. */
export const INTERVAL_MS = 15 * 60_000;

/** Limits small enough for tests to hit quickly. */
export const TEST_LIMITS: Partial<FeedReaderLimits> = {
  feed: { timeoutMs: 2_000, maxBytes: 1024 * 1024, maxRedirects: 5 },
  page: { timeoutMs: 2_000, maxBytes: 1024 * 1024, maxRedirects: 5 },
};

/** A reader over an in-memory SQLite index, counting analyses. */
export interface ReaderWorld {
  readonly db: Db;
  readonly clock: ManualClock;
  readonly store: FeedStore;
  readonly writer: IndexWriter;
  readonly index: ArticleIndex;
  readonly reader: FeedReader;
  /** Article ids analyzed, in order. */
  readonly analyses: string[];
  feed(url: string, name?: string): FeedEntry;
  close(): void;
}

/** A reader world on a new in-memory database, or on `shared` (another reader over the same index: a restart). */
export function createReaderWorld(shared?: Db, limits: Partial<FeedReaderLimits> = TEST_LIMITS): ReaderWorld {
  const db = shared ?? openDatabase(':memory:');
  const clock = createManualClock('2026-03-27T06:00:00Z');
  const writer = createSqliteIndexWriter(db, () => clock.now());
  const store = createSqliteFeedStore(db);
  const analyses: string[] = [];
  const reader = createFeedReader({
    store,
    writer,
    clock,
    intervalMs: INTERVAL_MS,
    limits,
    random: () => 0.5,
    analyze: (a) => {
      analyses.push(a.id);
      return analyzeArticle(a);
    },
  });
  return {
    db,
    clock,
    store,
    writer,
    index: createSqliteArticleIndex(db),
    reader,
    analyses,
    feed: (url, name) => ({ url, name: name ?? null }),
    close: () => (shared ? undefined : db.close()),
  };
}
