import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORT, WHEAT, html } from '../feeds/support/arabic-news.js';
import { articlePage, atom, rss2 } from '../feeds/support/compose-feeds.js';
import { type FeedServer, startFeedServer } from '../feeds/support/feed-server.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

let dir: string;
let srv: FeedServer;
let feedsFile: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      TSX,
      ['src/cli/main.ts', ...args, '--corpus', join(dir, 'corpus'), '--db', join(dir, 'db.sqlite')],
      {
        cwd: ROOT,
        env: { ...process.env, DEBUG: '', NASHRA_FEEDS: '' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const json = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return { out: JSON.parse(r.stdout), stderr: r.stderr };
};

/** Each CLI run starts tsx and opens the index: seconds on a busy machine. */
const SLOW = 120_000;

describe('feeds and fetch (CLI contract)', { timeout: SLOW }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nashra-cli-feeds-'));
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
    srv = await startFeedServer();
    srv.set('/rss', {
      body: rss2('الجريدة', [
        { guid: 'w', link: srv.url('/wheat'), title: WHEAT.title, content: html(WHEAT.paragraphs) },
      ]),
      headers: { 'content-type': 'application/rss+xml' },
      etag: '"a"',
    });
    srv.set('/atom', {
      body: atom('الموانئ', [{ guid: 'urn:p', link: srv.url('/port'), title: PORT.title, description: 'ميناء جديد' }]),
      headers: { 'content-type': 'application/atom+xml' },
    });
    srv.set('/port', {
      body: articlePage(PORT.title, PORT.paragraphs),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    srv.set('/down', { status: 500 });
    feedsFile = join(dir, 'feeds.txt');
    writeFileSync(
      feedsFile,
      [`# test feeds`, `${srv.url('/rss')} الجريدة`, 'file:///etc/passwd', srv.url('/atom'), srv.url('/down'), ''].join(
        '\n',
      ),
    );
  });
  afterAll(async () => {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('feeds lists every feed before any fetch, and names the bad line', async () => {
    const { out, stderr } = await json('feeds', '--feeds', feedsFile);
    expect(out.feeds).toEqual([
      { url: srv.url('/rss'), name: 'الجريدة', status: null, lastFetch: null, articles: 0, error: null },
      { url: srv.url('/atom'), name: null, status: null, lastFetch: null, articles: 0, error: null },
      { url: srv.url('/down'), name: null, status: null, lastFetch: null, articles: 0, error: null },
    ]);
    expect(stderr).toContain(`${feedsFile}:3: only http and https feeds are read, not file`);
  });

  it('fetch indexes what is new; search and quotes find it; a second fetch adds nothing', async () => {
    const first = await json('fetch', '--feeds', feedsFile);
    expect(first.out).toEqual({
      feeds: [
        { url: srv.url('/rss'), status: 'ok', new: 1, updated: 0, error: null },
        { url: srv.url('/atom'), status: 'ok', new: 1, updated: 0, error: null },
        { url: srv.url('/down'), status: 'error', new: 0, updated: 0, error: 'HTTP 500' },
      ],
      added: 2,
      updated: 0,
    });
    const search = (await json('search', 'السكك الحديدية')).out;
    expect(search.results).toHaveLength(1);
    expect(search.results[0].title).toBe(PORT.title);
    const quotes = (await json('quotes', 'المنصوري')).out;
    expect(quotes.quotes.map((q: { text: string }) => q.text).join(' ')).toContain('سنضاعف إنتاج القمح');

    const second = await json('fetch', '--feeds', feedsFile);
    expect(second.out.added).toBe(0);
    expect(second.out.feeds.map((f: { status: string }) => f.status)).toEqual(['not-modified', 'ok', 'error']);
    expect((await json('latest', '--limit', '100')).out.articles).toHaveLength(7);
    expect((await json('index')).out).toMatchObject({ removed: 0, articles: 7 });

    const feeds = (await json('feeds', '--feeds', feedsFile)).out.feeds;
    expect(feeds.map((f: { status: string; articles: number }) => [f.status, f.articles])).toEqual([
      ['not-modified', 1],
      ['ok', 1],
      ['error', 0],
    ]);
    expect(feeds[2].error).toMatch(/^not polled before .* \(last error: HTTP 500\)$|^HTTP 500$/);
    expect(Date.parse(feeds[0].lastFetch)).not.toBeNaN();
  });

  it('for people: one line per feed; a missing --feeds file is a clear error', async () => {
    const text = await cli('feeds', '--feeds', feedsFile);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^not-modified\s+1 /m);
    const missing = await cli('fetch', '--feeds', join(dir, 'nope.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^nashra: cannot read feeds file .*nope\.txt \(ENOENT\)$/m);
    expect(missing.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
  });
});
