/**
 * One measurement, in its own process so that its peak RSS is its own.
 * usage: tsx scripts/bench/bench-worker.ts <index|raw|reindex|query> <corpus.jsonl> <db>
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openIndex } from '../../src/app/open-index.js';
import { summarizeArticle } from '../../src/core/services/summarize.js';
import { findQuotes } from '../../src/core/services/find-quotes.js';
import { searchArticles } from '../../src/core/services/search-articles.js';
import { createCommandHandler } from '../../src/core/commands/create-command-handler.js';
import { createMemoryPageStore } from '../../src/store/create-memory-page-store.js';
import { seededRandom as rng } from '../lib/seeded-random.js';
import { isPostgresUrl, openStorage } from '../../src/app/open-storage.js';
import { type BenchSamples, postgresSamples } from './postgres-samples.js';

const [mode, corpus, dbFile] = process.argv.slice(2) as [string, string, string];
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return { p50: +at(50).toFixed(3), p95: +at(95).toFixed(3), p99: +at(99).toFixed(3) };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Runs `fn` over `xs` one at a time (latency, not throughput): the samples in order. */
async function each<T>(xs: readonly T[], fn: (x: T) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (const x of xs) out.push(await fn(x));
  return out;
}

async function main() {
  if (mode === 'raw') {
    const t0 = performance.now();
    const db = new Database(dbFile);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE VIRTUAL TABLE raw USING fts5(title, body, tokenize = 'unicode61')");
    const insert = db.prepare('INSERT INTO raw (title, body) VALUES (?, ?)');
    db.transaction(() => {
      for (const line of readFileSync(corpus, 'utf8').split('\n')) {
        if (!line) continue;
        const r = JSON.parse(line) as { title: string; body: string };
        insert.run(r.title, r.body);
      }
    })();
    db.close();
    console.log(JSON.stringify({ ms: performance.now() - t0, maxRssMb: maxRssMb() }));
    return;
  }
  const t0 = performance.now();
  // BENCH_NO_REINDEX=1: query the database as it stands, without reading the corpus first
  // (iterating on search over a database indexed once; see `npm run bench` BENCH_QUERY_ONLY).
  const app =
    mode === 'query' && process.env.BENCH_NO_REINDEX === '1'
      ? await openStorage(dbFile, { readonly: true })
      : await openIndex({ corpus, db: dbFile });
  const ms = performance.now() - t0;
  if (mode === 'index' || mode === 'reindex') {
    if (!('report' in app)) throw new Error('unreachable: index modes always index');
    const { skipped, ...report } = app.report;
    console.log(JSON.stringify({ ms, maxRssMb: maxRssMb(), report: { ...report, skipped: skipped.length } }));
    await app.close();
    return;
  }
  // query: idle footprint first (an open index and a command handler), then latencies, warm.
  const { index } = app;
  // Sampling queries read the database itself, on a connection of their own.
  const samples = isPostgresUrl(dbFile) ? await postgresSamples(dbFile) : sqliteSamples(dbFile);
  const handler = createCommandHandler({ index, pages: createMemoryPageStore() });
  (globalThis as { gc?: () => void }).gc?.();
  const idleRssMb = rssMb();
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const { ids, people, counts } = samples;
  const sentences = samples.bodies.flatMap((b) => b.split(/[.؟!\n]/).filter((x) => x.length > 20));
  const words = sentences.flatMap((s) => s.split(/[\s،.:"“”«»()]+/).filter((w) => /^[\u0621-\u064A]{4,}$/.test(w)));
  const decorate = (w: string) => {
    const r = random();
    if (r < 0.25) return `${w[0]}\u064E${w.slice(1)}`; // a fatha
    if (r < 0.5) return (w.startsWith('ال') ? 'و' : 'وال') + w; // a prefix
    return w;
  };
  const queries = Array.from({ length: 1000 }, () => {
    const s = pick(sentences)
      .split(/\s+/)
      .filter((w) => /^[\u0621-\u064A]{3,}$/.test(w));
    return random() < 0.5 || s.length < 2 ? decorate(pick(words)) : `${s[0]} ${s[1]}`;
  });
  const names = Array.from({ length: 1000 }, () => {
    const p = pick(people);
    const aliases = JSON.parse(p.aliases) as string[];
    const r = random();
    return r < 0.5 || aliases.length === 0 ? p.name : pick(aliases);
  });
  const summaryIds = Array.from({ length: 1000 }, () => pick(ids));
  // Warm up.
  for (let i = 0; i < 200; i++) await searchArticles(index, queries[i]!, { limit: 5 });
  const search = await each(queries, (q) => time(() => searchArticles(index, q, { limit: 5 })));
  const quotes = names.length ? await each(names, (n) => time(() => findQuotes(index, n, { limit: 5 }))) : [0];
  const summary = await each(summaryIds, (id) => time(() => summarizeArticle(index, id)));
  let found = 0;
  for (const q of queries) if ((await searchArticles(index, q, { limit: 1 })).results.length > 0) found++;
  await handler.run({ locale: 'ar', userId: 'bench' }, 'search', queries[0]!);
  console.log(
    JSON.stringify({
      search: percentiles(search),
      quotes: percentiles(quotes),
      summary: percentiles(summary),
      idleRssMb,
      rssAfterQueriesMb: rssMb(),
      found,
      counts,
    }),
  );
  await app.close();
}

/** The bench samples from a SQLite file (see postgres-samples.ts for PostgreSQL's). */
function sqliteSamples(file: string): BenchSamples {
  const db = new Database(file, { readonly: true });
  try {
    return {
      ids: (db.prepare('SELECT id FROM articles').all() as { id: string }[]).map((r) => r.id),
      bodies: (db.prepare('SELECT body FROM articles WHERE num % 3 = 0 LIMIT 7000').all() as { body: string }[]).map(
        (r) => r.body,
      ),
      people: db
        .prepare('SELECT name, aliases FROM people ORDER BY random() LIMIT 2000')
        .all() as BenchSamples['people'],
      counts: db
        .prepare(
          "SELECT (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM people WHERE kind = 'person') AS persons",
        )
        .get() as BenchSamples['counts'],
    };
  } finally {
    db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
