/**
 * `npm run bench`: nashra at 1,000 / 5,000 / 20,000 real articles against a bare FTS5
 * baseline on the same text. Reads ../shared/bench in place (research licence: never
 * copied into the project); without it, says so and uses a corpus generated from the
 * seed articles. Each measurement runs in its own process. Prints one Markdown table, and a
 * second one for PostgreSQL when NASHRA_BENCH_DATABASE_URL (or NASHRA_TEST_DATABASE_URL)
 * names a server: the same corpus indexed and queried there, in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_CORPUS, benchCorpusAvailable, writeSubset } from './bench/bench-corpus.js';
import { BENCH_DATABASE_URL, createBenchDatabase } from './bench/bench-postgres.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);
const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const WORKER = join(ROOT, 'scripts/bench/bench-worker.ts');

function worker(mode: string, corpus: string, db: string, env: Record<string, string> = {}): Record<string, any> {
  const out = execFileSync(TSX, [WORKER, mode, corpus, db], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '--expose-gc', LOG_LEVEL: 'silent', ...env },
    maxBuffer: 16 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function dbBytes(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      /* no WAL */
    }
  }
  return total;
}

/** Changes `fraction` of the articles (a sentence appended to the body), in place. */
function changeFraction(file: string, fraction: number): number {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const step = Math.round(1 / fraction);
  let changed = 0;
  const out = lines.map((line, i) => {
    if (i % step !== 0) return line;
    changed++;
    const r = JSON.parse(line);
    r.body += '\nوأضاف المتحدث أن التفاصيل ستعلن لاحقا.';
    return JSON.stringify(r);
  });
  writeFileSync(file, `${out.join('\n')}\n`);
  return changed;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * BENCH_QUERY_ONLY=<database>: only the query measurements, on a database already indexed
 * (a SQLite file or a postgres:// URL), as it stands: for iterating on search.
 */
function queryOnly(db: string) {
  const q = worker('query', '-', db, { BENCH_NO_REINDEX: '1' });
  console.log(`${db.replace(/:[^:@/]*@/, ':***@')}, as it stands:\n`);
  console.log(`| search p50 / p95 / p99 (ms) | ${q.search.p50} / ${q.search.p95} / ${q.search.p99} |`);
  console.log(`| quotes p50 / p95 / p99 (ms) | ${q.quotes.p50} / ${q.quotes.p95} / ${q.quotes.p99} |`);
  console.log(`| summary p50 / p95 / p99 (ms) | ${q.summary.p50} / ${q.summary.p95} / ${q.summary.p99} |`);
  console.log(`| searches with a hit | ${q.found} / 1000 |`);
}

async function main() {
  if (process.env.BENCH_QUERY_ONLY) return queryOnly(process.env.BENCH_QUERY_ONLY);
  const useBench = benchCorpusAvailable();
  console.log(
    useBench
      ? `corpus: ${BENCH_CORPUS} (read in place)`
      : `corpus: ../shared/bench is absent here — using a corpus generated from the seed articles; figures are not comparable to the real one`,
  );
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'nashra-bench-'));
  const rows: Record<string, string[]> = {};
  const row = (name: string, value: string) => {
    rows[name] = [...(rows[name] ?? []), value];
  };
  const perArticle: number[] = [];
  const pgRows: Record<string, string[]> = {};
  const pgRow = (name: string, value: string) => {
    pgRows[name] = [...(pgRows[name] ?? []), value];
  };
  try {
    for (const size of SIZES) {
      const corpus = join(dir, `corpus-${size}.jsonl`);
      const { bytes, count } = await writeSubset(corpus, size, useBench);
      const db = join(dir, `nashra-${size}.sqlite`);
      const raw = worker('raw', corpus, join(dir, `raw-${size}.sqlite`));
      const full = worker('index', corpus, db);
      const again = worker('reindex', corpus, db);
      const changed = changeFraction(corpus, 0.01);
      const partial = worker('reindex', corpus, db);
      const q = worker('query', corpus, db);
      perArticle.push(full.ms / count);
      row('articles', fmt(count));
      row('raw text (MB)', fmt(bytes / 1048576, 1));
      row('full index (s)', fmt(full.ms / 1000, 2));
      row('raw FTS5 baseline (s)', fmt(raw.ms / 1000, 2));
      row('full / baseline', `${fmt(full.ms / raw.ms, 2)}x`);
      row('per article (ms)', fmt(full.ms / count, 2));
      row('re-index, no change (ms)', fmt(again.ms, 0));
      row(`re-index, 1% changed (ms)`, `${fmt(partial.ms, 0)} (${changed} art.)`);
      row('search p50 / p95 / p99 (ms)', `${q.search.p50} / ${q.search.p95} / ${q.search.p99}`);
      row('quotes p50 / p95 / p99 (ms)', `${q.quotes.p50} / ${q.quotes.p95} / ${q.quotes.p99}`);
      row('summary p50 / p95 / p99 (ms)', `${q.summary.p50} / ${q.summary.p95} / ${q.summary.p99}`);
      row('searches with a hit', `${q.found} / 1000`);
      row('peak RSS indexing (MB)', fmt(full.maxRssMb));
      row('idle bot RSS (MB)', `${fmt(q.idleRssMb)} (${fmt(q.rssAfterQueriesMb)} after 3,000 queries)`);
      row('database (MB)', fmt(dbBytes(db) / 1048576, 1));
      row('database / raw text', `${fmt(dbBytes(db) / bytes, 2)}x`);
      row('quotes / people (persons)', `${fmt(q.counts.quotes)} / ${fmt(q.counts.people)} (${fmt(q.counts.persons)})`);
      rmSync(join(dir, `raw-${size}.sqlite`), { force: true });
      if (BENCH_DATABASE_URL) {
        const pg = await createBenchDatabase(BENCH_DATABASE_URL, size);
        try {
          const pgFull = worker('index', corpus, pg.url);
          const pgAgain = worker('reindex', corpus, pg.url);
          const pgChanged = changeFraction(corpus, 0.01);
          const pgPartial = worker('reindex', corpus, pg.url);
          const pq = worker('query', corpus, pg.url);
          const bytesPg = await pg.bytes();
          pgRow('articles', fmt(count));
          pgRow('full index (s)', fmt(pgFull.ms / 1000, 2));
          pgRow('full index / SQLite', `${fmt(pgFull.ms / full.ms, 2)}x`);
          pgRow('re-index, no change (ms)', fmt(pgAgain.ms, 0));
          pgRow('re-index, 1% changed (ms)', `${fmt(pgPartial.ms, 0)} (${pgChanged} art.)`);
          pgRow('search p50 / p95 / p99 (ms)', `${pq.search.p50} / ${pq.search.p95} / ${pq.search.p99}`);
          pgRow('quotes p50 / p95 / p99 (ms)', `${pq.quotes.p50} / ${pq.quotes.p95} / ${pq.quotes.p99}`);
          pgRow('summary p50 / p95 / p99 (ms)', `${pq.summary.p50} / ${pq.summary.p95} / ${pq.summary.p99}`);
          pgRow('searches with a hit', `${pq.found} / 1000`);
          pgRow('peak RSS indexing (MB)', fmt(pgFull.maxRssMb));
          pgRow('database (MB, pg_database_size)', fmt(bytesPg / 1048576, 1));
          pgRow(
            'quotes / people (persons)',
            `${fmt(pq.counts.quotes)} / ${fmt(pq.counts.people)} (${fmt(pq.counts.persons)})`,
          );
        } finally {
          await pg.drop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header = `| | ${SIZES.map((s) => fmt(s)).join(' | ')} |`;
  console.log(header);
  console.log(`|---|${SIZES.map(() => '---:').join('|')}|`);
  for (const [name, values] of Object.entries(rows)) console.log(`| ${name} | ${values.join(' | ')} |`);
  if (Object.keys(pgRows).length > 0) {
    console.log(`\nPostgreSQL (${BENCH_DATABASE_URL!.replace(/:[^:@/]*@/, ':***@')}), same corpus, same run:\n`);
    console.log(`| PostgreSQL | ${SIZES.map((s) => fmt(s)).join(' | ')} |`);
    console.log(`|---|${SIZES.map(() => '---:').join('|')}|`);
    for (const [name, values] of Object.entries(pgRows)) console.log(`| ${name} | ${values.join(' | ')} |`);
  }
  if (perArticle.length > 1)
    console.log(
      `\nper-article time, largest vs smallest corpus: ${fmt(perArticle[perArticle.length - 1]! / perArticle[0]!, 2)}x`,
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
