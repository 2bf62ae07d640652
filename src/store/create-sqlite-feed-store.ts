import {
  type FeedItemRecord,
  type FeedState,
  type FeedStatus,
  type FeedStore,
  type FeedSummary,
  type FullTextOutcome,
  neverPolled,
} from '../core/ports/feed-store.js';
import type { Db } from './open-database.js';

/** The origin of a feed article's row in `articles`: never a corpus file, so a rescan leaves it alone. */
export const FEED_ORIGIN_PREFIX = 'feed:';

interface StateRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_fetch: string | null;
  status: FeedStatus | null;
  error: string | null;
  failures: number;
  not_before: string | null;
}

interface ItemRow {
  article_id: string;
  identity: string;
  item_hash: string;
  link: string | null;
  full_text: FullTextOutcome;
  full_text_error: string | null;
}

interface ArticleRow {
  id: string;
  origin: string;
  hash: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  body: string;
}

/** The meta key of the analyzer version feed articles were analyzed with. */
const FEED_ANALYZER_KEY = 'feed_analyzer_version';

/** Article ids per IN-list query: under SQLite's bound-parameter limit. */
const CHUNK = 500;

function toState(r: StateRow): FeedState {
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetch: r.last_fetch,
    status: r.status,
    error: r.error,
    failures: r.failures,
    notBefore: r.not_before,
  };
}

/**
 * The feed store over SQLite (schema v3). Methods run synchronously and return settled
 * promises, so callers written for a network database work unchanged.
 */
export function createSqliteFeedStore(db: Db): FeedStore {
  const s = {
    state: db.prepare<[string], StateRow>('SELECT * FROM feeds WHERE url = ?'),
    saveState: db.prepare(`INSERT INTO feeds (url, etag, last_modified, last_fetch, status, error, failures, not_before)
      VALUES (@url, @etag, @lastModified, @lastFetch, @status, @error, @failures, @notBefore)
      ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_fetch = excluded.last_fetch,
        status = excluded.status, error = excluded.error, failures = excluded.failures, not_before = excluded.not_before`),
    count: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM feed_item_sources s JOIN articles a ON a.id = s.article_id WHERE s.feed_url = ?',
    ),
    saveItem:
      db.prepare(`INSERT INTO feed_items (article_id, identity, item_hash, link, full_text, full_text_error, first_seen, last_seen)
      VALUES (@articleId, @identity, @itemHash, @link, @fullText, @fullTextError, @seenAt, @seenAt)
      ON CONFLICT(article_id) DO UPDATE SET identity = excluded.identity, item_hash = excluded.item_hash, link = excluded.link,
        full_text = excluded.full_text, full_text_error = excluded.full_text_error, last_seen = excluded.last_seen`),
    link: db.prepare('INSERT OR IGNORE INTO feed_item_sources (feed_url, article_id) VALUES (?, ?)'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    feedArticles: db.prepare<[string, number], ArticleRow>(
      `SELECT id, origin, hash, title, date, source, url, body FROM articles WHERE substr(origin, 1, 5) = '${FEED_ORIGIN_PREFIX}' AND id > ? ORDER BY id LIMIT ?`,
    ),
  };
  const itemsIn = new Map<number, ReturnType<typeof db.prepare<string[], ItemRow>>>();
  const itemsStatement = (n: number) => {
    let st = itemsIn.get(n);
    if (!st) {
      st = db.prepare<string[], ItemRow>(
        `SELECT article_id, identity, item_hash, link, full_text, full_text_error FROM feed_items WHERE article_id IN (${new Array(n).fill('?').join(',')})`,
      );
      itemsIn.set(n, st);
    }
    return st;
  };

  return {
    state: async (url) => {
      const row = s.state.get(url);
      return row ? toState(row) : null;
    },
    saveState: async (state) => void s.saveState.run(state),
    async summaries(urls): Promise<FeedSummary[]> {
      return urls.map((url) => {
        const row = s.state.get(url);
        return { ...(row ? toState(row) : neverPolled(url)), articles: s.count.get(url)!.n };
      });
    },
    async items(articleIds) {
      const found = new Map<string, FeedItemRecord>();
      for (let i = 0; i < articleIds.length; i += CHUNK) {
        const chunk = articleIds.slice(i, i + CHUNK);
        for (const r of itemsStatement(chunk.length).all(...chunk)) {
          found.set(r.article_id, {
            articleId: r.article_id,
            identity: r.identity,
            itemHash: r.item_hash,
            link: r.link,
            fullText: r.full_text,
            fullTextError: r.full_text_error,
          });
        }
      }
      return found;
    },
    async saveItem(feedUrl, item, seenAt) {
      db.transaction(() => {
        s.saveItem.run({ ...item, seenAt });
        s.link.run(feedUrl, item.articleId);
      })();
    },
    linkItem: async (feedUrl, articleId) => void s.link.run(feedUrl, articleId),
    analyzerVersion: async () => Number(s.getMeta.get(FEED_ANALYZER_KEY)?.value ?? 0),
    setAnalyzerVersion: async (version) => void s.setMeta.run(FEED_ANALYZER_KEY, String(version)),
    async feedArticles(after, limit) {
      // The stored body is the parsed article's content lines: parsing it again gives the same article.
      return s.feedArticles.all(after ?? '', limit).map((r) => ({
        origin: r.origin,
        hash: r.hash,
        article: { id: r.id, title: r.title, body: r.body, date: r.date, source: r.source, url: r.url, dropped: 0 },
      }));
    },
  };
}
