import { createSqliteStoryStore } from '../../src/store/create-sqlite-story-store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/core/analysis/analyze-article.js';
import { indexCorpus } from '../../src/core/indexing/index-corpus.js';
import { createFileCorpusSource } from '../../src/ingest/create-file-corpus-source.js';
import { findQuotes } from '../../src/core/services/find-quotes.js';
import { searchArticles } from '../../src/core/services/search-articles.js';
import { fetchFeeds } from '../../src/feeds/fetch-feeds.js';
import { PORT, RAIN, WHEAT, html, toWindows1256 } from './support/arabic-news.js';
import { articlePage, atom, rdf, rss2 } from './support/compose-feeds.js';
import { type FeedServer, startFeedServer } from './support/feed-server.js';
import { createReaderWorld, INTERVAL_MS, type ReaderWorld } from './support/reader-world.js';

let srv: FeedServer;
let w: ReaderWorld;
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const ids = async (q: string) => (await searchArticles(w.index, q)).results.map((r) => r.id);

beforeEach(async () => {
  srv = await startFeedServer();
  w = createReaderWorld();
});
afterEach(async () => {
  w.close();
  await srv.close();
});

describe('formats and encodings', () => {
  it.each([
    [
      'RSS 2.0',
      () =>
        rss2('أخبار', [
          {
            guid: 'w1',
            link: srv.url('/a/wheat'),
            title: WHEAT.title,
            date: '2026-03-26T10:00:00Z',
            content: html(WHEAT.paragraphs),
          },
        ]),
      'application/rss+xml; charset=utf-8',
    ],
    [
      'Atom',
      () =>
        atom('أخبار', [
          {
            guid: 'urn:w1',
            link: srv.url('/a/wheat'),
            title: WHEAT.title,
            date: '2026-03-26T10:00:00Z',
            content: html(WHEAT.paragraphs),
          },
        ]),
      'application/atom+xml',
    ],
    [
      'RDF',
      () =>
        rdf('أخبار', [
          {
            link: srv.url('/a/wheat'),
            title: WHEAT.title,
            date: '2026-03-26T10:00:00Z',
            content: html(WHEAT.paragraphs),
          },
        ]),
      'application/rdf+xml',
    ],
  ])(
    '%s: the item becomes an article with title, date, source and URL, found by search and quotes',
    async (_format, compose, type) => {
      srv.set('/feed', { body: compose(), headers: { 'content-type': type } });
      const result = await w.reader.poll(w.feed(srv.url('/feed'), 'الجريدة'));
      expect(result).toMatchObject({ status: 'ok', new: 1, updated: 0, error: null });
      const [id] = await ids('القمح');
      expect(await w.index.getArticle(id!)).toMatchObject({
        title: WHEAT.title,
        date: '2026-03-26T10:00:00Z',
        source: 'الجريدة',
        url: srv.url('/a/wheat'),
      });
      expect((await w.index.getSentences(id!)).map((s) => s.text).join(' ')).toContain('شبكات الري');
      const quotes = await findQuotes(w.index, 'المنصوري');
      expect(quotes.person?.name).toMatch(/المنصوري/);
      expect(quotes.quotes[0]?.text).toContain('سنضاعف إنتاج القمح');
    },
  );

  it.each([
    ['the HTTP header', { 'content-type': 'application/rss+xml; charset=windows-1256' }, 'windows-1256'],
    ['the XML declaration', { 'content-type': 'application/xml' }, 'windows-1256'],
    ['UTF-8 by default', { 'content-type': 'application/xml' }, 'UTF-8'],
  ])('reads an Arabic feed whose encoding is given by %s', async (_how, headers, encoding) => {
    const xml = rss2('أخبار', [{ guid: 'r1', title: RAIN.title, content: RAIN.paragraphs.join(' ') }], encoding);
    const body =
      encoding === 'windows-1256' ? toWindows1256(xml) : Buffer.from(xml.replace(' encoding="UTF-8"', ''), 'utf8');
    srv.set('/feed', { body, headers });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ status: 'ok', new: 1 });
    expect((await w.index.getArticle((await ids('السيول'))[0]!))?.title).toBe(RAIN.title);
    expect(await ids('الزهراني')).toHaveLength(1);
  });

  it('reads a windows-1256 page declared only by its HTML meta tag', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [
        { guid: 'p1', link: srv.url('/page'), title: PORT.title, description: 'افتتاح ميناء جديد' },
      ]),
      headers: RSS,
    });
    srv.set('/page', {
      body: toWindows1256(articlePage(PORT.title, PORT.paragraphs, 'windows-1256')),
      headers: { 'content-type': 'text/html' },
    });
    await w.reader.poll(w.feed(srv.url('/feed')));
    expect(await ids('السكك الحديدية')).toHaveLength(1);
  });

  it('asks for gzip and reads a gzipped feed', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [{ guid: 'g', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
      gzip: true,
    });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ status: 'ok', new: 1 });
    expect(srv.requests[0]!.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('reports malformed XML as the feed’s error, and the other feeds still work', async () => {
    srv.set('/broken', { body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>نص</ti', headers: RSS });
    srv.set('/good', {
      body: rss2('أخبار', [{ guid: 'g', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
    });
    const report = await fetchFeeds(w.reader, [w.feed(srv.url('/broken')), w.feed(srv.url('/good'))]);
    expect(report.feeds.map((f) => [f.status, f.new])).toEqual([
      ['error', 0],
      ['ok', 1],
    ]);
    expect(report.feeds[0]!.error).toMatch(/not a readable RSS, Atom or RDF feed/);
    expect(report.added).toBe(1);
  });
});

describe('HTTP', () => {
  it('follows a chain of 301s (at most 5), and refuses a sixth or a redirect to a local file', async () => {
    for (let i = 1; i <= 6; i++) srv.set(`/r${i}`, { status: 301, headers: { location: `/r${i + 1}` } });
    srv.set('/r7', {
      body: rss2('أخبار', [{ guid: 'x', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
    });
    srv.set('/to-file', { status: 302, headers: { location: 'file:///etc/passwd' } });
    expect(await w.reader.poll(w.feed(srv.url('/r2')))).toMatchObject({ status: 'ok', new: 1 }); // 5 redirects
    expect(await w.reader.poll(w.feed(srv.url('/r1')))).toMatchObject({
      status: 'error',
      error: 'more than 5 redirects',
    });
    expect(await w.reader.poll(w.feed(srv.url('/to-file')))).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/refused a file URL/),
    });
  });

  it('sends the validators on the second poll; a 304 downloads and analyzes nothing', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [{ guid: 't', link: srv.url('/page'), title: PORT.title, description: 'ميناء' }]),
      headers: RSS,
      etag: '"v1"',
    });
    srv.set('/page', { body: articlePage(PORT.title, PORT.paragraphs), headers: HTML });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ status: 'ok', new: 1 });
    expect(w.analyses).toHaveLength(1);
    w.clock.advance(INTERVAL_MS);
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({
      status: 'not-modified',
      new: 0,
      updated: 0,
      error: null,
    });
    expect(srv.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect([w.analyses.length, srv.hits('/page')]).toEqual([1, 1]);
    expect((await w.store.state(srv.url('/feed')))?.status).toBe('not-modified');
  });

  it('honours a 429 Retry-After: no request before it, then polls again', async () => {
    srv.set('/feed', { status: 429, headers: { 'retry-after': '3600' } });
    const first = await w.reader.poll(w.feed(srv.url('/feed')), { honourWait: 'errors' });
    expect(first).toMatchObject({ status: 'error', error: 'HTTP 429 Too Many Requests; asked to wait 3600 s' });
    expect(first.nextPoll.getTime() - w.clock.now().getTime()).toBeGreaterThanOrEqual(3600_000);
    w.clock.advance(30 * 60_000);
    expect(await w.reader.poll(w.feed(srv.url('/feed')), { honourWait: 'errors' })).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/^not polled before/),
    });
    expect(srv.hits('/feed')).toBe(1);
    srv.set('/feed', {
      body: rss2('أخبار', [{ guid: 'x', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
    });
    w.clock.advance(31 * 60_000);
    expect(await w.reader.poll(w.feed(srv.url('/feed')), { honourWait: 'errors' })).toMatchObject({
      status: 'ok',
      new: 1,
    });
  });

  it('backs off exponentially on a 500, and a success resets it', async () => {
    srv.set('/feed', { status: 500 });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await w.reader.poll(w.feed(srv.url('/feed')));
      expect(r).toMatchObject({ status: 'error', error: 'HTTP 500' });
      waits.push(Math.round((r.nextPoll.getTime() - w.clock.now().getTime()) / INTERVAL_MS));
      w.clock.set(r.nextPoll);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    expect((await w.store.state(srv.url('/feed')))?.failures).toBe(4);
    srv.set('/feed', { body: rss2('أخبار', []), headers: RSS });
    const ok = await w.reader.poll(w.feed(srv.url('/feed')));
    expect(ok.status).toBe('ok');
    expect((await w.store.state(srv.url('/feed')))?.failures).toBe(0);
  });

  it('gives up on a feed that does not answer in time; the other feeds are not held up', async () => {
    srv.set('/slow', { delayMs: 30_000, body: rss2('x', []), headers: RSS });
    srv.set('/good', {
      body: rss2('أخبار', [{ guid: 'g', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
    });
    const report = await fetchFeeds(w.reader, [w.feed(srv.url('/slow')), w.feed(srv.url('/good'))]);
    expect(report.feeds[0]).toMatchObject({ status: 'error', error: 'no complete answer within 2 s' });
    expect(report.feeds[1]).toMatchObject({ status: 'ok', new: 1 });
  });

  it('refuses a feed over the size cap without reading it all', async () => {
    srv.set('/huge', { body: Buffer.alloc(5 * 1024 * 1024, 0x20), headers: RSS });
    expect(await w.reader.poll(w.feed(srv.url('/huge')))).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/^too large/),
    });
  });
});

describe('full text and identity', () => {
  it('fetches a teaser’s page and keeps its paragraphs (no script, no navigation)', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [
        { guid: 't', link: srv.url('/page'), title: PORT.title, description: 'افتتحت الحكومة ميناء جديدا…' },
      ]),
      headers: RSS,
    });
    srv.set('/page', { body: articlePage(PORT.title, PORT.paragraphs), headers: HTML });
    await w.reader.poll(w.feed(srv.url('/feed')));
    const [id] = await ids('الميناء');
    const body = (await w.index.getSentences(id!)).map((s) => s.text);
    expect(body.join(' ')).toContain('شبكة السكك الحديدية الوطنية');
    expect(body.join(' ')).not.toMatch(/الرئيسية|محفوظة|secret|passwd/);
    const row = w.db.prepare('SELECT body FROM articles WHERE id = ?').get(id) as { body: string };
    expect(row.body.split('\n')).toHaveLength(PORT.paragraphs.length);
    expect((await w.store.items([id!])).get(id!)).toMatchObject({ fullText: 'page', fullTextError: null });
    expect((await findQuotes(w.index, 'الحارثي')).quotes[0]?.text).toContain('الميناء سيختصر زمن الشحن');
  });

  it.each([
    ['a 5 MB page', { body: Buffer.alloc(5 * 1024 * 1024, 0x61), headers: HTML }, /^page: too large/],
    [
      'a PDF',
      { body: '%PDF-1.4', headers: { 'content-type': 'application/pdf' } },
      /^page: not an HTML page \(application\/pdf\)/,
    ],
    ['a missing page', { status: 404 }, /^page: HTTP 404/],
    ['a slow page', { delayMs: 30_000, body: 'x', headers: HTML }, /^page: no complete answer/],
  ])('records %s against the item, which is indexed with the feed’s text', async (_what, route, error) => {
    srv.set('/feed', {
      body: rss2('أخبار', [
        {
          guid: 't',
          link: srv.url('/page'),
          title: PORT.title,
          description: 'افتتحت الحكومة ميناء جديدا على البحر الأحمر',
        },
      ]),
      headers: RSS,
    });
    srv.set('/page', route);
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ status: 'ok', new: 1 });
    const [id] = await ids('البحر الأحمر');
    expect((await w.store.items([id!])).get(id!)).toMatchObject({
      fullText: 'failed',
      fullTextError: expect.stringMatching(error),
    });
  });

  it('fetches nothing again for a seen item; re-analyzes an item whose content changed', async () => {
    const item = { guid: 'w', link: srv.url('/page'), title: WHEAT.title, description: 'خطة للقمح' };
    srv.set('/feed', { body: rss2('أخبار', [item]), headers: RSS, etag: '"1"' });
    srv.set('/page', { body: articlePage(WHEAT.title, WHEAT.paragraphs), headers: HTML });
    await w.reader.poll(w.feed(srv.url('/feed')));
    srv.set('/feed', {
      body: rss2('أخبار', [item, { guid: 'r', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
      etag: '"2"',
    });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ status: 'ok', new: 1, updated: 0 });
    expect(srv.hits('/page')).toBe(1);
    const changed = [
      ...WHEAT.paragraphs.slice(0, 3),
      'وفي تطور لاحق، أعلنت الوزارة تأجيل تنفيذ المرحلة الأولى بسبب نقص الأمطار هذا الموسم.',
    ];
    srv.set('/page', { body: articlePage(WHEAT.title, changed), headers: HTML });
    srv.set('/feed', { body: rss2('أخبار', [{ ...item, description: 'تأجيل خطة القمح' }]), headers: RSS, etag: '"3"' });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ status: 'ok', new: 0, updated: 1 });
    expect(w.analyses).toHaveLength(3);
    expect(await ids('تأجيل')).toHaveLength(1);
    expect(await ids('الأسمدة')).toHaveLength(0);
  });

  it('makes one article of the same item in two feeds', async () => {
    const item = {
      guid: srv.url('/a/wheat'),
      link: srv.url('/a/wheat'),
      title: WHEAT.title,
      content: html(WHEAT.paragraphs),
    };
    srv.set('/all', { body: rss2('كل الأخبار', [item]), headers: RSS });
    srv.set('/economy', {
      body: rss2('اقتصاد', [item, { guid: 'r', title: RAIN.title, content: html(RAIN.paragraphs) }]),
      headers: RSS,
    });
    const all = await w.reader.poll(w.feed(srv.url('/all')));
    const economy = await w.reader.poll(w.feed(srv.url('/economy')));
    expect([all.new, economy.new]).toEqual([1, 1]);
    expect(await ids('القمح')).toHaveLength(1);
    expect(await w.index.countArticles()).toBe(2);
    expect((await w.store.summaries([srv.url('/all'), srv.url('/economy')])).map((s) => s.articles)).toEqual([1, 2]);
    expect(w.analyses).toHaveLength(2);
  });

  it('fetches and analyzes an item once when two feeds carrying it are polled at the same time', async () => {
    const shared = { guid: srv.url('/a/port'), link: srv.url('/a/port'), title: PORT.title, description: 'ميناء جديد' };
    srv.set('/one', {
      body: rss2('أ', [shared, { guid: 'w', title: WHEAT.title, content: html(WHEAT.paragraphs) }]),
      headers: RSS,
    });
    srv.set('/two', {
      body: rss2('ب', [{ guid: 'r', title: RAIN.title, content: html(RAIN.paragraphs) }, shared]),
      headers: RSS,
    });
    srv.set('/a/port', { body: articlePage(PORT.title, PORT.paragraphs), headers: HTML, delayMs: 200 });
    const [one, two] = await Promise.all([
      w.reader.poll(w.feed(srv.url('/one'))),
      w.reader.poll(w.feed(srv.url('/two'))),
    ]);
    expect(one.new + two.new).toBe(3);
    expect(srv.hits('/a/port')).toBe(1);
    expect(w.analyses).toHaveLength(3);
    expect((await w.store.summaries([srv.url('/one'), srv.url('/two')])).map((s) => s.articles)).toEqual([2, 2]);
  });

  it('stopped while fetching pages: writes nothing, so the next start reads the feed whole again', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [{ guid: 't', link: srv.url('/page'), title: PORT.title, description: 'ميناء' }]),
      headers: RSS,
      etag: '"1"',
    });
    srv.set('/page', { body: articlePage(PORT.title, PORT.paragraphs), headers: HTML, delayMs: 30_000 });
    const stop = new AbortController();
    const polled = w.reader.poll(w.feed(srv.url('/feed')), { signal: stop.signal });
    while (srv.hits('/page') === 0) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    expect(await polled).toMatchObject({ status: 'error', error: 'stopped', new: 0 });
    expect([await w.index.countArticles(), w.analyses.length]).toEqual([0, 0]);
    expect(await w.store.state(srv.url('/feed'))).toBeNull();
  });

  it('identifies an item without guid by its link, and one without either by its content', async () => {
    const items = [
      { link: srv.url('/a/1'), title: WHEAT.title, content: html(WHEAT.paragraphs) },
      { title: RAIN.title, content: html(RAIN.paragraphs) },
    ];
    srv.set('/feed', { body: rss2('أخبار', items), headers: RSS });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ new: 2 });
    expect(await w.reader.poll(w.feed(srv.url('/feed')))).toMatchObject({ new: 0, updated: 0 });
    expect(w.analyses).toHaveLength(2);
  });
});

describe('feed articles and the corpus', () => {
  it('a corpus rescan neither removes nor re-analyzes feed articles', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [{ guid: 'w', title: WHEAT.title, content: html(WHEAT.paragraphs) }]),
      headers: RSS,
    });
    await w.reader.poll(w.feed(srv.url('/feed')));
    const empty = mkdtempSync(join(tmpdir(), 'nashra-empty-corpus-'));
    try {
      const report = await indexCorpus({
        source: createFileCorpusSource(empty),
        writer: w.writer,
        stories: createSqliteStoryStore(w.db),
      });
      expect(report).toMatchObject({ added: 0, removed: 0, articles: 1 });
      expect(await ids('القمح')).toHaveLength(1);
      expect((await findQuotes(w.index, 'المنصوري')).quotes).not.toHaveLength(0);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('a new analyzer', () => {
  it('re-analyzes stored feed articles once, though the feed answers 304', async () => {
    srv.set('/feed', {
      body: rss2('أخبار', [{ guid: 'w', title: WHEAT.title, content: html(WHEAT.paragraphs) }]),
      headers: RSS,
      etag: '"1"',
    });
    await w.reader.poll(w.feed(srv.url('/feed')));
    expect(await w.store.analyzerVersion()).toBe(ANALYZER_VERSION);
    await w.store.setAnalyzerVersion(ANALYZER_VERSION - 1); // as if analyzed by the previous release
    const next = createReaderWorld(w.db);
    expect(await next.reader.poll(next.feed(srv.url('/feed')))).toMatchObject({ status: 'not-modified' });
    expect(next.analyses).toHaveLength(1);
    expect(await next.reader.poll(next.feed(srv.url('/feed')))).toMatchObject({ status: 'not-modified' });
    expect(next.analyses).toHaveLength(1);
    expect((await findQuotes(w.index, 'المنصوري')).quotes).not.toHaveLength(0);
  });
});
