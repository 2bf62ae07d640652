import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItemRecord, FeedState } from '../../src/core/ports/feed-store.js';
import { createSqliteFeedStore } from '../../src/store/create-sqlite-feed-store.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';

let db: Db;
beforeEach(async () => {
  db = openDatabase(':memory:');
});
afterEach(async () => db.close());

const item = (n: number): FeedItemRecord => ({
  articleId: `feed-${n}`,
  identity: `guid:x:${n}`,
  itemHash: `h${n}`,
  link: null,
  fullText: 'feed',
  fullTextError: null,
});

describe('SQLite feed store', () => {
  it('keeps a feed’s state across calls, and lists never-polled feeds with empty state', async () => {
    const store = createSqliteFeedStore(db);
    const state: FeedState = {
      url: 'https://a.example/rss',
      etag: '"e"',
      lastModified: 'Fri, 27 Mar 2026 06:00:00 GMT',
      lastFetch: '2026-03-27T06:00:00.000Z',
      status: 'ok',
      error: null,
      failures: 0,
      notBefore: '2026-03-27T06:15:00.000Z',
    };
    await store.saveState(state);
    await store.saveState({ ...state, status: 'error', error: 'HTTP 500', failures: 1 });
    expect(await store.state(state.url)).toEqual({ ...state, status: 'error', error: 'HTTP 500', failures: 1 });
    expect(await store.state('https://never.example/')).toBeNull();
    const [, never] = await store.summaries([state.url, 'https://never.example/']);
    expect(never).toMatchObject({ url: 'https://never.example/', status: null, lastFetch: null, articles: 0 });
  });

  it('finds recorded items among many ids (more than one IN-list chunk) and links feeds once', async () => {
    const store = createSqliteFeedStore(db);
    for (let n = 0; n < 1200; n += 100) await store.saveItem('https://a.example/rss', item(n), '2026-03-27T06:00:00Z');
    await store.linkItem('https://b.example/rss', 'feed-0');
    await store.linkItem('https://b.example/rss', 'feed-0');
    const found = await store.items(Array.from({ length: 1200 }, (_, n) => `feed-${n}`));
    expect([...found.keys()].sort()).toHaveLength(12);
    expect(found.get('feed-300')).toEqual(item(300));
    expect(db.prepare('SELECT count(*) AS n FROM feed_item_sources').get()).toEqual({ n: 13 });
  });
});
