import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { runCli } from '../support/run-cli.js';
import { html, PORT, RAIN, WHEAT } from './support/arabic-news.js';
import { rss2 } from './support/compose-feeds.js';
import { type FeedServer, startFeedServer } from './support/feed-server.js';

/**
 * A feed poll killed (`kill -9`) at any write transaction, then one normal poll (the next
 * holder of the feeds lease, or this instance restarted), leaves exactly what one clean
 * poll leaves: no article lost, none twice. Real CLI processes, a real SQLite file, a real
 * HTTP feed server.
 */

/** The feed articles and their bookkeeping, in a stable order. */
function dump(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return {
      articles: db.prepare("SELECT id, hash, title, words FROM articles WHERE id LIKE 'feed%' ORDER BY id").all(),
      items: db.prepare('SELECT article_id, identity, item_hash FROM feed_items ORDER BY article_id').all(),
      sources: db.prepare('SELECT feed_url, article_id FROM feed_item_sources ORDER BY article_id').all(),
      quotes: db.prepare('SELECT count(*) AS n FROM quotes').get(),
      feeds: db.prepare('SELECT url, status FROM feeds').all(),
    };
  } finally {
    db.close();
  }
}

describe('feed poll killed mid-run', () => {
  let dir: string;
  let srv: FeedServer;
  let base: string;
  const feeds = () => join(dir, 'feeds.txt');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-feed-crash-'));
    srv = await startFeedServer();
    const items = [WHEAT, PORT, RAIN].map((a, i) => ({
      guid: `item-${i}`,
      link: srv.url(`/a/${i}`),
      title: a.title,
      date: `2026-03-2${i}T10:00:00Z`,
      content: html(a.paragraphs),
    }));
    srv.set('/feed', { body: rss2('أخبار', items), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    writeFileSync(feeds(), `${srv.url('/feed')} الجريدة\n`);
    base = join(dir, 'base.sqlite');
    const indexed = await runCli(['index', '--json', '--corpus', FIXTURE_CORPUS, '--db', base]);
    expect(indexed.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const fetch = (db: string, env: Record<string, string> = {}) =>
    runCli(['fetch', '--json', '--corpus', FIXTURE_CORPUS, '--db', db, '--feeds', feeds()], env);

  it('the next poll after a kill -9 at any transaction boundary matches one clean poll', async () => {
    const clean = join(dir, 'clean.sqlite');
    copyFileSync(base, clean);
    expect((await fetch(clean)).code).toBe(0);
    const expected = dump(clean);
    expect((expected as { articles: unknown[] }).articles).toHaveLength(3);

    let crashes = 0;
    for (const when of ['inside', 'after'] as const) {
      for (let n = 1; n < 50; n++) {
        const db = join(dir, `${when}-${n}.sqlite`);
        copyFileSync(base, db);
        const cut = await fetch(db, { NASHRA_CRASH_AT: `${when}:${n}` });
        // tsx runs the CLI in a child process and reports its SIGKILL as exit code 137.
        if (cut.signal !== 'SIGKILL' && cut.code !== 137) {
          expect(cut.code).toBe(0); // past the last transaction: the poll finished
          break;
        }
        crashes++;
        const next = await fetch(db);
        expect(next.code).toBe(0);
        expect(dump(db), `${when}:${n}`).toEqual(expected);
      }
    }
    expect(crashes).toBeGreaterThan(1);
  }, 600_000);
});
