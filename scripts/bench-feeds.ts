/**
 * `npm run bench:feeds`: fetch and index time for one feed of N items (default 100) whose
 * items are teasers, so every item's page is fetched and run through Readability, and
 * memory while fetching. A local HTTP server in this process serves the feed and pages
 * made from the benchmark corpus (../shared/bench, read in place, never copied; without
 * it, says so and uses text generated from the seed articles). Fresh SQLite file each
 * run; then a second poll (304) and a poll of a changed feed document with unchanged items.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/core/schedule/clock.js';
import { createFeedReader } from '../src/feeds/create-feed-reader.js';
import { createSqliteFeedStore } from '../src/store/create-sqlite-feed-store.js';
import { createSqliteIndexWriter } from '../src/store/create-sqlite-index-writer.js';
import { openDatabase } from '../src/store/open-database.js';
import { articlePage, rss2 } from '../tests/feeds/support/compose-feeds.js';
import { type BenchRecord, benchCorpusAvailable, generateFromSeed, readBenchCorpus } from './bench/bench-corpus.js';

const N = Number(process.env.BENCH_FEED_ITEMS ?? 100);

async function records(): Promise<{ list: BenchRecord[]; from: string }> {
  if (benchCorpusAvailable()) {
    const list: BenchRecord[] = [];
    for await (const r of readBenchCorpus(N)) list.push(r);
    return { list, from: '../shared/bench/saudinewsnet_20k.jsonl.gz' };
  }
  process.stderr.write('../shared/bench is absent: pages are generated from the seed articles\n');
  return { list: [...generateFromSeed(N)], from: 'seed articles (generated)' };
}

const { list, from } = await records();
let etag = '"1"';
let feedBody = '';
const server = createServer((req, res) => {
  if (req.url === '/feed') {
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedBody);
    return;
  }
  const i = Number(/^\/a\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
  const r = list[i];
  if (!r) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
    articlePage(
      r.title,
      r.body.split('\n').filter((l) => l.trim() !== ''),
    ),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const items = () =>
  list.map((r, i) => ({
    guid: `item-${i}`,
    link: `${origin}/a/${i}`,
    title: r.title,
    description: `${r.body.split(/\s+/).slice(0, 25).join(' ')}…`,
    date: r.date ?? undefined,
  }));
feedBody = rss2('bench', items());

const dir = mkdtempSync(join(tmpdir(), 'nashra-bench-feeds-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const reader = createFeedReader({
  store: createSqliteFeedStore(db),
  writer: createSqliteIndexWriter(db),
  clock: systemClock,
  intervalMs: 15 * 60_000,
});
const feed = { url: `${origin}/feed`, name: 'bench' };

let peakRss = process.memoryUsage().rss;
const baseRss = peakRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

const t0 = performance.now();
const first = await reader.poll(feed);
const t1 = performance.now();
clearInterval(sampler);
const second = await reader.poll(feed);
const t2 = performance.now();
etag = '"2"';
feedBody = rss2('bench, rebuilt', items()); // a new document, the same items
const third = await reader.poll(feed);
const t3 = performance.now();

const words = db.prepare('SELECT sum(words) AS n FROM articles').get() as { n: number };
process.stdout.write(
  `${[
    `feed of ${N} teaser items (pages from ${from}), ${words.n} words indexed`,
    `| poll | status | new | time |`,
    `|---|---|---|---|`,
    `| first: feed + ${N} pages fetched, extracted, analyzed, indexed | ${first.status} | ${first.new} | ${(t1 - t0).toFixed(0)} ms |`,
    `| second (304 Not Modified) | ${second.status} | ${second.new} | ${(t2 - t1).toFixed(0)} ms |`,
    `| changed document, same items | ${third.status} | ${third.new} | ${(t3 - t2).toFixed(0)} ms |`,
    `memory while fetching: peak RSS ${mb(peakRss)} MB (${mb(baseRss)} MB before the poll, +${mb(peakRss - baseRss)} MB)`,
  ].join('\n')}\n`,
);
db.close();
server.close();
rmSync(dir, { recursive: true, force: true });
