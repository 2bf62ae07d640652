import {
  type FeedItemRecord,
  type FeedState,
  type FeedStatus,
  type FeedStore,
  type FullTextOutcome,
  neverPolled,
} from '../../core/ports/feed-store.js';
import { FEED_ORIGIN_PREFIX } from '../create-sqlite-feed-store.js';
import type { PgSession } from './create-pg-session.js';

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

/** The meta key of the analyzer version feed articles were analyzed with (as on SQLite). */
const FEED_ANALYZER_KEY = 'feed_analyzer_version';

const toState = (r: StateRow): FeedState => ({
  url: r.url,
  etag: r.etag,
  lastModified: r.last_modified,
  lastFetch: r.last_fetch,
  status: r.status,
  error: r.error,
  failures: r.failures,
  notBefore: r.not_before,
});

/** The feed store over PostgreSQL: feed state and which feeds carried which article, shared by every instance. */
export function createPostgresFeedStore(session: PgSession): FeedStore {
  const { rows, one, query } = session;
  return {
    async state(url) {
      const row = await one<StateRow>('SELECT * FROM feeds WHERE url = $1', [url]);
      return row ? toState(row) : null;
    },
    async saveState(s) {
      await query(
        `INSERT INTO feeds (url, etag, last_modified, last_fetch, status, error, failures, not_before)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_fetch = excluded.last_fetch,
           status = excluded.status, error = excluded.error, failures = excluded.failures, not_before = excluded.not_before`,
        [s.url, s.etag, s.lastModified, s.lastFetch, s.status, s.error, s.failures, s.notBefore],
      );
    },
    async summaries(urls) {
      const states = new Map(
        (await rows<StateRow>('SELECT * FROM feeds WHERE url = ANY($1::text[])', [[...urls]])).map((r) => [r.url, r]),
      );
      const counts = new Map(
        (
          await rows<{ feed_url: string; n: number }>(
            `SELECT s.feed_url, count(*)::int AS n FROM feed_item_sources s JOIN articles a ON a.id = s.article_id
             WHERE s.feed_url = ANY($1::text[]) GROUP BY s.feed_url`,
            [[...urls]],
          )
        ).map((r) => [r.feed_url, r.n]),
      );
      return urls.map((url) => {
        const row = states.get(url);
        return { ...(row ? toState(row) : neverPolled(url)), articles: counts.get(url) ?? 0 };
      });
    },
    async items(articleIds) {
      const found = new Map<string, FeedItemRecord>();
      if (articleIds.length === 0) return found;
      const list = await rows<ItemRow>(
        'SELECT article_id, identity, item_hash, link, full_text, full_text_error FROM feed_items WHERE article_id = ANY($1::text[])',
        [[...articleIds]],
      );
      for (const r of list)
        found.set(r.article_id, {
          articleId: r.article_id,
          identity: r.identity,
          itemHash: r.item_hash,
          link: r.link,
          fullText: r.full_text,
          fullTextError: r.full_text_error,
        });
      return found;
    },
    saveItem: (feedUrl, item, seenAt) =>
      session.transaction(async () => {
        await query(
          `INSERT INTO feed_items (article_id, identity, item_hash, link, full_text, full_text_error, first_seen, last_seen)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
           ON CONFLICT (article_id) DO UPDATE SET identity = excluded.identity, item_hash = excluded.item_hash, link = excluded.link,
             full_text = excluded.full_text, full_text_error = excluded.full_text_error, last_seen = excluded.last_seen`,
          [item.articleId, item.identity, item.itemHash, item.link, item.fullText, item.fullTextError, seenAt],
        );
        await query('INSERT INTO feed_item_sources (feed_url, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          feedUrl,
          item.articleId,
        ]);
      }),
    async linkItem(feedUrl, articleId) {
      await query('INSERT INTO feed_item_sources (feed_url, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        feedUrl,
        articleId,
      ]);
    },
    analyzerVersion: async () =>
      Number((await one<{ value: string }>('SELECT value FROM meta WHERE key = $1', [FEED_ANALYZER_KEY]))?.value ?? 0),
    async setAnalyzerVersion(version) {
      await query(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [FEED_ANALYZER_KEY, String(version)],
      );
    },
    async feedArticles(after, limit) {
      // The stored body is the parsed article's content lines: parsing it again gives the same article.
      const list = await rows<{
        id: string;
        origin: string;
        hash: string;
        title: string;
        date: string | null;
        source: string | null;
        url: string | null;
        body: string;
      }>(
        `SELECT id, origin, hash, title, date, source, url, body FROM articles
         WHERE left(origin, ${FEED_ORIGIN_PREFIX.length}) = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [FEED_ORIGIN_PREFIX, after ?? '', limit],
      );
      return list.map((r) => ({
        origin: r.origin,
        hash: r.hash,
        article: { id: r.id, title: r.title, body: r.body, date: r.date, source: r.source, url: r.url, dropped: 0 },
      }));
    },
  };
}
